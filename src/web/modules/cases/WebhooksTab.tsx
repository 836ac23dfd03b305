import { CASE_EVENT_NAMES, WEBHOOK_FORMATS } from '../../../shared/case-workflow';
import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';
import { useIsPhone, useShowError } from '../../app/hooks';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Webhook = Json<paths['/api/webhooks']['get']['responses'][200]>['items'][number];
type WebhookBody = NonNullable<paths['/api/webhooks']['post']['requestBody']>['content']['application/json'];
type EventName = WebhookBody['events'][number];

/** The case events a webhook may subscribe to (one list with the server's, src/shared/case-workflow.ts). */
export const CASE_EVENTS: readonly EventName[] = CASE_EVENT_NAMES;

interface WebhookForm {
  name: string;
  url: string;
  format: Webhook['format'];
  events: EventName[];
  secret?: string;
  active: boolean;
}

function WebhookDialog({
  hook,
  onClose,
  onSaved,
}: {
  hook: Webhook | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [form] = Form.useForm<WebhookForm>();
  const [saving, setSaving] = useState(false);
  const showError = useShowError();
  const submit = async (v: WebhookForm) => {
    setSaving(true);
    const secret = v.secret?.trim();
    try {
      if (hook) {
        await unwrap(
          api.PATCH('/api/webhooks/{id}', {
            params: { path: { id: hook.id } },
            body: {
              name: v.name,
              url: v.url,
              format: v.format,
              events: v.events,
              active: v.active,
              ...(secret ? { secret } : {}),
            },
          }),
        );
      } else {
        await unwrap(
          api.POST('/api/webhooks', {
            body: {
              name: v.name,
              url: v.url,
              format: v.format,
              events: v.events,
              ...(secret ? { secret } : {}),
            },
          }),
        );
      }
      onSaved();
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={hook ? `${t('common.edit')} · ${hook.name}` : t('webhooks.add')}
      width={phone ? '100%' : 560}
      style={phone ? { top: 0, maxWidth: '100vw', padding: 0 } : undefined}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      mask={{ closable: false }}
      data-testid="webhook-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={
          hook
            ? { ...hook, url: hook.url }
            : { format: 'json', events: ['case.overdue', 'case.escalated'], active: true }
        }
      >
        <Form.Item name="name" label={t('webhooks.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} data-testid="webhook-name" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          rules={[{ required: true, pattern: /^https?:\/\//, message: t('webhooks.urlRule') }]}
        >
          <Input maxLength={500} data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="format" label={t('webhooks.format')}>
          <Select options={WEBHOOK_FORMATS.map((f) => ({ value: f, label: t(`webhooks.formats.${f}`) }))} />
        </Form.Item>
        <Form.Item name="events" label={t('webhooks.events')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={CASE_EVENTS.map((e) => ({ value: e, label: t(`webhooks.eventNames.${eventKey(e)}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('webhooks.secret')}
          extra={hook?.hasSecret ? t('webhooks.secretKept') : undefined}
        >
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
        {hook && (
          <Form.Item name="active" label={t('webhooks.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 'case.overdue' → 'overdue' (the i18n key). */
function eventKey(event: string): 'reported' {
  return event.replace(/^case\./, '') as 'reported';
}

/** Webhooks: where case events are posted (JSON, WeCom or DingTalk robots). */
export function WebhooksTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useQuery({
    queryKey: ['webhooks'],
    queryFn: async () => (await unwrap(api.GET('/api/webhooks'))).items,
  });
  const [editing, setEditing] = useState<Webhook | null | 'new'>(null);
  const remove = async (hook: Webhook) => {
    try {
      await unwrap(api.DELETE('/api/webhooks/{id}', { params: { path: { id: hook.id } } }));
      void message.success(t('common.delete'));
      void list.refetch();
    } catch (error) {
      showError(error);
    }
  };
  const columns: TableColumnsType<Webhook> = [
    { title: t('webhooks.name'), dataIndex: 'name' },
    {
      title: t('webhooks.url'),
      dataIndex: 'url',
      render: (v: string) => <span className="ly-break">{v}</span>,
    },
    {
      title: t('webhooks.format'),
      dataIndex: 'format',
      render: (f: Webhook['format']) => t(`webhooks.formats.${f}`),
    },
    {
      title: t('webhooks.events'),
      dataIndex: 'events',
      render: (events: string[]) => (
        <Space size={[2, 2]} wrap>
          {events.map((e) => (
            <Tag key={e}>{t(`webhooks.eventNames.${eventKey(e)}`)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      render: (_, h) => (
        <Space>
          <Button size="small" type="link" onClick={() => setEditing(h)}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('webhooks.confirmDelete')} onConfirm={() => void remove(h)}>
            <Button size="small" type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <>
      <div className="ly-toolbar">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="webhook-add"
        >
          {t('webhooks.add')}
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<Webhook>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={false}
        data-testid="webhooks-table"
      />
      {editing && (
        <WebhookDialog
          hook={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.refetch();
          }}
        />
      )}
    </>
  );
}

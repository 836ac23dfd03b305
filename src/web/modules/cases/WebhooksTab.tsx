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
import { unwrap } from '../../app/api';
import { useIsPhone, useQuery, useShowError } from '../../app/hooks';
import { CASE_ACTIONS } from '../../../shared/case-workflow';
import { actionLabel, looseApi } from './caseData';

export interface Webhook {
  id: number;
  name: string;
  url: string;
  format: 'json' | 'wecom' | 'dingtalk';
  events: string[];
  active?: boolean;
}

const FORMATS = ['json', 'wecom', 'dingtalk'] as const;
const EVENTS = ['report', ...CASE_ACTIONS.filter((a) => a !== 'comment'), 'overdue'];

function WebhookDialog({
  hook,
  onClose,
  onSaved,
}: {
  hook: Webhook | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const [form] = Form.useForm<Omit<Webhook, 'id'>>();
  const [saving, setSaving] = useState(false);
  const showError = useShowError();
  const submit = async (v: Omit<Webhook, 'id'>) => {
    setSaving(true);
    try {
      if (hook) await unwrap(looseApi.PATCH(`/api/webhooks/${hook.id}`, { body: v }));
      else await unwrap(looseApi.POST('/api/webhooks', { body: v }));
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
        initialValues={hook ?? { format: 'json', events: ['report', 'close'], active: true }}
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
          <Select options={FORMATS.map((f) => ({ value: f, label: t(`webhooks.formats.${f}`) }))} />
        </Form.Item>
        <Form.Item name="events" label={t('webhooks.events')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={EVENTS.map((e) => ({ value: e, label: actionLabel(e, i18n.language) }))}
          />
        </Form.Item>
        <Form.Item name="active" label={t('webhooks.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Webhooks: where case events are posted (JSON, WeCom or DingTalk robots). */
export function WebhooksTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useQuery('webhooks', async () => {
    const data = await unwrap(looseApi.GET('/api/webhooks'));
    return (Array.isArray(data) ? data : ((data as { items?: Webhook[] }).items ?? [])) as Webhook[];
  });
  const [editing, setEditing] = useState<Webhook | null | 'new'>(null);
  const remove = async (hook: Webhook) => {
    try {
      await unwrap(looseApi.DELETE(`/api/webhooks/${hook.id}`));
      void message.success(t('common.delete'));
      list.reload();
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
            <Tag key={e}>{actionLabel(e, i18n.language)}</Tag>
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
        loading={list.loading}
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
            list.reload();
          }}
        />
      )}
    </>
  );
}

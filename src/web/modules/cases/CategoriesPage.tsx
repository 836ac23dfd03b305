import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';
import { useIsPhone, useVersionedSave } from '../../app/hooks';
import { HANDLER_KINDS } from '../../../shared/case-workflow';
import type { Category } from './caseData';
import { useDepartments } from './useCaseRefs';
import { WebhooksTab } from './WebhooksTab';

type Unit = 'hours' | 'days';

interface CategoryForm {
  code?: string;
  parentCode?: string;
  name: string;
  nameEn?: string;
  openingStandard?: string;
  closingStandard?: string;
  acceptLimit: number;
  acceptUnit: Unit;
  dispatchLimit: number;
  dispatchUnit: Unit;
  handleLimit: number;
  handleUnit: Unit;
  defaultHandler: (typeof HANDLER_KINDS)[number];
  defaultDepartment?: string | null;
  photoBefore: boolean;
  photoAfter: boolean;
  escalateWhenOverdue: boolean;
  active: boolean;
}

function LimitField({ name, label }: { name: 'accept' | 'dispatch' | 'handle'; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} required>
      <Space.Compact>
        <Form.Item name={`${name}Limit`} noStyle rules={[{ required: true }]}>
          <InputNumber
            min={0.5}
            max={365}
            step={0.5}
            style={{ width: 100 }}
            data-testid={`category-${name}-limit`}
          />
        </Form.Item>
        <Form.Item name={`${name}Unit`} noStyle>
          <Select
            style={{ width: 100 }}
            options={[
              { value: 'hours', label: t('cases.units.hours') },
              { value: 'days', label: t('cases.units.days') },
            ]}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

function CategoryDialog({
  category,
  majors,
  onClose,
  onSaved,
}: {
  category: Category | null;
  majors: Category[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const [form] = Form.useForm<CategoryForm>();
  const departments = useDepartments();
  const handler = Form.useWatch('defaultHandler', form);
  // the dialog's alert tells of a conflict; the list behind it has the fresh record
  const { saving, conflict, save } = useVersionedSave({ form, notify: false });
  const { message } = App.useApp();
  const isMajor = category !== null && category.parentCode === null;

  const submit = async (v: CategoryForm) => {
    const fields = {
      name: v.name,
      nameEn: v.nameEn ?? '',
      openingStandard: v.openingStandard ?? '',
      closingStandard: v.closingStandard ?? '',
      acceptLimit: v.acceptLimit,
      acceptUnit: v.acceptUnit,
      dispatchLimit: v.dispatchLimit,
      dispatchUnit: v.dispatchUnit,
      handleLimit: v.handleLimit,
      handleUnit: v.handleUnit,
      defaultHandler: v.defaultHandler,
      defaultDepartment: v.defaultHandler === 'department' ? (v.defaultDepartment ?? null) : null,
      photoBefore: v.photoBefore,
      photoAfter: v.photoAfter,
      escalateWhenOverdue: v.escalateWhenOverdue,
      active: v.active,
    };
    await save(async () => {
      if (category) {
        await unwrap(
          api.PATCH('/api/case-categories/{code}', {
            params: { path: { code: category.code } },
            body: isMajor
              ? { version: category.version, name: v.name, nameEn: v.nameEn ?? '', active: v.active }
              : { version: category.version, ...fields },
          }),
        );
      } else {
        await unwrap(
          api.POST('/api/case-categories', {
            body: { code: v.code ?? '', kind: 'local', ...fields },
          }),
        );
      }
      void message.success(t('common.save'));
      onSaved();
    });
  };

  return (
    <Modal
      open
      title={category ? `${t('common.edit')} · ${category.name}` : t('cases.categories.add')}
      width={phone ? '100%' : 640}
      style={phone ? { top: 0, maxWidth: '100vw', padding: 0 } : undefined}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      mask={{ closable: false }}
      data-testid="category-dialog"
    >
      {conflict && <Alert type="warning" showIcon title={t('errors.conflict')} className="ly-form-alert" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={
          category ?? {
            acceptLimit: 1,
            acceptUnit: 'hours',
            dispatchLimit: 1,
            dispatchUnit: 'hours',
            handleLimit: 1,
            handleUnit: 'days',
            defaultHandler: 'grid_worker',
            photoBefore: true,
            photoAfter: true,
            escalateWhenOverdue: false,
            active: true,
            parentCode: '10',
          }
        }
      >
        {!category && (
          <Space wrap>
            <Form.Item name="parentCode" label={t('cases.categories.major')} rules={[{ required: true }]}>
              <Select
                style={{ width: 200 }}
                options={majors.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))}
              />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('cases.categories.code')}
              dependencies={['parentCode']}
              rules={[
                { required: true, pattern: /^\d{4}$/, message: t('cases.categories.codeRule') },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    !value || value.startsWith(String(getFieldValue('parentCode')))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('cases.categories.codeRule'))),
                }),
              ]}
            >
              <Input maxLength={4} style={{ width: 120 }} data-testid="category-code" />
            </Form.Item>
          </Space>
        )}
        <Space wrap>
          <Form.Item
            name="name"
            label={t('cases.categories.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={50} data-testid="category-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('cases.categories.nameEn')}>
            <Input maxLength={100} />
          </Form.Item>
        </Space>
        {!isMajor && (
          <>
            <Form.Item name="openingStandard" label={t('cases.standards.opening')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="closingStandard" label={t('cases.standards.closing')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Space wrap>
              <LimitField name="accept" label={t('cases.deadlines.accept')} />
              <LimitField name="dispatch" label={t('cases.deadlines.dispatch')} />
              <LimitField name="handle" label={t('cases.deadlines.handle')} />
            </Space>
            <Space wrap>
              <Form.Item name="defaultHandler" label={t('cases.categories.handler')}>
                <Select
                  style={{ width: 180 }}
                  options={HANDLER_KINDS.map((k) => ({ value: k, label: t(`cases.handlerKind.${k}`) }))}
                />
              </Form.Item>
              {handler === 'department' && (
                <Form.Item
                  name="defaultDepartment"
                  label={t('cases.form.department')}
                  rules={[{ required: true }]}
                >
                  <Select
                    style={{ width: 220 }}
                    options={departments.map((d) => ({
                      value: d.code,
                      label: i18n.language === 'en' && d.nameEn ? d.nameEn : d.name,
                    }))}
                  />
                </Form.Item>
              )}
            </Space>
            <Space wrap size="large">
              <Form.Item name="photoBefore" label={t('cases.photoStage.before')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="photoAfter" label={t('cases.photoStage.after')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item
                name="escalateWhenOverdue"
                label={t('cases.categories.escalate')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Space>
          </>
        )}
        <Form.Item name="active" label={t('cases.categories.active')} valuePropName="checked">
          <Switch data-testid="category-active" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CategoriesTab() {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const list = useQuery({
    queryKey: ['case-categories-all', i18n.language],
    queryFn: () => unwrap(api.GET('/api/case-categories', { params: { query: { all: true } } })),
  });
  const [editing, setEditing] = useState<Category | null | 'new'>(null);
  const departments = useDepartments();
  const deptName = (code: string) => {
    const d = departments.find((x) => x.code === code);
    return d ? (i18n.language === 'en' && d.nameEn ? d.nameEn : d.name) : code;
  };
  const items = list.data?.items ?? [];
  const majors = items.filter((c) => c.parentCode === null);
  const unit = (n: number, u: Unit) => `${n} ${t(`cases.units.${u}`)}`;
  const columns: TableColumnsType<Category> = [
    {
      title: t('cases.categories.code'),
      dataIndex: 'code',
      render: (v: string) => <span className="ly-mono">{v}</span>,
    },
    {
      title: t('cases.categories.name'),
      render: (_, c) => (
        <Space size={4}>
          {c.parentCode === null ? <Typography.Text strong>{c.name}</Typography.Text> : c.name}
          {!c.active && <Tag>{t('cases.categories.retired')}</Tag>}
        </Space>
      ),
    },
    ...(phone
      ? []
      : ([
          {
            title: t('cases.deadlines.accept'),
            render: (_, c) => (c.parentCode ? unit(c.acceptLimit, c.acceptUnit) : ''),
          },
          {
            title: t('cases.deadlines.dispatch'),
            render: (_, c) => (c.parentCode ? unit(c.dispatchLimit, c.dispatchUnit) : ''),
          },
          {
            title: t('cases.deadlines.handle'),
            render: (_, c) => (c.parentCode ? unit(c.handleLimit, c.handleUnit) : ''),
          },
          {
            title: t('cases.categories.handler'),
            render: (_, c) =>
              c.parentCode
                ? `${t(`cases.handlerKind.${c.defaultHandler}`)}${c.defaultDepartment ? ` · ${deptName(c.defaultDepartment)}` : ''}`
                : '',
          },
          {
            title: t('cases.standards.evidence'),
            render: (_, c) =>
              c.parentCode
                ? [c.photoBefore && t('cases.photoStage.before'), c.photoAfter && t('cases.photoStage.after')]
                    .filter(Boolean)
                    .join('、') || '—'
                : '',
          },
        ] as TableColumnsType<Category>)),
    {
      title: t('common.actions'),
      render: (_, c) => (
        <Button
          size="small"
          type="link"
          onClick={() => setEditing(c)}
          data-testid={`category-edit-${c.code}`}
        >
          {t('common.edit')}
        </Button>
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
          data-testid="category-add"
        >
          {t('cases.categories.add')}
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<Category>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={false}
        rowClassName={(c) => (c.parentCode === null ? 'ly-row-major' : '')}
        data-testid="categories-table"
      />
      {editing && (
        <CategoryDialog
          category={editing === 'new' ? null : editing}
          majors={majors}
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

/** 类别管理: the category catalogue and the outgoing webhooks. */
export function CategoriesPage() {
  const { t } = useTranslation();
  return (
    <div className="ly-page" data-testid="categories-page">
      <Typography.Title level={3} className="ly-page-title">
        {t('cases.categories.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'categories', label: t('cases.categories.tab'), children: <CategoriesTab /> },
          { key: 'webhooks', label: t('webhooks.tab'), children: <WebhooksTab /> },
        ]}
      />
    </div>
  );
}

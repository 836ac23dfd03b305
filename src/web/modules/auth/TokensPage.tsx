import { useQuery } from '@tanstack/react-query';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ApiToken } from '../../app/api';
import { useIsPhone, useShowError } from '../../app/hooks';
import { formatDateTime } from '../../app/i18n';

interface TokenForm {
  name: string;
  expiresInDays?: number | null;
}

type TokenStatus = 'active' | 'revoked' | 'expired';

function statusOf(token: ApiToken, now: number): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

const STATUS_COLOR: Record<TokenStatus, string> = { active: 'green', revoked: 'default', expired: 'orange' };

export function TokensPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const phone = useIsPhone();
  const [form] = Form.useForm<TokenForm>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: async () => ({ items: await unwrap(api.GET('/api/auth/tokens')), now: Date.now() }),
  });

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = tokens.data?.items ?? [];
    return q
      ? all.filter((r) => r.name.toLowerCase().includes(q) || r.prefix.toLowerCase().includes(q))
      : all;
  }, [tokens.data, filter]);
  const now = tokens.data?.now ?? 0;

  const onCreate = async (values: TokenForm) => {
    setCreating(true);
    try {
      const result = await unwrap(
        api.POST('/api/auth/tokens', {
          body: {
            name: values.name.trim(),
            ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}),
          },
        }),
      );
      setCreated({ token: result.token, name: result.apiToken.name });
      form.resetFields();
      void tokens.refetch();
    } catch (error) {
      showError(error, form);
    } finally {
      setCreating(false);
    }
  };

  const revoke = async (token: ApiToken) => {
    try {
      await unwrap(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id: token.id } } }));
      void message.success(t('account.revoked'));
      void tokens.refetch();
    } catch (error) {
      showError(error);
    }
  };

  const renderRevoke = (token: ApiToken) =>
    statusOf(token, now) === 'revoked' ? null : (
      <Popconfirm
        title={t('account.revokeConfirm', { name: token.name })}
        okText={t('account.revoke')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => revoke(token)}
      >
        <Button type="link" danger size="small" data-testid={`revoke-token-${token.id}`}>
          {t('account.revoke')}
        </Button>
      </Popconfirm>
    );

  const renderStatus = (token: ApiToken) => {
    const status = statusOf(token, now);
    return <Tag color={STATUS_COLOR[status]}>{t(`account.status.${status}`)}</Tag>;
  };

  // On phones one stacked cell per token.
  const phoneColumns: TableColumnsType<ApiToken> = [
    {
      title: t('account.tokensTitle'),
      key: 'token',
      render: (_, token) => (
        <div className="ly-stack">
          <div className="ly-stack-line">
            <Typography.Text strong>{token.name}</Typography.Text>
            {renderStatus(token)}
          </div>
          <Typography.Text code>{token.prefix}…</Typography.Text>
          <Typography.Text type="secondary">
            {t('account.columns.createdAt')} {formatDateTime(token.createdAt, i18n.language)}
            {' · '}
            {t('account.columns.lastUsedAt')}{' '}
            {token.lastUsedAt ? formatDateTime(token.lastUsedAt, i18n.language) : t('account.never')}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('account.columns.expiresAt')}{' '}
            {token.expiresAt ? formatDateTime(token.expiresAt, i18n.language) : t('account.noExpiry')}
          </Typography.Text>
          <div>{renderRevoke(token)}</div>
        </div>
      ),
    },
  ];

  const columns: TableColumnsType<ApiToken> = [
    { title: t('account.columns.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('account.columns.prefix'),
      dataIndex: 'prefix',
      key: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('account.columns.status'),
      key: 'status',
      render: (_, token) => renderStatus(token),
    },
    {
      title: t('account.columns.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (value: string) => formatDateTime(value, i18n.language),
    },
    {
      title: t('account.columns.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      render: (value: string | null) => (value ? formatDateTime(value, i18n.language) : t('account.never')),
    },
    {
      title: t('account.columns.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      render: (value: string | null) =>
        value ? formatDateTime(value, i18n.language) : t('account.noExpiry'),
    },
    { title: t('common.actions'), key: 'actions', render: (_, token) => renderRevoke(token) },
  ];

  return (
    <div className="ly-page">
      <Typography.Title level={4} className="ly-page-title">
        {t('account.tokensTitle')}
      </Typography.Title>
      <Card className="ly-section">
        <Typography.Paragraph type="secondary">{t('account.tokensIntro')}</Typography.Paragraph>
        <Form<TokenForm>
          form={form}
          layout={phone ? 'vertical' : 'inline'}
          className="ly-inline-form"
          onFinish={(values) => void onCreate(values)}
          data-testid="token-form"
        >
          <Form.Item
            name="name"
            label={t('account.tokenName')}
            rules={[{ required: true, whitespace: true, message: t('account.required') }, { max: 60 }]}
          >
            <Input placeholder={t('account.tokenNamePlaceholder')} data-testid="token-name" maxLength={60} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('account.expiresInDays')}>
            <InputNumber
              min={1}
              max={3650}
              precision={0}
              placeholder={t('account.expiresPlaceholder')}
              className="ly-days-input"
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<PlusOutlined />}
              loading={creating}
              data-testid="token-create"
            >
              {t('account.createToken')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <div className="ly-toolbar">
          <Input.Search
            allowClear
            placeholder={t('account.tokenName')}
            onSearch={(value) => {
              setFilter(value);
              setPage(1);
            }}
            className="ly-toolbar-search"
          />
        </div>
        {tokens.error && (
          <Alert type="error" showIcon title={tokens.error.message} className="ly-form-alert" />
        )}
        <Table<ApiToken>
          rowKey="id"
          size="middle"
          columns={phone ? phoneColumns : columns}
          dataSource={rows}
          loading={tokens.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          data-testid="tokens-table"
          pagination={{
            current: page,
            pageSize: 10,
            total: rows.length,
            onChange: setPage,
            showTotal: (total) => t('common.total', { total }),
            hideOnSinglePage: true,
          }}
        />
      </Card>
      <Modal
        open={created !== null}
        title={
          <span>
            <KeyOutlined /> {t('account.tokenCreatedTitle')}
          </span>
        }
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('common.close')}
          </Button>
        }
        mask={{ closable: false }}
      >
        <Typography.Paragraph>{t('account.tokenCreated')}</Typography.Paragraph>
        <div className="ly-token-box">
          <code className="ly-token-value" data-testid="token-value">
            {created?.token}
          </code>
          <Typography.Text copyable={{ text: created?.token ?? '' }} className="ly-token-copy">
            {t('common.copy')}
          </Typography.Text>
        </div>
      </Modal>
    </div>
  );
}

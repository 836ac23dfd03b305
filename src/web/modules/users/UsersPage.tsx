import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ManagedUser, type Role } from '../../app/api';
import { useIsPhone, useShowError } from '../../app/hooks';
import { formatDateTime } from '../../app/i18n';
import { PagedTable } from '../../app/PagedTable';
import { usePagedList } from '../../app/usePagedList';
import { useCurrentSession } from '../../app/session';
import { CreateUserDialog, EditUserDialog, ResetPasswordDialog } from './UserDialogs';

const ALL_ROLES: readonly Role[] = [
  'district_admin',
  'street_staff',
  'community_staff',
  'grid_worker',
  'department_staff',
  'resident',
  'system_admin',
  'security_admin',
  'audit_admin',
];

const FILTERS = { role: 'string' } as const;

/** The role filter as read from the URL: one of the roles, or none. */
function roleOf(value: string | undefined): Role | undefined {
  return ALL_ROLES.find((r) => r === value);
}

type Dialog =
  { kind: 'create' } | { kind: 'edit'; user: ManagedUser } | { kind: 'reset'; user: ManagedUser } | null;

/** Accounts bound within the administrator's subtree: search, page, create, edit, reset, unlock. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const phone = useIsPhone();
  const { can } = useCurrentSession();
  const [dialog, setDialog] = useState<Dialog>(null);

  const list = usePagedList({
    queryKey: ['users'],
    filters: FILTERS,
    queryFn: async ({ q, filters, page, pageSize }) => {
      const role = roleOf(filters.role);
      return {
        result: await unwrap(
          api.GET('/api/users', {
            params: { query: { ...(q ? { q } : {}), ...(role ? { role } : {}), page, pageSize } },
          }),
        ),
        now: Date.now(),
      };
    },
  });
  const users = list.query;
  const role = roleOf(list.filters.role);
  // the search box follows the URL (back button, a shared link) and is sent on Enter
  const [text, setText] = useState(list.q);
  const [shownQ, setShownQ] = useState(list.q);
  if (shownQ !== list.q) {
    setShownQ(list.q);
    setText(list.q);
  }
  const now = users.data?.now ?? 0;

  const unlock = async (user: ManagedUser) => {
    try {
      await unwrap(api.POST('/api/users/{id}/unlock', { params: { path: { id: user.id } } }));
      void message.success(t('users.unlocked'));
      void users.refetch();
    } catch (error) {
      showError(error);
    }
  };

  const renderStatus = (user: ManagedUser) => {
    const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
    return (
      <Space size={4} wrap>
        {user.disabled ? (
          <Tag color="default">{t('users.status.disabled')}</Tag>
        ) : (
          <Tag color="green">{t('users.status.active')}</Tag>
        )}
        {locked && <Tag color="red">{t('users.status.locked')}</Tag>}
        {user.mustChangePassword && <Tag color="orange">{t('users.status.mustChange')}</Tag>}
      </Space>
    );
  };

  const renderActions = (user: ManagedUser) => {
    const allowed = new Set(user.allowedActions);
    return (
      <Space size={0} wrap>
        {(allowed.has('update') || allowed.has('changeRole')) && (
          <Button
            type="link"
            size="small"
            onClick={() => setDialog({ kind: 'edit', user })}
            data-testid={`user-edit-${user.username}`}
          >
            {t('users.actions.edit')}
          </Button>
        )}
        {allowed.has('resetPassword') && (
          <Button
            type="link"
            size="small"
            onClick={() => setDialog({ kind: 'reset', user })}
            data-testid={`user-reset-${user.username}`}
          >
            {t('users.actions.resetPassword')}
          </Button>
        )}
        {allowed.has('unlock') && (
          <Popconfirm
            title={t('users.unlockConfirm', { name: user.displayName })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => unlock(user)}
          >
            <Button type="link" size="small" data-testid={`user-unlock-${user.username}`}>
              {t('users.actions.unlock')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  };

  // On phones one stacked cell per account, with its actions below.
  const phoneColumns: TableColumnsType<ManagedUser> = [
    {
      title: t('users.title'),
      key: 'user',
      render: (_, user) => (
        <div className="ly-stack">
          <div className="ly-stack-line">
            <Typography.Text strong>{user.username}</Typography.Text>
            <span>{user.displayName}</span>
            <Tag color="blue">{t(`roles.${user.role}`)}</Tag>
          </div>
          <Typography.Text type="secondary">
            {user.place.name} {user.place.code}
          </Typography.Text>
          <div className="ly-stack-line">
            {renderStatus(user)}
            {renderActions(user)}
          </div>
        </div>
      ),
    },
  ];

  const columns: TableColumnsType<ManagedUser> = [
    {
      title: t('users.fields.username'),
      dataIndex: 'username',
      key: 'username',
      fixed: 'left',
      render: (username: string) => <Typography.Text strong>{username}</Typography.Text>,
    },
    { title: t('users.fields.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('users.fields.role'),
      dataIndex: 'role',
      key: 'role',
      render: (value: Role, user) => (
        <>
          <Tag color="blue">{t(`roles.${value}`)}</Tag>
          {user.department && <Tag>{user.department.name}</Tag>}
        </>
      ),
    },
    {
      title: t('users.fields.place'),
      key: 'place',
      render: (_, user) => (
        <span>
          {user.place.name} <Typography.Text type="secondary">{user.place.code}</Typography.Text>
        </span>
      ),
    },
    { title: t('users.fields.status'), key: 'status', render: (_, user) => renderStatus(user) },
    {
      title: t('users.fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (value: string) => formatDateTime(value, i18n.language),
    },
    { title: t('common.actions'), key: 'actions', render: (_, user) => renderActions(user) },
  ];

  const result = users.data?.result;
  return (
    <div className="ly-page">
      <Typography.Title level={4} className="ly-page-title">
        {t('users.title')}
      </Typography.Title>
      <Card>
        <div className="ly-toolbar">
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => list.setSearch(value)}
            className="ly-toolbar-search"
            data-testid="users-search"
            maxLength={40}
          />
          <Select<Role>
            allowClear
            placeholder={t('users.allRoles')}
            value={role}
            onChange={(value) => list.setFilter('role', value)}
            options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            className="ly-toolbar-select"
            data-testid="users-role-filter"
          />
          <div className="ly-toolbar-spacer" />
          {can('users.create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          )}
        </div>
        {users.error && <Alert type="error" showIcon title={users.error.message} className="ly-form-alert" />}
        <PagedTable<ManagedUser>
          list={list}
          total={result?.total ?? 0}
          rowKey="id"
          size="middle"
          columns={phone ? phoneColumns : columns}
          dataSource={result?.items ?? []}
          scroll={phone ? undefined : { x: 'max-content' }}
          data-testid="users-table"
        />
      </Card>
      {dialog?.kind === 'create' && (
        <CreateUserDialog onClose={() => setDialog(null)} onSaved={() => void users.refetch()} />
      )}
      {dialog?.kind === 'edit' && (
        <EditUserDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={() => void users.refetch()}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={() => void users.refetch()}
        />
      )}
    </div>
  );
}

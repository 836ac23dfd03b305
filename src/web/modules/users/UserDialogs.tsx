import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, Select, Switch, Typography } from 'antd';
import { FormDialog } from '../../app/FormDialog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStrongPassword } from '../../../shared/password-policy';
import { api, unwrap, type ManagedRole, type ManagedUser, type UpdateUserBody } from '../../app/api';
import { useShowError, useVersionedSave } from '../../app/hooks';
import { PasswordPolicyHint } from '../auth/PasswordPolicyHint';
import { PlaceSelect } from '../places/PlaceSelect';

/** Roles an administrator may give (administrator accounts come from the CLI). */
export const MANAGED_ROLES: readonly ManagedRole[] = [
  'district_admin',
  'street_staff',
  'community_staff',
  'grid_worker',
  'department_staff',
  'resident',
];

const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,39}$/;

function usePasswordRules() {
  const { t } = useTranslation();
  return [
    { required: true, message: t('users.required') },
    {
      validator: (_: unknown, value: string | undefined) =>
        !value || isStrongPassword(value) ? Promise.resolve() : Promise.reject(new Error(t('account.weak'))),
    },
  ];
}

/** The departments a department account may belong to (城市管理局, 公安分局 …). */
function DepartmentField() {
  const { t, i18n } = useTranslation();
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => unwrap(api.GET('/api/departments')),
  });
  return (
    <Form.Item
      name="departmentCode"
      label={t('users.fields.department')}
      rules={[{ required: true, message: t('users.required') }]}
    >
      <Select
        loading={!departments.data}
        options={(departments.data?.items ?? []).map((d) => ({
          value: d.code,
          label: i18n.language === 'en' ? d.nameEn || d.name : d.name,
        }))}
        data-testid="user-field-department"
      />
    </Form.Item>
  );
}

function useRoleOptions() {
  const { t } = useTranslation();
  return MANAGED_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

interface CreateForm {
  username: string;
  displayName: string;
  role: ManagedRole;
  placeCode: string;
  departmentCode?: string;
  password: string;
}

export function CreateUserDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<CreateForm>();
  const password = Form.useWatch('password', form) ?? '';
  const [saving, setSaving] = useState(false);
  const passwordRules = usePasswordRules();
  const roleOptions = useRoleOptions();
  const role = Form.useWatch('role', form);

  const submit = async (values: CreateForm) => {
    setSaving(true);
    try {
      const user = await unwrap(
        api.POST('/api/users', {
          body: { ...values, username: values.username.trim(), displayName: values.displayName.trim() },
        }),
      );
      void message.success(t('users.created', { name: user.displayName }));
      onSaved();
      onClose();
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      title={t('users.createTitle')}
      okText={t('common.create')}
      form={form}
      saving={saving}
      onClose={onClose}
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{ role: 'community_staff' }}
        onFinish={(values) => void submit(values)}
        data-testid="user-create-form"
      >
        <Form.Item
          name="username"
          label={t('users.fields.username')}
          extra={t('users.usernameHint')}
          rules={[
            { required: true, message: t('users.required') },
            { pattern: USERNAME_RE, message: t('users.usernameFormat') },
          ]}
        >
          <Input autoComplete="off" maxLength={40} data-testid="user-field-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.fields.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }, { max: 40 }]}
        >
          <Input maxLength={40} data-testid="user-field-display-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.fields.role')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <Select options={roleOptions} data-testid="user-field-role" />
        </Form.Item>
        <Form.Item
          name="placeCode"
          label={t('users.fields.place')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <PlaceSelect data-testid="user-field-place" />
        </Form.Item>
        {role === 'department_staff' && <DepartmentField />}
        <Form.Item
          name="password"
          label={t('users.fields.password')}
          extra={<PasswordPolicyHint password={password} />}
          rules={passwordRules}
        >
          <Input.Password autoComplete="new-password" data-testid="user-field-password" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

interface EditForm {
  displayName: string;
  disabled: boolean;
  role: ManagedRole;
  placeCode: string;
  departmentCode?: string;
}

function isManagedRole(role: string): role is ManagedRole {
  return (MANAGED_ROLES as readonly string[]).includes(role);
}

/**
 * Edit an account. The system administrator edits the profile and disables; the security administrator
 * changes the role and the place binding — the fields shown follow the account's allowedActions.
 */
export function EditUserDialog({
  user,
  onClose,
  onSaved,
}: {
  user: ManagedUser;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const [base, setBase] = useState(user);
  const { saving, conflict, save } = useVersionedSave({
    form,
    refetch: async () => {
      const fresh = await unwrap(api.GET('/api/users/{id}', { params: { path: { id: base.id } } }));
      setBase(fresh);
      form.setFieldsValue(valuesOf(fresh));
      onSaved();
    },
  });
  const roleOptions = useRoleOptions();
  const canProfile = base.allowedActions.includes('update');
  const canRole = base.allowedActions.includes('changeRole');
  const role = Form.useWatch('role', form);

  const valuesOf = (u: ManagedUser): Partial<EditForm> => ({
    displayName: u.displayName,
    disabled: u.disabled,
    ...(isManagedRole(u.role) ? { role: u.role } : {}),
    placeCode: u.place.code,
    ...(u.department ? { departmentCode: u.department.code } : {}),
  });

  const submit = async (values: EditForm) => {
    const body: UpdateUserBody = { version: base.version };
    if (canProfile) {
      const displayName = values.displayName.trim();
      if (displayName !== base.displayName) body.displayName = displayName;
      if (values.disabled !== base.disabled) body.disabled = values.disabled;
    }
    if (canRole) {
      if (values.role !== base.role) body.role = values.role;
      if (values.placeCode !== base.place.code) body.placeCode = values.placeCode;
      if (values.role === 'department_staff' && values.departmentCode !== base.department?.code) {
        body.departmentCode = values.departmentCode;
      }
    }
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    await save(async () => {
      await unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: base.id } }, body }));
      void message.success(t('users.saved'));
      onSaved();
      onClose();
    });
  };

  return (
    <FormDialog
      title={t('users.editTitle', { name: base.displayName })}
      okText={t('common.save')}
      form={form}
      saving={saving}
      onClose={onClose}
      conflict={conflict}
    >
      <Form<EditForm>
        form={form}
        layout="vertical"
        initialValues={valuesOf(user)}
        onFinish={(values) => void submit(values)}
        data-testid="user-edit-form"
      >
        <Form.Item label={t('users.fields.username')}>
          <Typography.Text code>{base.username}</Typography.Text>
        </Form.Item>
        {canProfile && (
          <>
            <Form.Item
              name="displayName"
              label={t('users.fields.displayName')}
              rules={[{ required: true, whitespace: true, message: t('users.required') }, { max: 40 }]}
            >
              <Input maxLength={40} data-testid="user-field-display-name" />
            </Form.Item>
            <Form.Item name="disabled" label={t('users.fields.disabled')} valuePropName="checked">
              <Switch data-testid="user-field-disabled" />
            </Form.Item>
          </>
        )}
        {canRole && (
          <>
            <Form.Item
              name="role"
              label={t('users.fields.role')}
              rules={[{ required: true, message: t('users.required') }]}
            >
              <Select options={roleOptions} data-testid="user-field-role" />
            </Form.Item>
            <Form.Item
              name="placeCode"
              label={t('users.fields.place')}
              rules={[{ required: true, message: t('users.required') }]}
            >
              <PlaceSelect initial={base.place} data-testid="user-field-place" />
            </Form.Item>
            {role === 'department_staff' && <DepartmentField />}
          </>
        )}
      </Form>
    </FormDialog>
  );
}

export function ResetPasswordDialog({
  user,
  onClose,
  onSaved,
}: {
  user: ManagedUser;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ newPassword: string }>();
  const password = Form.useWatch('newPassword', form) ?? '';
  const [saving, setSaving] = useState(false);
  const passwordRules = usePasswordRules();

  const submit = async (newPassword: string) => {
    setSaving(true);
    try {
      await unwrap(
        api.POST('/api/users/{id}/reset-password', {
          params: { path: { id: user.id } },
          body: { newPassword },
        }),
      );
      void message.success(t('users.resetDone'));
      onSaved();
      onClose();
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('common.save')}
      form={form}
      saving={saving}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values.newPassword)}>
        <Form.Item
          name="newPassword"
          label={t('users.fields.newPassword')}
          extra={<PasswordPolicyHint password={password} />}
          rules={passwordRules}
        >
          <Input.Password autoComplete="new-password" data-testid="user-field-new-password" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

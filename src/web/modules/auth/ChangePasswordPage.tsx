import { App, Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isStrongPassword } from '../../../shared/password-policy';
import { api, unwrap } from '../../app/api';
import { safeNext } from '../../app/guards';
import { useShowError } from '../../app/hooks';
import { useCurrentSession, useSession } from '../../app/session';
import { PasswordPolicyHint } from './PasswordPolicyHint';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordForm>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const { message } = App.useApp();
  const showError = useShowError();
  const { refresh } = useSession();
  const { user } = useCurrentSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: PasswordForm) => {
    setSaving(true);
    try {
      await unwrap(
        api.POST('/api/auth/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      );
      void message.success(t('account.changed'));
      form.resetFields();
      await refresh();
      const next = params.get('next');
      if (next) await navigate(safeNext(next), { replace: true });
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="ly-page ly-narrow">
      <Typography.Title level={4} className="ly-page-title">
        {t('account.passwordTitle')}
      </Typography.Title>
      <Card>
        {user.mustChangePassword && (
          <Alert type="warning" showIcon title={t('mustChange.banner')} className="ly-form-alert" />
        )}
        <Typography.Paragraph type="secondary">{t('account.otherSessions')}</Typography.Paragraph>
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          onFinish={(values) => void onFinish(values)}
          data-testid="password-form"
        >
          <Form.Item
            name="currentPassword"
            label={t('account.currentPassword')}
            rules={[{ required: true, message: t('account.required') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('account.newPassword')}
            extra={<PasswordPolicyHint password={newPassword} />}
            rules={[
              { required: true, message: t('account.required') },
              {
                validator: (_, value: string | undefined) =>
                  !value || isStrongPassword(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.weak'))),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('account.required') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="password-submit">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

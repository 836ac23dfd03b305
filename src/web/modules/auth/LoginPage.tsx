import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { toApiError } from '../../app/api';
import { safeNext } from '../../app/guards';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useSession } from '../../app/session';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  // Logged in (now or already): go where the user wanted, by way of the password page if it must change.
  if (state.status === 'authenticated') {
    const to = state.session.user.mustChangePassword
      ? `/account/password?next=${encodeURIComponent(next)}`
      : next;
    return <Navigate to={to} replace />;
  }

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (e) {
      setError(toApiError(e).message);
      setSubmitting(false);
    }
  };

  return (
    <div className="ly-login">
      <div className="ly-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="ly-login-card">
        <div className="ly-login-brand">
          <span className="ly-logo-mark ly-logo-mark-large">楼</span>
          <div>
            <Typography.Title level={3} className="ly-login-title">
              {t('login.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
        </div>
        {error && (
          <Alert type="error" showIcon title={error} className="ly-login-error" data-testid="login-error" />
        )}
        <Form<LoginForm>
          layout="vertical"
          onFinish={(values) => void onFinish(values)}
          requiredMark={false}
          size="large"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, passwordClasses } from '../../../shared/password-policy';

/** The password policy, ticked off as the user types (the server checks it again). */
export function PasswordPolicyHint({ password }: { password: string }) {
  const { t } = useTranslation();
  const classes = passwordClasses(password);
  const rules = [
    { key: 'length', ok: password.length >= PASSWORD_MIN_LENGTH, label: t('account.rules.length') },
    { key: 'classes', ok: classes >= 3, label: t('account.rules.classes', { count: classes }) },
  ];
  return (
    <ul className="ly-policy" data-testid="password-policy">
      {rules.map((rule) => (
        <li key={rule.key}>
          {rule.ok ? <CheckCircleFilled className="ly-ok" /> : <CloseCircleOutlined className="ly-muted" />}
          <Typography.Text type={rule.ok ? 'success' : 'secondary'}>{rule.label}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

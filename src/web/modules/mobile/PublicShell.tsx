import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';

/** The frame of the public pages (no account): the brand and the language switch above the page. */
export function PublicShell({ children, testId }: { children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="ly-public" data-testid={testId}>
      <div className="ly-public-head">
        <span className="ly-logo-mark">楼</span>
        <Typography.Text strong>{t('public.brand')}</Typography.Text>
        <div className="ly-header-spacer" />
        <LanguageSwitch />
      </div>
      <div className="ly-mobile">{children}</div>
    </div>
  );
}

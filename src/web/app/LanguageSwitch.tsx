import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang, setLang } from './i18n';

/** 中文 / English: shown in the console header and on the public pages. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      aria-label={t('lang.switchLabel')}
      data-testid="lang-switch"
      onClick={() => void setLang(currentLang() === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.other')}
    </Button>
  );
}

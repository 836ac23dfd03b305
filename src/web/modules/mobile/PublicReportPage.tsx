import { Alert, App, Button, Card, Input, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, toApiError, unwrap } from '../../app/api';
import { COMMON_CATEGORIES } from '../cases/caseData';
import { PointPicker, type Point } from '../cases/PointPicker';
import { PublicShell } from './PublicShell';

/** The category choice without an account: the catalogue is not public, so the common local ones by name. */
function usePublicCategories() {
  const { t } = useTranslation();
  return COMMON_CATEGORIES.map((code) => ({
    value: code,
    label: t(`public.categories.${code}` as 'public.categories.1001'),
  }));
}

/** /report: report without an account — phone, SMS code, the problem and its place. */
export function PublicReportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const categories = usePublicCategories();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [cooldown, setCooldown] = useState(0);
  const [category, setCategory] = useState<string | undefined>();
  const [description, setDescription] = useState('');
  const [name, setName] = useState('');
  const [point, setPoint] = useState<Point | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ code: string; token: string } | null>(null);

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = window.setTimeout(() => setCooldown((c) => c - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [cooldown]);

  const askCode = async () => {
    setError(null);
    try {
      await unwrap(api.POST('/api/public/otp', { body: { phone: phone.trim() } }));
      void message.success(t('public.codeSent'));
      setCooldown(60);
    } catch (e) {
      setError(toApiError(e).message);
    }
  };

  const send = async () => {
    if (!category || !point) return;
    setSending(true);
    setError(null);
    try {
      const result = await unwrap(
        api.POST('/api/public/reports', {
          body: {
            phone: phone.trim(),
            code: code.trim(),
            categoryCode: category,
            description: description.trim(),
            lng: point.lng,
            lat: point.lat,
            ...(name.trim() ? { reporterName: name.trim() } : {}),
          },
        }),
      );
      setDone({ code: result.code, token: result.token });
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setSending(false);
    }
  };

  if (done) {
    return (
      <PublicShell testId="public-report-done">
        <Result
          status="success"
          title={t('public.filed')}
          subTitle={
            <span>
              {t('cases.columns.code')}：
              <span className="ly-mono" data-testid="public-case-code">
                {done.code}
              </span>
            </span>
          }
          extra={
            <Link to={`/report/${done.token}`} data-testid="public-case-link">
              <Button type="primary" size="large">
                {t('public.follow')}
              </Button>
            </Link>
          }
        >
          <Typography.Paragraph type="secondary">{t('public.keepLink')}</Typography.Paragraph>
        </Result>
      </PublicShell>
    );
  }

  const ready = phone.trim() && /^\d{6}$/.test(code.trim()) && category && description.trim() && point;
  return (
    <PublicShell testId="public-report">
      <Typography.Title level={4}>{t('public.title')}</Typography.Title>
      <Card size="small" title={t('public.phone')} className="ly-section">
        <Space.Compact className="ly-full-width">
          <Input
            inputMode="tel"
            maxLength={20}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            placeholder="138xxxxxxxx"
            data-testid="public-phone"
          />
          <Button
            disabled={!phone.trim() || cooldown > 0}
            onClick={() => void askCode()}
            data-testid="public-get-code"
          >
            {cooldown > 0 ? t('public.resendIn', { s: cooldown }) : t('public.getCode')}
          </Button>
        </Space.Compact>
        <Input
          inputMode="numeric"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={t('public.code')}
          style={{ marginTop: 8 }}
          data-testid="public-code"
        />
      </Card>
      <Card size="small" title={t('cases.columns.category')} className="ly-section">
        <div className="ly-big-grid">
          {categories.map((c) => (
            <Button
              key={c.value}
              size="large"
              type={category === c.value ? 'primary' : 'default'}
              onClick={() => setCategory(c.value)}
              data-testid={`public-category-${c.value}`}
            >
              {c.label}
            </Button>
          ))}
        </div>
      </Card>
      <Card size="small" title={t('cases.columns.description')} className="ly-section">
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="public-description"
        />
        <Input
          value={name}
          maxLength={50}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('public.name')}
          style={{ marginTop: 8 }}
        />
      </Card>
      <Card size="small" title={t('cases.form.point')} className="ly-section">
        <Button
          block
          size="large"
          onClick={() =>
            navigator.geolocation?.getCurrentPosition(
              (pos) => setPoint({ lng: pos.coords.longitude, lat: pos.coords.latitude }),
              () => void message.warning(t('mobile.noLocation')),
            )
          }
        >
          {t('mobile.useLocation')}
        </Button>
        <div style={{ marginTop: 8 }}>
          <PointPicker value={point} onChange={setPoint} height={180} />
        </div>
      </Card>
      {error && (
        <Alert type="error" showIcon title={error} className="ly-section" data-testid="public-error" />
      )}
      <Button
        type="primary"
        size="large"
        block
        disabled={!ready}
        loading={sending}
        onClick={() => void send()}
        data-testid="public-submit"
      >
        {t('mobile.send')}
      </Button>
    </PublicShell>
  );
}

import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Rate,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, toApiError, unwrap } from '../../app/api';
import { useQuery } from '../../app/hooks';
import { formatDateTime } from '../../app/i18n';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { RATING_REASONS } from '../../../shared/case-workflow';
import { COMMON_CATEGORIES, STATUS_COLORS, type PublicCase } from '../cases/caseData';
import { PointPicker, type Point } from '../cases/PointPicker';
import type { CaseStatus } from '../../../shared/case-workflow';

function PublicShell({ children, testId }: { children: React.ReactNode; testId: string }) {
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

/** /report/:token — the reporter's page: the public timeline and confirm / not fixed / rate. */
export function PublicCasePage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const { message } = App.useApp();
  const view = useQuery(`public-case:${token}:${i18n.language}`, () =>
    unwrap(api.GET('/api/public/cases/{token}', { params: { path: { token } } })),
  );
  const [current, setCurrent] = useState<PublicCase | null>(null);
  const data = current ?? view.data;
  const [note, setNote] = useState('');
  const [rating, setRating] = useState(0);
  const [reasons, setReasons] = useState<(typeof RATING_REASONS)[number][]>([]);
  const [busy, setBusy] = useState(false);

  const feedback = async (action: 'comment' | 'confirm' | 'not_fixed' | 'rate') => {
    setBusy(true);
    try {
      const updated = await unwrap(
        api.POST('/api/public/cases/{token}/feedback', {
          params: { path: { token } },
          body: {
            action,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(action === 'rate' ? { rating, ratingReasons: reasons } : {}),
          },
        }),
      );
      setCurrent(updated);
      setNote('');
      void message.success(t('public.thanks'));
    } catch (e) {
      void message.error(toApiError(e).message);
      view.reload();
      setCurrent(null);
    } finally {
      setBusy(false);
    }
  };

  if (view.error && !data)
    return (
      <PublicShell testId="public-case">
        <Alert type="error" showIcon title={view.error.message} data-testid="public-case-error" />
      </PublicShell>
    );
  if (!data)
    return (
      <PublicShell testId="public-case">
        <Spin />
      </PublicShell>
    );
  const allowed = new Set(data.feedbackActions);
  return (
    <PublicShell testId="public-case">
      <Card size="small" className="ly-section">
        <Space direction="vertical" size={4} className="ly-full-width">
          <Space wrap>
            <Typography.Text strong>{data.category.name}</Typography.Text>
            <Tag
              color={STATUS_COLORS[data.status as CaseStatus]}
              data-testid="public-status"
              data-status={data.status}
            >
              {data.statusLabel}
            </Tag>
          </Space>
          <Typography.Text className="ly-break">{data.description}</Typography.Text>
          <Typography.Text type="secondary">{data.address}</Typography.Text>
          <Typography.Text type="secondary">
            <span className="ly-mono">{data.code}</span> · {formatDateTime(data.reportedAt, i18n.language)}
          </Typography.Text>
          {data.closureReason && (
            <Typography.Text>{t(`cases.closure.${data.closureReason}`)}</Typography.Text>
          )}
          {data.rating !== null && <span data-testid="public-rating">{'★'.repeat(data.rating)}</span>}
        </Space>
      </Card>
      {(allowed.has('confirm') ||
        allowed.has('not_fixed') ||
        allowed.has('rate') ||
        allowed.has('comment')) && (
        <Card size="small" title={t('public.feedback')} className="ly-section">
          <Input.TextArea
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('public.notePlaceholder')}
            data-testid="public-note"
          />
          {allowed.has('rate') && (
            <div style={{ marginTop: 8 }}>
              <Rate value={rating} onChange={setRating} data-testid="public-rate" />
              <Select
                mode="multiple"
                className="ly-full-width"
                style={{ marginTop: 8 }}
                value={reasons}
                onChange={setReasons}
                placeholder={t('cases.form.ratingReasons')}
                options={RATING_REASONS.map((r) => ({ value: r, label: t(`cases.ratingReason.${r}`) }))}
              />
            </div>
          )}
          <div className="ly-big-actions" style={{ marginTop: 8 }}>
            {allowed.has('confirm') && (
              <Button
                type="primary"
                size="large"
                block
                loading={busy}
                onClick={() => void feedback('confirm')}
                data-testid="public-confirm"
              >
                {t('public.confirm')}
              </Button>
            )}
            {allowed.has('not_fixed') && (
              <Button
                danger
                size="large"
                block
                loading={busy}
                disabled={!note.trim()}
                onClick={() => void feedback('not_fixed')}
                data-testid="public-not-fixed"
              >
                {t('public.notFixed')}
              </Button>
            )}
            {allowed.has('rate') && (
              <Button
                size="large"
                block
                loading={busy}
                disabled={rating === 0}
                onClick={() => void feedback('rate')}
                data-testid="public-rate-submit"
              >
                {t('public.rate')}
              </Button>
            )}
            {allowed.has('comment') && (
              <Button
                size="large"
                block
                loading={busy}
                disabled={!note.trim()}
                onClick={() => void feedback('comment')}
                data-testid="public-comment"
              >
                {t('public.comment')}
              </Button>
            )}
          </div>
        </Card>
      )}
      <Card size="small" title={t('cases.timeline')}>
        <Timeline
          data-testid="public-timeline"
          items={data.timeline.map((e, i) => ({
            key: i,
            content: (
              <div data-testid="public-step" data-action={e.action}>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                {e.toStatusLabel && <Tag style={{ marginLeft: 6 }}>{e.toStatusLabel}</Tag>}
                <div>
                  <Typography.Text type="secondary">
                    {e.actor} · {formatDateTime(e.at, i18n.language)}
                  </Typography.Text>
                </div>
                {e.note && <div className="ly-break">{e.note}</div>}
                {e.rating !== null && <div>{'★'.repeat(e.rating)}</div>}
                {e.photos.length > 0 && (
                  <Space size={4} wrap>
                    {e.photos.map((p) => (
                      <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                        <img src={p.thumbUrl} width={64} height={64} style={{ objectFit: 'cover' }} alt="" />
                      </a>
                    ))}
                  </Space>
                )}
              </div>
            ),
          }))}
        />
      </Card>
    </PublicShell>
  );
}

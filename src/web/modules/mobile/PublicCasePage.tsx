import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Rate, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, toApiError, unwrap } from '../../app/api';
import { formatDateTime } from '../../app/i18n';
import { RATING_REASONS } from '../../../shared/case-workflow';
import { STATUS_COLORS, type PublicCase } from '../cases/caseData';
import type { CaseStatus } from '../../../shared/case-workflow';
import { PublicShell } from './PublicShell';

/** /report/:token — the reporter's page: the public timeline and confirm / not fixed / rate. */
export function PublicCasePage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const { message } = App.useApp();
  const view = useQuery({
    queryKey: ['public-case', token, i18n.language],
    queryFn: () => unwrap(api.GET('/api/public/cases/{token}', { params: { path: { token } } })),
  });
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
      void view.refetch();
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

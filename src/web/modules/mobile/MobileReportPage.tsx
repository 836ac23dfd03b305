import { AimOutlined, CameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Cascader, Card, Input, Result, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, toApiError, unwrap } from '../../app/api';
import { useCurrentSession } from '../../app/session';
import { COMMON_CATEGORIES, uploadPhoto, type CaseCreated } from '../cases/caseData';
import { PointPicker, type Point } from '../cases/PointPicker';
import { useCategories } from '../cases/useCaseRefs';

const DRAFT_KEY = 'louyuan.caseDraft';

interface Draft {
  category: string | null;
  description: string;
  point: Point | null;
  onTheSpot: boolean;
  handleNote: string;
}

const EMPTY: Draft = { category: null, description: '', point: null, onTheSpot: false, handleNote: '' };

function loadDraft(): Draft {
  try {
    const raw = window.localStorage.getItem(DRAFT_KEY);
    return raw ? { ...EMPTY, ...(JSON.parse(raw) as Partial<Draft>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

function saveDraft(draft: Draft | null) {
  try {
    if (draft) window.localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    else window.localStorage.removeItem(DRAFT_KEY);
  } catch {
    // private mode: the draft lives in the page only
  }
}

/**
 * 随手拍 / 我要反映: big buttons for the common local categories, a description, a photo from the camera, the
 * point from the phone's location (or a tap on the map). A grid worker may fix it on the spot: the photo goes in
 * as the 'after' photo and the case is reported handled. What was typed is kept (localStorage) if sending fails.
 */
export function MobileReportPage() {
  const { t, i18n } = useTranslation();
  const { user } = useCurrentSession();
  const { message } = App.useApp();
  const worker = user.role === 'grid_worker';
  const categories = useCategories(i18n.language);
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [photo, setPhoto] = useState<File | null>(null);
  const [locating, setLocating] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ created: CaseCreated; warning?: string } | null>(null);
  const update = (patch: Partial<Draft>) => setDraft((old) => ({ ...old, ...patch }));

  useEffect(() => {
    if (!done) saveDraft(draft);
  }, [draft, done]);

  const locate = () => {
    if (!navigator.geolocation) {
      void message.warning(t('mobile.noLocation'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        update({
          point: {
            lng: Math.round(pos.coords.longitude * 1e6) / 1e6,
            lat: Math.round(pos.coords.latitude * 1e6) / 1e6,
          },
        });
      },
      () => {
        setLocating(false);
        void message.warning(t('mobile.noLocation'));
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  const common = COMMON_CATEGORIES.map((code) => categories.byCode.get(code)).filter(
    (c): c is NonNullable<typeof c> => !!c && c.active,
  );
  const chosenName = draft.category ? categories.byCode.get(draft.category)?.name : undefined;
  const ready =
    !!draft.category && draft.description.trim() !== '' && !!draft.point && (!draft.onTheSpot || !!photo);

  const send = async () => {
    if (!ready || !draft.point || !draft.category) return;
    setSending(true);
    setFailure(null);
    let created: CaseCreated | null = null;
    try {
      created = await unwrap(
        api.POST('/api/cases', {
          body: {
            categoryCode: draft.category,
            description: draft.description.trim(),
            lng: draft.point.lng,
            lat: draft.point.lat,
            ...(worker && draft.onTheSpot ? { onTheSpot: true } : {}),
          },
        }),
      );
    } catch (error) {
      setFailure(toApiError(error).message);
      setSending(false);
      return;
    }
    let warning: string | undefined;
    try {
      if (photo) {
        const uploaded = await uploadPhoto(
          created.case.id,
          photo,
          worker && draft.onTheSpot ? 'after' : 'before',
        );
        if (worker && draft.onTheSpot) {
          await unwrap(
            api.POST('/api/cases/{id}/transitions', {
              params: { path: { id: created.case.id } },
              body: {
                action: 'handle',
                version: created.case.version,
                note: draft.handleNote.trim() || t('mobile.fixedOnTheSpot'),
                photoIds: [uploaded.id],
              },
            }),
          );
        }
      }
    } catch (error) {
      warning = toApiError(error).message;
    }
    saveDraft(null);
    setDraft(EMPTY);
    setPhoto(null);
    setDone({ created, ...(warning ? { warning } : {}) });
    setSending(false);
  };

  if (done) {
    const target = worker ? `/m/cases/${done.created.case.id}` : `/m/cases/${done.created.case.id}`;
    return (
      <div className="ly-mobile" data-testid="m-report-done">
        <Result
          status="success"
          title={t('mobile.sent')}
          subTitle={
            <span>
              {t('cases.columns.code')}：
              <span className="ly-mono" data-testid="m-report-code">
                {done.created.case.code}
              </span>
            </span>
          }
          extra={[
            <Link key="open" to={target} data-testid="m-report-open">
              <Button type="primary" size="large">
                {t('cases.report.open')}
              </Button>
            </Link>,
            <Button key="again" size="large" onClick={() => setDone(null)} data-testid="m-report-again">
              {t('mobile.another')}
            </Button>,
          ]}
        >
          {done.warning && (
            <Alert type="warning" showIcon title={t('mobile.photoFailed', { message: done.warning })} />
          )}
          {done.created.duplicates.length > 0 && (
            <Alert
              type="info"
              showIcon
              title={t('mobile.duplicates', { count: done.created.duplicates.length })}
            />
          )}
        </Result>
      </div>
    );
  }

  return (
    <div className="ly-mobile" data-testid="m-report">
      <Typography.Title level={4}>
        {worker ? t('mobile.snapTitle') : t('mobile.reportTitle')}
      </Typography.Title>
      <Card size="small" title={t('cases.columns.category')} className="ly-section">
        <div className="ly-big-grid">
          {common.map((c) => (
            <Button
              key={c.code}
              size="large"
              type={draft.category === c.code ? 'primary' : 'default'}
              onClick={() => update({ category: c.code })}
              data-testid={`m-category-${c.code}`}
            >
              {i18n.language === 'en' && c.nameEn ? c.nameEn : c.name}
            </Button>
          ))}
        </div>
        <Cascader
          options={categories.tree}
          showSearch
          className="ly-full-width"
          style={{ marginTop: 8 }}
          placeholder={t('mobile.otherCategory')}
          value={
            draft.category && !COMMON_CATEGORIES.includes(draft.category)
              ? [draft.category.slice(0, 2), draft.category]
              : undefined
          }
          onChange={(v) => v && update({ category: String(v.at(-1)) })}
          data-testid="m-category-other"
        />
        {chosenName && (
          <Typography.Text type="secondary" data-testid="m-category-chosen">
            {t('mobile.chosen', { name: chosenName })}
          </Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('cases.columns.description')} className="ly-section">
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={draft.description}
          onChange={(e) => update({ description: e.target.value })}
          placeholder={t('mobile.descriptionPlaceholder')}
          data-testid="m-description"
        />
      </Card>
      <Card size="small" title={t('mobile.photo')} className="ly-section">
        <label className="ly-camera">
          <CameraOutlined /> {photo ? photo.name : t('mobile.takePhoto')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
            data-testid="m-photo"
          />
        </label>
      </Card>
      <Card size="small" title={t('cases.form.point')} className="ly-section">
        <Button
          icon={<AimOutlined />}
          loading={locating}
          onClick={locate}
          block
          size="large"
          data-testid="m-locate"
        >
          {t('mobile.useLocation')}
        </Button>
        <div style={{ marginTop: 8 }}>
          <PointPicker
            value={draft.point}
            onChange={(point) => update({ point })}
            showGrids={worker}
            height={180}
          />
        </div>
      </Card>
      {worker && (
        <Card size="small" className="ly-section">
          <Space direction="vertical" className="ly-full-width">
            <Space>
              <Switch
                checked={draft.onTheSpot}
                onChange={(onTheSpot) => update({ onTheSpot })}
                data-testid="m-on-the-spot"
              />
              <span>{t('mobile.onTheSpot')}</span>
            </Space>
            {draft.onTheSpot && (
              <>
                <Typography.Text type="secondary">{t('mobile.onTheSpotHint')}</Typography.Text>
                <Input.TextArea
                  rows={2}
                  value={draft.handleNote}
                  onChange={(e) => update({ handleNote: e.target.value })}
                  placeholder={t('mobile.handleNote')}
                  data-testid="m-handle-note"
                />
              </>
            )}
          </Space>
        </Card>
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          className="ly-section"
          title={t('mobile.failed', { message: failure })}
          description={t('mobile.draftKept')}
          data-testid="m-report-failed"
        />
      )}
      <Button
        type="primary"
        size="large"
        block
        disabled={!ready}
        loading={sending}
        onClick={() => void send()}
        data-testid="m-report-submit"
      >
        {failure ? t('mobile.retry') : t('mobile.send')}
      </Button>
    </div>
  );
}

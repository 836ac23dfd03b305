import { useQuery } from '@tanstack/react-query';
import { LinkOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Image,
  List,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../app/api';
import { useIsPhone, useShowError } from '../../app/hooks';
import { formatDateTime } from '../../app/i18n';
import { useCurrentSession } from '../../app/session';
import type { CaseAction } from '../../../shared/case-workflow';
import { ActionDialog } from './ActionDialog';
import { actionLabel, statusLabel, uploadPhoto, type CaseDetail } from './caseData';
import { DeadlineTag, StatusTag } from './CaseTags';
import { ReporterPhone } from './ReporterPhone';
import { useCategories } from './useCaseRefs';

/** Actions shown as primary buttons (the main path); the rest are plain. */
const PRIMARY = new Set<CaseAction>([
  'accept',
  'dispatch',
  'start',
  'handle',
  'verify',
  'close',
  'confirm',
  'rate',
]);
const DANGER = new Set<CaseAction>(['reject', 'fail_verification', 'not_fixed', 'return']);

export function CaseActionButtons({
  detail,
  onPick,
  big = false,
}: {
  detail: CaseDetail;
  onPick: (action: CaseAction) => void;
  big?: boolean;
}) {
  const { i18n } = useTranslation();
  const actions = detail.allowedActions.filter((a) => a !== 'merge');
  return (
    <Space wrap className={big ? 'ly-big-actions' : undefined}>
      {actions.map((a) => (
        <Button
          key={a}
          size={big ? 'large' : 'middle'}
          block={big}
          type={PRIMARY.has(a) ? 'primary' : 'default'}
          danger={DANGER.has(a)}
          onClick={() => onPick(a)}
          data-testid={`case-action-${a}`}
        >
          {actionLabel(a, i18n.language)}
        </Button>
      ))}
    </Space>
  );
}

/** The timeline: who, when, which step, the note, the step's photos. */
export function CaseTimeline({ detail, rolesOnly = false }: { detail: CaseDetail; rolesOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const photos = new Map(detail.photos.map((p) => [p.id, p]));
  return (
    <Timeline
      data-testid="case-timeline"
      items={detail.timeline.map((e) => ({
        key: e.id,
        color:
          e.action === 'reject' || e.action === 'not_fixed' || e.action === 'fail_verification'
            ? 'red'
            : 'blue',
        content: (
          <div data-testid="case-step" data-action={e.action}>
            <Space size={6} wrap>
              <Typography.Text strong>{actionLabel(e.action, i18n.language)}</Typography.Text>
              {e.toStatus && e.toStatus !== e.fromStatus && (
                <Tag>{statusLabel(e.toStatus, i18n.language)}</Tag>
              )}
              {!e.public && <Tag color="default">{t('cases.internal')}</Tag>}
            </Space>
            <div>
              <Typography.Text type="secondary">
                {rolesOnly ? '' : `${e.actorName} · `}
                {e.actorRole
                  ? t(`roles.${e.actorRole}` as 'roles.resident', { defaultValue: e.actorRole })
                  : ''}{' '}
                · {formatDateTime(e.at, i18n.language)}
              </Typography.Text>
            </div>
            {e.note && <div className="ly-break">{e.note}</div>}
            {typeof e.details.rating === 'number' && <div>{'★'.repeat(e.details.rating)}</div>}
            {e.photoIds.length > 0 && (
              <Image.PreviewGroup>
                <Space size={4} wrap>
                  {e.photoIds.map((id) =>
                    photos.get(id) ? (
                      <Image
                        key={id}
                        width={64}
                        height={64}
                        style={{ objectFit: 'cover' }}
                        src={photos.get(id)!.thumbUrl}
                        preview={{ src: photos.get(id)!.url }}
                        data-testid="case-step-photo"
                      />
                    ) : null,
                  )}
                </Space>
              </Image.PreviewGroup>
            )}
          </div>
        ),
      }))}
    />
  );
}

export function useCase(id: number) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['case', id, i18n.language],
    queryFn: () => unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** 案件详情: status and deadlines, the allowed steps, the timeline, photos and likely duplicates. */
export function CaseDetailPage() {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const query = useCase(id);
  const [override, setOverride] = useState<CaseDetail | null>(null);
  const detail =
    override && override.id === id && query.data && override.version >= query.data.version
      ? override
      : query.data;
  const categories = useCategories(i18n.language);
  const { can } = useCurrentSession();
  const [action, setAction] = useState<{ action: CaseAction; mergeInto?: string } | null>(null);
  const [stage, setStage] = useState<'before' | 'after' | 'update'>('update');
  const [uploading, setUploading] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();

  if (query.error && !detail)
    return <Alert type="error" showIcon title={query.error.message} data-testid="case-error" />;
  if (!detail) return <Spin />;
  const category = categories.byCode.get(detail.category.code);
  const canUpload = can('cases.handle') || can('cases.dispatch');

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await uploadPhoto(detail.id, file, stage);
      void message.success(t('cases.photos.uploaded'));
      void query.refetch();
    } catch (error) {
      showError(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="ly-page" data-testid="case-detail" data-case-id={detail.id} data-version={detail.version}>
      <div className="ly-title-row">
        <Space wrap align="center">
          <Typography.Title level={3} className="ly-page-title ly-mono" data-testid="case-code">
            {detail.code}
          </Typography.Title>
          <StatusTag status={detail.status} />
          {detail.urgent && <Tag color="red">{t('cases.urgent')}</Tag>}
          {detail.supervised && <Tag color="volcano">{t('cases.supervised')}</Tag>}
          {detail.pendingRequest && <Tag color="gold">{t(`cases.pending.${detail.pendingRequest}`)}</Tag>}
        </Space>
        <Space wrap>
          <Link to="/cases">{t('cases.backToList')}</Link>
          <a
            href={`/open311/v2/requests/${detail.code}.json`}
            target="_blank"
            rel="noreferrer"
            data-testid="case-open311"
          >
            <LinkOutlined /> {t('cases.open311')}
          </a>
        </Space>
      </div>
      <Card size="small" className="ly-section" title={t('cases.actions')}>
        {detail.allowedActions.length === 0 ? (
          <Typography.Text type="secondary">{t('cases.noActions')}</Typography.Text>
        ) : (
          <CaseActionButtons detail={detail} onPick={(a) => setAction({ action: a })} big={phone} />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('cases.detail')}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('cases.columns.category')}>
                {detail.category.name}（{detail.category.code}）
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.columns.description')}>
                <span data-testid="case-description-text">{detail.description}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.columns.address')}>{detail.address}</Descriptions.Item>
              <Descriptions.Item label={t('cases.columns.place')}>
                {detail.place.name}
                {detail.grid ? ` · ${detail.grid.name}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.columns.handler')}>
                {detail.handler
                  ? `${t(`cases.handlerKind.${detail.handler.kind}`)}${detail.handler.name ? ` · ${detail.handler.name}` : ''}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.columns.channel')}>
                {t(`cases.channel.${detail.channel}`)}
              </Descriptions.Item>
              {detail.reporter && (
                <Descriptions.Item label={t('cases.reporter')}>
                  <ReporterPhone
                    caseId={detail.id}
                    name={detail.reporter.name}
                    phoneMasked={detail.reporter.phoneMasked}
                  />
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('cases.columns.reportedAt')}>
                {formatDateTime(detail.reportedAt, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.deadlines.current')}>
                <DeadlineTag deadline={detail.current} />
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.deadlines.accept')}>
                <DeadlineTag deadline={detail.deadlines.accept} />
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.deadlines.dispatch')}>
                <DeadlineTag deadline={detail.deadlines.dispatch} />
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.deadlines.handle')}>
                <DeadlineTag deadline={detail.deadlines.handle} />
              </Descriptions.Item>
              {detail.closureReason && (
                <Descriptions.Item label={t('cases.form.closureReason')}>
                  <span data-testid="case-closure">{t(`cases.closure.${detail.closureReason}`)}</span>
                </Descriptions.Item>
              )}
              {detail.rating !== null && (
                <Descriptions.Item label={t('cases.form.rating')}>
                  <span data-testid="case-rating-value">{'★'.repeat(detail.rating)}</span>
                  {detail.ratingReasons.length > 0 &&
                    ` · ${detail.ratingReasons.map((r) => t(`cases.ratingReason.${r}` as 'cases.ratingReason.fast')).join('、')}`}
                </Descriptions.Item>
              )}
            </Descriptions>
            {category && (
              <Descriptions column={1} size="small" className="ly-section" style={{ marginTop: 12 }}>
                <Descriptions.Item label={t('cases.standards.opening')}>
                  {category.openingStandard || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.standards.closing')}>
                  {category.closingStandard || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.standards.evidence')}>
                  {[
                    category.photoBefore && t('cases.photoStage.before'),
                    category.photoAfter && t('cases.photoStage.after'),
                  ]
                    .filter(Boolean)
                    .join('、') || '—'}
                </Descriptions.Item>
              </Descriptions>
            )}
          </Card>
          <Card size="small" title={t('cases.photos.title')} style={{ marginTop: 16 }}>
            {detail.photos.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.photos.none')} />
            ) : (
              <Image.PreviewGroup>
                <Space wrap data-testid="case-photos">
                  {detail.photos.map((p) => (
                    <div key={p.id} className="ly-photo">
                      <Image
                        width={96}
                        height={96}
                        style={{ objectFit: 'cover' }}
                        src={p.thumbUrl}
                        preview={{ src: p.url }}
                      />
                      <div>
                        <Tag>{t(`cases.photoStage.${p.stage}`)}</Tag>
                      </div>
                    </div>
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
            {canUpload && (
              <Space wrap style={{ marginTop: 12 }}>
                <Select
                  value={stage}
                  onChange={setStage}
                  style={{ width: 140 }}
                  options={(['before', 'after', 'update'] as const).map((s) => ({
                    value: s,
                    label: t(`cases.photoStage.${s}`),
                  }))}
                  data-testid="case-photo-stage"
                />
                <Upload
                  accept="image/*"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={uploading} data-testid="case-photo-upload">
                    {t('cases.photos.add')}
                  </Button>
                </Upload>
              </Space>
            )}
          </Card>
          {detail.duplicates.length > 0 && (
            <Card size="small" title={t('cases.duplicates.title')} style={{ marginTop: 16 }}>
              <List
                size="small"
                data-testid="case-duplicates"
                dataSource={detail.duplicates}
                renderItem={(d) => (
                  <List.Item
                    actions={
                      detail.allowedActions.includes('merge')
                        ? [
                            <Button
                              key="merge"
                              size="small"
                              onClick={() => setAction({ action: 'merge', mergeInto: d.code })}
                              data-testid={`case-merge-${d.code}`}
                            >
                              {t('cases.duplicates.merge')}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <Space direction="vertical" size={0}>
                      <Link to={`/cases/${d.id}`} className="ly-mono">
                        {d.code}
                      </Link>
                      <Typography.Text type="secondary">
                        {statusLabel(d.status, i18n.language)} ·{' '}
                        {t('cases.duplicates.distance', { m: d.distanceM })} · {d.description}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('cases.timeline')}>
            <CaseTimeline detail={detail} />
          </Card>
        </Col>
      </Row>
      {action && (
        <ActionDialog
          detail={detail}
          action={action.action}
          {...(action.mergeInto ? { mergeInto: action.mergeInto } : {})}
          onClose={() => setAction(null)}
          onDone={(updated) => {
            setAction(null);
            if (updated) setOverride(updated);
            void query.refetch();
          }}
        />
      )}
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../app/api';
import { formatDateTime } from '../../app/i18n';
import { useCurrentSession } from '../../app/session';
import { OPEN_STATUSES, type CaseAction, type CaseStatus } from '../../../shared/case-workflow';
import { ActionDialog } from '../cases/ActionDialog';
import { CaseActionButtons, CaseTimeline, useCase } from '../cases/CaseDetailPage';
import type { CaseDetail, CaseItem } from '../cases/caseData';
import { DeadlineTag, StatusTag } from '../cases/CaseTags';

function CaseCards({ items, testId }: { items: CaseItem[]; testId: string }) {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  // open work first, then the newest
  const sorted = [...items].sort(
    (a, b) =>
      Number(!OPEN_STATUSES.includes(a.status as CaseStatus)) -
      Number(!OPEN_STATUSES.includes(b.status as CaseStatus)),
  );
  return (
    <List
      dataSource={sorted}
      data-testid={testId}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      renderItem={(c) => (
        <Card
          size="small"
          className="ly-section ly-case-card"
          hoverable
          onClick={() => void navigate(`/m/cases/${c.id}`)}
          data-testid={`m-case-${c.code}`}
        >
          <Space direction="vertical" size={2} className="ly-full-width">
            <Space wrap>
              <Typography.Text strong>{c.category.name}</Typography.Text>
              <StatusTag status={c.status} />
            </Space>
            <Typography.Text className="ly-break">{c.description}</Typography.Text>
            <Typography.Text type="secondary">
              <span className="ly-mono">{c.code}</span> · {formatDateTime(c.reportedAt, i18n.language)}
            </Typography.Text>
            {c.current && <DeadlineTag deadline={c.current} />}
          </Space>
        </Card>
      )}
    />
  );
}

/** 我的任务: the cases I handle now, open ones first; a tap opens the phone case page. */
export function MobileTasksPage() {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['m-tasks', i18n.language],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { mine: true, pageSize: 100 } } })),
  });
  return (
    <div className="ly-mobile" data-testid="m-tasks">
      <Typography.Title level={4}>{t('mobile.tasksTitle')}</Typography.Title>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.isFetching && !list.data ? (
        <Spin />
      ) : (
        <CaseCards items={list.data?.items ?? []} testId="m-task-list" />
      )}
    </div>
  );
}

/** 我的反映: a resident's own reports. */
export function MobileMinePage() {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['m-mine', i18n.language],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { pageSize: 100 } } })),
  });
  return (
    <div className="ly-mobile" data-testid="m-mine">
      <div className="ly-title-row">
        <Typography.Title level={4}>{t('mobile.mineTitle')}</Typography.Title>
        <Link to="/m/report">{t('mobile.reportTitle')}</Link>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.isFetching && !list.data ? (
        <Spin />
      ) : (
        <CaseCards items={list.data?.items ?? []} testId="m-mine-list" />
      )}
    </div>
  );
}

/** One case on the phone: what and where, the big step buttons, the timeline. */
export function MobileCasePage() {
  const { t, i18n } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const query = useCase(id);
  const { user } = useCurrentSession();
  const [override, setOverride] = useState<CaseDetail | null>(null);
  const [action, setAction] = useState<CaseAction | null>(null);
  const detail =
    override && override.id === id && query.data && override.version >= query.data.version
      ? override
      : query.data;
  if (query.error && !detail) return <Alert type="error" showIcon title={query.error.message} />;
  if (!detail) return <Spin />;
  return (
    <div className="ly-mobile" data-testid="m-case" data-case-id={detail.id} data-version={detail.version}>
      <Link to={user.role === 'resident' ? '/m/mine' : '/m/tasks'}>{t('mobile.back')}</Link>
      <Card size="small" className="ly-section" style={{ marginTop: 8 }}>
        <Space direction="vertical" size={4} className="ly-full-width">
          <Space wrap>
            <Typography.Text strong>{detail.category.name}</Typography.Text>
            <StatusTag status={detail.status} />
          </Space>
          <Typography.Text className="ly-break">{detail.description}</Typography.Text>
          <Typography.Text type="secondary">{detail.address}</Typography.Text>
          <Typography.Text type="secondary">
            <span className="ly-mono" data-testid="m-case-code">
              {detail.code}
            </span>{' '}
            · {formatDateTime(detail.reportedAt, i18n.language)}
          </Typography.Text>
          {detail.current && <DeadlineTag deadline={detail.current} />}
          {detail.rating !== null && <span data-testid="m-case-rating">{'★'.repeat(detail.rating)}</span>}
        </Space>
      </Card>
      {detail.allowedActions.length > 0 && (
        <div className="ly-section">
          <CaseActionButtons detail={detail} onPick={setAction} big />
        </div>
      )}
      <Card size="small" title={t('cases.timeline')}>
        <CaseTimeline detail={detail} rolesOnly={user.role === 'resident'} />
      </Card>
      {action && (
        <ActionDialog
          detail={detail}
          action={action}
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

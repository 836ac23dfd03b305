import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DownloadOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Button, Col, Empty, Popover, Row, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadFile } from '../../app/api';
import { useShowError } from '../../app/hooks';
import { formatDateTime } from '../../app/i18n';
import { actionLabel, statusLabel } from '../cases/caseData';
import {
  deltaOf,
  formatValue,
  type Figure,
  type Overview,
  type RankingRow,
  type Rankings,
} from './dashboardData';
import type { FeedItem } from '../../../shared/case-feed';

/** "导出 Excel": downloads one section's export with the parameters on screen. */
export function ExportButton({ url, testId }: { url: string; testId: string }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid={testId}
      onClick={() => {
        setBusy(true);
        downloadFile(url)
          .catch(showError)
          .finally(() => setBusy(false));
      }}
    >
      {t('dashboard.export')}
    </Button>
  );
}

/** One figure: its value, the previous period's and the change, coloured by whether up is better. */
export function KpiCard({ figure, dark = false }: { figure: Figure; dark?: boolean }) {
  const { t } = useTranslation();
  const delta = deltaOf(figure);
  const ratio =
    figure.unit === 'rate' && figure.numerator !== null && figure.denominator !== null
      ? `${formatValue(figure.numerator, 'count')} / ${formatValue(figure.denominator, 'count')}`
      : null;
  const value = (
    <span className="ly-kpi-value" data-testid="kpi-value">
      {formatValue(figure.value, figure.unit)}
      {figure.unit === 'hours' && figure.value !== null && (
        <span className="ly-kpi-unit">{t('dashboard.hoursUnit')}</span>
      )}
    </span>
  );
  return (
    <div className={`ly-kpi${dark ? ' ly-kpi-dark' : ''}`} data-testid={`kpi-${figure.key}`}>
      <div className="ly-kpi-label">{figure.label}</div>
      {ratio ? <Tooltip title={ratio}>{value}</Tooltip> : value}
      <div className="ly-kpi-previous">
        <span>
          {t('dashboard.previous')} {formatValue(figure.previous, figure.unit)}
        </span>
        {delta && (
          <span
            className={`ly-kpi-delta ly-kpi-${delta.tone}`}
            data-testid="kpi-delta"
            data-tone={delta.tone}
          >
            {delta.direction === 'up' && <ArrowUpOutlined />}
            {delta.direction === 'down' && <ArrowDownOutlined />}
            {delta.direction === 'flat' ? t('dashboard.flat') : delta.text}
          </span>
        )}
      </div>
    </div>
  );
}

/** The overview's groups of figures as the server lists them (module manifests decide what there is). */
export function KpiGroups({ groups }: { groups: Overview['groups'] }) {
  return (
    <div data-testid="dash-kpis">
      {groups.map((group) => (
        <section key={group.key} className="ly-kpi-group" data-testid={`kpi-group-${group.key}`}>
          <Typography.Title level={5} className="ly-kpi-group-title">
            {group.label}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {group.figures.map((figure) => (
              <Col key={figure.key} xs={12} sm={8} lg={6} xxl={4}>
                <KpiCard figure={figure} />
              </Col>
            ))}
          </Row>
        </section>
      ))}
    </div>
  );
}

/** The composite score's formula, as the server words it. */
export function FormulaHint({ formula }: { formula: string }) {
  const { t } = useTranslation();
  return (
    <Popover
      title={t('dashboard.rankings.formula')}
      content={<div className="ly-formula">{formula}</div>}
      trigger={['hover', 'click']}
    >
      <QuestionCircleOutlined
        className="ly-formula-icon"
        data-testid="rank-formula"
        aria-label={t('dashboard.rankings.formula')}
      />
    </Popover>
  );
}

const RATE_COLUMNS = [
  'acceptanceRate',
  'onTimeHandlingRate',
  'onTimeClosureRate',
  'reworkRate',
  'satisfactionRate',
] as const;

const byNumber =
  (pick: (row: RankingRow) => number | null) =>
  (a: RankingRow, b: RankingRow): number =>
    (pick(a) ?? -Infinity) - (pick(b) ?? -Infinity);

/** The rankings of one kind of unit: rank, composite score (formula on the hint) and the indicators. */
export function RankingsTable({
  data,
  loading,
  compact = false,
}: {
  data: Rankings | undefined;
  loading: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RankingRow> = [
    {
      title: t('dashboard.rankings.rank'),
      dataIndex: 'rank',
      width: 64,
      sorter: byNumber((r) => r.rank),
      render: (v: number | null) =>
        v ?? (
          <Tooltip title={t('dashboard.rankings.tooFew', { n: data?.minCases ?? 0 })}>
            <span data-testid="rank-too-few">—</span>
          </Tooltip>
        ),
    },
    { title: t('dashboard.rankings.name'), dataIndex: 'name', ellipsis: compact },
    {
      title: (
        <span className="ly-nowrap">
          {t('dashboard.rankings.score')} {data && <FormulaHint formula={data.formula} />}
        </span>
      ),
      dataIndex: 'score',
      sorter: byNumber((r) => r.score),
      render: (v: number | null) => formatValue(v, 'average'),
    },
    {
      title: t('dashboard.trend.reported'),
      dataIndex: 'reported',
      sorter: byNumber((r) => r.reported),
      render: (v: number) => formatValue(v, 'count'),
    },
    ...(compact
      ? []
      : [
          {
            title: t('dashboard.trend.handled'),
            dataIndex: 'handled',
            sorter: byNumber((r) => r.handled),
            render: (v: number) => formatValue(v, 'count'),
          },
        ]),
    ...RATE_COLUMNS.filter(
      (key) => !compact || key === 'onTimeHandlingRate' || key === 'satisfactionRate',
    ).map((key) => ({
      title: t(`dashboard.rankings.${key}`),
      dataIndex: key,
      sorter: byNumber((r: RankingRow) => r[key]),
      render: (v: number | null) => formatValue(v, 'rate'),
    })),
  ];
  return (
    <Table<RankingRow>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={data?.rows ?? []}
      loading={loading}
      pagination={compact ? false : { pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
      data-testid="dash-rankings-table"
    />
  );
}

/** The live feed, newest first: when, what happened, the case and its category and address. */
export function FeedList({ items, dark = false }: { items: FeedItem[]; dark?: boolean }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.feed.waiting')} />;
  return (
    <ul className={`ly-feed${dark ? ' ly-feed-dark' : ''}`} data-testid="dash-feed-list">
      {items.map((item) => (
        <li key={item.id} className={`ly-feed-item ly-feed-${item.action}`}>
          <span className="ly-feed-time">{formatDateTime(item.at, i18n.language).slice(-8)}</span>
          <span className="ly-feed-action">{actionLabel(item.action, i18n.language)}</span>
          {dark ? (
            <span className="ly-mono">{item.code}</span>
          ) : (
            <Link to={`/cases/${item.caseId}`} className="ly-mono">
              {item.code}
            </Link>
          )}
          <span>{item.category}</span>
          <Typography.Text type="secondary" ellipsis className="ly-feed-address">
            {item.address}
          </Typography.Text>
          <span className="ly-feed-status">{statusLabel(item.status, i18n.language)}</span>
        </li>
      ))}
    </ul>
  );
}

import { DesktopOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useIsPhone } from '../../app/hooks';
import { type CaseItem } from '../cases/caseData';
import { DeadlineTag, StatusTag } from '../cases/CaseTags';
import { AreaMap } from './AreaMap';
import { CategoryChart, TrendChart } from './Charts';
import { ExportButton, FeedList, KpiGroups, RankingsTable } from './DashboardParts';
import {
  defaultTrendBy,
  exportUrl,
  MAP_FIGURES,
  PERIODS,
  queryOf,
  TREND_BYS,
  type AreaRef,
  type MapFigure,
  type MapPin,
  type RankingBy,
  type TrendBy,
} from './dashboardData';
import { useCaseFeed } from './useCaseFeed';
import { useDashboardData, useDashboardParams, useRankings, useWatchList } from './useDashboard';
import '../grids/grids.css';
import './dashboard.css';

/** The viewer's area, its parents up to the account's own node; each one a way back up. */
function AreaBreadcrumb({ items, onPick }: { items: AreaRef[]; onPick: (index: number) => void }) {
  return (
    <Breadcrumb
      className="ly-dash-breadcrumb"
      data-testid="dash-breadcrumb"
      items={items.map((item, index) => ({
        key: `${item.kind}:${item.code}`,
        title:
          index === items.length - 1 ? (
            <span data-testid="dash-area-name">{item.name}</span>
          ) : (
            <Typography.Link onClick={() => onPick(index)} data-testid={`dash-crumb-${item.code}`}>
              {item.name}
            </Typography.Link>
          ),
      }))}
    />
  );
}

function WatchList({ which }: { which: 'overdue' | 'supervised' }) {
  const { t, i18n } = useTranslation();
  const { params } = useDashboardParams();
  const list = useWatchList(params, which, { lang: i18n.language, pageSize: 10 });
  const columns: TableColumnsType<CaseItem> = [
    {
      title: t('cases.columns.code'),
      dataIndex: 'code',
      render: (code: string, c) => (
        <Link to={`/cases/${c.id}`} className="ly-mono">
          {code}
        </Link>
      ),
    },
    { title: t('cases.columns.category'), render: (_, c) => c.category.name },
    {
      title: t('cases.columns.status'),
      dataIndex: 'status',
      render: (s: string) => <StatusTag status={s} />,
    },
    { title: t('cases.columns.deadline'), render: (_, c) => <DeadlineTag deadline={c.current} /> },
    { title: t('cases.columns.place'), render: (_, c) => c.place.name },
  ];
  return (
    <>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<CaseItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={`dash-${which}-table`}
      />
      {list.data && list.data.total > list.data.items.length && (
        <Typography.Paragraph type="secondary" className="ly-dash-more">
          {t('dashboard.watch.more', { total: list.data.total, shown: list.data.items.length })}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** 驾驶舱: the figures of my area (or an area under it) for a period, its map, trend, categories and rankings. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { params, setArea, setPeriod } = useDashboardParams();
  const [trendChoice, setTrendChoice] = useState<TrendBy | null>(null);
  const trendBy = trendChoice ?? defaultTrendBy(params);
  const [figure, setFigure] = useState<MapFigure>('casesPer1000');
  const [rankingChoice, setRankingChoice] = useState<RankingBy | null>(null);
  const [watching, setWatching] = useState<'overdue' | 'supervised'>('overdue');
  const [tick, setTick] = useState(0);
  const lang = i18n.language;

  const { overview, trend, categories, map } = useDashboardData(params, { lang, trendBy, figure, tick });
  // the overview names the rankings this area has; until it answers, ask for none
  const allowed = overview.data?.area.rankings ?? [];
  const rankingBy = rankingChoice && allowed.includes(rankingChoice) ? rankingChoice : (allowed[0] ?? null);
  const rankings = useRankings(params, { lang, rankingBy, tick });
  const feed = useCaseFeed();

  const area = overview.data?.area;
  const crumbs = area?.breadcrumb ?? [];
  const asOf = overview.data?.asOf;
  const figureLabel = t(`dashboard.map.${figure}`);
  const pinLabel = (pin: MapPin) =>
    `${pin.code} · ${pin.category}${pin.overdue ? ` · ${t('dashboard.map.overduePin')}` : ''}`;

  return (
    <div className="ly-page ly-dash" data-testid="dashboard-page">
      <div className="ly-title-row">
        <div className="ly-dash-heading">
          <Typography.Title level={3} className="ly-page-title">
            {t('dashboard.title')}
          </Typography.Title>
          {crumbs.length > 0 && (
            <AreaBreadcrumb
              items={crumbs}
              onPick={(index) => {
                const crumb = crumbs[index];
                if (!crumb) return;
                // the first crumb is my own area: no parameter at all
                setArea(
                  index === 0 || crumb.kind === 'grids' ? null : { kind: crumb.kind, code: crumb.code },
                );
              }}
            />
          )}
        </div>
        <Space wrap>
          <Typography.Text type="secondary" data-testid="dash-as-of">
            {t('dashboard.asOf', {
              time: asOf ? new Date(asOf).toLocaleTimeString('zh-CN', { hour12: false }) : '—',
            })}
          </Typography.Text>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => setTick((n) => n + 1)}
            aria-label={t('common.refresh')}
          />
          <Button
            icon={<DesktopOutlined />}
            onClick={() => void navigate(`/screen?${new URLSearchParams(queryOf(params)).toString()}`)}
            data-testid="dash-screen-link"
          >
            {t('dashboard.screenMode')}
          </Button>
        </Space>
      </div>

      <div className="ly-toolbar">
        <Segmented
          value={params.period}
          onChange={(v) => {
            const key = v as (typeof PERIODS)[number];
            if (key === 'custom') {
              const to = dayjs().format('YYYY-MM-DD');
              setPeriod('custom', { from: dayjs().subtract(29, 'day').format('YYYY-MM-DD'), to });
            } else setPeriod(key);
          }}
          options={PERIODS.map((p) => ({ value: p, label: t(`dashboard.period.${p}`) }))}
          className="ly-dash-periods"
          data-testid="dash-period"
        />
        {params.period === 'custom' && (
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(params.from), dayjs(params.to)]}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(range) => {
              if (!range?.[0] || !range[1]) return;
              setPeriod('custom', { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
            }}
            data-testid="dash-range"
          />
        )}
        {overview.data && (
          <Typography.Text type="secondary" className="ly-dash-period-span" data-testid="dash-period-span">
            {t('dashboard.periodSpan', { from: overview.data.period.from, to: overview.data.period.to })}
          </Typography.Text>
        )}
      </div>

      {overview.error && (
        <Alert type="error" showIcon title={overview.error.message} className="ly-section" />
      )}

      <Card
        className="ly-section"
        size="small"
        title={t('dashboard.kpis')}
        extra={<ExportButton url={exportUrl('overview', params)} testId="dash-export-overview" />}
      >
        {overview.data ? (
          <KpiGroups groups={overview.data.groups} />
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} />
        )}
      </Card>

      <Row gutter={[16, 16]} className="ly-section">
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('dashboard.map.title')}
            extra={
              <Space wrap size={8}>
                <Select<MapFigure>
                  size="small"
                  value={figure}
                  onChange={setFigure}
                  options={MAP_FIGURES.map((f) => ({ value: f, label: t(`dashboard.map.${f}`) }))}
                  popupMatchSelectWidth={false}
                  data-testid="dash-map-figure"
                />
                <ExportButton url={exportUrl('map', params, { figure })} testId="dash-export-map" />
              </Space>
            }
          >
            {map.error && <Alert type="error" showIcon title={map.error.message} />}
            <AreaMap
              data={map.data}
              figureLabel={figureLabel}
              onDrill={(code) => setArea({ kind: 'grid', code })}
              testId="dash-map"
              pinLabel={pinLabel}
            />
            {map.data?.pinsTruncated && (
              <Typography.Text type="secondary">{t('dashboard.map.truncated')}</Typography.Text>
            )}
            {map.data && map.data.areas.length === 0 && (
              <Typography.Text type="secondary">{t('dashboard.map.noAreas')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('dashboard.feed.title')}
            className="ly-dash-feed-card"
            extra={
              <Typography.Text type={feed.connected ? 'success' : 'secondary'} data-testid="dash-feed-state">
                {feed.connected ? t('dashboard.feed.live') : t('dashboard.feed.connecting')}
              </Typography.Text>
            }
            data-testid="dash-feed"
          >
            <FeedList items={feed.items} />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]} className="ly-section">
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('dashboard.trend.title')}
            extra={
              <Space wrap size={8}>
                <Segmented<TrendBy>
                  size="small"
                  value={trendBy}
                  onChange={setTrendChoice}
                  options={TREND_BYS.map((b) => ({ value: b, label: t(`dashboard.trend.by.${b}`) }))}
                  data-testid="dash-trend-by"
                />
                <ExportButton url={exportUrl('trend', params, { by: trendBy })} testId="dash-export-trend" />
              </Space>
            }
          >
            {trend.error && <Alert type="error" showIcon title={trend.error.message} />}
            {trend.data && trend.data.points.length === 0 ? (
              <Empty />
            ) : (
              <TrendChart
                points={trend.data?.points ?? []}
                by={trendBy}
                height={phone ? 240 : 300}
                testId="dash-trend"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('dashboard.categories.title')}
            extra={<ExportButton url={exportUrl('categories', params)} testId="dash-export-categories" />}
          >
            {categories.error && <Alert type="error" showIcon title={categories.error.message} />}
            {categories.data && categories.data.rows.length === 0 ? (
              <Empty />
            ) : (
              <CategoryChart
                rows={categories.data?.rows ?? []}
                height={phone ? 300 : 300}
                testId="dash-categories"
              />
            )}
          </Card>
        </Col>
      </Row>

      {allowed.length > 0 && rankingBy && (
        <Card
          size="small"
          className="ly-section"
          title={t('dashboard.rankings.title')}
          extra={
            <ExportButton
              url={exportUrl('rankings', params, { by: rankingBy })}
              testId="dash-export-rankings"
            />
          }
          data-testid="dash-rankings"
        >
          <Tabs
            activeKey={rankingBy}
            onChange={(key) => setRankingChoice(key as RankingBy)}
            items={allowed.map((by) => ({ key: by, label: t(`dashboard.rankings.by.${by}`) }))}
            data-testid="dash-rankings-tabs"
          />
          {rankings.error && <Alert type="error" showIcon title={rankings.error.message} />}
          <RankingsTable data={rankings.data} loading={rankings.isFetching} />
        </Card>
      )}

      <Card
        size="small"
        className="ly-section"
        title={t('dashboard.watch.title')}
        extra={<ExportButton url={exportUrl(watching, params)} testId="dash-export-watch" />}
        data-testid="dash-watch"
      >
        <Tabs
          activeKey={watching}
          onChange={(key) => setWatching(key as 'overdue' | 'supervised')}
          items={[
            { key: 'overdue', label: t('dashboard.watch.overdue'), children: <WatchList which="overdue" /> },
            {
              key: 'supervised',
              label: t('dashboard.watch.supervised'),
              children: <WatchList which="supervised" />,
            },
          ]}
        />
      </Card>
    </div>
  );
}

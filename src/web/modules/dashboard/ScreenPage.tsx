import { ConfigProvider, Table, theme, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/i18n';
import { actionLabel, type CaseItem } from '../cases/caseData';
import { AreaMap } from './AreaMap';
import { CategoryChart, TrendChart } from './Charts';
import { KpiCard, RankingsTable } from './DashboardParts';
import { defaultTrendBy, type MapPin } from './dashboardData';
import { useCaseFeed } from './useCaseFeed';
import { useDashboardData, useDashboardParams, useRankings, useWatchList } from './useDashboard';
import '../grids/grids.css';
import './dashboard.css';

const STAGE = { width: 1920, height: 1080 };
const REFRESH_MS = 60_000;

/** The 1920×1080 stage scaled to fit whatever screen shows it (the wall's own resolution may differ). */
function useStageScale(): number {
  const fit = () => Math.min(window.innerWidth / STAGE.width, window.innerHeight / STAGE.height);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const onResize = () => setScale(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

/** A tick that changes every `ms`: the key suffix that makes every section fetch again. */
function useTick(ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return tick;
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function Panel({
  title,
  children,
  className,
  testId,
}: {
  title: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section className={`ly-screen-panel ${className ?? ''}`} data-testid={testId}>
      <h2 className="ly-screen-panel-title">{title}</h2>
      <div className="ly-screen-panel-body">{children}</div>
    </section>
  );
}

/**
 * 大屏模式: the dashboard for a wall — dark, no console chrome, no interaction needed; every section refetches
 * each minute and the live feed streams. It reads the same URL parameters as the console's dashboard.
 */
export function ScreenPage() {
  const { t, i18n } = useTranslation();
  const { params, setArea } = useDashboardParams();
  const scale = useStageScale();
  const tick = useTick(REFRESH_MS);
  const now = useClock();
  const lang = i18n.language;
  const trendBy = defaultTrendBy(params);
  const { overview, trend, categories, map } = useDashboardData(params, {
    lang,
    trendBy,
    figure: 'casesPer1000',
    tick,
  });
  const rankingBy = overview.data?.area.rankings[0] ?? null;
  const rankings = useRankings(params, { lang, rankingBy, tick });
  const overdue = useWatchList(params, 'overdue', { lang, pageSize: 8, tick });
  const feed = useCaseFeed(20);
  const figures = overview.data?.groups.flatMap((g) => g.figures) ?? [];
  const asOf = overview.data?.asOf;
  const pinLabel = (pin: MapPin) => `${pin.code} · ${pin.category}`;

  // the wall's page title says what it shows
  const area = overview.data?.area.name;
  const titleRef = useRef(document.title);
  useEffect(() => {
    const previous = titleRef.current;
    if (area) document.title = `${t('dashboard.screen.title')} · ${area}`;
    return () => {
      document.title = previous;
    };
  }, [area, t]);

  const overdueColumns: TableColumnsType<CaseItem> = [
    {
      title: t('cases.columns.code'),
      dataIndex: 'code',
      width: 150,
      render: (code: string) => <span className="ly-mono">{code}</span>,
    },
    { title: t('cases.columns.category'), render: (_, c) => c.category.name, ellipsis: true },
    { title: t('cases.columns.place'), render: (_, c) => c.place.name, ellipsis: true },
    {
      title: t('cases.columns.deadline'),
      width: 130,
      render: (_, c) => (c.current ? formatDateTime(c.current.dueAt, lang).slice(0, -3) : '—'),
    },
  ];

  return (
    <ConfigProvider
      theme={{ algorithm: theme.darkAlgorithm, token: { colorPrimary: '#3ba0ff', motion: false } }}
    >
      <div className="ly-screen-viewport" data-testid="screen-page">
        <div
          className="ly-screen"
          style={{ width: STAGE.width, height: STAGE.height, transform: `scale(${scale})` }}
        >
          <header className="ly-screen-header">
            <div className="ly-screen-brand">{t('dashboard.screen.title')}</div>
            <div className="ly-screen-area" data-testid="screen-area">
              {area ?? ''}
              {overview.data && (
                <span className="ly-screen-period">
                  {t(`dashboard.period.${overview.data.period.key}`)} ·{' '}
                  {t('dashboard.periodSpan', {
                    from: overview.data.period.from,
                    to: overview.data.period.to,
                  })}
                </span>
              )}
            </div>
            <div className="ly-screen-clock">
              <div>{now.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false })}</div>
              <div className="ly-screen-asof">
                {t('dashboard.asOf', {
                  time: asOf ? new Date(asOf).toLocaleTimeString('zh-CN', { hour12: false }) : '—',
                })}
              </div>
            </div>
          </header>

          <div className="ly-screen-kpis" data-testid="screen-kpis">
            {figures.map((figure) => (
              <KpiCard key={figure.key} figure={figure} dark />
            ))}
          </div>

          <div className="ly-screen-main">
            <div className="ly-screen-column">
              <Panel title={t('dashboard.trend.title')} testId="screen-trend-panel">
                <TrendChart
                  points={trend.data?.points ?? []}
                  by={trendBy}
                  height={330}
                  dark
                  testId="screen-trend"
                />
              </Panel>
              <Panel title={t('dashboard.categories.title')} testId="screen-categories-panel">
                <CategoryChart
                  rows={categories.data?.rows ?? []}
                  height={330}
                  dark
                  testId="screen-categories"
                />
              </Panel>
            </div>
            <Panel
              title={`${t('dashboard.map.title')} · ${t('dashboard.map.casesPer1000')}`}
              className="ly-screen-centre"
            >
              <AreaMap
                data={map.data}
                figureLabel={t('dashboard.map.casesPer1000')}
                onDrill={(code) => setArea({ kind: 'grid', code })}
                dark
                className="ly-screen-map"
                testId="screen-map"
                pinLabel={pinLabel}
              />
            </Panel>
            <div className="ly-screen-column">
              {rankingBy && (
                <Panel
                  title={`${t('dashboard.rankings.title')} · ${t(`dashboard.rankings.by.${rankingBy}`)}`}
                  testId="screen-rankings"
                >
                  <RankingsTable
                    data={rankings.data && { ...rankings.data, rows: rankings.data.rows.slice(0, 8) }}
                    loading={false}
                    compact
                  />
                </Panel>
              )}
              <Panel title={t('dashboard.watch.overdue')} testId="screen-overdue">
                <Table<CaseItem>
                  rowKey="id"
                  size="small"
                  columns={overdueColumns}
                  dataSource={overdue.data?.items ?? []}
                  pagination={false}
                  tableLayout="fixed"
                />
              </Panel>
            </div>
          </div>

          <footer className="ly-screen-ticker" data-testid="screen-feed">
            <span className="ly-screen-ticker-label">{t('dashboard.feed.title')}</span>
            <div className="ly-screen-ticker-track">
              {feed.items.length === 0 ? (
                <span className="ly-screen-ticker-empty">{t('dashboard.feed.waiting')}</span>
              ) : (
                <div className="ly-screen-ticker-items">
                  {/* twice, so the loop scrolling by half its width joins up */}
                  {[0, 1].flatMap((copy) =>
                    feed.items.map((item) => (
                      <span
                        key={`${copy}:${item.id}`}
                        className={`ly-screen-ticker-item ly-feed-${item.action}`}
                      >
                        {formatDateTime(item.at, lang).slice(-8)} {actionLabel(item.action, lang)} {item.code}{' '}
                        {item.category} {item.address}
                      </span>
                    )),
                  )}
                </div>
              )}
            </div>
          </footer>
        </div>
      </div>
    </ConfigProvider>
  );
}

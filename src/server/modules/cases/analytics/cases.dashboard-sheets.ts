/**
 * The case views of the command dashboard as Excel sheets (GET /api/dashboard/export?section=…), with the figures
 * as the console shows them; the overdue and supervised lists whole (up to WATCH_EXPORT_MAX cases, newest first).
 */
import Type from 'typebox';
import type { RequestContext } from '../../../core/context.js';
import type { Lang } from '../../../http/messages.js';
import { RANKINGS, type RankingBy } from '../../dashboard/dashboard.area.js';
import { beijing, col, oneDecimal, pct, percent } from '../../dashboard/dashboard.sheets.js';
import type { DashboardExportQuery, DashboardSheet } from '../../manifest.js';
import { listCases } from '../cases.service.js';
import {
  dashboardCategories,
  dashboardMap,
  dashboardRankings,
  dashboardTrend,
  type MapFigure,
  type TrendBy,
} from './cases.dashboard-views.js';
import { MapFigure as MapFigureSchema } from './cases.dashboard-views.schema.js';

/** The watch lists are exported whole, up to this many cases (newest first). */
export const WATCH_EXPORT_MAX = 20_000;
const WATCH_PAGE = 1_000;

const NAMES: Record<
  'trend' | 'categories' | 'rankings' | 'map' | 'overdue' | 'supervised',
  Record<Lang, string>
> = {
  trend: { 'zh-CN': '趋势', en: 'Trend' },
  categories: { 'zh-CN': '类别', en: 'Categories' },
  rankings: { 'zh-CN': '排名', en: 'Rankings' },
  map: { 'zh-CN': '地图', en: 'Map' },
  overdue: { 'zh-CN': '超期案件', en: 'Overdue cases' },
  supervised: { 'zh-CN': '督办案件', en: 'Supervised cases' },
};

/** What the case sheets take besides area, period and section. */
export const caseSheetQuery = {
  by: Type.Optional(
    Type.Enum(['day', 'week', 'month', ...RANKINGS], { description: 'trend bucket or ranking subject' }),
  ),
  figure: Type.Optional(MapFigureSchema),
};

export const caseDashboardSheets: DashboardSheet[] = [
  {
    section: 'trend',
    name: NAMES.trend,
    build: async (ctx, query) => {
      const trend = await dashboardTrend(ctx, { ...query, by: (query.by as TrendBy) ?? 'day' });
      type Row = (typeof trend.points)[number];
      return {
        name: NAMES.trend,
        columns: [
          col<Row>('日期', 'Bucket', (r) => r.bucket),
          col<Row>('上报', 'Reported', (r) => r.reported),
          col<Row>('已处置', 'Handled', (r) => r.handled),
          col<Row>('到期已结案', 'Closed (due)', (r) => r.closed),
          pct<Row>('按期处置率', 'On-time handling', (r) => r.onTimeHandlingRate),
          pct<Row>('满意率', 'Satisfaction', (r) => r.satisfactionRate),
        ],
        rows: trend.points,
      };
    },
  },
  {
    section: 'categories',
    name: NAMES.categories,
    build: async (ctx, query) => {
      const { rows } = await dashboardCategories(ctx, query);
      type Row = (typeof rows)[number];
      return {
        name: NAMES.categories,
        columns: [
          { ...col<Row>('类别代码', 'Code', (r) => r.code), text: true },
          col<Row>('类别', 'Category', (r) => r.name, 24),
          col<Row>('上报', 'Reported', (r) => r.reported),
          pct<Row>('占比', 'Share', (r) => r.share),
          col<Row>('已处置', 'Handled', (r) => r.handled),
          pct<Row>('按期处置率', 'On-time handling', (r) => r.onTimeHandlingRate),
          pct<Row>('满意率', 'Satisfaction', (r) => r.satisfactionRate),
        ],
        rows,
      };
    },
  },
  {
    section: 'rankings',
    name: NAMES.rankings,
    build: async (ctx, query) => {
      const ranking = await dashboardRankings(ctx, { ...query, by: query.by as RankingBy | undefined });
      type Row = (typeof ranking.rows)[number];
      return {
        name: NAMES.rankings,
        columns: [
          col<Row>('名次', 'Rank', (r) => r.rank ?? (ctx.lang === 'en' ? 'too few cases' : '样本不足'), 10),
          { ...col<Row>('代码', 'Code', (r) => r.code), text: true },
          col<Row>('名称', 'Name', (r) => r.name, 28),
          col<Row>('综合得分', 'Score', (r) => r.score),
          col<Row>('上报', 'Reported', (r) => r.reported),
          col<Row>('已处置', 'Handled', (r) => r.handled),
          pct<Row>('受理率', 'Acceptance', (r) => r.acceptanceRate),
          pct<Row>('按期处置率', 'On-time handling', (r) => r.onTimeHandlingRate),
          pct<Row>('按期结案率', 'On-time closure', (r) => r.onTimeClosureRate),
          pct<Row>('返工率', 'Rework', (r) => r.reworkRate),
          pct<Row>('满意率', 'Satisfaction', (r) => r.satisfactionRate),
        ],
        rows: ranking.rows,
      };
    },
  },
  {
    section: 'map',
    name: NAMES.map,
    build: async (ctx, query) => {
      const map = await dashboardMap(ctx, { ...query, figure: query.figure as MapFigure | undefined });
      type Row = (typeof map.areas)[number];
      const figureName: Record<MapFigure, [string, string]> = {
        casesPer1000: ['每千户案件数', 'Cases per 1,000 households'],
        overdue: ['超期案件', 'Overdue cases'],
        onTimeClosureRate: ['按期结案率（%）', 'On-time closure (%)'],
      };
      const [zh, en] = figureName[map.figure];
      return {
        name: NAMES.map,
        columns: [
          { ...col<Row>('网格编码', 'Grid code', (r) => r.code, 20), text: true },
          col<Row>('网格', 'Grid', (r) => r.name, 24),
          col<Row>('户数', 'Households', (r) => r.households),
          col<Row>('上报', 'Reported', (r) => r.reported),
          col<Row>('超期（当前）', 'Overdue (now)', (r) => r.overdue),
          col<Row>(
            zh,
            en,
            (r) => (map.figure === 'onTimeClosureRate' ? percent(r.value) : oneDecimal(r.value)),
            20,
          ),
        ],
        rows: map.areas,
      };
    },
  },
  ...(['overdue', 'supervised'] as const).map((watch) => ({
    section: watch,
    name: NAMES[watch],
    now: true,
    build: async (ctx: RequestContext, query: DashboardExportQuery) => {
      // what the watch list shows, whole: the cases of the area overdue (or supervised) now, newest first
      const filters = {
        ...(query.grid ? { grid: query.grid } : query.place ? { within: query.place } : {}),
        [watch]: true,
      };
      type Item = Awaited<ReturnType<typeof listCases>>['items'][number];
      const items: Item[] = [];
      for (let page = 1; items.length < WATCH_EXPORT_MAX; page++) {
        const chunk = await listCases(ctx, { ...filters, page, pageSize: WATCH_PAGE });
        items.push(...chunk.items);
        if (chunk.items.length < WATCH_PAGE) break;
      }
      return {
        name: NAMES[watch],
        columns: [
          { ...col<Item>('案件编号', 'Case number', (r) => r.code, 20), text: true },
          col<Item>('类别', 'Category', (r) => r.category.name, 16),
          col<Item>('状态', 'Status', (r) => r.statusLabel, 10),
          col<Item>('当前时限', 'Due', (r) => beijing(r.current?.dueAt), 18),
          col<Item>('地点', 'Place', (r) => r.place.name, 20),
          col<Item>('网格', 'Grid', (r) => r.grid?.name ?? null, 20),
          col<Item>('处置方', 'Handler', (r) => r.handler?.name ?? null, 20),
          col<Item>('上报时间', 'Reported', (r) => beijing(r.reportedAt), 18),
        ],
        rows: items.slice(0, WATCH_EXPORT_MAX),
      };
    },
  })),
];

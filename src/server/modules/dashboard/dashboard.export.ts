/**
 * Every dashboard table and chart as an Excel sheet, with the figures as the console shows them: rates as
 * percentages with one decimal, hours with one decimal, counts whole; the area and period in the sheet name.
 */
import type { ModuleManifest } from '../manifest.js';
import type { RequestContext } from '../../core/context.js';
import type { XlsxColumn, XlsxSheet } from '../../core/xlsx-export.js';
import type { Lang } from '../../http/messages.js';
import { addDays } from '../../../shared/working-time.js';
import { listCases } from '../cases/cases.service.js';
import { resolveArea, resolvePeriod, type RankingBy } from './dashboard.area.js';
import {
  dashboardCategories,
  dashboardMap,
  dashboardOverview,
  dashboardRankings,
  dashboardTrend,
  type DashboardQuery,
  type MapFigure,
  type TrendBy,
} from './dashboard.service.js';

export type ExportSection =
  'overview' | 'trend' | 'categories' | 'rankings' | 'map' | 'overdue' | 'supervised';
/** The watch lists are exported whole, up to this many cases (newest first). */
export const WATCH_EXPORT_MAX = 20_000;
const WATCH_PAGE = 1_000;

const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 1000) / 10;
const oneDecimal = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 10) / 10;

function col<T>(
  zh: string,
  en: string,
  value: (row: T) => string | number | null,
  width = 14,
): XlsxColumn<T> {
  return { header: { 'zh-CN': zh, en }, value, width };
}
const pct = <T>(zh: string, en: string, value: (row: T) => number | null) =>
  col<T>(`${zh}（%）`, `${en} (%)`, (r) => percent(value(r)));

const SECTION_NAMES: Record<ExportSection, Record<Lang, string>> = {
  overview: { 'zh-CN': '指标', en: 'Figures' },
  trend: { 'zh-CN': '趋势', en: 'Trend' },
  categories: { 'zh-CN': '类别', en: 'Categories' },
  rankings: { 'zh-CN': '排名', en: 'Rankings' },
  map: { 'zh-CN': '地图', en: 'Map' },
  overdue: { 'zh-CN': '超期案件', en: 'Overdue cases' },
  supervised: { 'zh-CN': '督办案件', en: 'Supervised cases' },
};

/** An instant as Beijing local time, 'YYYY-MM-DD HH:mm' (UTC+8 all year). */
const beijing = (iso: string | null | undefined) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

export async function dashboardExport(
  ctx: RequestContext,
  query: DashboardQuery & { section: ExportSection; by?: string; figure?: MapFigure },
  modules: readonly ModuleManifest[],
): Promise<{ fileName: string; sheet: XlsxSheet<unknown> }> {
  // the file is named after the area and period; only the overview sheet needs the figure groups themselves
  const area = await resolveArea(ctx, query);
  const period = resolvePeriod(query);
  const name = (section: ExportSection): Record<Lang, string> => ({
    'zh-CN': SECTION_NAMES[section]['zh-CN'],
    en: SECTION_NAMES[section].en,
  });
  const now = query.section === 'overdue' || query.section === 'supervised';
  const days = now ? period.today : `${period.fromDay}_${addDays(period.toDay, -1)}`;
  const fileName = `${area.name}-${SECTION_NAMES[query.section][ctx.lang]}-${days}.xlsx`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows differ by section
  let sheet: XlsxSheet<any>;
  switch (query.section) {
    case 'overview': {
      const overview = await dashboardOverview(ctx, query, modules);
      type Row = (typeof overview.groups)[number]['figures'][number] & { group: string };
      const shown = (unit: string, v: number | null) =>
        unit === 'rate' ? percent(v) : unit === 'count' ? v : oneDecimal(v);
      const unitLabel = (unit: string) =>
        ({ rate: '%', hours: ctx.lang === 'en' ? 'h' : '工时', count: '', average: '' })[unit] ?? '';
      sheet = {
        name: name('overview'),
        columns: [
          col<Row>('分组', 'Group', (r) => r.group),
          col<Row>('指标', 'Figure', (r) => r.label, 28),
          col<Row>('本期', 'This period', (r) => shown(r.unit, r.value)),
          col<Row>('上期', 'Period before', (r) => shown(r.unit, r.previous)),
          col<Row>('单位', 'Unit', (r) => unitLabel(r.unit), 8),
          col<Row>('分子', 'Numerator', (r) => oneDecimal(r.numerator)),
          col<Row>('分母', 'Denominator', (r) => r.denominator),
        ],
        rows: overview.groups.flatMap((g) => g.figures.map((f) => ({ ...f, group: g.label }))),
      };
      break;
    }
    case 'trend': {
      const trend = await dashboardTrend(ctx, { ...query, by: (query.by as TrendBy) ?? 'day' });
      type Row = (typeof trend.points)[number];
      sheet = {
        name: name('trend'),
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
      break;
    }
    case 'categories': {
      const { rows } = await dashboardCategories(ctx, query);
      type Row = (typeof rows)[number];
      sheet = {
        name: name('categories'),
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
      break;
    }
    case 'rankings': {
      const ranking = await dashboardRankings(ctx, { ...query, by: query.by as RankingBy | undefined });
      type Row = (typeof ranking.rows)[number];
      sheet = {
        name: name('rankings'),
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
      break;
    }
    case 'map': {
      const map = await dashboardMap(ctx, { ...query, figure: query.figure });
      type Row = (typeof map.areas)[number];
      const figureName: Record<MapFigure, [string, string]> = {
        casesPer1000: ['每千户案件数', 'Cases per 1,000 households'],
        overdue: ['超期案件', 'Overdue cases'],
        onTimeClosureRate: ['按期结案率（%）', 'On-time closure (%)'],
      };
      const [zh, en] = figureName[map.figure];
      sheet = {
        name: name('map'),
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
      break;
    }
    case 'overdue':
    case 'supervised': {
      // what the watch list shows, whole: the cases of the area overdue (or supervised) now, newest first
      const filters = {
        ...(query.grid ? { grid: query.grid } : query.place ? { within: query.place } : {}),
        [query.section]: true,
      };
      type Item = Awaited<ReturnType<typeof listCases>>['items'][number];
      const items: Item[] = [];
      for (let page = 1; items.length < WATCH_EXPORT_MAX; page++) {
        const chunk = await listCases(ctx, { ...filters, page, pageSize: WATCH_PAGE });
        items.push(...chunk.items);
        if (chunk.items.length < WATCH_PAGE) break;
      }
      sheet = {
        name: name(query.section),
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
      break;
    }
  }
  return { fileName, sheet };
}

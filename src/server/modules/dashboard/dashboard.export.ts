/**
 * Every dashboard table and chart as an Excel sheet, with the figures as the console shows them: rates as
 * percentages with one decimal, hours with one decimal, counts whole; the area and period in the file name. The
 * overview's sheet is the dashboard's own; every other section is a sheet a module declares in its manifest
 * (`dashboardSheets`), and the export knows none by name.
 */
import type { RequestContext } from '../../core/context.js';
import type { XlsxSheet } from '../../core/xlsx-export.js';
import { AppError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { addDays } from '../../../shared/working-time.js';
import type { DashboardExportQuery, DashboardSheet, ModuleManifest } from '../manifest.js';
import { resolveArea, resolvePeriod } from './dashboard.area.js';
import { dashboardOverview } from './dashboard.service.js';
import { col, oneDecimal, percent } from './dashboard.sheets.js';

const OVERVIEW_NAME: Record<Lang, string> = { 'zh-CN': '指标', en: 'Figures' };

/** The sections the export offers: the overview and every installed module's sheets. */
export const exportSections = (modules: readonly ModuleManifest[]): string[] => [
  'overview',
  ...modules.flatMap((m) => (m.dashboardSheets ?? []).map((s) => s.section)),
];

async function overviewSheet(
  ctx: RequestContext,
  query: DashboardExportQuery,
  modules: readonly ModuleManifest[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows differ by section
): Promise<XlsxSheet<any>> {
  const overview = await dashboardOverview(ctx, query, modules);
  type Row = (typeof overview.groups)[number]['figures'][number] & { group: string };
  const shown = (unit: string, v: number | null) =>
    unit === 'rate' ? percent(v) : unit === 'count' ? v : oneDecimal(v);
  const unitLabel = (unit: string) =>
    ({ rate: '%', hours: ctx.lang === 'en' ? 'h' : '工时', count: '', average: '' })[unit] ?? '';
  return {
    name: OVERVIEW_NAME,
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
}

export async function dashboardExport(
  ctx: RequestContext,
  query: DashboardExportQuery,
  modules: readonly ModuleManifest[],
): Promise<{ fileName: string; sheet: XlsxSheet<unknown> }> {
  // the file is named after the area and period; only the overview sheet needs the figure groups themselves
  const area = await resolveArea(ctx, query);
  const period = resolvePeriod(query);
  const contributed: DashboardSheet | undefined = modules
    .flatMap((m) => m.dashboardSheets ?? [])
    .find((s) => s.section === query.section);
  if (query.section !== 'overview' && !contributed) throw new AppError('NOT_FOUND');
  const days = contributed?.now ? period.today : `${period.fromDay}_${addDays(period.toDay, -1)}`;
  const name = contributed ? contributed.name : OVERVIEW_NAME;
  const fileName = `${area.name}-${name[ctx.lang]}-${days}.xlsx`;
  const sheet = contributed ? await contributed.build(ctx, query) : await overviewSheet(ctx, query, modules);
  return { fileName, sheet };
}

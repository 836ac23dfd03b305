import type { Geometry } from 'geojson';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../app/api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: { 200: infer R } } ? Json<R> : never;

export type Overview = Ok<paths['/api/dashboard/overview']['get']>;
export type Figure = Overview['groups'][number]['figures'][number];
export type FigureUnit = Figure['unit'];
/** 'grids': a grid worker's own grids (the first crumb only). */
export type AreaRef = Overview['area']['breadcrumb'][number];
export type RankingBy = Overview['area']['rankings'][number];
export type Trend = Ok<paths['/api/dashboard/trend']['get']>;
export type TrendPoint = Trend['points'][number];
export type CategoryRow = Ok<paths['/api/dashboard/categories']['get']>['rows'][number];
export type Rankings = Ok<paths['/api/dashboard/rankings']['get']>;
export type RankingRow = Rankings['rows'][number];
type MapResponse = Ok<paths['/api/dashboard/map']['get']>;
export type MapPin = MapResponse['pins'][number];
/** The server sends GeoJSON geometries (WGS-84); its schema types the coordinates loosely. */
export type MapArea = Omit<MapResponse['areas'][number], 'geometry'> & { geometry: Geometry };
export interface DashboardMap extends Omit<MapResponse, 'areas'> {
  areas: MapArea[];
}

export const PERIODS = ['today', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKey = (typeof PERIODS)[number];
export const TREND_BYS = ['day', 'week', 'month'] as const;
export type TrendBy = (typeof TREND_BYS)[number];
export const MAP_FIGURES = ['casesPer1000', 'overdue', 'onTimeClosureRate'] as const;
export type MapFigure = (typeof MAP_FIGURES)[number];
export type ExportSection =
  'overview' | 'trend' | 'categories' | 'rankings' | 'map' | 'overdue' | 'supervised';

/** What every dashboard request is about: an area (none = my own) and a period. */
export interface DashboardParams {
  place?: string;
  grid?: string;
  period: PeriodKey;
  /** 'YYYY-MM-DD', inclusive; only with period custom. */
  from?: string;
  to?: string;
}

/** Read the dashboard's parameters from the page URL (/dashboard?grid=…&period=…), so a view can be shared. */
export function paramsFromSearch(search: URLSearchParams): DashboardParams {
  const period = search.get('period');
  const key: PeriodKey = PERIODS.includes(period as PeriodKey) ? (period as PeriodKey) : 'month';
  const from = search.get('from') ?? undefined;
  const to = search.get('to') ?? undefined;
  const place = search.get('place') ?? undefined;
  const grid = search.get('grid') ?? undefined;
  if (key === 'custom' && (!from || !to))
    return { period: 'month', ...(grid ? { grid } : place ? { place } : {}) };
  return {
    period: key,
    ...(grid ? { grid } : place ? { place } : {}),
    ...(key === 'custom' ? { from, to } : {}),
  };
}

/** The request query of the parameters (only what is set). */
export function queryOf(params: DashboardParams): Record<string, string> {
  const query: Record<string, string> = { period: params.period };
  if (params.grid) query.grid = params.grid;
  else if (params.place) query.place = params.place;
  if (params.period === 'custom' && params.from && params.to) {
    query.from = params.from;
    query.to = params.to;
  }
  return query;
}

/** The trend's default bucket for a period: days up to a month, weeks for a quarter, months beyond. */
export function defaultTrendBy(params: DashboardParams): TrendBy {
  if (params.period === 'quarter') return 'week';
  if (params.period === 'year') return 'month';
  if (params.period === 'custom' && params.from && params.to) {
    const days = (Date.parse(params.to) - Date.parse(params.from)) / 86_400_000;
    return days > 180 ? 'month' : days > 45 ? 'week' : 'day';
  }
  return 'day';
}

async function getJson<T>(path: string, query: Record<string, string>): Promise<T> {
  // One generic GET for the dashboard's routes (the callers name the response type); the client adds the language.
  const get = api.GET as unknown as (
    path: string,
    init: { params: { query: Record<string, string> } },
  ) => Promise<{ data?: T; error?: unknown; response: Response }>;
  return unwrap(get(path, { params: { query } }));
}

export function fetchOverview(params: DashboardParams): Promise<Overview> {
  return getJson('/api/dashboard/overview', queryOf(params));
}

export function fetchTrend(params: DashboardParams, by: TrendBy): Promise<Trend> {
  return getJson('/api/dashboard/trend', { ...queryOf(params), by });
}

export function fetchCategories(params: DashboardParams): Promise<{ rows: CategoryRow[] }> {
  return getJson('/api/dashboard/categories', queryOf(params));
}

export function fetchRankings(params: DashboardParams, by: RankingBy): Promise<Rankings> {
  return getJson('/api/dashboard/rankings', { ...queryOf(params), by });
}

export function fetchMap(params: DashboardParams, figure: MapFigure): Promise<DashboardMap> {
  return getJson('/api/dashboard/map', { ...queryOf(params), figure });
}

/** The export of one section with the same parameters as shown (plus `by` or `figure`). */
export function exportUrl(
  section: ExportSection,
  params: DashboardParams,
  extra: Record<string, string> = {},
) {
  const search = new URLSearchParams({ section, ...queryOf(params), ...extra });
  return `/api/dashboard/export?${search.toString()}`;
}

/** The open cases list's area filter for the dashboard's area (`within` a place, or one `grid`). */
export function caseAreaFilter(params: DashboardParams): { within?: string; grid?: string } {
  if (params.grid) return { grid: params.grid };
  if (params.place) return { within: params.place };
  return {};
}

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A figure's value as shown: rates as %, hours with one decimal, counts with thousands separators; null "—". */
export function formatValue(value: number | null | undefined, unit: FigureUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'rate':
      return `${oneDecimal.format(value * 100)}%`;
    case 'hours':
    case 'average':
      return oneDecimal.format(value);
    case 'count':
      return counts.format(value);
  }
}

export type Trend3 = 'up' | 'down' | 'flat';

export interface Delta {
  direction: Trend3;
  /** The change as shown: percentage points for rates, else in the figure's unit. */
  text: string;
  /** good / bad by higherIsBetter; neutral when the figure has no better direction or did not move. */
  tone: 'good' | 'bad' | 'neutral';
}

/** The change from the previous period, or null when either value is missing. */
export function deltaOf(figure: Figure): Delta | null {
  const { value, previous, unit, higherIsBetter } = figure;
  if (value === null || previous === null) return null;
  const change = value - previous;
  const shown = unit === 'rate' ? change * 100 : change;
  const magnitude = Math.abs(shown);
  const text =
    unit === 'rate'
      ? `${oneDecimal.format(magnitude)}pp`
      : unit === 'count'
        ? counts.format(magnitude)
        : oneDecimal.format(magnitude);
  // what rounds to zero did not move
  const direction: Trend3 = text.replace(/[^1-9]/g, '') === '' ? 'flat' : change > 0 ? 'up' : 'down';
  const tone =
    direction === 'flat' || higherIsBetter === null
      ? 'neutral'
      : (direction === 'up') === higherIsBetter
        ? 'good'
        : 'bad';
  return { direction, text, tone };
}

/** The ten categories with most reports, the rest summed as "others". */
export function topCategories(rows: readonly CategoryRow[], others: string, top = 10): CategoryRow[] {
  if (rows.length <= top) return [...rows];
  const rest = rows.slice(top);
  const sum = (pick: (r: CategoryRow) => number | null) => rest.reduce((s, r) => s + (pick(r) ?? 0), 0);
  return [
    ...rows.slice(0, top),
    {
      code: 'others',
      name: others,
      reported: sum((r) => r.reported),
      handled: sum((r) => r.handled),
      onTimeHandlingRate: null,
      satisfactionRate: null,
      share: rest.some((r) => r.share !== null) ? sum((r) => r.share) : null,
    },
  ];
}

/** Whether a higher value of the map figure is better (closure rate) or worse (cases, overdue). */
export function mapFigureHigherIsBetter(figure: MapFigure): boolean {
  return figure === 'onTimeClosureRate';
}

export function mapFigureUnit(figure: MapFigure): FigureUnit {
  if (figure === 'onTimeClosureRate') return 'rate';
  if (figure === 'casesPer1000') return 'average';
  return 'count';
}

/** Light to dark reds: more cases or more overdue is worse. */
export const WORSE_COLOURS = ['#fee5d9', '#fcbba1', '#fc9272', '#fb6a4a', '#de2d26', '#a50f15'];
/** Light to dark greens: a higher closure rate is better. */
export const BETTER_COLOURS = ['#edf8e9', '#c7e9c0', '#a1d99b', '#74c476', '#31a354', '#006d2c'];
export const NO_VALUE_COLOUR = '#d9d9d9';

export function classColour(value: number | null, breaks: readonly number[], palette: readonly string[]) {
  if (value === null) return NO_VALUE_COLOUR;
  let index = breaks.findIndex((upper) => value < upper);
  if (index === -1) index = breaks.length;
  // spread few classes over the whole palette so two classes are light and dark, not the two lightest
  const step = breaks.length === 0 ? 0 : (palette.length - 1) / breaks.length;
  return palette[Math.round(index * step)] ?? NO_VALUE_COLOUR;
}

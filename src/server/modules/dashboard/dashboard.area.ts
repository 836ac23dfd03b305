/**
 * What a dashboard request looks at: the area (the viewer's own node, or a place or grid under it) and the period
 * (whole Beijing calendar days), with the breadcrumb back up, the child grids the map shows and the rankings that
 * make sense there.
 */
import { underPath } from '../../core/sql.js';
import { sql } from 'kysely';
import type { RequestContext } from '../../core/context.js';
import type { PlaceKind } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { authorize, requireCapability } from '../../policy/authorize.js';
import { gridScopeOf, pathInGridScope } from '../../policy/grid-scope.js';
import { addDays, localDate as localDay } from '../../../shared/working-time.js';
import { placeChain } from '../places/places.queries.js';
import type { DashboardArea, DashboardPeriod } from '../manifest.js';
import { findByCode } from '../places/places.queries.js';

export const PERIODS = ['today', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKey = (typeof PERIODS)[number];
export const RANKINGS = ['street', 'community', 'department', 'worker'] as const;
export type RankingBy = (typeof RANKINGS)[number];

/** Place kinds a dashboard can stand on, and the grid level one below them on the map. */
const PLACE_LEVEL: Record<string, number> = {
  district: 0,
  street: 1,
  town: 1,
  park: 1,
  community: 2,
  village: 2,
};
export const STREET_KINDS: PlaceKind[] = ['street', 'town', 'park'];
export const COMMUNITY_KINDS: PlaceKind[] = ['community', 'village'];

export interface Crumb {
  kind: 'place' | 'grid' | 'grids';
  code: string;
  name: string;
}

export interface ResolvedArea extends DashboardArea {
  code: string | null;
  name: string;
  /** 'district' | 'street' | … for places, 'grid1' … 'grid4' for a grid, 'grids' for a worker's grids. */
  level: string;
  breadcrumb: Crumb[];
  rankings: RankingBy[];
  /** Which grids the map shows: those of `level` under `placePath`, the children of `parentGridId`, or `paths`. */
  mapGrids:
    | { kind: 'level'; level: number; placePath: string }
    | { kind: 'children'; parentGridId: number }
    | { kind: 'paths'; paths: string[] };
}

const MY_GRIDS: Record<Lang, string> = { 'zh-CN': '我的网格', en: 'My grids' };

export async function resolveArea(
  ctx: RequestContext,
  query: { place?: string; grid?: string },
): Promise<ResolvedArea> {
  const { actor } = ctx;
  requireCapability(actor, 'dashboard.read');
  const db = ctx.app.database.db;
  if (query.place && query.grid) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/grid', message: 'give place or grid, not both' }]);
  }
  const [scope, actorChain] = await Promise.all([gridScopeOf(db, actor), placeChain(db, actor.placePath)]);
  const worker = scope !== null;
  const rootCrumb: Crumb = worker
    ? { kind: 'grids', code: '', name: MY_GRIDS[ctx.lang] }
    : { kind: 'place', code: actor.placeCode, name: actor.placeName };
  const rootLevel = PLACE_LEVEL[actorChain.at(-1)?.kind ?? ''] ?? 0;

  if (query.grid) {
    const grid = await db
      .selectFrom('grid as g')
      .innerJoin('place as p', 'p.id', 'g.place_id')
      .select(['g.id', 'g.code', 'g.name', 'g.level', 'g.path', 'g.kind', 'p.path as place_path'])
      .where('g.code', '=', query.grid)
      .where('g.retired_at', 'is', null)
      .executeTakeFirst();
    if (!grid) throw new AppError('NOT_FOUND');
    authorize(actor, 'dashboard.read', { path: grid.place_path });
    if (!pathInGridScope(scope, grid.path)) throw new AppError('NOT_FOUND');
    const ancestors = await db
      .selectFrom('grid')
      .select(['code', 'name', 'level', 'path'])
      .where('id', 'in', grid.path.split('/').filter(Boolean).map(Number))
      .orderBy('level')
      .execute();
    const shown = ancestors.filter((g) => (worker ? pathInGridScope(scope, g.path) : g.level > rootLevel));
    return {
      kind: 'grid',
      placePath: grid.place_path,
      gridPaths: [grid.path],
      code: grid.code,
      name: grid.name,
      level: `grid${grid.level}`,
      breadcrumb: [rootCrumb, ...shown.map((g) => ({ kind: 'grid' as const, code: g.code, name: g.name }))],
      rankings: ['worker'],
      mapGrids: { kind: 'children', parentGridId: grid.id },
    };
  }

  if (worker) {
    if (query.place) throw new AppError('NOT_FOUND');
    return {
      kind: 'grids',
      placePath: actor.placePath,
      gridPaths: [...scope],
      code: null,
      name: MY_GRIDS[ctx.lang],
      level: 'grids',
      breadcrumb: [rootCrumb],
      rankings: ['worker'],
      mapGrids: { kind: 'paths', paths: [...scope] },
    };
  }

  const place = query.place
    ? authorize(actor, 'dashboard.read', await findByCode(db, query.place))
    : authorize(actor, 'dashboard.read', await findByCode(db, actor.placeCode));
  const level = PLACE_LEVEL[place.kind];
  if (level === undefined) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/place', message: 'a dashboard shows a district, a street or a community' },
    ]);
  }
  const chain = (await placeChain(db, place.path)).filter(
    (p) => p.path.startsWith(actor.placePath) && PLACE_LEVEL[p.kind] !== undefined,
  );
  const rankings: RankingBy[] =
    level === 0
      ? ['street', 'community', 'department', 'worker']
      : level === 1
        ? ['community', 'department', 'worker']
        : ['department', 'worker'];
  return {
    kind: 'place',
    placePath: place.path,
    gridPaths: null,
    code: place.code,
    name: place.name,
    level: place.kind,
    breadcrumb: chain.map((p) => ({ kind: 'place' as const, code: p.code, name: p.name })),
    rankings,
    mapGrids: { kind: 'level', level: level + 1, placePath: place.path },
  };
}

/** The WHERE condition (grid g joined to its place p) selecting the grids the area's map shows. */
export const mapGridCondition = (area: ResolvedArea) => {
  const m = area.mapGrids;
  if (m.kind === 'level') return sql<boolean>`g.level = ${m.level} AND p.path LIKE ${underPath(m.placePath)}`;
  if (m.kind === 'children') return sql<boolean>`g.parent_id = ${m.parentGridId}`;
  return m.paths.length === 0 ? sql<boolean>`false` : sql<boolean>`g.path = ANY(${m.paths}::text[])`;
};

function shiftMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)))
    .toISOString()
    .slice(0, 10);
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (day: string) => DAY_RE.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`));
export const MAX_CUSTOM_DAYS = 1100;

export interface ResolvedPeriod extends DashboardPeriod {
  key: PeriodKey;
}

/**
 * The period as whole days. Named periods run from their first day up to today (inclusive) and are compared with
 * the same days of the period before (last week's Monday to the same weekday, last month's first to the same
 * date …); a custom period [from, to] (inclusive) with the same number of days just before it.
 */
export function resolvePeriod(
  query: { period?: PeriodKey; from?: string; to?: string },
  now = new Date(),
): ResolvedPeriod {
  const today = localDay(now);
  const key = query.period ?? 'month';
  const tomorrow = addDays(today, 1);
  if (key === 'custom') {
    const fields = [];
    if (!query.from || !validDay(query.from)) fields.push({ path: '/from', message: 'YYYY-MM-DD required' });
    if (!query.to || !validDay(query.to)) fields.push({ path: '/to', message: 'YYYY-MM-DD required' });
    if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
    const fromDay = query.from!;
    const toDay = addDays(query.to!, 1);
    const days = Math.round((Date.parse(toDay) - Date.parse(fromDay)) / 86_400_000);
    if (days < 1)
      throw new AppError('VALIDATION_FAILED', {}, [{ path: '/to', message: 'to is before from' }]);
    if (days > MAX_CUSTOM_DAYS) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: '/to', message: `at most ${MAX_CUSTOM_DAYS} days` },
      ]);
    }
    return {
      key,
      fromDay,
      toDay,
      previousFromDay: addDays(fromDay, -days),
      previousToDay: fromDay,
      today,
    };
  }
  const [y, m] = today.split('-').map(Number) as [number, number];
  let fromDay: string;
  let shift: (day: string) => string;
  switch (key) {
    case 'today':
      fromDay = today;
      shift = (d) => addDays(d, -1);
      break;
    case 'week': {
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
      fromDay = addDays(today, -weekday);
      shift = (d) => addDays(d, -7);
      break;
    }
    case 'month':
      fromDay = `${today.slice(0, 7)}-01`;
      shift = (d) => shiftMonths(d, -1);
      break;
    case 'quarter':
      fromDay = `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
      shift = (d) => shiftMonths(d, -3);
      break;
    case 'year':
      fromDay = `${y}-01-01`;
      shift = (d) => shiftMonths(d, -12);
      break;
  }
  return {
    key,
    fromDay,
    toDay: tomorrow,
    previousFromDay: shift(fromDay),
    previousToDay: shift(tomorrow),
    today,
  };
}

export interface DashboardQuery {
  place?: string;
  grid?: string;
  period?: PeriodKey;
  from?: string;
  to?: string;
}

/** The area and period of a dashboard request (404 outside the actor's sight). */
export async function resolveAreaAndPeriod(ctx: RequestContext, query: DashboardQuery) {
  const area = await resolveArea(ctx, query);
  const period = resolvePeriod(query);
  return { area, period };
}

export const periodView = (p: ResolvedPeriod) => ({
  key: p.key,
  from: p.fromDay,
  to: addDays(p.toDay, -1),
  previousFrom: p.previousFromDay,
  previousTo: addDays(p.previousToDay, -1),
});

export const areaView = (a: ResolvedArea) => ({
  kind: a.kind,
  code: a.code,
  name: a.name,
  level: a.level,
  breadcrumb: a.breadcrumb,
  rankings: a.rankings,
});

export const dueEndOf = (p: ResolvedPeriod) => (p.toDay < p.today ? p.toDay : p.today);

/**
 * The case views of the command dashboard, on the daily rollups: trend, categories, rankings, the map of child
 * grids with open cases as pins. Served by the cases module under /api/dashboard (cases.dashboard-views.routes.ts);
 * the area and period rules are the dashboard's (dashboard.area.ts). See docs/ARCHITECTURE.md, "Dashboard and
 * rollups".
 */
import { underPath } from '../../../core/sql.js';
import { sql } from 'kysely';
import type { RequestContext } from '../../../core/context.js';
import { AppError } from '../../../http/errors.js';
import type { Lang } from '../../../http/messages.js';
import { OPEN_STATUSES } from '../../../../shared/case-workflow.js';
import { ALL_DAYS, selectorFor } from './cases.dashboard.js';
import { emptyCounters, ratesFrom, type Counters } from './cases.counters.js';
import { sumRollups } from './cases.rollup.js';
import {
  COMMUNITY_KINDS,
  dueEndOf,
  mapGridCondition,
  resolveAreaAndPeriod,
  STREET_KINDS,
  type DashboardQuery,
  type RankingBy,
  type ResolvedArea,
} from '../../dashboard/dashboard.area.js';
import { addDays } from '../../../../shared/working-time.js';
import { inArea } from '../../dashboard/dashboard.area-sql.js';
import { areaMicroGrids } from '../../grids/grids.dashboard.js';

const rate = (r: { value: number | null }) => r.value;

export type TrendBy = 'day' | 'week' | 'month';
const BUCKET: Record<TrendBy, string> = {
  day: 'day',
  week: `date_trunc('week', day)::date`,
  month: `date_trunc('month', day)::date`,
};

function bucketOf(day: string, by: TrendBy): string {
  if (by === 'day') return day;
  if (by === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return new Date(Date.parse(`${day}T00:00:00Z`) - weekday * 86_400_000).toISOString().slice(0, 10);
}

export async function dashboardTrend(ctx: RequestContext, query: DashboardQuery & { by?: TrendBy }) {
  const { area, period } = await resolveAreaAndPeriod(ctx, query);
  const by = query.by ?? 'day';
  const rows = await sumRollups(
    ctx.app.database.db,
    selectorFor(area),
    { fromDay: period.fromDay, toDay: period.toDay, dueEnd: dueEndOf(period) },
    BUCKET[by],
  );
  const byBucket = new Map(rows.map((r) => [r.key, r.counters]));
  const points = [];
  const seen = new Set<string>();
  for (let day = period.fromDay; day < period.toDay; day = addDays(day, 1)) {
    const bucket = bucketOf(day, by);
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    const c = byBucket.get(bucket) ?? emptyCounters();
    const r = ratesFrom(c);
    points.push({
      bucket,
      reported: c.reported,
      handled: c.handled,
      closed: c.closed,
      onTimeHandlingRate: rate(r.onTimeHandlingRate),
      satisfactionRate: rate(r.satisfactionRate),
    });
  }
  return { by, points };
}

export async function dashboardCategories(ctx: RequestContext, query: DashboardQuery) {
  const { area, period } = await resolveAreaAndPeriod(ctx, query);
  const db = ctx.app.database.db;
  const range = { fromDay: period.fromDay, toDay: period.toDay, dueEnd: dueEndOf(period) };
  // places carry a row per category; grid areas count their cases' categories from the case rows themselves
  let rows: { key: string; counters: Counters }[];
  if (area.kind === 'place') {
    rows = await sumRollups(db, { ...selectorFor(area), category: 'each' }, range, 'category_id');
  } else {
    const counted = await db
      .selectFrom('civic_case as c')
      .select([
        'c.category_id',
        sql<number>`count(*)::int`.as('reported'),
        sql<number>`(count(*) FILTER (WHERE c.handled_at IS NOT NULL))::int`.as('handled'),
        sql<number>`(count(*) FILTER (WHERE c.handled_at IS NOT NULL AND c.handled_on_time))::int`.as(
          'on_time',
        ),
        sql<number>`(count(*) FILTER (WHERE c.rating IS NOT NULL))::int`.as('rated'),
        sql<number>`(count(*) FILTER (WHERE c.rating >= 4))::int`.as('satisfied'),
      ])
      .where(inArea(area, 'c.path', 'c.grid_path'))
      .where(sql<boolean>`louyuan_local_day(c.reported_at) >= ${period.fromDay}::date`)
      .where(sql<boolean>`louyuan_local_day(c.reported_at) < ${period.toDay}::date`)
      .groupBy('c.category_id')
      .execute();
    rows = counted.map((r) => ({
      key: String(r.category_id),
      counters: {
        ...emptyCounters(),
        reported: Number(r.reported),
        handled: Number(r.handled),
        handled_on_time: Number(r.on_time),
        rated: Number(r.rated),
        satisfied: Number(r.satisfied),
      },
    }));
  }
  const ids = rows.map((r) => Number(r.key));
  const names = ids.length
    ? await db
        .selectFrom('case_category')
        .select(['id', 'code', 'name', 'name_en'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const total = rows.reduce((sum, r) => sum + r.counters.reported, 0);
  return {
    rows: rows
      .map((r) => {
        const category = names.find((n) => n.id === Number(r.key));
        const rates = ratesFrom(r.counters);
        return {
          code: category?.code ?? r.key,
          name: (ctx.lang === 'en' && category?.name_en) || category?.name || r.key,
          reported: r.counters.reported,
          handled: r.counters.handled,
          onTimeHandlingRate: rate(rates.onTimeHandlingRate),
          satisfactionRate: rate(rates.satisfactionRate),
          share: total === 0 ? null : r.counters.reported / total,
        };
      })
      .sort((a, b) => b.reported - a.reported || a.code.localeCompare(b.code)),
  };
}

/**
 * The composite score of a ranking, in the manner of the evaluation indicators of GB/T 30428.4 (数字化城市管理
 * 信息系统 第4部分：绩效评价): a weighted mean of five rates, out of 100. A rate without cases (null) is left out
 * and the other weights scaled up to 100 %; no rate at all gives no score.
 */
export const SCORE_WEIGHTS = {
  acceptanceRate: 0.15,
  onTimeHandlingRate: 0.25,
  onTimeClosureRate: 0.25,
  reworkRate: 0.15, // counted as (1 − rework rate)
  satisfactionRate: 0.2,
} as const;

/** Fewer cases reported in the period than this and a unit's rates say too little to rank it. */
export const MIN_RANKED_CASES = 5;

export const SCORE_FORMULA: Record<Lang, string> = {
  'zh-CN':
    '综合得分 = 100 ×（受理率 × 15% + 按期处置率 × 25% + 按期结案率 × 25% +（1 − 返工率）× 15% + 满意率 × 20%）。' +
    '参照 GB/T 30428.4 绩效评价指标；某项指标当期无案件时不计入，其余权重按比例放大；同分按上报数排序。' +
    `当期上报少于 ${MIN_RANKED_CASES} 件的单位样本不足，不参与排名，列于末尾（名次为“—”）。`,
  en:
    'Score = 100 × (acceptance rate × 15% + on-time handling rate × 25% + on-time closure rate × 25% + ' +
    '(1 − rework rate) × 15% + satisfaction rate × 20%), after the evaluation indicators of GB/T 30428.4. ' +
    'A rate with no cases in the period is left out and the other weights scaled up; ties go to more cases reported. ' +
    `Units with fewer than ${MIN_RANKED_CASES} cases reported in the period are too small a sample: not ranked, ` +
    'listed last (rank "—").',
};

export function compositeScore(rates: ReturnType<typeof ratesFrom>): number | null {
  let weight = 0;
  let sum = 0;
  for (const [key, w] of Object.entries(SCORE_WEIGHTS) as [keyof typeof SCORE_WEIGHTS, number][]) {
    const value = rates[key].value;
    if (value === null) continue;
    weight += w;
    sum += w * (key === 'reworkRate' ? 1 - value : value);
  }
  return weight === 0 ? null : Math.round((sum / weight) * 1000) / 10;
}

/**
 * Grid workers ranked by the cases of the micro-grids they serve now (网格员考核): each person's micro-grids under
 * the area, their rollups added up per person (a person serving two micro-grids is judged on both).
 */
async function workerEntries(
  ctx: RequestContext,
  area: ResolvedArea,
  range: { fromDay: string; toDay: string; dueEnd: string },
): Promise<{ code: string; name: string; counters: Counters }[]> {
  const db = ctx.app.database.db;
  const served = await areaMicroGrids(db, area)
    .innerJoin('grid_staff_assignment as a', 'a.grid_id', 'g.id')
    .innerJoin('grid_staff as s', 's.id', 'a.staff_id')
    .select(['s.id as staff_id', 's.name', 'g.path', 'p.name as place_name'])
    .where('a.role', '=', 'worker')
    .where('a.ended_on', 'is', null)
    .execute();
  if (served.length === 0) return [];
  const sums = await sumRollups(
    db,
    { dim: 'grid', nodes: [...new Set(served.map((r) => r.path))] },
    range,
    'node',
  );
  const byGrid = new Map(sums.map((s) => [s.key, s.counters]));
  const people = new Map<number, { code: string; name: string; counters: Counters }>();
  for (const r of served) {
    const person = people.get(Number(r.staff_id)) ?? {
      code: String(r.staff_id),
      name: `${r.name}（${r.place_name}）`,
      counters: emptyCounters(),
    };
    const c = byGrid.get(r.path);
    if (c) for (const k of Object.keys(c) as (keyof Counters)[]) person.counters[k] += c[k];
    people.set(Number(r.staff_id), person);
  }
  return [...people.values()];
}

export async function dashboardRankings(ctx: RequestContext, query: DashboardQuery & { by?: RankingBy }) {
  const { area, period } = await resolveAreaAndPeriod(ctx, query);
  const db = ctx.app.database.db;
  const by = query.by ?? area.rankings[0];
  if (!by || !area.rankings.includes(by)) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/by', message: `this area ranks: ${area.rankings.join(', ') || 'nothing'}` },
    ]);
  }
  const range = { fromDay: period.fromDay, toDay: period.toDay, dueEnd: dueEndOf(period) };
  let entries: { code: string; name: string; counters: Counters }[];
  if (by === 'street' || by === 'community') {
    const places = await db
      .selectFrom('place')
      .select(['path', 'code', 'name'])
      .where('kind', 'in', by === 'street' ? STREET_KINDS : COMMUNITY_KINDS)
      .where('path', 'like', underPath(area.placePath))
      .orderBy('code')
      .execute();
    const sums = places.length
      ? await sumRollups(db, { dim: 'place', nodes: places.map((p) => p.path) }, range, 'node')
      : [];
    const counted = new Map(sums.map((s) => [s.key, s.counters]));
    entries = places.map((p) => ({
      code: p.code,
      name: p.name,
      counters: counted.get(p.path) ?? emptyCounters(),
    }));
  } else if (by === 'department') {
    const sums = await sumRollups(db, { dim: 'department', under: area.placePath }, range, 'node');
    const departments = await db.selectFrom('department').select(['id', 'code', 'name', 'name_en']).execute();
    entries = sums.flatMap((s) => {
      const d = departments.find((x) => String(x.id) === s.key);
      return d
        ? [{ code: d.code, name: (ctx.lang === 'en' && d.name_en) || d.name, counters: s.counters }]
        : [];
    });
  } else {
    entries = await workerEntries(ctx, area, range);
  }
  const rows = entries.map((e) => {
    const c = e.counters;
    const rates = ratesFrom(c);
    return {
      code: e.code,
      name: e.name,
      score: compositeScore(rates),
      reported: c.reported,
      handled: c.handled,
      acceptanceRate: rate(rates.acceptanceRate),
      onTimeHandlingRate: rate(rates.onTimeHandlingRate),
      onTimeClosureRate: rate(rates.onTimeClosureRate),
      reworkRate: rate(rates.reworkRate),
      satisfactionRate: rate(rates.satisfactionRate),
    };
  });
  const ranked = (r: { reported: number }) => r.reported >= MIN_RANKED_CASES;
  rows.sort(
    (a, b) =>
      Number(ranked(b)) - Number(ranked(a)) ||
      (b.score ?? -1) - (a.score ?? -1) ||
      b.reported - a.reported ||
      a.code.localeCompare(b.code),
  );
  return {
    by,
    formula: SCORE_FORMULA[ctx.lang],
    minCases: MIN_RANKED_CASES,
    rows: rows.map((r, i) => ({ rank: ranked(r) ? i + 1 : null, ...r })),
  };
}

export type MapFigure = 'casesPer1000' | 'overdue' | 'onTimeClosureRate';
export const MAX_PINS = 2000;

export async function dashboardMap(ctx: RequestContext, query: DashboardQuery & { figure?: MapFigure }) {
  const { area, period } = await resolveAreaAndPeriod(ctx, query);
  const db = ctx.app.database.db;
  const figure = query.figure ?? 'casesPer1000';
  // The child grids with their figures, and the open cases' pins: independent reads, asked at once.
  const [{ grids, inPeriod, state }, pins] = await Promise.all([
    (async () => {
      const grids = await db
        .selectFrom('grid as g')
        .innerJoin('place as p', 'p.id', 'g.place_id')
        .select([
          'g.id',
          'g.code',
          'g.name',
          'g.level',
          'g.path',
          'g.households',
          'g.geometry',
          sql<boolean>`EXISTS (SELECT 1 FROM grid k WHERE k.parent_id = g.id AND k.retired_at IS NULL)`.as(
            'drillable',
          ),
        ])
        .where('g.kind', '=', 'base')
        .where('g.retired_at', 'is', null)
        .where(mapGridCondition(area))
        .orderBy('g.code')
        .execute();
      const nodes = grids.map((g) => g.path);
      const range = { fromDay: period.fromDay, toDay: period.toDay, dueEnd: dueEndOf(period) };
      const [inPeriod, state] = nodes.length
        ? await Promise.all([
            sumRollups(db, { dim: 'grid', nodes }, range, 'node'),
            sumRollups(db, { dim: 'grid', nodes }, { ...ALL_DAYS, dueEnd: period.today }, 'node'),
          ])
        : [[], []];
      return { grids, inPeriod, state };
    })(),
    db
      .selectFrom('civic_case as c')
      .innerJoin('case_category as cat', 'cat.id', 'c.category_id')
      .select([
        'c.id',
        'c.code',
        'c.lng',
        'c.lat',
        'c.status',
        sql<boolean>`(c.current_due_at IS NOT NULL AND c.current_due_at < now())`.as('overdue'),
        ctx.lang === 'en' ? 'cat.name_en as category' : 'cat.name as category',
      ])
      .where('c.status', 'in', [...OPEN_STATUSES])
      .where(inArea(area, 'c.path', 'c.grid_path'))
      .orderBy('c.reported_at', 'desc')
      .limit(MAX_PINS + 1)
      .execute(),
  ]);
  const periodBy = new Map(inPeriod.map((r) => [r.key, r.counters]));
  const stateBy = new Map(state.map((r) => [r.key, r.counters]));
  const areas = grids.map((g) => {
    const c = periodBy.get(g.path) ?? emptyCounters();
    const overdue = stateBy.get(g.path)?.overdue ?? 0;
    const value =
      figure === 'overdue'
        ? overdue
        : figure === 'onTimeClosureRate'
          ? ratesFrom(c).onTimeClosureRate.value
          : g.households === 0
            ? null
            : (c.reported / g.households) * 1000;
    return {
      code: g.code,
      name: g.name,
      level: g.level,
      households: g.households,
      value,
      reported: c.reported,
      overdue,
      drillable: g.drillable,
      geometry: g.geometry as unknown as { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] },
    };
  });
  return {
    figure,
    areas,
    pins: pins.slice(0, MAX_PINS).map((p) => ({ ...p, id: Number(p.id), overdue: Boolean(p.overdue) })),
    pinsTruncated: pins.length > MAX_PINS,
  };
}

/**
 * Case figures (案件指标) over a scope and a period, counted by SQL aggregates from `civic_case` rows (the facts
 * the workflow writes when they happen: on time or not, working minutes, counters), never recomputed from
 * history. See docs/ARCHITECTURE.md, "Case figures".
 *
 * Scope: the cases the actor may see (caseScope), narrowed by `within` (a place code: cases under it), `grid`
 * (a grid code: cases in it or its sub-grids), `department` (cases a department was dispatched or summoned to)
 * and `worker` (cases a grid worker's account handles now).
 * Period [from, to): default this month in Asia/Shanghai. The cohort is the cases *reported* in the period:
 *
 * - reported: cases with reported_at in [from, to).
 * - accepted: of those, accepted_at set and not merged.
 * - acceptanceRate = accepted / (reported − still reported − merged): of the reports decided (accepted or
 *   rejected), the share accepted.
 * - dispatchAccuracy = dispatched with returned_count = 0 / dispatched (dispatched: dispatched_at set).
 * - onTimeHandlingRate = handled_on_time / handled (handled: handled_at set).
 * - reworkRate = rework_count > 0 / handled.
 * - extensionRate = extension_count > 0 / dispatched.
 * - avgHandlingHours = average handling_minutes / 60 over handled cases (working hours from first dispatch to
 *   the last handling report); numerator: their total hours, denominator: their number.
 * - satisfactionRate = rating ≥ 4 / rated (rating set).
 *
 * Deadline figures count the cases *due* in the period instead: handle_due_at in [from, min(to, now)) — the
 * cases whose handling deadline has passed inside the period, whenever they were reported:
 *
 * - closureRate = closed (closed_at set) / due.
 * - onTimeClosureRate = closed_on_time / due (closed by the handling deadline).
 *
 * Every rate is { value (0..1, or null when the denominator is 0), numerator, denominator }.
 */
import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../../core/context.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/actor.js';
import { authorize, requireCapability } from '../../policy/authorize.js';
import { gridScopeOf } from '../../policy/grid-scope.js';
import { OPEN_STATUSES } from '../../../shared/case-workflow.js';
import type { StatDefinition } from '../manifest.js';
import { findByCode, underPath } from '../places/places.queries.js';
import { caseScope } from './cases.queries.js';

export interface FigureQuery {
  within?: string;
  grid?: string;
  department?: string;
  worker?: number;
  from?: string;
  to?: string;
}

export interface Ratio {
  value: number | null;
  numerator: number;
  denominator: number;
}

const ratio = (numerator: number, denominator: number): Ratio => ({
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

const OFFSET_MS = 8 * 3600_000;

/** This month in Asia/Shanghai (UTC+8 all year): [first day 00:00, first day of next month 00:00). */
export function thisMonth(now: Date): { from: Date; to: Date } {
  const local = new Date(now.getTime() + OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return {
    from: new Date(Date.UTC(y, m, 1) - OFFSET_MS),
    to: new Date(Date.UTC(y, m + 1, 1) - OFFSET_MS),
  };
}

export async function caseFigures(ctx: RequestContext, query: FigureQuery) {
  requireCapability(ctx.actor, 'cases.read');
  const { db } = ctx.app.database;
  const now = new Date();
  const month = thisMonth(now);
  const from = query.from ? new Date(query.from) : month.from;
  const to = query.to ? new Date(query.to) : month.to;
  if (!(from < to)) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/to', message: 'to must be after from' }]);
  }
  const dueEnd = to < now ? to : now;
  const gridScope = await gridScopeOf(db, ctx.actor);

  let q = db.selectFrom('civic_case as c').where(caseScope(ctx.actor, gridScope));
  const scope: {
    within: string | null;
    grid: string | null;
    department: string | null;
    worker: number | null;
  } = { within: null, grid: null, department: null, worker: null };
  if (query.within) {
    const place = authorize(ctx.actor, 'cases.read', await findByCode(db, query.within));
    q = q.where('c.path', 'like', underPath(place.path));
    scope.within = place.code;
  }
  if (query.grid) {
    const grid = await db
      .selectFrom('grid')
      .select(['path', 'code'])
      .where('code', '=', query.grid)
      .executeTakeFirst();
    if (!grid) throw new AppError('NOT_FOUND');
    q = q.where('c.grid_path', 'like', underPath(grid.path));
    scope.grid = grid.code;
  }
  if (query.department) {
    const department = await db
      .selectFrom('department')
      .select(['id', 'code'])
      .where('code', '=', query.department)
      .executeTakeFirst();
    if (!department) throw new AppError('NOT_FOUND');
    q = q.where(
      sql<boolean>`EXISTS (SELECT 1 FROM case_department d WHERE d.case_id = c.id AND d.department_id = ${department.id})`,
    );
    scope.department = department.code;
  }
  if (query.worker !== undefined) {
    q = q.where('c.handler_user_id', '=', query.worker);
    scope.worker = query.worker;
  }

  const inPeriod = sql`(c.reported_at >= ${from} AND c.reported_at < ${to})`;
  const due = sql`(c.handle_due_at >= ${from} AND c.handle_due_at < ${dueEnd})`;
  const count = (condition: ReturnType<typeof sql>) =>
    sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;
  const dispatched = sql`${inPeriod} AND c.dispatched_at IS NOT NULL`;
  const handled = sql`${inPeriod} AND c.handled_at IS NOT NULL`;
  const row = await q
    .where(sql<boolean>`(${inPeriod} OR ${due})`)
    .select([
      count(inPeriod).as('reported'),
      count(sql`${inPeriod} AND c.accepted_at IS NOT NULL AND c.status <> 'merged'`).as('accepted'),
      count(sql`${inPeriod} AND c.status = 'reported'`).as('still_reported'),
      count(sql`${inPeriod} AND c.status = 'merged'`).as('merged'),
      count(sql`${inPeriod} AND c.status = 'rejected'`).as('rejected'),
      count(dispatched).as('dispatched'),
      count(sql`${dispatched} AND c.returned_count = 0`).as('dispatched_clean'),
      count(sql`${dispatched} AND c.extension_count > 0`).as('extended'),
      count(handled).as('handled'),
      count(sql`${handled} AND c.handled_on_time`).as('handled_on_time'),
      count(sql`${handled} AND c.rework_count > 0`).as('reworked'),
      count(sql`${handled} AND c.handling_minutes IS NOT NULL`).as('timed'),
      sql<number>`coalesce(sum(c.handling_minutes) FILTER (WHERE ${handled}), 0)::float8`.as('minutes'),
      count(sql`${inPeriod} AND c.rating IS NOT NULL`).as('rated'),
      count(sql`${inPeriod} AND c.rating >= 4`).as('satisfied'),
      count(due).as('due'),
      count(sql`${due} AND c.closed_at IS NOT NULL`).as('closed'),
      count(sql`${due} AND c.closed_on_time`).as('closed_on_time'),
    ])
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v ?? 0);
  const reported = n(row.reported);
  const accepted = n(row.accepted);
  const decided = reported - n(row.still_reported) - n(row.merged);
  const timed = n(row.timed);
  const hours = n(row.minutes) / 60;
  return {
    scope,
    from: from.toISOString(),
    to: to.toISOString(),
    reported,
    accepted,
    rejected: n(row.rejected),
    merged: n(row.merged),
    dispatched: n(row.dispatched),
    handled: n(row.handled),
    due: n(row.due),
    closed: n(row.closed),
    acceptanceRate: ratio(accepted, decided),
    dispatchAccuracy: ratio(n(row.dispatched_clean), n(row.dispatched)),
    onTimeHandlingRate: ratio(n(row.handled_on_time), n(row.handled)),
    closureRate: ratio(n(row.closed), n(row.due)),
    onTimeClosureRate: ratio(n(row.closed_on_time), n(row.due)),
    reworkRate: ratio(n(row.reworked), n(row.handled)),
    extensionRate: ratio(n(row.extended), n(row.dispatched)),
    avgHandlingHours: { value: timed === 0 ? null : hours / timed, numerator: hours, denominator: timed },
    satisfactionRate: ratio(n(row.satisfied), n(row.rated)),
  };
}
export type CaseFigures = Awaited<ReturnType<typeof caseFigures>>;

async function countOpen(db: Kysely<DB>, actor: Actor, overdue: boolean): Promise<number> {
  const gridScope = await gridScopeOf(db, actor);
  const row = await db
    .selectFrom('civic_case as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(caseScope(actor, gridScope))
    .where('c.status', 'in', [...OPEN_STATUSES])
    .$if(overdue, (q) => q.where('c.current_due_at', '<', new Date()))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Home-page figures: open cases in my scope, and those of them past their current deadline. */
export const caseStats: StatDefinition[] = [
  {
    key: 'cases.open',
    label: { 'zh-CN': '在办案件', en: 'Open cases' },
    capability: 'cases.read',
    compute: (db, actor) => countOpen(db, actor, false),
  },
  {
    key: 'cases.overdue',
    label: { 'zh-CN': '超期案件', en: 'Overdue cases' },
    capability: 'cases.read',
    compute: (db, actor) => countOpen(db, actor, true),
  },
];

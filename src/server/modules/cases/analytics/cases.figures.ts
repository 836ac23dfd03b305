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
import type { RequestContext } from '../../../core/context.js';
import type { DB } from '../../../db/types.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../policy/actor.js';
import { authorize, requireCapability } from '../../../policy/authorize.js';
import { gridScopeOf } from '../../../policy/grid-scope.js';
import { OPEN_STATUSES } from '../../../../shared/case-workflow.js';
import type { StatDefinition } from '../../manifest.js';
import { findByCode } from '../../places/places.queries.js';
import { underPath } from '../../../core/sql.js';
import { caseScope } from '../cases.queries.js';
import { COUNTER_NAMES, counterSql, ratesFrom, type Counters } from './cases.counters.js';
export type { Ratio } from './cases.counters.js';

export interface FigureQuery {
  within?: string;
  grid?: string;
  department?: string;
  worker?: number;
  from?: string;
  to?: string;
}

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

  const inPeriod = `(c.reported_at >= '${from.toISOString()}' AND c.reported_at < '${to.toISOString()}')`;
  const due = `(c.handle_due_at >= '${from.toISOString()}' AND c.handle_due_at < '${dueEnd.toISOString()}')`;
  const cohorts = { r: inPeriod, d: due };
  const row = await q
    .where(sql<boolean>`(${sql.raw(inPeriod)} OR ${sql.raw(due)})`)
    .select(
      COUNTER_NAMES.map((n) => sql<number>`${sql.raw(counterSql(n, (cohort) => cohorts[cohort]))}`.as(n)),
    )
    .executeTakeFirstOrThrow();
  const counters = Object.fromEntries(COUNTER_NAMES.map((n) => [n, Number(row[n] ?? 0)])) as Counters;
  return {
    scope,
    from: from.toISOString(),
    to: to.toISOString(),
    reported: counters.reported,
    accepted: counters.accepted,
    rejected: counters.rejected,
    merged: counters.merged,
    dispatched: counters.dispatched,
    handled: counters.handled,
    due: counters.due,
    closed: counters.closed,
    ...ratesFrom(counters),
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

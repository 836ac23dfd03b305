/**
 * Daily rollups of the case figures (`case_rollup`, migration 0008): how they are computed from `civic_case`,
 * kept up to date (the sweep of stale days) and rebuilt from scratch (`louyuan stats rebuild`), and how figures
 * are read back. See docs/ARCHITECTURE.md, "Dashboard and rollups".
 *
 * The counters are the same facts `cases.figures.ts` counts directly (on time or not, working minutes, counters
 * written by the workflow); COUNTERS below is the one definition both the rollup and the direct count use.
 */
import { addDays, dayStart } from '../../../../shared/working-time.js';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.js';
import { COUNTER_NAMES, COUNTERS, counterSql, type Counters } from './cases.counters.js';

type Executor = Kysely<DB> | Transaction<DB>;

export const ROLLUP_AS_OF_KEY = 'cases.rollup.at';
const ROLLUP_LOCK = 0x10c_a5e_0;

/** Days grouped into runs of consecutive days, as [first, last] pairs. */
function runsOf(days: string[]): [string, string][] {
  const sorted = [...new Set(days)].sort();
  const runs: [string, string][] = [];
  for (const day of sorted) {
    const last = runs.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

const PREFIX = (depth: number) => `'^((?:/[0-9]+){${depth}}/)'`;
/** The case's place path cut at community level (depth 3), or its whole path when shallower. */
const COMMUNITY_PREFIX = `coalesce(substring(f.path from '^((?:/[0-9]+){1,3}/)'), f.path)`;

/**
 * Recompute the rollup rows of the given days from civic_case (null: every day — the rebuild). One statement:
 * the cases reported or due on those days become one fact row per cohort day, aggregated first at the finest
 * key of each dimension (community × category, micro-grid, department) and then summed up the place and
 * grid trees, so the expensive pass over cases happens once.
 */
async function recompute(trx: Executor, days: string[] | null): Promise<void> {
  let caseFilter = sql`true`;
  let dayFilter = (column: string) => sql.raw(`${column} IS NOT NULL`);
  if (days) {
    const ranges = runsOf(days).map(([first, last]) => {
      const lo = dayStart(first);
      const hi = dayStart(addDays(last, 1));
      return sql`(reported_at >= ${lo} AND reported_at < ${hi}) OR (handle_due_at >= ${lo} AND handle_due_at < ${hi})`;
    });
    caseFilter = sql.join(ranges, sql` OR `);
    dayFilter = (column: string) => sql`${sql.raw(column)} = ANY(${days}::date[])`;
    await sql`DELETE FROM case_rollup WHERE day = ANY(${days}::date[])`.execute(trx);
  } else {
    await sql`DELETE FROM case_rollup`.execute(trx);
  }
  const stage1 = sql.raw(
    COUNTER_NAMES.map((n) => `${counterSql(n, (cohort) => cohort)} AS ${n}`).join(',\n'),
  );
  const stage2 = sql.raw(
    COUNTER_NAMES.map((n) => `sum(${n})::${'sum' in COUNTERS[n] ? 'bigint' : 'int'} AS ${n}`).join(', '),
  );
  const columns = sql.raw(COUNTER_NAMES.join(', '));
  await sql`
    WITH c AS MATERIALIZED (
      SELECT id, category_id, path, grid_path, status, accepted_at, dispatched_at, returned_count,
        extension_count, handled_at, handled_on_time, rework_count, handling_minutes, rating, closed_at,
        closed_on_time, current_due_at, overdue_swept_at, louyuan_local_day(reported_at) AS rday, louyuan_local_day(handle_due_at) AS dday
      FROM civic_case WHERE ${caseFilter}
    ),
    f AS MATERIALIZED (
      SELECT c.*, rday AS day, true AS r, false AS d FROM c WHERE ${dayFilter('rday')}
      UNION ALL
      SELECT c.*, dday AS day, false AS r, true AS d FROM c WHERE ${dayFilter('dday')}
    ),
    by_place AS (
      SELECT day, ${sql.raw(COMMUNITY_PREFIX)} AS leaf, category_id, ${stage1} FROM f GROUP BY 1, 2, 3
    ),
    by_grid AS (
      SELECT day, grid_path AS leaf, ${stage1} FROM f WHERE grid_path IS NOT NULL GROUP BY 1, 2
    ),
    by_department AS (
      SELECT day, cd.department_id::text AS node, ${sql.raw(COMMUNITY_PREFIX)} AS scope_path, ${stage1}
      FROM f JOIN case_department cd ON cd.case_id = f.id GROUP BY 1, 2, 3
    )
    INSERT INTO case_rollup (day, dim, node, category_id, scope_path, ${columns})
    SELECT day, 'place', n.node, k.category_id, n.node, ${stage2}
      FROM by_place
      CROSS JOIN LATERAL (VALUES (substring(leaf from ${sql.raw(PREFIX(1))})),
        (substring(leaf from ${sql.raw(PREFIX(2))})), (substring(leaf from ${sql.raw(PREFIX(3))}))) n(node)
      CROSS JOIN LATERAL (VALUES (0::bigint), (by_place.category_id)) k(category_id)
      WHERE n.node IS NOT NULL GROUP BY 1, 3, 4
    UNION ALL
    SELECT day, 'grid', n.node, 0, n.node, ${stage2}
      FROM by_grid
      CROSS JOIN LATERAL (VALUES (substring(leaf from ${sql.raw(PREFIX(1))})),
        (substring(leaf from ${sql.raw(PREFIX(2))})), (substring(leaf from ${sql.raw(PREFIX(3))})),
        (substring(leaf from ${sql.raw(PREFIX(4))}))) n(node)
      WHERE n.node IS NOT NULL GROUP BY 1, 3
    UNION ALL
    SELECT day, 'department', node, 0, scope_path, ${columns} FROM by_department`.execute(trx);
}

async function markAsOf(trx: Executor, at: Date): Promise<void> {
  await sql`INSERT INTO louyuan_meta (key, value) VALUES (${ROLLUP_AS_OF_KEY}, ${at.toISOString()})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(trx);
}

/**
 * Bring the rollups up to date: take the stale days (deleting exactly the markers this transaction's snapshot
 * sees — a marker committed later stays for the next sweep), recompute those days and record when. One process
 * at a time (advisory lock; another process's sweep returns at once). Returns the number of days recomputed, or
 * null when another sweep held the lock.
 */
export async function sweepRollups(db: Kysely<DB>): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK}) AS ok`.execute(
      trx,
    );
    if (!lock.rows[0]?.ok) return null;
    const startedAt = new Date();
    const stale = await sql<{ day: string }>`DELETE FROM case_rollup_dirty RETURNING day`.execute(trx);
    const days = [...new Set(stale.rows.map((r) => r.day))];
    if (days.length > 0) await recompute(trx, days);
    await markAsOf(trx, startedAt);
    return days.length;
  });
}

/**
 * Rebuild every rollup row from civic_case (`louyuan stats rebuild`), month by month so each statement stays
 * bounded; `progress(done, total)` after each month. Holds the sweep's lock for the whole rebuild.
 */
export async function rebuildRollups(
  db: Kysely<DB>,
  progress?: (done: number, total: number) => void,
): Promise<{ days: number; rows: number }> {
  return db.transaction().execute((trx) => rebuildRollupsIn(trx, progress));
}

/** The rebuild inside a transaction the caller holds (the demo seeder's). */
export async function rebuildRollupsIn(
  trx: Executor,
  progress?: (done: number, total: number) => void,
): Promise<{ days: number; rows: number }> {
  await sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`.execute(trx);
  const startedAt = new Date();
  await sql`DELETE FROM case_rollup_dirty`.execute(trx);
  await sql`DELETE FROM case_rollup`.execute(trx);
  const span = await sql<{ first: string | null; last: string | null }>`
    SELECT least(min(louyuan_local_day(reported_at)), min(louyuan_local_day(handle_due_at))) AS first,
      greatest(max(louyuan_local_day(reported_at)), max(louyuan_local_day(handle_due_at))) AS last
    FROM civic_case`.execute(trx);
  const { first, last } = span.rows[0] ?? { first: null, last: null };
  let days = 0;
  if (first && last) {
    const months: string[][] = [];
    for (let day = first; day <= last; day = addDays(day, 1)) {
      const month = day.slice(0, 7);
      if (months.at(-1)?.[0]?.slice(0, 7) === month) months.at(-1)!.push(day);
      else months.push([day]);
      days++;
    }
    for (const [i, month] of months.entries()) {
      await recompute(trx, month);
      progress?.(i + 1, months.length);
    }
  }
  await markAsOf(trx, startedAt);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_rollup`.execute(trx);
  return { days, rows: count.rows[0]?.n ?? 0 };
}

/**
 * When the rollups were last brought up to date: now when no day is stale, else the last sweep's start (null
 * before the first sweep).
 */
export async function rollupAsOf(db: Executor): Promise<Date | null> {
  const row = await sql<{ stale: boolean; at: string | null }>`
    SELECT EXISTS (SELECT 1 FROM case_rollup_dirty) AS stale,
      (SELECT value FROM louyuan_meta WHERE key = ${ROLLUP_AS_OF_KEY}) AS at`.execute(db);
  const r = row.rows[0];
  if (!r?.stale) return new Date();
  return r.at ? new Date(r.at) : null;
}

/** Which rollup rows to add up: one dimension, its nodes (disjoint), optionally narrowed by scope path. */
export interface RollupSelector {
  dim: 'place' | 'grid' | 'department';
  nodes?: string[];
  /** department rows: only those of cases under this place path */
  under?: string;
  category?: 'all' | 'each';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The selector's rows of case_rollup (aliased `r`) over days [fromDay, toDay). */
function selectedRows(selector: RollupSelector, fromDay: string, toDay: string): RawBuilder<unknown> {
  const conditions = [
    sql`r.dim = ${selector.dim}`,
    sql`r.category_id ${selector.category === 'each' ? sql`<>` : sql`=`} 0`,
    sql`r.day >= ${fromDay}::date AND r.day < ${toDay}::date`,
  ];
  if (selector.nodes) conditions.push(sql`r.node = ANY(${selector.nodes}::text[])`);
  if (selector.under) conditions.push(sql`r.scope_path LIKE ${`${selector.under}%`}`);
  return sql.join(conditions, sql` AND `);
}

/** Every counter summed over `r`; those of the due cohort only over days before the SQL day `dueEnd`. */
function counterSums(dueEnd: string): RawBuilder<unknown> {
  return sql.raw(
    COUNTER_NAMES.map((n) =>
      COUNTERS[n].cohort === 'd'
        ? `coalesce(sum(r.${n}) FILTER (WHERE r.day < ${dueEnd}), 0)::float8 AS ${n}`
        : `coalesce(sum(r.${n}), 0)::float8 AS ${n}`,
    ).join(', '),
  );
}

const countersOf = (row: Record<string, unknown>): Counters =>
  Object.fromEntries(COUNTER_NAMES.map((n) => [n, Number(row[n] ?? 0)])) as Counters;

/**
 * Sum the counters of the selected rows over [fromDay, toDay) — the due-cohort counters only over days before
 * `dueEnd` (days whose end has passed) — grouped by `groupBy` (a SQL expression over case_rollup columns, e.g.
 * `node`, `category_id`, `date_trunc('week', day)::date`), or one total when absent.
 */
export async function sumRollups(
  db: Executor,
  selector: RollupSelector,
  period: { fromDay: string; toDay: string; dueEnd: string },
  groupBy?: string,
): Promise<{ key: string; counters: Counters }[]> {
  const { fromDay, toDay, dueEnd } = period;
  if (!DAY.test(dueEnd)) throw new Error(`bad day ${dueEnd}`);
  const key: RawBuilder<unknown> = groupBy ? sql.raw(`(${groupBy})::text`) : sql`''`;
  const result = await sql<Record<string, number | string>>`
    SELECT ${key} AS key, ${counterSums(`'${dueEnd}'::date`)} FROM case_rollup r
     WHERE ${selectedRows(selector, fromDay, toDay)}
    ${groupBy ? sql`GROUP BY 1` : sql``}`.execute(db);
  return result.rows.map((row) => ({ key: String(row.key), counters: countersOf(row) }));
}

export interface DayWindow {
  fromDay: string;
  toDay: string;
  dueEnd: string;
}

/**
 * The counters of one selection over several windows of days at once (a period, the period before, every day),
 * in one statement reading the selection's rows once: the rows are joined to the windows they fall in and summed
 * per window. Run without parallel workers: starting them costs more than reading a node's few thousand rows.
 */
export async function sumRollupWindows(
  db: Kysely<DB>,
  selector: RollupSelector,
  windows: DayWindow[],
): Promise<Counters[]> {
  const days = windows.flatMap((w) => [w.fromDay, w.toDay, w.dueEnd]);
  for (const day of days) if (!DAY.test(day)) throw new Error(`bad day ${day}`);
  const values = sql.join(
    windows.map(
      (w, i) =>
        sql`(${i}::int, ${w.fromDay}::date, ${w.toDay}::date, ${w.dueEnd < w.toDay ? w.dueEnd : w.toDay}::date)`,
    ),
  );
  const from = days.reduce((a, b) => (a < b ? a : b));
  const to = days.reduce((a, b) => (a > b ? a : b));
  const rows = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
    const result = await sql<Record<string, number>>`
      SELECT w.i, ${counterSums('w.due_end')}
      FROM (VALUES ${values}) AS w(i, from_day, to_day, due_end)
      JOIN case_rollup r ON r.day >= w.from_day AND r.day < w.to_day
      WHERE ${selectedRows(selector, from, to)}
      GROUP BY w.i`.execute(trx);
    return result.rows;
  });
  return windows.map((_, i) => countersOf(rows.find((r) => Number(r.i) === i) ?? {}));
}

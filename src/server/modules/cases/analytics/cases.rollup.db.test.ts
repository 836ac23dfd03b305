import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../testing/app.js';
import { pointServedBy } from '../../../testing/points.js';
import { rawCases, type RawCase } from '../../../testing/raw-cases.js';
import { OPEN_STATUSES } from '../../../../shared/case-workflow.js';
import { COUNTER_NAMES, type Counters } from './cases.counters.js';
import { addDays, localDate as localDay } from '../../../../shared/working-time.js';
import { rebuildRollups, rollupAsOf, sumRollups, sweepRollups, type RollupSelector } from './cases.rollup.js';

const OPEN: readonly string[] = OPEN_STATUSES;
let t: TestApp;
const s: Record<string, Session> = {};

/**
 * The counters recounted in TypeScript from the raw rows — written from the definitions in docs/ARCHITECTURE.md
 * ("Case figures"), not from the SQL — for the cases a selector covers, over [fromDay, toDay), due cohort before
 * dueEnd, days in Asia/Shanghai.
 */
async function recount(
  selector: RollupSelector,
  period: { fromDay: string; toDay: string; dueEnd: string },
  categoryId?: number,
): Promise<Counters> {
  const rows = await rawCases(t.database.db);
  const departments = await t.database.db.selectFrom('case_department').selectAll().execute();
  const nodes = selector.nodes ?? [];
  const inNode = (r: RawCase): boolean => {
    switch (selector.dim) {
      case 'place':
        return nodes.some((n) => r.path.startsWith(n));
      case 'grid':
        return nodes.some((n) => !!r.grid_path && r.grid_path.startsWith(n));
      case 'department':
        return departments.some((d) => d.case_id === r.id && nodes.includes(String(d.department_id)));
    }
  };
  const mine = rows.filter((r) => inNode(r) && (categoryId === undefined || r.category_id === categoryId));
  const inDays = (at: Date | null, end: string) =>
    at !== null && localDay(at) >= period.fromDay && localDay(at) < end;
  const cohort = mine.filter((r) => inDays(r.reported_at, period.toDay));
  const dueEnd = period.dueEnd < period.toDay ? period.dueEnd : period.toDay;
  const due = mine.filter((r) => inDays(r.handle_due_at, dueEnd));
  const count = (list: RawCase[], f: (r: RawCase) => boolean) => list.filter(f).length;
  const handled = cohort.filter((r) => r.handled_at !== null);
  const dispatched = cohort.filter((r) => r.dispatched_at !== null);
  return {
    reported: cohort.length,
    accepted: count(cohort, (r) => r.accepted_at !== null && r.status !== 'merged'),
    rejected: count(cohort, (r) => r.status === 'rejected'),
    still_reported: count(cohort, (r) => r.status === 'reported'),
    merged: count(cohort, (r) => r.status === 'merged'),
    dispatched: dispatched.length,
    dispatched_clean: count(dispatched, (r) => r.returned_count === 0),
    extended: count(dispatched, (r) => r.extension_count > 0),
    handled: handled.length,
    handled_on_time: count(handled, (r) => r.handled_on_time === true),
    reworked: count(handled, (r) => r.rework_count > 0),
    timed: count(handled, (r) => r.handling_minutes !== null),
    handling_minutes: handled.reduce((sum, r) => sum + (r.handling_minutes ?? 0), 0),
    rated: count(cohort, (r) => r.rating !== null),
    satisfied: count(cohort, (r) => r.rating !== null && r.rating >= 4),
    open: count(cohort, (r) => OPEN.includes(r.status)),
    overdue: count(
      cohort,
      (r) =>
        OPEN.includes(r.status) &&
        r.overdue_swept_at !== null &&
        r.current_due_at !== null &&
        r.overdue_swept_at >= r.current_due_at,
    ),
    due: due.length,
    closed: count(due, (r) => r.closed_at !== null),
    closed_on_time: count(due, (r) => r.closed_on_time === true),
  };
}

async function rolled(selector: RollupSelector, period: { fromDay: string; toDay: string; dueEnd: string }) {
  const [row] = await sumRollups(t.database.db, selector, period);
  return row!.counters;
}

let allTime = { fromDay: '', toDay: '', dueEnd: '' };
const today = () => localDay(new Date());

/** Nodes of every dimension the demo data touches: the district, streets, a community, grids, units. */
async function sampleSelectors(): Promise<RollupSelector[]> {
  const db = t.database.db;
  const places = await db
    .selectFrom('place')
    .select(['path', 'kind'])
    .where('kind', 'in', ['district', 'street', 'community'])
    .orderBy('path')
    .execute();
  const district = places.find((p) => p.kind === 'district')!.path;
  const streets = places.filter((p) => p.kind === 'street').slice(0, 3);
  const community = s.community1!.user.place.code;
  const communityPath = (
    await db.selectFrom('place').select('path').where('code', '=', community).executeTakeFirstOrThrow()
  ).path;
  const grids = await db
    .selectFrom('civic_case as c')
    .innerJoin('grid as g', 'g.id', 'c.grid_id')
    .select('g.path')
    .groupBy('g.path')
    .orderBy(sql`count(*)`, 'desc')
    .limit(2)
    .execute();
  const level1 = grids.map((g) => g.path.split('/').slice(0, 2).join('/') + '/');
  const departments = await db.selectFrom('case_department').select('department_id').distinct().execute();
  return [
    { dim: 'place', nodes: [district] },
    ...streets.map((p) => ({ dim: 'place' as const, nodes: [p.path] })),
    { dim: 'place', nodes: [communityPath] },
    { dim: 'grid', nodes: [...new Set(level1)] },
    ...grids.map((g) => ({ dim: 'grid' as const, nodes: [g.path] })),
    ...departments.map((d) => ({ dim: 'department' as const, nodes: [String(d.department_id)] })),
  ];
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['community1', 'grid1']) s[u] = await t.login(u);
  const span = await sql<{ first: string; last: string }>`
    SELECT min(louyuan_local_day(reported_at))::text AS first,
      greatest(max(louyuan_local_day(handle_due_at)), max(louyuan_local_day(reported_at)))::text AS last
    FROM civic_case`.execute(t.database.db);
  const { first, last } = span.rows[0]!;
  allTime = { fromDay: first, toDay: addDays(last > today() ? last : today(), 2), dueEnd: today() };
});
afterAll(() => t.close());

describe('case rollups', () => {
  it('hold, after the demo seed, what a recount of the raw rows gives for every dimension', async () => {
    const total = await t.database.db
      .selectFrom('civic_case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBeGreaterThan(100);
    const month = { fromDay: addDays(today(), -30), toDay: addDays(today(), 1), dueEnd: today() };
    for (const selector of await sampleSelectors()) {
      for (const period of [allTime, month]) {
        expect(await rolled(selector, period), JSON.stringify({ selector, period })).toEqual(
          await recount(selector, period),
        );
      }
    }
    // per category: the district's rows for one category equal the recount of that category alone
    const district = (await sampleSelectors())[0]!;
    const byCategory = await sumRollups(
      t.database.db,
      { ...district, category: 'each' },
      allTime,
      'category_id',
    );
    expect(byCategory.length).toBeGreaterThan(3);
    for (const { key, counters } of byCategory.slice(0, 4)) {
      expect(counters).toEqual(await recount(district, allTime, Number(key)));
    }
    // and the districts' total is the sum over its categories
    const all = await rolled(district, allTime);
    expect(byCategory.reduce((sum, r) => sum + r.counters.reported, 0)).toBe(all.reported);
  });

  it('follow reports and workflow steps once swept, and say when they were last brought up to date', async () => {
    const db = t.database.db;
    await sweepRollups(db);
    const before = await rollupAsOf(db);
    expect(before).not.toBeNull();
    const point = await pointServedBy(db);
    const ids: number[] = [];
    for (const [i, category] of ['1006', '0401', '1006'].entries()) {
      const res = await s.community1!.request('POST', '/api/cases', {
        categoryCode: category,
        description: `汇总测试 ${i}`,
        lng: point.lng,
        lat: point.lat,
      });
      expect(res.statusCode, res.body).toBe(200);
      ids.push(res.json<{ case: { id: number } }>().case.id);
    }
    // accept and dispatch one to its default department, another to the grid worker, then handle it
    let v = (await s.community1!.request('GET', `/api/cases/${ids[1]}`)).json<{ version: number }>();
    for (const body of [{ action: 'accept' }, { action: 'dispatch' }]) {
      const res = await s.community1!.request('POST', `/api/cases/${ids[1]}/transitions`, {
        version: v.version,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
      v = res.json();
    }
    v = (await s.community1!.request('GET', `/api/cases/${ids[0]}`)).json<{ version: number }>();
    const grid1 = { kind: 'grid_worker', userId: s.grid1!.user.id };
    for (const [who, body] of [
      ['community1', { action: 'accept' }],
      ['community1', { action: 'dispatch', handler: grid1 }],
      ['grid1', { action: 'handle', note: '已处理' }],
    ] as const) {
      const res = await s[who]!.request('POST', `/api/cases/${ids[0]}/transitions`, {
        version: v.version,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
      v = res.json();
    }
    // a deadline moved back into the past (as an overdue case's would be): the old and the new day change
    await db
      .updateTable('civic_case')
      .set({ handle_due_at: new Date(Date.now() - 3 * 86_400_000) })
      .where('id', '=', ids[0]!)
      .execute();

    const stale = await db
      .selectFrom('case_rollup_dirty')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stale.n)).toBeGreaterThan(0);
    const selectors = await sampleSelectors();
    const district = selectors[0]!;
    const rolledBefore = await rolled(district, allTime);
    expect(rolledBefore).not.toEqual(await recount(district, allTime)); // stale until swept

    expect(await sweepRollups(db)).toBeGreaterThan(0);
    const asOf = await rollupAsOf(db);
    expect(asOf!.getTime()).toBeGreaterThanOrEqual(before!.getTime());
    for (const selector of selectors) {
      expect(await rolled(selector, allTime), JSON.stringify(selector)).toEqual(
        await recount(selector, allTime),
      );
    }
    expect(await sweepRollups(db)).toBe(0); // nothing stale left
  });

  it('carry every counter in the primary key, so the dashboard reads the key alone', async () => {
    const included = await sql<{ column: string }>`
      SELECT a.attname AS column FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = 'case_rollup'::regclass AND i.indisprimary`.execute(t.database.db);
    const columns = included.rows.map((r) => r.column);
    for (const name of COUNTER_NAMES) expect(columns, name).toContain(name);
  });

  it('rebuild from scratch to the same rows the sweeps maintained', async () => {
    const db = t.database.db;
    await sweepRollups(db);
    const snapshot = async () =>
      (
        await sql<{ r: string }>`SELECT row(c.*)::text AS r FROM case_rollup c
          ORDER BY dim, node, category_id, scope_path, day`.execute(db)
      ).rows.map((x) => x.r);
    const maintained = await snapshot();
    const progress: number[] = [];
    const result = await rebuildRollups(db, (done) => progress.push(done));
    expect(result.rows).toBe(maintained.length);
    expect(progress.length).toBeGreaterThan(1);
    expect(await snapshot()).toEqual(maintained);
  });
});

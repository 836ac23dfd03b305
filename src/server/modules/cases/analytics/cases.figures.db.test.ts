import { demoAsOf } from '../../../seed.js';
import type { Selectable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivicCaseTable } from '../../../db/types.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/app.js';
import { pointServedBy } from '../../../testing/points.js';

let t: TestApp;
const s: Record<string, Session> = {};

interface CaseView {
  id: number;
  code: string;
  status: string;
  version: number;
}
interface Ratio {
  value: number | null;
  numerator: number;
  denominator: number;
}
type Figures = Record<string, unknown> & {
  reported: number;
  accepted: number;
  acceptanceRate: Ratio;
  dispatchAccuracy: Ratio;
  onTimeHandlingRate: Ratio;
  closureRate: Ratio;
  onTimeClosureRate: Ratio;
  reworkRate: Ratio;
  extensionRate: Ratio;
  avgHandlingHours: Ratio;
  satisfactionRate: Ratio;
};

/** A point in a micro-grid grid1 serves (community1's community). */
async function pointInGrid1(): Promise<{ lng: number; lat: number }> {
  const { lng, lat } = await pointServedBy(t.database.db);
  return { lng, lat };
}

let point = { lng: 0, lat: 0 };
async function report(description: string): Promise<CaseView> {
  const res = await s.community1!.request('POST', '/api/cases', {
    categoryCode: '1006',
    description,
    ...point,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ case: CaseView }>().case;
}

async function walk(c: CaseView, steps: [string, Record<string, unknown>][]): Promise<CaseView> {
  let current = c;
  for (const [who, body] of steps) {
    const res = await s[who]!.request('POST', `/api/cases/${current.id}/transitions`, {
      version: current.version,
      ...body,
    });
    expect(res.statusCode, `${String(body.action)}: ${res.body}`).toBe(200);
    current = res.json<CaseView>();
  }
  return current;
}

/** Time passes: the handling deadline (and the running clock, if one runs) lies just behind us (inside the period). */
async function pastHandleDeadline(ids: number[]) {
  const past = new Date(Math.max(from.getTime() + 1, Date.now() - 500));
  await t.database.db.updateTable('civic_case').set({ handle_due_at: past }).where('id', 'in', ids).execute();
  await t.database.db
    .updateTable('civic_case')
    .set({ current_due_at: past })
    .where('id', 'in', ids)
    .where('current_due_at', 'is not', null)
    .execute();
}

/** The figures recounted in TypeScript from the raw rows, by the definitions in cases.figures.ts. */
async function recount(pathPrefix: string, from: Date, to: Date, filter: (r: Row) => boolean = () => true) {
  const rows = (
    await t.database.db.selectFrom('civic_case').selectAll().where('path', 'like', `${pathPrefix}%`).execute()
  ).filter(filter);
  const now = new Date();
  const dueEnd = to < now ? to : now;
  const cohort = rows.filter((r) => r.reported_at >= from && r.reported_at < to);
  const due = rows.filter((r) => r.handle_due_at && r.handle_due_at >= from && r.handle_due_at < dueEnd);
  const ratio = (n: number, d: number): Ratio => ({
    value: d === 0 ? null : n / d,
    numerator: n,
    denominator: d,
  });
  const dispatched = cohort.filter((r) => r.dispatched_at !== null);
  const handled = cohort.filter((r) => r.handled_at !== null);
  const rated = cohort.filter((r) => r.rating !== null);
  const accepted = cohort.filter((r) => r.accepted_at !== null && r.status !== 'merged').length;
  const timed = handled.filter((r) => r.handling_minutes !== null);
  const hours = timed.reduce((sum, r) => sum + r.handling_minutes!, 0) / 60;
  const stillReported = cohort.filter((r) => r.status === 'reported').length;
  const merged = cohort.filter((r) => r.status === 'merged').length;
  return {
    reported: cohort.length,
    accepted,
    rejected: cohort.filter((r) => r.status === 'rejected').length,
    merged,
    dispatched: dispatched.length,
    handled: handled.length,
    due: due.length,
    closed: due.filter((r) => r.closed_at !== null).length,
    acceptanceRate: ratio(accepted, cohort.length - stillReported - merged),
    dispatchAccuracy: ratio(dispatched.filter((r) => r.returned_count === 0).length, dispatched.length),
    onTimeHandlingRate: ratio(handled.filter((r) => r.handled_on_time === true).length, handled.length),
    closureRate: ratio(due.filter((r) => r.closed_at !== null).length, due.length),
    onTimeClosureRate: ratio(due.filter((r) => r.closed_on_time === true).length, due.length),
    reworkRate: ratio(handled.filter((r) => r.rework_count > 0).length, handled.length),
    extensionRate: ratio(dispatched.filter((r) => r.extension_count > 0).length, dispatched.length),
    avgHandlingHours: {
      value: timed.length === 0 ? null : hours / timed.length,
      numerator: hours,
      denominator: timed.length,
    },
    satisfactionRate: ratio(rated.filter((r) => r.rating! >= 4).length, rated.length),
  };
}
type Row = Selectable<CivicCaseTable>;

function withoutScope(f: Figures) {
  const { scope: _scope, from: _from, to: _to, ...rest } = f;
  return rest;
}

async function figures(who: Session, query: Record<string, string | number>) {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]) => [k, String(v)] as [string, string]),
  ).toString();
  return who.request('GET', `/api/cases/figures?${qs}`);
}

let from: Date;
let to: Date;
let communityPath = '';
let communityCode = '';

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'community1', 'grid1', 'resident1', 'dept1']) s[u] = await t.login(u);
  point = await pointInGrid1();
  communityCode = s.community1!.user.place.code;
  communityPath = (
    await t.database.db
      .selectFrom('place')
      .select('path')
      .where('code', '=', communityCode)
      .executeTakeFirstOrThrow()
  ).path;
  from = new Date(Date.now() - 1000);
  const grid1 = { kind: 'grid_worker', userId: s.grid1!.user.id };
  const dispatch: [string, Record<string, unknown>][] = [
    ['community1', { action: 'accept' }],
    ['community1', { action: 'dispatch', handler: grid1 }],
  ];
  // A: the plain path, rated 5
  const a = await walk(await report('A 邻里噪音'), [
    ...dispatch,
    ['grid1', { action: 'start' }],
    ['grid1', { action: 'handle', note: '已调解' }],
    ['community1', { action: 'verify' }],
    ['community1', { action: 'close', closureReason: 'fixed' }],
    ['community1', { action: 'rate', rating: 5 }],
  ]);
  // B: returned once, handled after its deadline, closed late, rated 2
  let b = await walk(await report('B 邻里纠纷'), [
    ...dispatch,
    ['grid1', { action: 'return', note: '不属于本网格' }],
    ['community1', { action: 'dispatch', handler: grid1 }],
  ]);
  await pastHandleDeadline([b.id]);
  b = (await s.community1!.request('GET', `/api/cases/${b.id}`)).json<CaseView>();
  await walk(b, [
    ['grid1', { action: 'handle', note: '已处理' }],
    ['community1', { action: 'verify' }],
    ['community1', { action: 'close', closureReason: 'partly_fixed' }],
    ['community1', { action: 'rate', rating: 2 }],
  ]);
  // C rejected, D still reported, E merged into A
  await walk(await report('C 重复来电'), [['community1', { action: 'reject', note: '不属于受理范围' }]]);
  await report('D 待受理');
  await walk(await report('E 同一纠纷'), [['community1', { action: 'merge', mergeInto: a.code }]]);
  // F: extension granted, verification failed once, handled again
  await walk(await report('F 需协调'), [
    ...dispatch,
    ['grid1', { action: 'start' }],
    ['grid1', { action: 'request_extension', note: '需协调', extension: { limit: 1, unit: 'days' } }],
    ['community1', { action: 'grant_extension' }],
    ['grid1', { action: 'handle', note: '已处理' }],
    ['community1', { action: 'fail_verification', note: '未处理到位' }],
    ['grid1', { action: 'handle', note: '再次处理' }],
    ['community1', { action: 'verify' }],
    ['community1', { action: 'close', closureReason: 'fixed' }],
  ]);
  // G: dispatched, still in progress when its deadline passes
  const g = await walk(await report('G 处置中'), [...dispatch, ['grid1', { action: 'start' }]]);
  // time passes: A's and G's handling deadlines are behind us (B's already is)
  await pastHandleDeadline([a.id, g.id]);
  to = new Date(Date.now() + 3600_000);
});
afterAll(async () => t?.close());

describe('case figures', () => {
  it('gives every figure its known value for the cases walked through the workflow', async () => {
    const res = await figures(s.community1!, {
      within: communityCode,
      from: from.toISOString(),
      to: to.toISOString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json<Figures>();
    expect(f).toMatchObject({
      scope: { within: communityCode, grid: null, department: null, worker: null },
      reported: 7,
      accepted: 4,
      rejected: 1,
      merged: 1,
      dispatched: 4,
      handled: 3,
      acceptanceRate: { value: 4 / 5, numerator: 4, denominator: 5 },
      dispatchAccuracy: { value: 3 / 4, numerator: 3, denominator: 4 },
      onTimeHandlingRate: { value: 2 / 3, numerator: 2, denominator: 3 },
      reworkRate: { value: 1 / 3, numerator: 1, denominator: 3 },
      extensionRate: { value: 1 / 4, numerator: 1, denominator: 4 },
      satisfactionRate: { value: 1 / 2, numerator: 1, denominator: 2 },
    });
    // A, B and G are due; A and B closed, only A by its deadline (demo cases due in this hour would add to both)
    expect(f.closureRate.numerator - f.closureRate.denominator).toBe(2 - 3);
    expect(f.onTimeClosureRate.numerator).toBeGreaterThanOrEqual(1);
    expect(f.avgHandlingHours.denominator).toBe(3);
    expect(withoutScope(f)).toEqual(await recount(communityPath, from, to));
  });

  it('narrows to a grid worker, a grid and a department the same way the recount does', async () => {
    const worker = s.grid1!.user.id;
    const period = { from: from.toISOString(), to: to.toISOString() };
    const mine = (await figures(s.community1!, { ...period, worker })).json<Figures>();
    expect(mine.reported).toBe(4); // A, B, F, G are handled by grid1 now
    expect(withoutScope(mine)).toEqual(
      await recount(communityPath, from, to, (r) => r.handler_user_id === worker),
    );

    const grid = await t.database.db
      .selectFrom('civic_case')
      .innerJoin('grid', 'grid.id', 'civic_case.grid_id')
      .select(['grid.code', 'grid.path'])
      .where('civic_case.description', '=', 'A 邻里噪音')
      .executeTakeFirstOrThrow();
    const inGrid = (await figures(s.community1!, { ...period, grid: grid.code })).json<Figures>();
    expect(inGrid.reported).toBe(7);
    expect(withoutScope(inGrid)).toEqual(
      await recount(communityPath, from, to, (r) => !!r.grid_path?.startsWith(grid.path)),
    );

    // a whole year of the demo, as the district sees it, against the recount
    const yearFrom = new Date((await demoAsOf(t.database.db))!.getTime() - 366 * 86_400_000);
    const year = (
      await figures(s.admin!, { from: yearFrom.toISOString(), to: to.toISOString() })
    ).json<Figures>();
    expect(withoutScope(year)).toEqual(await recount('/', yearFrom, to));
    expect(year.reported).toBeGreaterThanOrEqual(400);

    const urban = (
      await figures(s.admin!, {
        from: yearFrom.toISOString(),
        to: to.toISOString(),
        department: 'urban_management',
      })
    ).json<Figures>();
    const urbanId = (
      await t.database.db
        .selectFrom('department')
        .select('id')
        .where('code', '=', 'urban_management')
        .executeTakeFirstOrThrow()
    ).id;
    const summoned = new Set(
      (
        await t.database.db
          .selectFrom('case_department')
          .select('case_id')
          .where('department_id', '=', urbanId)
          .execute()
      ).map((r) => r.case_id),
    );
    expect(urban.reported).toBeGreaterThan(0);
    expect(withoutScope(urban)).toEqual(await recount('/', yearFrom, to, (r) => summoned.has(r.id)));
  });

  it('defaults to this month in Asia/Shanghai, refuses those without cases.read and unknown scopes', async () => {
    const res = await figures(s.community1!, {});
    expect(res.statusCode).toBe(200);
    const f = res.json<Figures>();
    const local = new Date(Date.now() + 8 * 3600_000);
    const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * 3600_000);
    expect(f.from).toBe(first.toISOString());
    expect(new Date(String(f.to)).getTime()).toBeGreaterThan(Date.now());
    expect(f.reported).toBeGreaterThanOrEqual(7);

    expect((await figures(s.resident1!, {})).statusCode).toBe(403);
    expect((await figures(s.community1!, { department: 'no_such_unit' })).statusCode).toBe(404);
    expect((await figures(s.community1!, { within: '410103002001' })).statusCode).toBe(404); // community3's
    expect(
      (await figures(s.community1!, { from: to.toISOString(), to: from.toISOString() })).statusCode,
    ).toBe(400);
  });

  it('adds open and overdue cases to the home page', async () => {
    const res = await s.community1!.request('GET', '/api/home/stats');
    expect(res.statusCode).toBe(200);
    const stats = res.json<{ stats: { key: string; value: number }[] }>().stats;
    const open = stats.find((x) => x.key === 'cases.open')?.value;
    const overdue = stats.find((x) => x.key === 'cases.overdue')?.value;
    const rows = await t.database.db
      .selectFrom('civic_case')
      .select(['status', 'current_due_at'])
      .where('path', 'like', `${communityPath}%`)
      .execute();
    const openRows = rows.filter((r) =>
      ['reported', 'accepted', 'dispatched', 'in_progress', 'handled', 'verified'].includes(r.status),
    );
    expect(open).toBe(openRows.length);
    expect(overdue).toBe(openRows.filter((r) => r.current_due_at && r.current_due_at < new Date()).length);
    expect(overdue).toBeGreaterThan(0); // G at least
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { rawCases } from '../../testing/raw-cases.js';
import { OPEN_STATUSES } from '../../../shared/case-workflow.js';
import { sweepRollups } from '../cases/analytics/cases.rollup.js';
import { addDays, localDate as localDay } from '../../../shared/working-time.js';
import { demoAsOf } from '../../seed.js';
import type { DashboardOverview } from './dashboard.service.js';

let t: TestApp;
const s: Record<string, Session> = {};

/**
 * Each case KPI recounted from the raw case rows under a place path, by the definitions in docs/ARCHITECTURE.md —
 * reported-cohort rates over the cases reported on the period's days, closure rates over the cases due on its days
 * already over, open and overdue now — with nothing from the rollups.
 */
async function recountKpis(placePath: string, fromDay: string, toDay: string) {
  const rows = await rawCases(t.database.db, placePath);
  const today = localDay(new Date());
  const dueEnd = toDay < today ? toDay : today;
  const day = (d: Date | null) => (d === null ? null : localDay(d));
  const cohort = rows.filter((r) => day(r.reported_at)! >= fromDay && day(r.reported_at)! < toDay);
  const due = rows.filter((r) => {
    const d = day(r.handle_due_at);
    return d !== null && d >= fromDay && d < dueEnd;
  });
  const share = (n: number, d: number) => (d === 0 ? null : n / d);
  const handled = cohort.filter((r) => r.handled_at !== null);
  const dispatched = cohort.filter((r) => r.dispatched_at !== null);
  const rated = cohort.filter((r) => r.rating !== null);
  const decided = cohort.filter((r) => r.status !== 'reported' && r.status !== 'merged');
  const timed = handled.filter((r) => r.handling_minutes !== null);
  const open = rows.filter((r) => (OPEN_STATUSES as readonly string[]).includes(r.status));
  return {
    reported: cohort.length,
    acceptanceRate: share(
      cohort.filter((r) => r.accepted_at !== null && r.status !== 'merged').length,
      decided.length,
    ),
    onTimeHandlingRate: share(handled.filter((r) => r.handled_on_time).length, handled.length),
    closureRate: share(due.filter((r) => r.closed_at !== null).length, due.length),
    onTimeClosureRate: share(due.filter((r) => r.closed_on_time).length, due.length),
    reworkRate: share(handled.filter((r) => r.rework_count > 0).length, handled.length),
    extensionRate: share(dispatched.filter((r) => r.extension_count > 0).length, dispatched.length),
    avgHandlingHours: share(
      timed.reduce((sum, r) => sum + r.handling_minutes! / 60, 0),
      timed.length,
    ),
    satisfactionRate: share(rated.filter((r) => r.rating! >= 4).length, rated.length),
    open: open.length,
    overdue: open.filter(
      (r) =>
        r.overdue_swept_at !== null && r.current_due_at !== null && r.overdue_swept_at >= r.current_due_at,
    ).length,
  };
}

async function get<T>(who: Session, url: string): Promise<T> {
  const res = await who.request('GET', url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<T>();
}

const pathOf = async (code: string) =>
  (await t.database.db.selectFrom('place').select('path').where('code', '=', code).executeTakeFirstOrThrow())
    .path;

const dayAfter = (day: string) => addDays(day, 1);

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'street1', 'community1', 'grid1', 'resident1', 'dept1', 'sysadmin']) {
    s[u] = await t.login(u);
  }
  await sweepRollups(t.database.db);
  // the demo's year of cases ends on the day it was seeded: the periods below follow that day
  const end = localDay((await demoAsOf(t.database.db))!);
  const monthBefore = addDays(`${end.slice(0, 8)}01`, -1);
  YEAR_FROM = addDays(end, -366);
  YEAR_TO = end;
  YEAR = `period=custom&from=${YEAR_FROM}&to=${YEAR_TO}`;
  MONTH_BEFORE = { from: `${monthBefore.slice(0, 8)}01`, to: monthBefore };
  ONE_DAY = addDays(end, -18);
});
let YEAR_FROM = '';
let YEAR_TO = '';
let YEAR = '';
let MONTH_BEFORE = { from: '', to: '' };
let ONE_DAY = '';
afterAll(() => t.close());

describe('dashboard', () => {
  it('gives each level its own area, and every case KPI equals a recount of the raw rows', async () => {
    // a year that holds the demo's cases, and the month before the demo ended (its deadlines are all past)
    const periods = [
      { query: YEAR, from: YEAR_FROM, to: YEAR_TO },
      {
        query: `period=custom&from=${MONTH_BEFORE.from}&to=${MONTH_BEFORE.to}`,
        from: MONTH_BEFORE.from,
        to: MONTH_BEFORE.to,
      },
      { query: 'period=month', from: null, to: null },
    ];
    for (const who of ['admin', 'street1', 'community1']) {
      const me = s[who]!.user.place.code;
      for (const p of periods) {
        const o = await get<DashboardOverview>(s[who]!, `/api/dashboard/overview?${p.query}`);
        expect(o.area.code).toBe(me);
        expect(o.area.breadcrumb[0]!.code).toBe(me);
        expect(o.groups.map((g) => g.key)).toEqual(['cases', 'registry', 'grids', 'staff']);
        const from = p.from ?? o.period.from;
        const to = dayAfter(p.to ?? o.period.to);
        const expected = await recountKpis(await pathOf(me), from, to);
        const shown = Object.fromEntries(o.groups[0]!.figures.map((f) => [f.key, f.value]));
        for (const [key, value] of Object.entries(expected)) {
          if (value === null) expect(shown[key], `${who} ${key}`).toBeNull();
          else expect(shown[key], `${who} ${p.query} ${key}`).toBeCloseTo(value, 9);
        }
      }
    }
    const year = await get<DashboardOverview>(s.admin!, `/api/dashboard/overview?${YEAR}`);
    const reported = year.groups[0]!.figures.find((f) => f.key === 'reported')!;
    expect(reported.value).toBeGreaterThan(100);
    // the period before: the same number of days just before it, recounted the same way
    const before = await recountKpis(
      await pathOf('410103'),
      year.period.previousFrom,
      dayAfter(year.period.previousTo),
    );
    expect(year.period.previousTo).toBe(addDays(YEAR_FROM, -1));
    expect(reported.previous).toBe(before.reported);
    const rate = year.groups[0]!.figures.find((f) => f.key === 'onTimeHandlingRate')!;
    if (before.onTimeHandlingRate === null) expect(rate.previous).toBeNull();
    else expect(rate.previous).toBeCloseTo(before.onTimeHandlingRate, 9);
  });

  it('counts the registry and the grids of the area from their rows', async () => {
    const o = await get<DashboardOverview>(s.street1!, '/api/dashboard/overview');
    const path = await pathOf(s.street1!.user.place.code);
    const figure = (group: string, key: string) =>
      o.groups.find((g) => g.key === group)!.figures.find((f) => f.key === key)!.value;
    const count = async (table: 'household' | 'resident') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('path', 'like', `${path}%`)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(figure('registry', 'households')).toBe(await count('household'));
    expect(figure('registry', 'residents')).toBe(await count('resident'));
    // sensitive tags are counted nowhere on the dashboard
    const keys = o.groups.find((g) => g.key === 'registry')!.figures.map((f) => f.key);
    expect(keys).toContain('tag.elderly_alone');
    expect(keys).not.toContain('tag.disability');
    const grids = await t.database.db
      .selectFrom('grid as g')
      .innerJoin('place as p', 'p.id', 'g.place_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('g.kind', '=', 'base')
      .where('g.level', '=', 4)
      .where('g.retired_at', 'is', null)
      .where('p.path', 'like', `${path}%`)
      .executeTakeFirstOrThrow();
    expect(figure('grids', 'microGrids')).toBe(Number(grids.n));
  });

  it('draws the child grids on the map, drills down, and keeps to the viewer’s subtree', async () => {
    const year = YEAR;
    const district = await get<{
      areas: { code: string; level: number; reported: number; drillable: boolean }[];
    }>(s.admin!, `/api/dashboard/map?${year}`);
    expect(district.areas.length).toBe(17); // the level-1 grids
    expect(district.areas.every((a) => a.level === 1 && a.drillable)).toBe(true);
    const overview = await get<DashboardOverview>(s.admin!, `/api/dashboard/overview?${year}`);
    const total = overview.groups[0]!.figures.find((f) => f.key === 'reported')!.value;
    // every case lies in exactly one level-1 grid (cases outside every grid would be the difference)
    const outside = await t.database.db
      .selectFrom('civic_case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('grid_path', 'is', null)
      .executeTakeFirstOrThrow();
    expect(district.areas.reduce((sum, a) => sum + a.reported, 0) + Number(outside.n)).toBeGreaterThanOrEqual(
      total!,
    );
    const first = district.areas.find((a) => a.reported > 0)!;
    const drilled = await get<{ areas: { level: number }[] }>(
      s.admin!,
      `/api/dashboard/map?grid=${first.code}`,
    );
    expect(drilled.areas.length).toBeGreaterThan(0);
    expect(drilled.areas.every((a) => a.level === 2)).toBe(true);
    const crumbs = await get<DashboardOverview>(s.admin!, `/api/dashboard/overview?grid=${first.code}`);
    expect(crumbs.area.breadcrumb.map((c) => c.code)).toEqual(['410103', first.code]);

    // a street's staff see their street's grids, and nothing of another street
    const street = await get<{ areas: { level: number }[] }>(s.street1!, '/api/dashboard/map');
    expect(street.areas.every((a) => a.level === 2)).toBe(true);
    const other = district.areas.find((a) => !a.code.startsWith(s.street1!.user.place.code))!;
    expect((await s.street1!.request('GET', `/api/dashboard/map?grid=${other.code}`)).statusCode).toBe(404);
    expect((await s.community1!.request('GET', '/api/dashboard/overview?place=410103')).statusCode).toBe(404);
    // a grid worker sees its own grids; residents, departments and administrators have no dashboard
    const mine = await get<DashboardOverview>(s.grid1!, '/api/dashboard/overview');
    expect(mine.area.kind).toBe('grids');
    expect((await s.grid1!.request('GET', '/api/dashboard/overview?place=410103')).statusCode).toBe(404);
    for (const who of ['resident1', 'dept1', 'sysadmin']) {
      expect((await s[who]!.request('GET', '/api/dashboard/overview')).statusCode, who).toBe(403);
    }
  });

  it('ranks streets, communities, departments and grid workers by the documented score', async () => {
    const year = YEAR;
    type Ranking = {
      formula: string;
      minCases: number;
      rows: { rank: number | null; name: string; score: number | null; reported: number }[];
    };
    const streets = await get<Ranking>(s.admin!, `/api/dashboard/rankings?${year}&by=street`);
    const streetCount = await t.database.db
      .selectFrom('place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', 'in', ['street', 'town', 'park'])
      .executeTakeFirstOrThrow();
    expect(streets.rows.length).toBe(Number(streetCount.n));
    expect(streets.formula).toContain('GB/T 30428.4');
    /** Ranked units first, numbered 1…k by score; units with too few cases after them, unnumbered. */
    const checkOrder = (ranking: Ranking, label: string) => {
      const ranked = ranking.rows.filter((r) => r.rank !== null);
      const small = ranking.rows.filter((r) => r.rank === null);
      expect(ranking.rows.slice(0, ranked.length), label).toEqual(ranked);
      expect(
        ranked.map((r) => r.rank),
        label,
      ).toEqual(ranked.map((_, i) => i + 1));
      for (const r of ranked) expect(r.reported, label).toBeGreaterThanOrEqual(ranking.minCases);
      for (const r of small) expect(r.reported, label).toBeLessThan(ranking.minCases);
      const scores = ranked.map((r) => r.score ?? -1);
      expect(scores, label).toEqual([...scores].sort((a, b) => b - a));
      for (const r of ranking.rows) if (r.score !== null) expect(r.score).toBeGreaterThanOrEqual(0);
      return { ranked, small };
    };
    expect(streets.minCases).toBe(5);
    checkOrder(streets, 'street');
    // over one day most communities have fewer than 5 cases: they are listed, not ranked
    const oneDay = await get<Ranking>(
      s.street1!,
      `/api/dashboard/rankings?period=custom&from=${ONE_DAY}&to=${ONE_DAY}&by=community`,
    );
    const { small } = checkOrder(oneDay, 'community, one day');
    expect(small.length).toBeGreaterThan(0);
    for (const by of ['community', 'department', 'worker']) {
      const ranking = await get<Ranking>(s.street1!, `/api/dashboard/rankings?${year}&by=${by}`);
      expect(ranking.rows.length, by).toBeGreaterThan(0);
      checkOrder(ranking, by);
    }
    expect((await s.street1!.request('GET', `/api/dashboard/rankings?by=street`)).statusCode).toBe(400);
  });

  it('exports each table with the figures as shown', async () => {
    const res = await s.admin!.request('GET', '/api/dashboard/export?section=overview&period=month');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const o = await get<DashboardOverview>(s.admin!, '/api/dashboard/overview?period=month');
    const onTime = o.groups[0]!.figures.find((f) => f.key === 'onTimeHandlingRate')!;
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === onTime.label)!;
    expect(row.getCell(3).value).toBe(onTime.value === null ? null : Math.round(onTime.value * 1000) / 10);
    for (const section of ['trend', 'categories', 'rankings', 'map']) {
      const r = await s.street1!.request('GET', `/api/dashboard/export?section=${section}`);
      expect(r.statusCode, section).toBe(200);
      expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    // the watch lists whole: every case the list counts, in its order
    for (const which of ['overdue', 'supervised']) {
      const r = await s.street1!.request('GET', `/api/dashboard/export?section=${which}`);
      expect(r.statusCode, which).toBe(200);
      const watch = new ExcelJS.Workbook();
      await watch.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const ws = watch.worksheets[0]!;
      const list = await get<{ total: number; items: { code: string }[] }>(
        s.street1!,
        `/api/cases?${which}=true&page=1&pageSize=100`,
      );
      if (which === 'overdue') expect(list.total).toBeGreaterThan(0);
      expect(ws.rowCount - 1, which).toBe(list.total);
      const codes =
        ws.getRows(2, Math.min(ws.rowCount - 1, 100))?.map((row) => String(row.getCell(1).value)) ?? [];
      expect(codes, which).toEqual(list.items.map((c) => c.code).slice(0, codes.length));
      expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain(
        which === 'overdue' ? '超期案件' : '督办案件',
      );
    }
    // a grid worker's export stays within the grids they serve
    const mine = await s.grid1!.request('GET', '/api/dashboard/export?section=overdue');
    expect(mine.statusCode).toBe(200);
  });
});

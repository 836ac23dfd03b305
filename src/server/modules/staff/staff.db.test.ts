import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalDataKeys } from '../../core/keys.js';
import { decryptField } from '../../core/personal-data.js';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';

let t: TestApp;
const s: Record<string, Session> = {};

interface Assignment {
  id: number;
  staffId: number;
  name: string;
  phoneMasked: string | null;
  username: string | null;
  grid: { code: string; level: number };
  role: string;
  duties: string[];
  endedOn: string | null;
  allowedActions: string[];
}
interface Gaps {
  items: { code: string; place: { code: string } }[];
  total: number;
  byPlace: { code: string; gaps: number }[];
}
type Page<T> = { items: T[]; total: number };

const C1 = '410103001001'; // community1's community (grid1's)
const C3 = '410103002001'; // community3's community (grid2's)

async function lastAudit(action: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'result', 'subject_type', 'subject_id', 'details', 'actor_name'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Micro-grids of a community without a current worker, from the database. */
async function gapsIn(community: string): Promise<string[]> {
  const { body } = await s.admin!.request('GET', `/api/grid-staff/gaps?within=${community}&pageSize=200`);
  return (JSON.parse(body) as Gaps).items.map((g) => g.code);
}

async function servedBy(username: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('grid_staff as p')
    .innerJoin('app_user as u', 'u.id', 'p.user_id')
    .innerJoin('grid_staff_assignment as a', 'a.staff_id', 'p.id')
    .innerJoin('grid as g', 'g.id', 'a.grid_id')
    .select('g.code')
    .where('u.username', '=', username)
    .where('a.ended_on', 'is', null)
    .orderBy('g.code')
    .execute();
  return rows.map((r) => r.code);
}

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'community1', 'community3', 'grid1', 'grid2', 'dept1']) {
    s[name] = await t.login(name);
  }
});
afterAll(() => t?.close());

describe('demo staff', () => {
  it('seeds workers, leaders and the commercial district team, with phones only encrypted and masked', async () => {
    const db = t.database.db;
    const people = await db.selectFrom('grid_staff').select(['phone_enc', 'phone_masked']).execute();
    expect(people.length).toBeGreaterThan(6500);
    const keys = personalDataKeys(t.ctx.config);
    for (const p of people.slice(0, 50)) {
      const phone = decryptField(keys, p.phone_enc ?? '');
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(p.phone_masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    }
    const gaps = (await s.admin!.request('GET', '/api/grid-staff/gaps?kind=base')).json<Gaps>();
    expect(gaps.total).toBe(Math.round(6281 * 0.02));
    expect(gaps.byPlace.reduce((sum, p) => sum + p.gaps, 0)).toBe(gaps.total);
    const leaderless = (
      await s.admin!.request('GET', '/api/grid-staff/gaps?level=3&kind=base&role=leader')
    ).json<Gaps>();
    expect(leaderless.total).toBe(0);
    expect(await servedBy('grid1')).toHaveLength(2);
    expect(await servedBy('grid2')).toHaveLength(2);
  });
});

describe('a grid staff list', () => {
  it('shows current staff with masked phones and the allowed actions', async () => {
    const [code] = await servedBy('grid1');
    const res = await s.community1!.request('GET', `/api/grids/${code}/staff`);
    expect(res.statusCode).toBe(200);
    const list = res.json<{ items: Assignment[]; allowedActions: string[] }>();
    expect(list.allowedActions).toEqual(['assign']);
    const mine = list.items.find((i) => i.username === 'grid1');
    expect(mine).toMatchObject({ role: 'worker', endedOn: null, allowedActions: ['end'] });
    expect(mine?.duties).toHaveLength(6);
    expect(mine?.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    const asWorker = await s.grid1!.request('GET', `/api/grids/${code}/staff`);
    expect(asWorker.statusCode).toBe(200);
    expect(asWorker.json<{ allowedActions: string[]; items: Assignment[] }>()).toMatchObject({
      allowedActions: [],
    });
    expect(asWorker.json<{ items: Assignment[] }>().items.every((i) => i.allowedActions.length === 0)).toBe(
      true,
    );
  });
});

describe('assigning and ending', () => {
  let gap: string;
  let other: string;
  let assignment: Assignment;

  it('assigns a new person to a micro-grid without a worker (audited), which leaves the gap list', async () => {
    const gaps = await gapsIn(C1);
    const free = (
      await t.database.db
        .selectFrom('grid')
        .select('code')
        .where('level', '=', 4)
        .where('code', 'like', `${C1}%`)
        .where('code', 'not in', [...gaps, ...(await servedBy('grid1'))])
        .orderBy('code')
        .execute()
    ).map((g) => g.code);
    // a community may have no gap in the demo: make one by ending its worker first
    if (gaps.length === 0) {
      const [code] = free.slice(-1);
      const list = await s.community1!.request('GET', `/api/grids/${code}/staff`);
      for (const item of list.json<{ items: Assignment[] }>().items.filter((i) => i.role === 'worker')) {
        expect((await s.community1!.request('POST', `/api/grid-staff/${item.id}/end`, {})).statusCode).toBe(
          200,
        );
      }
      gaps.push(code ?? '');
    }
    gap = gaps[0] ?? '';
    other = free[0] ?? '';
    const res = await s.community1!.request('POST', `/api/grids/${gap}/staff`, {
      name: '王建华',
      phone: '139 3710 0001',
      role: 'worker',
      startedOn: '2026-01-05',
    });
    expect(res.statusCode, res.body).toBe(200);
    assignment = res.json<Assignment>();
    expect(assignment).toMatchObject({
      name: '王建华',
      phoneMasked: '139****0001',
      role: 'worker',
      grid: { code: gap, level: 4 },
      endedOn: null,
    });
    expect(assignment.duties).toHaveLength(6);
    expect(await gapsIn(C1)).not.toContain(gap);

    const audit = await lastAudit('grid_staff.assign');
    expect(audit).toMatchObject({
      result: 'ok',
      actor_name: 'community1',
      subject_type: 'grid_staff_assignment',
      subject_id: String(assignment.id),
    });
    expect(JSON.stringify(audit?.details)).not.toContain('13937100001');
    const stored = await t.database.db
      .selectFrom('grid_staff')
      .select(['phone_enc', 'phone_hash', 'name_initials'])
      .where('id', '=', assignment.staffId)
      .executeTakeFirstOrThrow();
    expect(stored.phone_enc).not.toContain('13937100001');
    expect(decryptField(personalDataKeys(t.ctx.config), stored.phone_enc ?? '')).toBe('13937100001');
    expect(stored.name_initials).toBe('wjh');
  });

  it('refuses the same person twice on one grid, and assigns an existing person to a second grid', async () => {
    const again = await s.community1!.request('POST', `/api/grids/${gap}/staff`, {
      staffId: assignment.staffId,
      role: 'worker',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('ALREADY_ASSIGNED');
    const second = await s.community1!.request('POST', `/api/grids/${other}/staff`, {
      staffId: assignment.staffId,
      role: 'specialist',
      agency: 'police',
      duties: ['safety_patrol'],
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<Assignment>()).toMatchObject({ staffId: assignment.staffId, role: 'specialist' });
    const mixed = await s.community1!.request('POST', `/api/grids/${other}/staff`, {
      staffId: assignment.staffId,
      name: '李四',
      role: 'worker',
    });
    expect(mixed.statusCode).toBe(400);
  });

  it('finds staff by name, by initials and by a full phone number, within scope', async () => {
    const find = async (who: Session, q: string) =>
      (await who.request('GET', `/api/grid-staff?q=${encodeURIComponent(q)}`)).json<Page<Assignment>>();
    expect((await find(s.community1!, '王建华')).items.map((i) => i.staffId)).toContain(assignment.staffId);
    expect((await find(s.community1!, 'WJH')).items.map((i) => i.staffId)).toContain(assignment.staffId);
    const byPhone = await find(s.community1!, '13937100001');
    expect(byPhone.items.map((i) => i.staffId)).toEqual([assignment.staffId, assignment.staffId]);
    expect((await find(s.community3!, '13937100001')).total).toBe(0);
    const onGrid = await s.community1!.request('GET', `/api/grid-staff?grid=${gap}&role=worker`);
    expect(onGrid.json<Page<Assignment>>().items.map((i) => i.id)).toEqual([assignment.id]);
  });

  it('validates the phone, the person and the linked account', async () => {
    const badPhone = await s.community1!.request('POST', `/api/grids/${gap}/staff`, {
      name: '李四',
      phone: '12345',
      role: 'worker',
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe('/phone');
    const noName = await s.community1!.request('POST', `/api/grids/${gap}/staff`, { role: 'worker' });
    expect(noName.statusCode).toBe(400);
    const linked = await s.community1!.request('POST', `/api/grids/${gap}/staff`, {
      name: '李四',
      role: 'worker',
      username: 'grid1',
    });
    expect(linked.statusCode).toBe(409);
    expect(linked.json<{ error: { code: string } }>().error.code).toBe('ACCOUNT_LINKED');
    const notWorker = await s.community1!.request('POST', `/api/grids/${gap}/staff`, {
      name: '李四',
      role: 'worker',
      username: 'community1',
    });
    expect(notWorker.statusCode).toBe(422);
    const outside = await s.admin!.request('POST', `/api/grids/${(await servedBy('grid2'))[0]}/staff`, {
      name: '李四',
      role: 'worker',
      username: 'grid1',
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json<{ error: { code: string } }>().error.code).toBe('ACCOUNT_OUTSIDE_GRID');
    // a person known only in community3 cannot be reused from community1
    const foreign = await t.database.db
      .selectFrom('grid_staff_assignment as a')
      .innerJoin('grid as g', 'g.id', 'a.grid_id')
      .select('a.staff_id')
      .where('g.code', 'like', `${C3}%`)
      .limit(1)
      .executeTakeFirstOrThrow();
    const reuse = await s.community1!.request('POST', `/api/grids/${gap}/staff`, {
      staffId: foreign.staff_id,
      role: 'worker',
    });
    expect(reuse.statusCode).toBe(404);
  });

  it('ends an assignment (audited): the grid is a gap again, and it cannot end twice', async () => {
    const early = await s.community1!.request('POST', `/api/grid-staff/${assignment.id}/end`, {
      endedOn: '2025-12-31',
    });
    expect(early.statusCode).toBe(400);
    const res = await s.community1!.request('POST', `/api/grid-staff/${assignment.id}/end`, {
      reason: '工作调动',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Assignment>().endedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.json<Assignment>().allowedActions).toEqual([]);
    expect(await gapsIn(C1)).toContain(gap);
    expect(await lastAudit('grid_staff.end')).toMatchObject({
      result: 'ok',
      subject_id: String(assignment.id),
      details: expect.objectContaining({ reason: '工作调动', grid: gap }) as unknown,
    });
    const twice = await s.community1!.request('POST', `/api/grid-staff/${assignment.id}/end`, {});
    expect(twice.statusCode).toBe(409);
    const history = await s.community1!.request('GET', `/api/grids/${gap}/staff?includeEnded=true`);
    expect(history.json<{ items: Assignment[] }>().items.map((i) => i.id)).toContain(assignment.id);
    const current = await s.community1!.request('GET', `/api/grids/${gap}/staff`);
    expect(current.json<{ items: Assignment[] }>().items.map((i) => i.id)).not.toContain(assignment.id);
  });

  it('refuses outsiders: another community gets 404 (audited as denied), grid workers and departments 403', async () => {
    const target = (await servedBy('grid2'))[0];
    const res = await s.community1!.request('POST', `/api/grids/${target}/staff`, {
      name: '李四',
      role: 'worker',
    });
    expect(res.statusCode).toBe(404);
    expect(await lastAudit('grid_staff.assign')).toMatchObject({
      result: 'denied',
      actor_name: 'community1',
    });
    const list = await s.community3!.request('GET', `/api/grids/${target}/staff`);
    const theirs = list.json<{ items: Assignment[] }>().items[0];
    const end = await s.community1!.request('POST', `/api/grid-staff/${theirs?.id}/end`, {});
    expect(end.statusCode).toBe(404);
    expect(await lastAudit('grid_staff.end')).toMatchObject({ result: 'denied', actor_name: 'community1' });
    for (const who of ['grid2', 'dept1']) {
      const write = await s[who]!.request('POST', `/api/grids/${target}/staff`, {
        name: '李四',
        role: 'worker',
      });
      expect(write.statusCode, who).toBe(403);
    }
    expect((await s.community1!.request('GET', `/api/grid-staff?grid=${target}`)).statusCode).toBe(404);
  });
});

describe('grid-worker scoping', () => {
  const codes = async (who: Session, url: string) => {
    const res = await who.request('GET', url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json<{ items: { code: string }[] }>().items.map((i) => i.code);
  };

  it('a grid worker sees only the grids it serves, on every grid read', async () => {
    const served = await servedBy('grid1');
    expect(await codes(s.grid1!, '/api/grids?pageSize=200')).toEqual(served);
    const features = (await s.grid1!.request('GET', '/api/grids/geojson')).json<{
      features: { properties: { code: string } }[];
    }>();
    expect(features.features.map((f) => f.properties.code)).toEqual(served);
    // the file export draws from the same scoped query as the map
    const exported = (await s.grid1!.request('GET', '/api/grids/export?format=geojson')).json<{
      features: { properties: { code: string } }[];
    }>();
    expect(exported.features.map((f) => f.properties.code)).toEqual(served);
    const detail = await s.grid1!.request('GET', `/api/grids/${served[0]}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<{ chain: unknown[] }>().chain).toEqual([]);
    // its community's other grids and the level-3 grid above are out of its reach
    expect((await s.grid1!.request('GET', `/api/grids/${served[0]?.slice(0, 15)}`)).statusCode).toBe(404);
    expect((await s.grid1!.request('GET', `/api/grids/${C1}`)).statusCode).toBe(404);
    const page = (await s.grid1!.request('GET', '/api/grid-staff?pageSize=200')).json<Page<Assignment>>();
    expect(new Set(page.items.map((i) => i.grid.code))).toEqual(new Set(served));
    const coverage = (await s.grid1!.request('GET', '/api/grids/coverage')).json<{
      counts: Record<string, number>;
    }>();
    expect(coverage.counts).toEqual({ 'base/4': served.length });
  });

  it('… and the descendants of a grid it serves', async () => {
    const person = (await s.community1!.request('GET', `/api/grids/${(await servedBy('grid1'))[0]}/staff`))
      .json<{
        items: Assignment[];
      }>()
      .items.find((i) => i.username === 'grid1');
    const level3 = `${C1}002`;
    const res = await s.community1!.request('POST', `/api/grids/${level3}/staff`, {
      staffId: person?.staffId,
      role: 'leader',
    });
    expect(res.statusCode, res.body).toBe(200);
    const children = await codes(s.grid1!, `/api/grids/${level3}/children`);
    expect(children.length).toBeGreaterThanOrEqual(4);
    expect(children.every((c) => c.startsWith(level3))).toBe(true);
    const all = await codes(s.grid1!, '/api/grids?pageSize=200');
    expect(all).toEqual(expect.arrayContaining([level3, ...children]));
    expect(all.every((c) => c.startsWith(`${C1}001`) || c.startsWith(level3))).toBe(true);
    const gaps = (await s.grid1!.request('GET', '/api/grid-staff/gaps?level=4')).json<Gaps>();
    expect(gaps.items.every((g) => g.code.startsWith(level3))).toBe(true);
  });

  it("community staff see their community's grids but not another community's", async () => {
    const mine = await codes(s.community1!, `/api/grids?within=${C1}&level=4&pageSize=200`);
    expect(mine.length).toBeGreaterThan(10);
    expect(
      (await s.community1!.request('GET', `/api/grids/${(await servedBy('grid2'))[0]}`)).statusCode,
    ).toBe(404);
    expect((await s.community1!.request('GET', `/api/grids?within=${C3}`)).statusCode).toBe(404);
    const gaps = (await s.community1!.request('GET', '/api/grid-staff/gaps?pageSize=200')).json<Gaps>();
    expect(gaps.items.every((g) => g.place.code === C1)).toBe(true);
    expect(gaps.byPlace.map((p) => p.code)).toEqual(gaps.total > 0 ? [C1] : []);
    const stats = (await s.community1!.request('GET', '/api/home/stats')).json<{
      stats: { key: string; value: number }[];
    }>();
    const baseGaps = (await s.community1!.request('GET', '/api/grid-staff/gaps?kind=base')).json<Gaps>();
    expect(stats.stats.find((x) => x.key === 'staff.microGaps')?.value).toBe(baseGaps.total);
  });

  it('a grid worker with no current assignment sees no grid at all', async () => {
    const served = await servedBy('grid2');
    const mine = (
      await s.community3!.request('GET', `/api/grid-staff?grid=${served[0]?.slice(0, 15)}&pageSize=50`)
    )
      .json<Page<Assignment>>()
      .items.filter((i) => i.username === 'grid2');
    expect(mine.length).toBe(2);
    for (const a of mine) {
      expect((await s.community3!.request('POST', `/api/grid-staff/${a.id}/end`, {})).statusCode).toBe(200);
    }
    expect((await s.grid2!.request('GET', '/api/grids')).json<Page<unknown>>().total).toBe(0);
    expect(
      (await s.grid2!.request('GET', '/api/grids/geojson')).json<{ features: unknown[] }>().features,
    ).toEqual([]);
    expect((await s.grid2!.request('GET', `/api/grids/${mine[0]?.grid.code}`)).statusCode).toBe(404);
    expect((await s.grid2!.request('GET', '/api/grid-staff')).json<Page<unknown>>().total).toBe(0);
    expect((await s.grid2!.request('GET', '/api/grid-staff/gaps')).json<Gaps>().total).toBe(0);
  });
});

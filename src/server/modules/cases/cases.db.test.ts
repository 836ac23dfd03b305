import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { pointServedBy } from '../../testing/points.js';

let t: TestApp;
const s: Record<string, Session> = {};
let grid1Grid = '';

interface CaseView {
  id: number;
  code: string;
  status: string;
  version: number;
  level: string;
  handler: { kind: string; name: string | null } | null;
  allowedActions: string[];
  grid: { code: string } | null;
  deadlines: { accept: { dueAt: string } | null; handle: { dueAt: string } | null };
  handledOnTime: boolean | null;
  closureReason: string | null;
  rating: number | null;
  timeline?: { action: string; public: boolean; actorName: string }[];
}

/** A point inside one of the micro-grids grid1 serves: a household's building there. */
async function pointInGrid1(): Promise<{ lng: number; lat: number }> {
  const { lng, lat, gridCode } = await pointServedBy(t.database.db);
  grid1Grid = gridCode;
  return { lng, lat };
}

async function report(who: Session, body: Record<string, unknown>) {
  const res = await who.request('POST', '/api/cases', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ case: CaseView; publicToken: string; duplicates: { code: string }[] }>();
}

async function step(who: Session, c: { id: number; version: number }, body: Record<string, unknown>) {
  return who.request('POST', `/api/cases/${c.id}/transitions`, { version: c.version, ...body });
}

async function ok(who: Session, c: { id: number; version: number }, body: Record<string, unknown>) {
  const res = await step(who, c, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseView>();
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'street1', 'community1', 'community3', 'grid1', 'grid2', 'dept1', 'resident1']) {
    s[u] = await t.login(u);
  }
});
afterAll(async () => t?.close());

describe('the case workflow', () => {
  it('walks a resident report through acceptance, dispatch, handling, verification, closure and rating', async () => {
    const at = await pointInGrid1();
    const created = await report(s.resident1!, {
      categoryCode: '1006',
      description: '楼上住户深夜噪音，多次沟通无果',
      lng: at.lng,
      lat: at.lat,
    });
    let c = created.case;
    expect(c.status).toBe('reported');
    expect(c.grid?.code).toBe(grid1Grid);
    expect(c.deadlines.accept).not.toBeNull();
    expect(created.publicToken.length).toBeGreaterThan(20);

    c = await ok(s.community1!, c, { action: 'accept' });
    expect(c.status).toBe('accepted');
    c = await ok(s.community1!, c, {
      action: 'dispatch',
      handler: { kind: 'grid_worker', userId: s.grid1!.user.id },
    });
    expect(c.status).toBe('dispatched');
    expect(c.handler).toMatchObject({ kind: 'grid_worker', name: '网格员甲' });
    expect(c.deadlines.handle).not.toBeNull();
    // only the handler may start; community1 sees no such button and is refused
    expect(c.allowedActions).not.toContain('start');
    expect((await step(s.community1!, c, { action: 'start' })).statusCode).toBe(403);

    const seenByWorker = (await s.grid1!.request('GET', `/api/cases/${c.id}`)).json<CaseView>();
    expect(seenByWorker.allowedActions).toEqual(expect.arrayContaining(['start', 'handle', 'return']));
    c = await ok(s.grid1!, c, { action: 'start' });
    expect((await step(s.grid1!, c, { action: 'handle' })).json().error.code).toBe('FIELD_REQUIRED');
    c = await ok(s.grid1!, c, { action: 'handle', note: '已上门调解，双方达成约定' });
    expect(c.status).toBe('handled');
    expect(c.handledOnTime).toBe(true);
    c = await ok(s.community1!, c, { action: 'verify' });
    c = await ok(s.community1!, c, { action: 'close', closureReason: 'fixed' });
    expect(c.status).toBe('closed');
    expect(c.closureReason).toBe('fixed');

    const mine = (await s.resident1!.request('GET', `/api/cases/${c.id}`)).json<CaseView>();
    expect(mine.allowedActions).toEqual(expect.arrayContaining(['rate', 'not_fixed', 'confirm']));
    c = await ok(s.resident1!, c, { action: 'rate', rating: 5, ratingReasons: ['fast', 'thorough'] });
    expect(c.rating).toBe(5);
    expect((await step(s.resident1!, c, { action: 'rate', rating: 4 })).statusCode).toBe(403);

    const detail = (await s.community1!.request('GET', `/api/cases/${c.id}`)).json<CaseView>();
    expect(detail.timeline!.map((e) => e.action)).toEqual([
      'report',
      'accept',
      'dispatch',
      'start',
      'handle',
      'verify',
      'close',
      'rate',
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', String(c.id))
      .where('result', '=', 'ok')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.report', 'case.accept', 'case.close']),
    );
  });

  it('answers an illegal step with 409 and the reason, and a stale version with 409', async () => {
    const at = await pointInGrid1();
    const { case: c } = await report(s.community1!, {
      categoryCode: '1002',
      description: '楼道堆放旧家具',
      ...at,
    });
    const illegal = await step(s.community1!, c, { action: 'close', closureReason: 'fixed' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.code).toBe('ILLEGAL_TRANSITION');
    expect(illegal.json().error.message).toContain('待受理');
    const stale = await step(s.community1!, { id: c.id, version: c.version + 5 }, { action: 'accept' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('answers a step allowed on the version the caller saw, taken after another step, with 409, not 403', async () => {
    const at = await pointInGrid1();
    const { case: c } = await report(s.community1!, {
      categoryCode: '1002',
      description: '楼道灯不亮',
      ...at,
    });
    // community staff may not supervise; the street and the district may, once: the district is first
    expect(c.allowedActions).not.toContain('supervise');
    const seen = (await s.street1!.request('GET', `/api/cases/${c.id}`)).json<CaseView>();
    expect(seen.allowedActions).toContain('supervise');
    await ok(s.admin!, seen, { action: 'supervise', note: '请加快处理' });
    const late = await step(s.street1!, seen, { action: 'supervise', note: '请加快处理' });
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('lets exactly one of twenty parallel attempts at one step win', async () => {
    const at = await pointInGrid1();
    const { case: c } = await report(s.community1!, {
      categoryCode: '0402',
      description: '商户店外摆放货架',
      ...at,
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => step(s.community1!, c, { action: 'accept' })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((x) => x === 200)).toHaveLength(1);
    expect(codes.filter((x) => x === 409)).toHaveLength(19);
    const events = await t.database.db
      .selectFrom('case_event')
      .select('action')
      .where('case_id', '=', c.id)
      .where('action', '=', 'accept')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('shows department cases only to that department, and cases of other places to no one outside', async () => {
    const at = await pointInGrid1();
    const { case: c } = await report(s.community1!, {
      categoryCode: '0401',
      description: '路口流动摊贩占道',
      ...at,
    });
    expect((await s.dept1!.request('GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    let v = await ok(s.community1!, c, { action: 'accept' });
    v = await ok(s.community1!, v, { action: 'dispatch' }); // the category's default: urban management
    expect(v.handler).toMatchObject({ kind: 'department', name: '城市管理局' });
    const seen = (await s.dept1!.request('GET', `/api/cases/${c.id}`)).json<CaseView>();
    expect(seen.allowedActions).toContain('handle');
    const list = (await s.dept1!.request('GET', '/api/cases?mine=true')).json<{ items: { id: number }[] }>();
    expect(list.items.map((i) => i.id)).toContain(c.id);
    expect((await s.community3!.request('GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await s.grid2!.request('GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    const others = (await s.resident1!.request('GET', '/api/cases?pageSize=200')).json<{
      items: { id: number }[];
    }>();
    expect(others.items.map((i) => i.id)).not.toContain(c.id);
    // escalation climbs the chain: community → street
    const escalated = await ok(s.dept1!, v, { action: 'escalate', note: '涉及多个部门，需街道协调' });
    expect(escalated.level).toBe('street');
    expect(escalated.handler?.kind).toBe('street');
  });

  it('refuses a point outside the district and an unknown category', async () => {
    const outside = await s.community1!.request('POST', '/api/cases', {
      categoryCode: '1002',
      description: 'x',
      lng: 116.4,
      lat: 39.9,
    });
    expect(outside.statusCode).toBe(422);
    const at = await pointInGrid1();
    const unknown = await s.community1!.request('POST', '/api/cases', {
      categoryCode: '9999',
      description: 'x',
      ...at,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('UNKNOWN_CATEGORY');
  });

  it('shows the reporter’s full phone for a callback only with a reason, and audits it without the number', async () => {
    const at = await pointInGrid1();
    const { case: c } = await report(s.community1!, {
      categoryCode: '1002',
      description: '电话反映：楼道堆放杂物',
      reporterName: '李女士',
      reporterPhone: '13903712345',
      ...at,
    });
    const listed = (await s.community1!.request('GET', `/api/cases/${c.id}`)).json<{
      reporter: { phoneMasked: string };
    }>();
    expect(listed.reporter.phoneMasked).toBe('139****2345');
    const noReason = await s.community1!.request('POST', `/api/cases/${c.id}/reporter-phone`, {});
    expect(noReason.statusCode).toBe(400);
    const revealed = await s.community1!.request('POST', `/api/cases/${c.id}/reporter-phone`, {
      reason: '结案回访',
    });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({ phone: '13903712345' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'result'])
      .where('action', '=', 'case.reveal_reporter')
      .where('subject_id', '=', String(c.id))
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ field: 'reporterPhone', reason: '结案回访' });
    expect(JSON.stringify(audit.details)).not.toContain('13903712345');
    expect(
      (await s.grid1!.request('POST', `/api/cases/${c.id}/reporter-phone`, { reason: '回访' })).statusCode,
    ).toBe(403);
    expect(
      (await s.community3!.request('POST', `/api/cases/${c.id}/reporter-phone`, { reason: '回访' }))
        .statusCode,
    ).toBe(404);
  });

  it('finds a likely duplicate nearby and merges it', async () => {
    const at = await pointInGrid1();
    const first = await report(s.community1!, {
      categoryCode: '0403',
      description: '电动车堵住消防通道',
      ...at,
    });
    const second = await report(s.grid1!, {
      categoryCode: '0403',
      description: '消防通道又被电动车堵了',
      lng: at.lng + 0.0002,
      lat: at.lat,
    });
    expect(second.duplicates.map((d) => d.code)).toContain(first.case.code);
    const merged = await ok(s.community1!, second.case, { action: 'merge', mergeInto: first.case.code });
    expect(merged.status).toBe('merged');
  });
});

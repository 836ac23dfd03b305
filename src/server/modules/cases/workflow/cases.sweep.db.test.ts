import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../testing/app.js';
import { pointServedBy } from '../../../testing/points.js';
import { usingPostgres } from '../../../testing/database.js';
import { SWEEP_LOCK_KEY, sweepOverdue } from './cases.sweep.js';

let t: TestApp;
const s: Record<string, Session> = {};
const DAY = 86_400_000;

interface CaseView {
  id: number;
  code: string;
  status: string;
  version: number;
  level: string;
  handler: { kind: string } | null;
}

interface Notice {
  id: number;
  caseId: number | null;
  kind: string;
  title: string;
  readAt: string | null;
}

/** A point in a micro-grid grid1 serves (community1's community). */
async function pointInGrid1(): Promise<{ lng: number; lat: number }> {
  const { lng, lat } = await pointServedBy(t.database.db);
  return { lng, lat };
}

async function ok(who: Session, c: { id: number; version: number }, body: Record<string, unknown>) {
  const res = await who.request('POST', `/api/cases/${c.id}/transitions`, { version: c.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseView>();
}

/** A case of '1006' (escalates when overdue) dispatched to grid1: level grid, the handle clock running. */
async function dispatchedToGrid1(description: string): Promise<CaseView> {
  const res = await s.community1!.request('POST', '/api/cases', {
    categoryCode: '1006',
    description,
    ...(await pointInGrid1()),
  });
  expect(res.statusCode, res.body).toBe(200);
  let c = res.json<{ case: CaseView }>().case;
  c = await ok(s.community1!, c, { action: 'accept' });
  c = await ok(s.community1!, c, {
    action: 'dispatch',
    handler: { kind: 'grid_worker', userId: s.grid1!.user.id },
  });
  expect([c.status, c.level]).toEqual(['dispatched', 'grid']);
  return c;
}

const eventsOf = (caseId: number) =>
  t.database.db
    .selectFrom('case_event')
    .select(['action', 'note', 'actor_name'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['community1', 'community3', 'grid1', 'street1']) s[u] = await t.login(u);
});
afterAll(async () => t?.close());

describe('the overdue sweep', () => {
  it('escalates a dispatched case past its deadline once, tells handler and dispatcher, and audits it', async () => {
    const c = await dispatchedToGrid1('楼上漏水，多次协商无果');
    const waiting = await s.community1!.request('POST', '/api/cases', {
      categoryCode: '1006',
      description: '邻居占用楼道',
      ...(await pointInGrid1()),
    });
    const reported = waiting.json<{ case: CaseView }>().case;

    // nothing is due yet
    const early = await sweepOverdue(t.ctx, new Date());
    expect((await eventsOf(c.id)).map((e) => e.action)).not.toContain('overdue');
    expect(early.skipped).toBe(false);

    const later = new Date(Date.now() + 60 * DAY);
    const first = await sweepOverdue(t.ctx, later);
    expect(first.skipped).toBe(false);
    expect(first.overdue).toBeGreaterThanOrEqual(2);
    expect(first.escalated).toBeGreaterThanOrEqual(1);

    const after = (await s.community1!.request('GET', `/api/cases/${c.id}`)).json<CaseView>();
    expect(after.level).toBe('community');
    expect(after.handler?.kind).toBe('community');
    expect(after.version).toBe(c.version + 1);
    const events = await eventsOf(c.id);
    expect(events.slice(-2).map((e) => [e.action, e.note])).toEqual([
      ['overdue', null],
      ['escalate', '超时自动上报'],
    ]);
    // a case waiting for acceptance is announced overdue, not escalated
    expect((await eventsOf(reported.id)).map((e) => e.action)).toEqual(['report', 'overdue']);

    // the worker hears the case is overdue; community1 that it is overdue and now its own
    const workerInbox = (await s.grid1!.request('GET', '/api/notifications?unread=true')).json<{
      items: Notice[];
    }>();
    expect(workerInbox.items.filter((n) => n.caseId === c.id).map((n) => n.kind)).toContain('case.overdue');
    const inbox = (await s.community1!.request('GET', '/api/notifications?pageSize=200')).json<{
      items: Notice[];
    }>();
    // (the report itself reached community1 as the dispatcher when it was filed)
    expect(
      inbox.items
        .filter((n) => n.caseId === c.id)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['case.escalated', 'case.overdue', 'case.reported']);
    expect(inbox.items.find((n) => n.caseId === c.id && n.kind === 'case.overdue')?.title).toContain(
      '已超时',
    );

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where('actor_name', '=', 'system:sweep')
      .where('subject_id', '=', String(c.id))
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'case.overdue', result: 'ok' },
      { action: 'case.escalate', result: 'ok' },
    ]);

    // a second sweep finds nothing new for it
    const second = await sweepOverdue(t.ctx, later);
    expect(second.overdue).toBe(0);
    expect(await eventsOf(c.id)).toHaveLength(events.length);
  });

  it('escalates exactly once when two sweeps run at the same time', async () => {
    const c = await dispatchedToGrid1('楼下商户油烟扰民');
    const later = new Date(Date.now() + 90 * DAY);
    const results = await Promise.all([sweepOverdue(t.ctx, later), sweepOverdue(t.ctx, later)]);
    const events = await eventsOf(c.id);
    expect(events.filter((e) => e.action === 'escalate')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'overdue')).toHaveLength(1);
    expect(results.filter((r) => r.escalated > 0)).toHaveLength(1);
    if (usingPostgres()) {
      // separate connections: one took the advisory lock, the other stepped aside or found the work done
      expect(results.some((r) => r.skipped || r.overdue === 0)).toBe(true);
      // and while another connection holds the lock, a sweep does nothing at all
      const other = await dispatchedToGrid1('楼顶违规搭建');
      let release = () => {};
      let held = () => {};
      const isHeld = new Promise<void>((resolve) => (held = resolve));
      const holder = t.database.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${SWEEP_LOCK_KEY})`.execute(trx);
        held();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await isHeld;
      const blocked = await sweepOverdue(t.ctx, later);
      release();
      await holder;
      expect(blocked).toEqual({ skipped: true, overdue: 0, escalated: 0, failed: 0, warned: 0 });
      expect((await eventsOf(other.id)).map((e) => e.action)).not.toContain('overdue');
      expect((await sweepOverdue(t.ctx, later)).escalated).toBe(1);
    }
    const row = await t.database.db
      .selectFrom('civic_case')
      .select(['level', 'escalation_count'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ level: 'community', escalation_count: 1 });
  });

  it('sweeps a case again after its deadline moves (an extension granted) and it passes that too', async () => {
    let c = await dispatchedToGrid1('小区内车辆乱停');
    const later = new Date(Date.now() + 30 * DAY);
    await sweepOverdue(t.ctx, later);
    c = (await s.community1!.request('GET', `/api/cases/${c.id}`)).json<CaseView>();
    expect(c.level).toBe('community');
    // the community (now the handler) asks for more time, the street (its dispatcher now) grants it
    c = await ok(s.community1!, c, {
      action: 'request_extension',
      note: '需协调物业',
      extension: { limit: 200, unit: 'days' },
    });
    c = await ok(s.street1!, c, { action: 'grant_extension' });
    expect((await sweepOverdue(t.ctx, later)).overdue).toBe(0);
    const muchLater = new Date(Date.now() + 800 * DAY);
    await sweepOverdue(t.ctx, muchLater);
    const events = await eventsOf(c.id);
    expect(events.filter((e) => e.action === 'overdue')).toHaveLength(2);
    const row = await t.database.db
      .selectFrom('civic_case')
      .select('level')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.level).toBe('street');
  });
});

describe('the yellow warning', () => {
  it('tells the handler once when 80 % of the working time has gone', async () => {
    const c = await dispatchedToGrid1('楼道扶手松动');
    const row = await t.database.db
      .selectFrom('civic_case')
      .select(['current_started_at', 'current_due_at'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const almost = new Date(row.current_due_at!.getTime() - 60_000);
    const justStarted = new Date(row.current_started_at!.getTime() + 60_000);
    const warningsOf = () =>
      t.database.db
        .selectFrom('case_event')
        .select(['details', 'public'])
        .where('case_id', '=', c.id)
        .where('action', '=', 'deadline_warning')
        .execute();
    await sweepOverdue(t.ctx, justStarted);
    expect(await warningsOf()).toEqual([]);
    const first = await sweepOverdue(t.ctx, almost);
    expect(first.warned).toBeGreaterThanOrEqual(1);
    expect(await warningsOf()).toEqual([
      { details: { dueAt: row.current_due_at!.toISOString() }, public: false },
    ]);
    const inbox = (await s.grid1!.request('GET', '/api/notifications?pageSize=200')).json<{
      items: Notice[];
    }>();
    const notices = inbox.items.filter((n) => n.caseId === c.id && n.kind === 'case.warning');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toContain('即将超时');
    await sweepOverdue(t.ctx, almost);
    expect(await warningsOf()).toHaveLength(1);
  });
});

describe('the inbox', () => {
  it('lists, counts and marks only my own notices', async () => {
    const mine = (await s.community1!.request('GET', '/api/notifications?unread=true&pageSize=5')).json<{
      items: Notice[];
      total: number;
      unread: number;
    }>();
    expect(mine.unread).toBeGreaterThan(1);
    expect(mine.total).toBe(mine.unread);
    expect(mine.items.length).toBeLessThanOrEqual(5);
    const own = await t.database.db
      .selectFrom('notification')
      .select(['id', 'user_id'])
      .where(
        'id',
        'in',
        mine.items.map((n) => n.id),
      )
      .execute();
    expect(new Set(own.map((r) => r.user_id))).toEqual(new Set([s.community1!.user.id]));

    const one = mine.items[0]!;
    const read = await s.community1!.request('POST', `/api/notifications/${one.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Notice>().readAt).not.toBeNull();
    const afterOne = (await s.community1!.request('GET', '/api/notifications')).json<{ unread: number }>();
    expect(afterOne.unread).toBe(mine.unread - 1);

    // someone else's notice is not found, and stays unread
    const foreign = await t.database.db
      .selectFrom('notification')
      .select('id')
      .where('user_id', '=', s.grid1!.user.id)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect((await s.community1!.request('POST', `/api/notifications/${foreign.id}/read`)).statusCode).toBe(
      404,
    );
    expect(
      (await s.community3!.request('GET', '/api/notifications'))
        .json<{ items: Notice[] }>()
        .items.map((n) => n.id),
    ).not.toContain(foreign.id);

    const all = await s.community1!.request('POST', '/api/notifications/read-all');
    expect(all.json<{ updated: number }>().updated).toBe(mine.unread - 1);
    expect((await s.community1!.request('GET', '/api/notifications')).json<{ unread: number }>().unread).toBe(
      0,
    );
    const still = await t.database.db
      .selectFrom('notification')
      .select('read_at')
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    expect(still.read_at).toBeNull();
  });
});

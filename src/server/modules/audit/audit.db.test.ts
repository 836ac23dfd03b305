import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { PROJECT_ROOT } from '../../paths.js';
import { DEMO_TEST_SCALE } from '../../testing/shared.js';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { DEMO_PASSWORD } from '../users/users.demo.js';
import { appendAudit, chainHash, sealPending, verifyAuditChain } from '../../core/audit-trail.js';

let t: TestApp;
let community1: Session;
let admin: Session;
let auditor: Session;

const code = (res: LightMyRequestResponse): string => res.json<{ error: { code: string } }>().error.code;

/** A request as `s` from a given client address, so the trail's ip can be checked. */
function from(ip: string, s: Session | null, method: InjectOptions['method'], url: string, body?: unknown) {
  return t.app.inject({
    method,
    url,
    remoteAddress: ip,
    headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
  });
}

async function maxId(): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('id'))
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Run `act` and return the one audit entry it left (failing if it left none or several). */
async function oneEntry(act: () => Promise<LightMyRequestResponse>, status: number) {
  const before = await maxId();
  const started = new Date(Date.now() - 1000);
  const res = await act();
  expect(res.statusCode, res.body).toBe(status);
  const ended = new Date(Date.now() + 1000);
  const rows = await t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '>', before)
    .orderBy('id')
    .execute();
  expect(rows, JSON.stringify(rows)).toHaveLength(1);
  const row = rows[0]!;
  expect(row.occurred_at.getTime()).toBeGreaterThanOrEqual(started.getTime());
  expect(row.occurred_at.getTime()).toBeLessThanOrEqual(ended.getTime());
  expect(row.request_id).toMatch(/^[0-9a-f-]{36}$/);
  return { res, row };
}

async function userId(username: string): Promise<number> {
  return (
    await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;
}

async function placeVersion(code: string): Promise<number> {
  return (
    await t.database.db
      .selectFrom('place')
      .select('version')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).version;
}

/** Seal until nothing is pending (the app's own sealer may hold the seal lock for a moment). */
async function sealAll(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await sealPending(t.database.db);
    const left = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('seal_seq', 'is', null)
      .executeTakeFirstOrThrow();
    if (left.n === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('audit entries stayed unsealed');
}

beforeAll(async () => {
  t = await createTestApp();
  community1 = await t.login('community1');
  admin = await t.login('admin');
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

let compoundA = '';

describe('every command leaves one entry', () => {
  let compoundB = '';
  let building = '';

  it('place create, update, move and delete: who, what, which, when, from where, with what result', async () => {
    const c1 = await userId('community1');
    const a = await oneEntry(
      () =>
        from('10.0.0.11', community1, 'POST', '/api/places', {
          parentCode: '410103001001',
          kind: 'compound',
          name: '审计甲小区',
        }),
      200,
    );
    compoundA = a.res.json<{ code: string }>().code;
    expect(a.row).toMatchObject({
      actor_id: c1,
      actor_name: 'community1',
      actor_role: 'community_staff',
      action: 'place.create',
      subject_type: 'place',
      subject_id: compoundA,
      result: 'ok',
      ip: '10.0.0.11',
      details: { name: '审计甲小区', kind: 'compound' },
    });
    expect(a.row.place_path).toMatch(/^\/\d+\/\d+\/\d+\/\d+\/$/);
    compoundB = (
      await oneEntry(
        () =>
          from('10.0.0.11', community1, 'POST', '/api/places', {
            parentCode: '410103001001',
            kind: 'compound',
            name: '审计乙小区',
          }),
        200,
      )
    ).res.json<{ code: string }>().code;
    building = (
      await oneEntry(
        () =>
          from('10.0.0.11', community1, 'POST', '/api/places', {
            parentCode: compoundA,
            kind: 'building',
            name: '1号楼',
          }),
        200,
      )
    ).res.json<{ code: string }>().code;

    const u = await oneEntry(
      async () =>
        from('10.0.0.12', community1, 'PATCH', `/api/places/${compoundA}`, {
          version: await placeVersion(compoundA),
          name: '审计丙小区',
        }),
      200,
    );
    expect(u.row).toMatchObject({
      actor_name: 'community1',
      action: 'place.update',
      subject_id: compoundA,
      result: 'ok',
      ip: '10.0.0.12',
      details: { changes: { name: { from: '审计甲小区', to: '审计丙小区' } } },
    });

    const m = await oneEntry(
      async () =>
        from('10.0.0.13', community1, 'POST', `/api/places/${building}/move`, {
          version: await placeVersion(building),
          newParentCode: compoundB,
        }),
      200,
    );
    expect(m.row).toMatchObject({
      action: 'place.move',
      subject_id: building,
      result: 'ok',
      ip: '10.0.0.13',
      details: { from: compoundA, to: compoundB, nodesMoved: 1 },
    });

    const d = await oneEntry(
      async () =>
        from(
          '10.0.0.14',
          community1,
          'DELETE',
          `/api/places/${building}?version=${await placeVersion(building)}`,
        ),
      200,
    );
    expect(d.row).toMatchObject({
      action: 'place.delete',
      subject_id: building,
      result: 'ok',
      ip: '10.0.0.14',
      details: { name: '1号楼', kind: 'building' },
    });
  });

  it('a command that fails leaves one entry and no change', async () => {
    const f = await oneEntry(
      async () =>
        from(
          '10.0.0.15',
          community1,
          'DELETE',
          `/api/places/${compoundB}?version=${(await placeVersion(compoundB)) + 5}`,
        ),
      409,
    );
    expect(f.row).toMatchObject({
      action: 'place.delete',
      result: 'failed',
      actor_name: 'community1',
      details: { error: 'VERSION_CONFLICT' },
    });
    expect(await placeVersion(compoundB)).toBeGreaterThan(0);
  });

  it('login, failed login, lockout and logout', async () => {
    const ok = await oneEntry(
      () =>
        from('10.0.1.1', null, 'POST', '/api/auth/login', {
          username: 'community2',
          password: DEMO_PASSWORD,
        }),
      200,
    );
    expect(ok.row).toMatchObject({
      actor_id: await userId('community2'),
      actor_name: 'community2',
      actor_role: 'community_staff',
      action: 'auth.login',
      subject_type: 'user',
      subject_id: String(await userId('community2')),
      result: 'ok',
      ip: '10.0.1.1',
    });
    const cookie = ok.res.cookies.find((c) => c.name === 'louyuan_session')?.value ?? '';
    const csrf = ok.res.json<{ csrfToken: string }>().csrfToken;

    const out = await oneEntry(
      () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/logout',
          remoteAddress: '10.0.1.2',
          headers: { cookie: `louyuan_session=${cookie}`, 'x-csrf-token': csrf },
        }),
      200,
    );
    expect(out.row).toMatchObject({
      action: 'auth.logout',
      actor_name: 'community2',
      result: 'ok',
      ip: '10.0.1.2',
    });

    const failed = await oneEntry(
      () => from('10.0.1.3', null, 'POST', '/api/auth/login', { username: 'grid2', password: 'Wrong#2026' }),
      401,
    );
    expect(failed.row).toMatchObject({
      action: 'auth.login',
      actor_name: 'grid2',
      result: 'failed',
      ip: '10.0.1.3',
      details: { reason: 'wrong_password' },
    });
    for (let i = 0; i < 3; i++)
      await from('10.0.1.3', null, 'POST', '/api/auth/login', { username: 'grid2', password: `Wrong#${i}` });
    const lockout = await oneEntry(
      () => from('10.0.1.4', null, 'POST', '/api/auth/login', { username: 'grid2', password: 'Wrong#last' }),
      403,
    );
    expect(lockout.row).toMatchObject({
      action: 'auth.lockout',
      actor_name: 'grid2',
      result: 'denied',
      ip: '10.0.1.4',
    });
    const locked = await oneEntry(
      () => from('10.0.1.5', null, 'POST', '/api/auth/login', { username: 'grid2', password: DEMO_PASSWORD }),
      403,
    );
    expect(locked.row).toMatchObject({
      action: 'auth.login',
      result: 'denied',
      details: { reason: 'locked' },
    });
  });

  it('denied access: a missing capability, an out-of-scope subject and a forbidden route', async () => {
    const grid1 = await t.login('grid1');
    const cap = await oneEntry(
      async () =>
        from('10.0.2.1', grid1, 'PATCH', '/api/places/410103001001', {
          version: await placeVersion('410103001001'),
          name: '网格员改名',
        }),
      403,
    );
    expect(cap.row).toMatchObject({
      action: 'place.update',
      actor_name: 'grid1',
      actor_role: 'grid_worker',
      result: 'denied',
      ip: '10.0.2.1',
      details: { error: 'FORBIDDEN' },
    });

    const scope = await oneEntry(
      async () =>
        from('10.0.2.2', community1, 'PATCH', '/api/places/410103002001', {
          version: await placeVersion('410103002001'),
          name: '越界',
        }),
      404,
    );
    expect(scope.row).toMatchObject({
      action: 'place.update',
      actor_name: 'community1',
      result: 'denied',
      details: { error: 'NOT_FOUND' },
    });

    const sysadmin = await t.login('sysadmin');
    const c1 = await userId('community1');
    const user = await oneEntry(
      () =>
        from('10.0.2.5', sysadmin, 'POST', `/api/users/${c1}/reset-password`, { newPassword: 'Reset#2026a' }),
      403,
    );
    expect(user.row).toMatchObject({
      action: 'user.reset_password',
      actor_name: 'sysadmin',
      actor_role: 'system_admin',
      subject_type: 'user',
      subject_id: String(c1),
      result: 'denied',
      ip: '10.0.2.5',
      details: { error: 'FORBIDDEN' },
    });

    const route = await oneEntry(() => from('10.0.2.3', community1, 'GET', '/api/audit'), 403);
    expect(route.row).toMatchObject({
      action: 'access.denied',
      actor_name: 'community1',
      result: 'denied',
      ip: '10.0.2.3',
      details: { method: 'GET', route: '/api/audit', code: 'FORBIDDEN' },
    });
    const csrf = await oneEntry(
      () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/logout',
          remoteAddress: '10.0.2.4',
          headers: { cookie: community1.cookie },
        }),
      403,
    );
    expect(csrf.row).toMatchObject({
      action: 'access.denied',
      result: 'denied',
      details: { code: 'CSRF_FAILED' },
    });
  });
});

describe('the hash chain', () => {
  it('verifies on the demo data after all those actions', async () => {
    await sealAll();
    const report = await verifyAuditChain(t.database.db);
    const total = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(total.n).toBeGreaterThan(15);
    expect(report).toEqual({ ok: true, checked: total.n, unsealed: 0, headSeq: total.n, firstBroken: null });
  });

  it('seals concurrent writes with a gap-free sequence', async () => {
    const compounds = await t.database.db
      .selectFrom('place')
      .select(['code', 'version'])
      .where('kind', '=', 'compound')
      .where('code', 'like', '410103002%')
      .orderBy('code')
      .limit(10)
      .execute();
    expect(compounds).toHaveLength(10);
    // new compounds under ten different communities: each parent numbers its own children
    const communities = await t.database.db
      .selectFrom('place')
      .select(['code'])
      .where('kind', '=', 'community')
      .orderBy('code')
      .limit(10)
      .execute();
    expect(communities).toHaveLength(10);
    const before = await maxId();
    const writes = [
      ...compounds.map((c, i) =>
        admin.request('PATCH', `/api/places/${c.code}`, { version: c.version, address: `并发地址 ${i}` }),
      ),
      ...communities.map((c, i) =>
        admin.request('POST', '/api/places', { parentCode: c.code, kind: 'compound', name: `并发小区${i}` }),
      ),
    ];
    // sealers racing the writers, as several processes on one PostgreSQL would
    const sealers = Array.from({ length: 5 }, () => sealPending(t.database.db));
    const results = await Promise.all(writes);
    await Promise.all(sealers);
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    await sealAll();

    const fresh = await t.database.db
      .selectFrom('audit_log')
      .select(['id', 'seal_seq'])
      .where('id', '>', before)
      .execute();
    expect(fresh).toHaveLength(20);
    const seqs = await t.database.db
      .selectFrom('audit_log')
      .select(['seal_seq'])
      .orderBy('seal_seq')
      .execute();
    expect(seqs.map((r) => r.seal_seq)).toEqual(seqs.map((_, i) => i + 1));
    const head = await t.database.db
      .selectFrom('audit_seal_head')
      .select(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    const last = await t.database.db
      .selectFrom('audit_log')
      .select('hash')
      .where('seal_seq', '=', seqs.length)
      .executeTakeFirstOrThrow();
    expect(head).toEqual({ seq: seqs.length, hash: last.hash });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('verifies consistently while others write and seal', async () => {
    const work: Promise<unknown>[] = [];
    const reports: Promise<{ ok: boolean; firstBroken: unknown }>[] = [];
    const compounds = await t.database.db
      .selectFrom('place')
      .select(['code', 'version'])
      .where('kind', '=', 'compound')
      .where('code', 'like', '410103003%')
      .orderBy('code')
      .limit(15)
      .execute();
    for (const [i, c] of compounds.entries()) {
      work.push(
        admin.request('PATCH', `/api/places/${c.code}`, { version: c.version, address: `校验中写入 ${i}` }),
      );
      work.push(sealPending(t.database.db));
      reports.push(verifyAuditChain(t.database.db));
    }
    expect(reports).toHaveLength(15);
    await Promise.all(work);
    for (const report of await Promise.all(reports)) expect(report.firstBroken).toBeNull();
    // a sealer committing while a verification walks the chain: the walk sees one consistent snapshot
    for (let i = 0; i < 40; i++) {
      await appendAudit(t.database.db, {
        actorId: null,
        actorName: 'race',
        actorRole: null,
        action: 'test.race',
        result: 'ok',
      });
      const [, report] = await Promise.all([sealPending(t.database.db), verifyAuditChain(t.database.db)]);
      expect(report.firstBroken, `round ${i}`).toBeNull();
    }
    await sealAll();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('is append-only: a sealed entry cannot be changed or deleted', async () => {
    await sealAll();
    const row = await t.database.db
      .selectFrom('audit_log')
      .select(['id'])
      .where('seal_seq', '=', 3)
      .executeTakeFirstOrThrow();
    await expect(
      sql`UPDATE audit_log SET details = '{"forged": true}' WHERE id = ${row.id}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`UPDATE audit_log SET actor_name = 'someone' WHERE id = ${row.id}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`UPDATE audit_log SET hash = 'x' WHERE id = ${row.id}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = ${row.id}`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    // an unsealed entry can only be sealed, not edited
    await appendAudit(t.database.db, {
      actorId: null,
      actorName: 'probe',
      actorRole: null,
      action: 'test.probe',
      result: 'ok',
    });
    const probe = await t.database.db
      .selectFrom('audit_log')
      .select(['id', 'seal_seq'])
      .where('action', '=', 'test.probe')
      .executeTakeFirstOrThrow();
    if (probe.seal_seq === null) {
      await expect(
        sql`UPDATE audit_log SET action = 'test.forged' WHERE id = ${probe.id}`.execute(t.database.db),
      ).rejects.toThrow(/append-only/);
    }
    await sealAll();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('is read by the audit administrator only, with filters', async () => {
    await sealAll();
    for (const s of [admin, community1, await t.login('sysadmin'), await t.login('secadmin')]) {
      const res = await s.request('GET', '/api/audit');
      expect(res.statusCode, s.username).toBe(403);
      expect(code(res)).toBe('FORBIDDEN');
      expect((await s.request('POST', '/api/audit/verify')).statusCode, s.username).toBe(403);
    }
    interface Entry {
      id: number;
      action: string;
      actorName: string | null;
      result: string;
      subjectType: string | null;
      subjectId: string | null;
      occurredAt: string;
      sealSeq: number | null;
      hash: string | null;
      ip: string | null;
    }
    type Page = { items: Entry[]; total: number; page: number; pageSize: number };
    await sealAll();
    const count = async (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
      (
        await where(base())
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const base = () => t.database.db.selectFrom('audit_log');

    const all = await auditor.request('GET', '/api/audit?pageSize=5');
    expect(all.statusCode).toBe(200);
    const page = all.json<Page>();
    expect(page.total).toBe(await count((q) => q));
    expect(page.items).toHaveLength(5);
    expect(page.items.map((e) => e.id)).toEqual([...page.items.map((e) => e.id)].sort((a, b) => b - a));
    expect(page.items.at(-1)?.sealSeq).toEqual(expect.any(Number));
    expect(page.items.at(-1)?.hash).toMatch(/^[0-9a-f]{64}$/);

    const places = (await auditor.request('GET', '/api/audit?action=place.&pageSize=200')).json<Page>();
    expect(places.total).toBe(await count((q) => q.where('action', 'like', 'place.%')));
    expect(places.items.every((e) => e.action.startsWith('place.'))).toBe(true);

    const byActor = (await auditor.request('GET', '/api/audit?actor=community1&pageSize=200')).json<Page>();
    expect(byActor.total).toBe(await count((q) => q.where('actor_name', '=', 'community1')));
    expect(byActor.items.every((e) => e.actorName === 'community1')).toBe(true);

    const denied = (await auditor.request('GET', '/api/audit?result=denied&pageSize=200')).json<Page>();
    expect(denied.total).toBe(await count((q) => q.where('result', '=', 'denied')));
    expect(denied.total).toBeGreaterThanOrEqual(5);
    expect(denied.items.every((e) => e.result === 'denied')).toBe(true);

    const subject = (
      await auditor.request('GET', `/api/audit?subjectType=place&subjectId=${compoundA}`)
    ).json<Page>();
    expect(subject.items.map((e) => e.action).sort()).toEqual(['place.create', 'place.update']);
    expect(subject.items.every((e) => e.subjectId === compoundA && e.subjectType === 'place')).toBe(true);

    const middle = page.items[2]!.occurredAt;
    const since = (
      await auditor.request('GET', `/api/audit?from=${encodeURIComponent(middle)}&pageSize=200`)
    ).json<Page>();
    expect(since.total).toBe(await count((q) => q.where('occurred_at', '>=', new Date(middle))));
    expect(since.items.every((e) => e.occurredAt >= middle)).toBe(true);
    const until = (
      await auditor.request('GET', `/api/audit?to=${encodeURIComponent(middle)}&pageSize=1`)
    ).json<Page>();
    expect(until.total).toBe(await count((q) => q.where('occurred_at', '<', new Date(middle))));
    expect(since.total + until.total).toBe(page.total);

    const combined = (
      await auditor.request('GET', '/api/audit?action=auth.&result=failed&actor=grid2')
    ).json<Page>();
    expect(combined.total).toBe(
      await count((q) =>
        q.where('action', 'like', 'auth.%').where('result', '=', 'failed').where('actor_name', '=', 'grid2'),
      ),
    );
    expect(combined.total).toBeGreaterThanOrEqual(4);

    const bad = await auditor.request('GET', '/api/audit?result=maybe');
    expect(bad.statusCode).toBe(400);
  });

  it('POST /api/audit/verify reports an intact chain', async () => {
    const res = await auditor.request('POST', '/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      ok: boolean;
      checked: number;
      unsealed: number;
      headSeq: number;
      firstBroken: null;
    }>();
    expect(body.ok).toBe(true);
    expect(body.firstBroken).toBeNull();
    expect(body.checked).toBe(body.headSeq);
    expect(body.checked).toBeGreaterThan(40);
  });

  describe('tampering', () => {
    const disable = () =>
      sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(t.database.db);
    const enable = () =>
      sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(t.database.db);

    it('names the first altered entry by sequence and id', async () => {
      await sealAll();
      const target = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seal_seq', '=', 7)
        .executeTakeFirstOrThrow();
      await disable();
      try {
        await sql`UPDATE audit_log SET details = details || '{"forged": true}' WHERE id = ${target.id}`.execute(
          t.database.db,
        );
      } finally {
        await enable();
      }
      const report = await verifyAuditChain(t.database.db);
      expect(report.ok).toBe(false);
      expect(report.checked).toBe(6);
      expect(report.firstBroken).toEqual({ seq: 7, id: target.id, reason: expect.stringMatching(/altered/) });
      const api = await auditor.request('POST', '/api/audit/verify');
      expect(api.statusCode).toBe(200);
      expect(api.json<{ ok: boolean; firstBroken: unknown }>()).toMatchObject({
        ok: false,
        firstBroken: report.firstBroken,
      });

      // put back exactly what was there and the chain verifies again
      await disable();
      try {
        await sql`UPDATE audit_log SET details = ${JSON.stringify(target.details)}::jsonb WHERE id = ${target.id}`.execute(
          t.database.db,
        );
      } finally {
        await enable();
      }
      expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    });

    it('catches an altered entry whose own hash was recomputed, at the next link', async () => {
      const target = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seal_seq', '=', 9)
        .executeTakeFirstOrThrow();
      const next = await t.database.db
        .selectFrom('audit_log')
        .select(['id'])
        .where('seal_seq', '=', 10)
        .executeTakeFirstOrThrow();
      await disable();
      try {
        await sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE id = ${target.id}`.execute(
          t.database.db,
        );
        const canonical = await sql<{
          c: string;
        }>`SELECT json_build_array(a.id, a.occurred_at, a.actor_id, a.actor_name, a.actor_role,
            a.action, a.subject_type, a.subject_id, a.result, a.ip, a.request_id, a.place_path, a.details)::text AS c
            FROM audit_log a WHERE id = ${target.id}`.execute(t.database.db);
        const forged = chainHash(target.prev_hash ?? '', 9, canonical.rows[0]?.c ?? '');
        await sql`UPDATE audit_log SET hash = ${forged} WHERE id = ${target.id}`.execute(t.database.db);
      } finally {
        await enable();
      }
      const report = await verifyAuditChain(t.database.db);
      expect(report.checked).toBe(9);
      expect(report.firstBroken).toEqual({ seq: 10, id: next.id, reason: expect.stringMatching(/link/) });

      await disable();
      try {
        await sql`UPDATE audit_log SET actor_name = ${target.actor_name}, hash = ${target.hash} WHERE id = ${target.id}`.execute(
          t.database.db,
        );
      } finally {
        await enable();
      }
      expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    });

    it('reports a deleted entry as missing', async () => {
      const gone = await t.database.db
        .selectFrom('audit_log')
        .select(['id'])
        .where('seal_seq', '=', 5)
        .executeTakeFirstOrThrow();
      const saved = await sql<{
        json: string;
      }>`SELECT row_to_json(a)::text AS json FROM audit_log a WHERE id = ${gone.id}`.execute(t.database.db);
      await disable();
      try {
        await sql`DELETE FROM audit_log WHERE id = ${gone.id}`.execute(t.database.db);
      } finally {
        await enable();
      }
      const report = await verifyAuditChain(t.database.db);
      expect(report.ok).toBe(false);
      expect(report.checked).toBe(4);
      expect(report.firstBroken).toEqual({ seq: 5, id: null, reason: expect.stringMatching(/missing/) });

      // the entry put back as it was (inserting is allowed): intact again
      await sql`INSERT INTO audit_log SELECT * FROM json_populate_record(NULL::audit_log, ${saved.rows[0]?.json}::json)`.execute(
        t.database.db,
      );
      expect((await verifyAuditChain(t.database.db)).ok).toBe(true);

      // the newest entry deleted: the seal head still remembers it
      const head = await t.database.db.selectFrom('audit_seal_head').select('seq').executeTakeFirstOrThrow();
      await disable();
      try {
        await sql`DELETE FROM audit_log WHERE seal_seq = ${head.seq}`.execute(t.database.db);
      } finally {
        await enable();
      }
      const tail = await verifyAuditChain(t.database.db);
      expect(tail.ok).toBe(false);
      expect(tail.firstBroken).toMatchObject({ seq: head.seq, id: null });
    });
  });
});

describe('louyuan audit verify (CLI)', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-audit-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    // the CLI seeds the demo at the test scale: this test is about the audit chain
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LOUYUAN_DATA_DIR: dir,
      LOUYUAN_DEMO_SCALE: String(DEMO_TEST_SCALE),
    };
    delete env.DATABASE_URL;
    delete env.LOUYUAN_DEMO;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'louyuan.mjs'), ...args], {
        cwd: PROJECT_ROOT,
        env,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  async function inProcess<T>(fn: (db: Parameters<typeof verifyAuditChain>[0]) => Promise<T>): Promise<T> {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      return await fn(database.db);
    } finally {
      await database.close();
    }
  }

  it('exits 0 on an intact chain and 1, naming the entry, on a tampered one', async () => {
    const seeded = await cli('seed', '--demo');
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'louyuan.lock'))).toBe(false);

    // a few entries, written and sealed the way the server would
    const ids = await inProcess(async (db) => {
      for (let i = 1; i <= 5; i++) {
        await appendAudit(db, {
          actorId: null,
          actorName: 'cli-test',
          actorRole: null,
          action: 'test.entry',
          result: 'ok',
          details: { i },
        });
      }
      await sealPending(db);
      const rows = await db.selectFrom('audit_log').select(['id', 'seal_seq']).orderBy('seal_seq').execute();
      return rows.map((r) => r.id);
    });
    expect(ids).toHaveLength(5);

    const intact = await cli('audit', 'verify');
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/intact/);
    expect(intact.stdout).toContain('5 entries verified');

    await inProcess(async (db) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
      await sql`UPDATE audit_log SET details = '{"i": 99}' WHERE seal_seq = 3`.execute(db);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
    });

    const broken = await cli('audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN/);
    expect(broken.stdout).toContain(`entry #3 (row id ${ids[2]})`);
    expect(broken.stdout).toMatch(/2 entries before it verify/);
    // a full CLI seed (households included, at the test scale) and four database opens
  }, 180_000);
});

import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/types.js';
import { createTestApp, type Session, type TestApp } from '../testing/app.js';
import { callsFor, loadSubtree, type Subtree } from '../testing/subtrees.js';
import { errorShapeProblems, fingerprint, routeName } from '../testing/walk.js';

/**
 * The route table's fixtures, the actors' reach into their own subtree, and the self routes. Every route walked
 * as every role, inside and outside its subtree, is the scope matrix (scope-matrix.db.test.ts); the fixtures
 * both use live in testing/subtrees.ts.
 */

let t: TestApp;
let db: Kysely<DB>;
const sessions: Record<string, Session> = {};
let sideA: Subtree; // community1's community, in street 410103001
let sideB: Subtree; // community3's community, in street 410103002

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  for (const name of ['community1', 'community2', 'community3', 'grid1', 'grid2', 'resident1']) {
    sessions[name] = await t.login(name);
  }
  const c1 = sessions.community1 as Session;
  const c3 = sessions.community3 as Session;
  sideA = await loadSubtree(db, 'community1 (410103001001)', c1.user.place.code, 'grid1', c1);
  sideB = await loadSubtree(db, 'community3 (410103002001)', c3.user.place.code, 'grid2', c3);
});
afterAll(() => t?.close());

describe('route table coverage', () => {
  it('has a fixture for every path parameter and required query parameter, and an example for every body', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const route of t.app.routeTable) {
      try {
        callsFor(route, sideA, sideB);
      } catch (error) {
        missing.push((error as Error).message);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('scope filtering still lets an actor reach its own subtree', () => {
  it('community1 reads its community, lists its compounds and finds them by name', async () => {
    const c1 = sessions.community1 as Session;
    const own = await c1.request('GET', `/api/places/${sideA.communityCode}`);
    expect(own.statusCode).toBe(200);
    expect(own.json<{ code: string; allowedActions: string[] }>()).toMatchObject({
      code: sideA.communityCode,
    });

    const children = await c1.request('GET', `/api/places/${sideA.communityCode}/children`);
    expect(children.statusCode).toBe(200);
    const page = children.json<{ items: { code: string; kind: string; name: string }[]; total: number }>();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((i) => i.kind === 'compound' && i.code.startsWith(sideA.communityCode))).toBe(
      true,
    );

    const first = page.items[0];
    const found = await c1.request('GET', `/api/places?q=${encodeURIComponent(first?.name ?? '')}`);
    expect(found.json<{ items: { code: string }[] }>().items.map((i) => i.code)).toContain(first?.code);
    const within = await c1.request('GET', `/api/places?within=${sideA.communityCode}&kind=compound`);
    expect(within.json<{ total: number }>().total).toBe(page.total);
  });

  it('grid2 reads its own community but may not write to it', async () => {
    const g2 = sessions.grid2 as Session;
    expect((await g2.request('GET', `/api/places/${sideB.communityCode}`)).statusCode).toBe(200);
    const write = await g2.request('PATCH', `/api/places/${sideB.communityCode}`, {
      version: 1,
      name: '不许改',
    });
    expect(write.statusCode).toBe(403);
  });

  it('a foreign search returns an empty list rather than a 404 or the records', async () => {
    const c1 = sessions.community1 as Session;
    const res = await c1.request('GET', `/api/places?q=${encodeURIComponent(sideB.communityName)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: unknown[]; total: number }>()).toMatchObject({ items: [], total: 0 });
  });
});

describe('self routes act only on the caller', () => {
  const tokenRow = (id: number) =>
    db
      .selectFrom('api_token')
      .select(['user_id', 'revoked_at', 'name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const passwordHashes = async (except: string) =>
    (
      await db
        .selectFrom('app_user')
        .select(['username', 'password_hash'])
        .where('username', '<>', except)
        .orderBy('id')
        .execute()
    ).map((r) => `${r.username}:${r.password_hash}`);

  /** One check per self route; a new self route fails the test until it has one. */
  const SELF_CHECKS: Record<string, () => Promise<void>> = {
    'GET /api/auth/me': async () => {
      const c1 = sessions.community1 as Session;
      const res = await c1.request('GET', '/api/auth/me');
      expect(res.statusCode).toBe(200);
      expect(res.json<{ user: { username: string } }>().user.username).toBe('community1');
      expect(sideB.identifiers.filter((id) => res.body.includes(id))).toEqual([]);
    },
    'GET /api/auth/tokens': async () => {
      const c1 = sessions.community1 as Session;
      const res = await c1.request('GET', '/api/auth/tokens');
      expect(res.statusCode).toBe(200);
      const ids = res.json<{ id: number }[]>().map((x) => x.id);
      expect(ids).toContain(sideA.tokenId);
      expect(ids).not.toContain(sideB.tokenId);
      expect(res.body).not.toContain(sideB.tokenName);
    },
    'POST /api/auth/tokens': async () => {
      const c1 = sessions.community1 as Session;
      const before = await fingerprint(db, ['place', 'app_user']);
      const res = await c1.request('POST', '/api/auth/tokens', { name: 'self-check' });
      expect(res.statusCode).toBe(200);
      const row = await tokenRow(res.json<{ apiToken: { id: number } }>().apiToken.id);
      expect(row.user_id).toBe(c1.user.id);
      expect(await fingerprint(db, ['place', 'app_user'])).toEqual(before);
    },
    'DELETE /api/auth/tokens/:id': async () => {
      const c1 = sessions.community1 as Session;
      const res = await c1.request('DELETE', `/api/auth/tokens/${sideB.tokenId}`);
      expect(res.statusCode).toBe(404);
      expect(errorShapeProblems(res)).toEqual([]);
      expect((await tokenRow(sideB.tokenId)).revoked_at).toBeNull();
      // and it is not vacuous: the caller can revoke its own
      const mine = await c1.request('POST', '/api/auth/tokens', { name: 'to-revoke' });
      const id = mine.json<{ apiToken: { id: number } }>().apiToken.id;
      expect((await c1.request('DELETE', `/api/auth/tokens/${id}`)).statusCode).toBe(200);
      expect((await tokenRow(id)).revoked_at).not.toBeNull();
    },
    'POST /api/auth/password': async () => {
      const c2 = await t.login('community2');
      const others = await passwordHashes('community2');
      const res = await c2.request('POST', '/api/auth/password', {
        currentPassword: 'Louyuan@2026',
        newPassword: 'Another#2026x',
      });
      expect(res.statusCode).toBe(200);
      expect(await passwordHashes('community2')).toEqual(others);
      await t.login('community2', 'Another#2026x');
    },
    'GET /api/notifications': async () => {
      const c1 = sessions.community1 as Session;
      const res = await c1.request('GET', '/api/notifications?pageSize=200');
      expect(res.statusCode).toBe(200);
      const ids = res.json<{ items: { id: number }[] }>().items.map((n) => n.id);
      expect(ids).toContain(sideA.notificationId);
      expect(ids).not.toContain(sideB.notificationId);
      expect(sideB.identifiers.filter((id) => res.body.includes(id))).toEqual([]);
    },
    'POST /api/notifications/:id/read': async () => {
      const c1 = sessions.community1 as Session;
      expect((await c1.request('POST', `/api/notifications/${sideB.notificationId}/read`)).statusCode).toBe(
        404,
      );
      const row = await db
        .selectFrom('notification')
        .select('read_at')
        .where('id', '=', sideB.notificationId)
        .executeTakeFirstOrThrow();
      expect(row.read_at).toBeNull();
    },
    'POST /api/notifications/read-all': async () => {
      const c3 = sessions.community3 as Session;
      const unread = async () =>
        (await c3.request('GET', '/api/notifications')).json<{ unread: number }>().unread;
      const before = await unread();
      expect(before).toBeGreaterThan(0);
      expect(
        (await (sessions.community1 as Session).request('POST', '/api/notifications/read-all')).statusCode,
      ).toBe(200);
      expect(await unread()).toBe(before);
    },
    'POST /api/auth/logout': async () => {
      const a = await t.login('grid1');
      const b = await t.login('grid1');
      const other = sessions.community3 as Session;
      expect((await a.request('POST', '/api/auth/logout')).statusCode).toBe(200);
      expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(401);
      expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(200);
      expect((await other.request('GET', '/api/auth/me')).statusCode).toBe(200);
    },
  };

  it('every self route has a check', () => {
    const selfRoutes = t.app.routeTable.filter((r) => r.self).map(routeName);
    expect(selfRoutes.length).toBeGreaterThan(0);
    expect(selfRoutes.filter((r) => !SELF_CHECKS[r]).map((r) => `add a self check for ${r}`)).toEqual([]);
  });

  it.each(Object.keys(SELF_CHECKS))('%s', async (name) => {
    expect(
      t.app.routeTable.some((r) => r.self && routeName(r) === name),
      `${name} is not a self route`,
    ).toBe(true);
    await (SELF_CHECKS[name] as () => Promise<void>)();
  });

  it("a foreign token still works after another user's revoke attempt", async () => {
    const c1 = sessions.community1 as Session;
    expect((await c1.request('DELETE', `/api/auth/tokens/${sideB.tokenId}`)).statusCode).toBe(404);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${sideB.tokenSecret}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ user: { username: string } }>().user.username).toBe('community3');
  });
});

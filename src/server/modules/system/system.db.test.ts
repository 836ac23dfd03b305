import { latestMigration } from '../../db/migrate.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('system routes and HTTP conventions', () => {
  it('reports health without a login: database kind, migration, uptime', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ status: string; database: string; migration: string; uptimeSeconds: number }>();
    expect(body.status).toBe('ok');
    expect(body.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.migration).toBe(latestMigration());
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('publishes an OpenAPI document describing every registered route, and the docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of t.app.routeTable) {
      if (route.url === '/api/openapi.json') continue;
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('sends security headers and answers unknown API paths with the error shape', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/no-such-thing',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'No such endpoint: GET /api/no-such-thing', details: [] },
    });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('counts what exists under the actor node, from records', async () => {
    const session = await t.login('community1');
    const res = await session.request('GET', '/api/home/stats');
    const stats = new Map(
      res.json<{ stats: { key: string; value: number }[] }>().stats.map((s) => [s.key, s.value]),
    );
    const place = await t.database.db
      .selectFrom('place')
      .select('path')
      .where('code', '=', session.user.place.code)
      .executeTakeFirstOrThrow();
    const compounds = await t.database.db
      .selectFrom('place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'compound')
      .where('path', 'like', `${place.path}%`)
      .executeTakeFirstOrThrow();
    expect(stats.get('places.compounds')).toBe(compounds.n);
    expect(compounds.n).toBeGreaterThan(0);
    // the demo populates the demo accounts' communities at every scale
    for (const table of ['household', 'resident'] as const) {
      const under = await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('path', 'like', `${place.path}%`)
        .executeTakeFirstOrThrow();
      const all = await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(stats.get(`households.${table}s`)).toBe(under.n);
      expect(under.n).toBeGreaterThan(1000);
      expect(under.n).toBeLessThan(all.n);
    }
    // community staff have no account administration: that figure is not shown to them
    expect(stats.has('users.accounts')).toBe(false);
  });

  it('rate-limits logins per client', async () => {
    const limited = await createTestApp({ loginRatePerMinute: 3 });
    try {
      const codes: number[] = [];
      let lastCode = '';
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'x' },
        });
        codes.push(res.statusCode);
        lastCode = res.json<{ error: { code: string } }>().error.code;
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[3]).toBe(429);
      expect(lastCode).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

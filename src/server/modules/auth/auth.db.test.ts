import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { capabilitiesOf } from '../../policy/capabilities.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../http/request-context.js';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { DEMO_PASSWORD } from '../users/users.demo.js';
import { LOCKOUT_MS, MAX_FAILED_LOGINS, sha256 } from './auth.service.js';

let t: TestApp;
/** Every response body this file saw; none may hold a password or (except the one that creates it) a token. */
const bodies: string[] = [];
const secrets = new Set<string>([DEMO_PASSWORD]);
const apiTokens: string[] = [];

const track = (res: LightMyRequestResponse): LightMyRequestResponse => {
  bodies.push(res.body);
  return res;
};
const code = (res: LightMyRequestResponse): string => res.json<{ error: { code: string } }>().error.code;

async function tryLogin(username: string, password: string): Promise<LightMyRequestResponse> {
  secrets.add(password);
  return track(
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } }),
  );
}

/** A request carrying only the session cookie and whatever headers the caller gives (no CSRF header by default). */
function raw(
  s: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: object,
  headers = {},
) {
  return t.app
    .inject({ method, url, headers: { cookie: s.cookie, ...headers }, ...(body ? { payload: body } : {}) })
    .then(track);
}

function bearer(token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: object) {
  return t.app
    .inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body ? { payload: body } : {}),
    })
    .then(track);
}

const sessionId = (s: Session): string => sha256(s.cookie.slice(SESSION_COOKIE.length + 1));

async function userId(username: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function lastAudit(username: string, action: string) {
  return t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('actor_name', '=', username)
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

async function countAudit(username: string, action: string, result?: string): Promise<number> {
  let q = t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actor_name', '=', username)
    .where('action', '=', action);
  if (result) q = q.where('result', '=', result as 'ok');
  return (await q.executeTakeFirstOrThrow()).n;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('login', () => {
  it('returns the user, a CSRF token and an httpOnly SameSite=Strict session cookie', async () => {
    const res = await tryLogin('admin', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      user: { username: string; role: string; place: { code: string } };
      csrfToken: string;
      capabilities: string[];
    }>();
    expect(body.user).toMatchObject({ username: 'admin', role: 'district_admin', place: { code: '410103' } });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.capabilities).toContain('places.write');
    expect(res.body).not.toContain('password_hash');
    expect(res.body).not.toContain('$argon2');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.path).toBe('/');
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // the table holds a hash of the cookie's token, never the token itself
    const stored = await t.database.db
      .selectFrom('user_session')
      .select(['id', 'csrf_token'])
      .where('id', '=', sha256(cookie?.value ?? ''))
      .executeTakeFirst();
    expect(stored?.csrf_token).toBe(body.csrfToken);
    const plain = await t.database.db
      .selectFrom('user_session')
      .select('id')
      .where('id', '=', cookie?.value ?? '')
      .executeTakeFirst();
    expect(plain).toBeUndefined();
  });

  it('accepts the username in any case and with spaces around it', async () => {
    const res = await tryLogin('  Admin ', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password with 401 and audits it as failed', async () => {
    const res = await tryLogin('grid2', 'Wrong#Pass1');
    expect(res.statusCode).toBe(401);
    expect(code(res)).toBe('INVALID_CREDENTIALS');
    const entry = await lastAudit('grid2', 'auth.login');
    expect(entry).toMatchObject({
      result: 'failed',
      actor_id: await userId('grid2'),
      subject_type: 'user',
      details: { reason: 'wrong_password', failures: 1 },
    });
    // an unknown user gets the same answer
    const unknown = await tryLogin('nobody-here', 'Wrong#Pass1');
    expect(unknown.statusCode).toBe(401);
    expect(code(unknown)).toBe('INVALID_CREDENTIALS');
    expect(await lastAudit('nobody-here', 'auth.login')).toMatchObject({
      result: 'failed',
      actor_id: null,
      details: { reason: 'unknown_user' },
    });
    // a success resets the count
    expect((await tryLogin('grid2', DEMO_PASSWORD)).statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('app_user')
      .select('failed_logins')
      .where('username', '=', 'grid2')
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(0);
  });
});

describe('lockout', () => {
  it(`locks after ${MAX_FAILED_LOGINS} failures, even for the right password, until a security admin unlocks`, async () => {
    const before = Date.now();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const res = await tryLogin('street2', `Wrong#Pass${i}`);
      expect(res.statusCode).toBe(401);
    }
    const fifth = await tryLogin('street2', 'Wrong#Pass5');
    expect(fifth.statusCode).toBe(403);
    expect(code(fifth)).toBe('ACCOUNT_LOCKED');
    const lockout = await lastAudit('street2', 'auth.lockout');
    expect(lockout).toMatchObject({ result: 'denied', actor_id: await userId('street2') });
    expect(await countAudit('street2', 'auth.lockout')).toBe(1);

    const row = await t.database.db
      .selectFrom('app_user')
      .select(['locked_until'])
      .where('username', '=', 'street2')
      .executeTakeFirstOrThrow();
    const until = row.locked_until?.getTime() ?? 0;
    expect(until).toBeGreaterThanOrEqual(before + LOCKOUT_MS - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + LOCKOUT_MS + 1000);

    const right = await tryLogin('street2', DEMO_PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(code(right)).toBe('ACCOUNT_LOCKED');
    expect(await lastAudit('street2', 'auth.login')).toMatchObject({
      result: 'denied',
      details: { reason: 'locked' },
    });

    // the system administrator may not unlock (separation of duties); the security administrator may
    const id = await userId('street2');
    const sysadmin = await t.login('sysadmin');
    const refused = track(await sysadmin.request('POST', `/api/users/${id}/unlock`));
    expect(refused.statusCode).toBe(403);
    const secadmin = await t.login('secadmin');
    const listed = track(await secadmin.request('GET', `/api/users/${id}`));
    expect(listed.json<{ lockedUntil: string | null }>().lockedUntil).not.toBeNull();
    const unlocked = track(await secadmin.request('POST', `/api/users/${id}/unlock`));
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json<{ lockedUntil: string | null }>().lockedUntil).toBeNull();
    expect(await lastAudit('secadmin', 'user.unlock')).toMatchObject({
      result: 'ok',
      subject_id: String(id),
    });

    expect((await tryLogin('street2', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('expires by itself after 15 minutes', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await tryLogin('dept1', `Wrong#Pass${i}`);
    expect(code(await tryLogin('dept1', DEMO_PASSWORD))).toBe('ACCOUNT_LOCKED');
    // a minute before the end it is still locked
    await sql`UPDATE app_user SET locked_until = now() + interval '1 minute' WHERE username = 'dept1'`.execute(
      t.database.db,
    );
    expect(code(await tryLogin('dept1', DEMO_PASSWORD))).toBe('ACCOUNT_LOCKED');
    // the 15 minutes have passed
    await sql`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = 'dept1'`.execute(
      t.database.db,
    );
    const res = await tryLogin('dept1', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('app_user')
      .select(['locked_until', 'failed_logins'])
      .where('username', '=', 'dept1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_until: null, failed_logins: 0 });
  });

  it('holds the limit against parallel guesses: one lockout, and no guess is checked past it', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => tryLogin('community3', `Parallel#Guess${i}`)),
    );
    const codes = results.map(code).sort();
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(MAX_FAILED_LOGINS - 1);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(10 - (MAX_FAILED_LOGINS - 1));
    expect(await countAudit('community3', 'auth.lockout')).toBe(1);
    expect(await countAudit('community3', 'auth.login', 'failed')).toBe(MAX_FAILED_LOGINS - 1);
    // even the right password, arriving with a burst of wrong ones, cannot get past the lock once it is set
    expect(code(await tryLogin('community3', DEMO_PASSWORD))).toBe('ACCOUNT_LOCKED');
    await sql`UPDATE app_user SET locked_until = NULL WHERE username = 'community3'`.execute(t.database.db);
  });

  it('counts failures only in a row: a later wrong password after expiry starts again at one', async () => {
    await tryLogin('dept1', 'Wrong#Again1');
    const row = await t.database.db
      .selectFrom('app_user')
      .select(['failed_logins', 'locked_until'])
      .where('username', '=', 'dept1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 1, locked_until: null });
    expect((await tryLogin('dept1', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  let s: Session;
  beforeAll(async () => {
    s = await t.login('community1');
  });

  it('refuses a state-changing request without the x-csrf-token header', async () => {
    const res = await raw(s, 'POST', '/api/auth/logout');
    expect(res.statusCode).toBe(403);
    expect(code(res)).toBe('CSRF_FAILED');
    const place = await raw(s, 'PATCH', '/api/places/410103001001', { version: 1, name: '不应改名' });
    expect(place.statusCode).toBe(403);
    expect(code(place)).toBe('CSRF_FAILED');
    expect(await lastAudit('community1', 'access.denied')).toMatchObject({
      result: 'denied',
      details: { code: 'CSRF_FAILED' },
    });
  });

  it('refuses a wrong or another session’s token', async () => {
    const wrong = await raw(s, 'POST', '/api/auth/logout', undefined, {
      'x-csrf-token': `${s.csrfToken.slice(0, -1)}${s.csrfToken.endsWith('A') ? 'B' : 'A'}`,
    });
    expect(wrong.statusCode).toBe(403);
    expect(code(wrong)).toBe('CSRF_FAILED');
    const other = await t.login('community1');
    const crossed = await raw(s, 'POST', '/api/auth/logout', undefined, { 'x-csrf-token': other.csrfToken });
    expect(crossed.statusCode).toBe(403);
    expect(code(crossed)).toBe('CSRF_FAILED');
    const empty = await raw(s, 'POST', '/api/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(empty.statusCode).toBe(403);
  });

  it('lets reads through without the header and leaves the session alive after refusals', async () => {
    const me = await raw(s, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    const place = await t.database.db
      .selectFrom('place')
      .select(['name'])
      .where('code', '=', '410103001001')
      .executeTakeFirstOrThrow();
    expect(place.name).not.toBe('不应改名');
  });
});

describe('session lifetime', () => {
  it('ends a session idle for more than 30 minutes', async () => {
    const s = await t.login('community2');
    await sql`UPDATE user_session SET last_seen_at = now() - interval '29 minutes' WHERE id = ${sessionId(s)}`.execute(
      t.database.db,
    );
    expect((await raw(s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    // that request counted as activity
    const touched = await t.database.db
      .selectFrom('user_session')
      .select('last_seen_at')
      .where('id', '=', sessionId(s))
      .executeTakeFirstOrThrow();
    expect(Date.now() - touched.last_seen_at.getTime()).toBeLessThan(60_000);

    await sql`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE id = ${sessionId(s)}`.execute(
      t.database.db,
    );
    const res = await raw(s, 'GET', '/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(code(res)).toBe('SESSION_EXPIRED');
    const gone = await t.database.db
      .selectFrom('user_session')
      .select('id')
      .where('id', '=', sessionId(s))
      .executeTakeFirst();
    expect(gone).toBeUndefined();
    // and stays ended
    expect((await raw(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session at its absolute expiry, however active', async () => {
    const s = await t.login('community2');
    const row = await t.database.db
      .selectFrom('user_session')
      .select(['expires_at', 'created_at'])
      .where('id', '=', sessionId(s))
      .executeTakeFirstOrThrow();
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBeGreaterThan(12 * 3600_000 - 5000);
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBeLessThan(12 * 3600_000 + 5000);
    await sql`UPDATE user_session SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE id = ${sessionId(s)}`.execute(
      t.database.db,
    );
    const res = await s.request('GET', '/api/places/410103001002');
    track(res);
    expect(res.statusCode).toBe(401);
    expect(code(res)).toBe('SESSION_EXPIRED');
  });

  it('logout ends the session and clears the cookie', async () => {
    const s = await t.login('community2');
    const res = track(await s.request('POST', '/api/auth/logout'));
    expect(res.statusCode).toBe(200);
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime() ?? 0).toBeLessThan(Date.now());
    const gone = await t.database.db
      .selectFrom('user_session')
      .select('id')
      .where('id', '=', sessionId(s))
      .executeTakeFirst();
    expect(gone).toBeUndefined();
    const after = track(await s.request('GET', '/api/auth/me'));
    expect(after.statusCode).toBe(401);
    expect(code(after)).toBe('UNAUTHENTICATED');
    expect(await lastAudit('community2', 'auth.logout')).toMatchObject({ result: 'ok' });
  });

  it('answers /api/auth/me with the user, the same CSRF token and the role’s capabilities', async () => {
    const s = await t.login('grid1');
    const res = track(await s.request('GET', '/api/auth/me'));
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      user: { username: string; role: string; place: { code: string } };
      csrfToken: string;
      capabilities: string[];
    }>();
    expect(body.user).toMatchObject({
      username: 'grid1',
      role: 'grid_worker',
      place: { code: '410103001001' },
    });
    expect(body.csrfToken).toBe(s.csrfToken);
    expect(body.capabilities).toEqual([...capabilitiesOf('grid_worker')]);
    expect(body.capabilities).not.toContain('places.write');
    const anonymous = track(await t.app.inject({ method: 'GET', url: '/api/auth/me' }));
    expect(anonymous.statusCode).toBe(401);
    expect(code(anonymous)).toBe('UNAUTHENTICATED');
  });
});

describe('change password', () => {
  const next = 'Grid1#New-2026';
  it('checks strength and the current password, then ends the other sessions', async () => {
    secrets.add(next);
    const a = await t.login('grid1');
    const b = await t.login('grid1');
    const before = await t.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'grid1')
      .executeTakeFirstOrThrow();

    const weak = track(
      await a.request('POST', '/api/auth/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'abcdefgh',
      }),
    );
    expect(weak.statusCode).toBe(422);
    expect(code(weak)).toBe('WEAK_PASSWORD');
    const wrong = track(
      await a.request('POST', '/api/auth/password', {
        currentPassword: 'Not#The-Current1',
        newPassword: next,
      }),
    );
    expect(wrong.statusCode).toBe(422);
    expect(code(wrong)).toBe('WRONG_PASSWORD');
    const same = track(
      await a.request('POST', '/api/auth/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: DEMO_PASSWORD,
      }),
    );
    expect(same.statusCode).toBe(422);
    expect(code(same)).toBe('PASSWORD_REUSED');
    // refusals changed nothing and ended nothing
    const unchanged = await t.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'grid1')
      .executeTakeFirstOrThrow();
    expect(unchanged.password_hash).toBe(before.password_hash);
    expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(200);

    const ok = track(
      await a.request('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: next }),
    );
    expect(ok.statusCode).toBe(200);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const other = await b.request('GET', '/api/auth/me');
    expect(other.statusCode).toBe(401);

    expect((await tryLogin('grid1', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await tryLogin('grid1', next)).statusCode).toBe(200);
    const after = await t.database.db
      .selectFrom('app_user')
      .select(['password_hash', 'must_change_password'])
      .where('username', '=', 'grid1')
      .executeTakeFirstOrThrow();
    expect(after.password_hash).not.toBe(before.password_hash);
    expect(after.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(after.must_change_password).toBe(false);
    expect(await lastAudit('grid1', 'auth.change_password')).toMatchObject({ result: 'ok' });
  });
});

describe('personal API tokens', () => {
  let s: Session;
  let token = '';
  let tokenId = 0;
  beforeAll(async () => {
    s = await t.login('community1');
  });

  it('creates a token shown once and stores only its hash', async () => {
    const res = await s.request('POST', '/api/auth/tokens', { name: '热线对接', expiresInDays: 30 });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      token: string;
      apiToken: { id: number; prefix: string; name: string; expiresAt: string };
    }>();
    token = body.token;
    tokenId = body.apiToken.id;
    apiTokens.push(token);
    expect(token).toMatch(/^lyt_[A-Za-z0-9_-]{40,}$/);
    expect(body.apiToken.prefix).toBe(token.slice(0, 10));
    expect(body.apiToken.name).toBe('热线对接');
    const days = (new Date(body.apiToken.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    const list = track(await s.request('GET', '/api/auth/tokens'));
    expect(list.statusCode).toBe(200);
    expect(list.json<{ id: number }[]>().map((x) => x.id)).toContain(tokenId);
    const row = await t.database.db
      .selectFrom('api_token')
      .selectAll()
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('authenticates with Authorization: Bearer, needs no CSRF token, and is scoped like its owner', async () => {
    const own = await bearer(token, 'GET', '/api/places/410103001001');
    expect(own.statusCode).toBe(200);
    const foreign = await bearer(token, 'GET', '/api/places/410103002001');
    expect(foreign.statusCode).toBe(404);
    expect(code(foreign)).toBe('NOT_FOUND');
    const me = await bearer(token, 'GET', '/api/auth/me');
    expect(me.json<{ user: { username: string } }>().user.username).toBe('community1');

    const { version } = own.json<{ version: number }>();
    const write = await bearer(token, 'PATCH', '/api/places/410103001001', {
      version,
      address: '令牌写入的地址',
    });
    expect(write.statusCode).toBe(200);
    const entry = await lastAudit('community1', 'place.update');
    expect(entry).toMatchObject({ result: 'ok', subject_id: '410103001001' });
    // admin features are as closed to the token as to its owner
    expect((await bearer(token, 'GET', '/api/users')).statusCode).toBe(403);
    const used = await t.database.db
      .selectFrom('api_token')
      .select('last_used_at')
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).toBeInstanceOf(Date);
  });

  it('cannot create tokens with a token', async () => {
    const res = await bearer(token, 'POST', '/api/auth/tokens', { name: 'minted by a token' });
    expect(res.statusCode).toBe(403);
    expect(code(res)).toBe('FORBIDDEN');
    const minted = await t.database.db
      .selectFrom('api_token')
      .select('id')
      .where('name', '=', 'minted by a token')
      .executeTakeFirst();
    expect(minted).toBeUndefined();
  });

  it('refuses an unknown or malformed bearer token', async () => {
    expect((await bearer(`lyt_${'x'.repeat(43)}`, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await bearer('not-a-token', 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('stops working once revoked', async () => {
    const other = track(await (await t.login('community3')).request('DELETE', `/api/auth/tokens/${tokenId}`));
    expect(other.statusCode).toBe(404); // only the owner may revoke
    expect((await bearer(token, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const res = track(await s.request('DELETE', `/api/auth/tokens/${tokenId}`));
    expect(res.statusCode).toBe(200);
    const after = await bearer(token, 'GET', '/api/places/410103001001');
    expect(after.statusCode).toBe(401);
    expect(code(after)).toBe('UNAUTHENTICATED');
    const again = track(await s.request('DELETE', `/api/auth/tokens/${tokenId}`));
    expect(again.statusCode).toBe(404);
  });

  it('stops working after its expiry', async () => {
    const res = await s.request('POST', '/api/auth/tokens', { name: 'short-lived' });
    const { token: short, apiToken } = res.json<{
      token: string;
      apiToken: { id: number; expiresAt: string | null };
    }>();
    apiTokens.push(short);
    expect(apiToken.expiresAt).toBeNull();
    expect((await bearer(short, 'GET', '/api/auth/me')).statusCode).toBe(200);
    await sql`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ${apiToken.id}`.execute(
      t.database.db,
    );
    expect((await bearer(short, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe('secrets at rest and in answers', () => {
  it('stores every password as an argon2id hash', async () => {
    const rows = await t.database.db.selectFrom('app_user').select(['username', 'password_hash']).execute();
    expect(rows.length).toBeGreaterThanOrEqual(13);
    for (const row of rows)
      expect(row.password_hash, row.username).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
  });

  it('never echoes a password or a token in a response body or in the audit trail', async () => {
    expect(apiTokens.length).toBe(2);
    const created = bodies.filter((b) => apiTokens.some((tok) => b.includes(tok)));
    expect(created).toEqual([]); // creation responses were not tracked; every other answer must be clean
    for (const secret of secrets) {
      for (const body of bodies) expect(body).not.toContain(secret);
    }
    const audit = await sql<{
      text: string;
    }>`SELECT string_agg(details::text || ' ' || coalesce(actor_name, ''), E'\n') AS text FROM audit_log`.execute(
      t.database.db,
    );
    const text = audit.rows[0]?.text ?? '';
    expect(text.length).toBeGreaterThan(0);
    secrets.add('Not#The-Current1');
    for (const secret of [...secrets, ...apiTokens]) expect(text).not.toContain(secret);
    expect(bodies.length).toBeGreaterThan(40);
  });
});

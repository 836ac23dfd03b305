import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { isStrongPassword } from '../../../shared/password-policy.js';
import type { AppContext, RequestContext } from '../../core/context.js';
import { runCommand } from '../../core/command.js';
import type { DB, Role } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/actor.js';
import { appendAudit } from '../../core/audit-trail.js';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Write last_seen at most this often: an idle timeout of 30 minutes does not need per-request writes. */
const TOUCH_EVERY_MS = 60 * 1000;

// algorithm 2 is Argon2id (the package's enum is a const enum, which isolated modules cannot import)
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function assertStrongPassword(password: string): void {
  if (!isStrongPassword(password))
    throw new AppError('WEAK_PASSWORD', {}, [{ path: '/password', message: '' }]);
}

// A real hash to verify against when the username is unknown, so timing does not reveal which names exist.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-Aa1!');
  return dummyHash;
}

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

/** The user as the API shows it. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  place: { code: string; name: string; kind: string };
  department: { code: string; name: string } | null;
  mustChangePassword: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export function userQuery(db: Kysely<DB>) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('place as p', 'p.id', 'u.place_id')
    .leftJoin('department as d', 'd.id', 'u.department_id')
    .select([
      'd.code as department_code',
      'd.name as department_name',
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.place_id',
      'u.password_hash',
      'u.must_change_password',
      'u.failed_logins',
      'u.locked_until',
      'u.disabled',
      'u.version',
      'u.created_at',
      'u.department_id',
      'p.code as place_code',
      'p.name as place_name',
      'p.kind as place_kind',
      'p.path as place_path',
    ]);
}
export type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

export function presentUser(row: UserRow, now = new Date()): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    place: { code: row.place_code, name: row.place_name, kind: row.place_kind },
    department: row.department_code ? { code: row.department_code, name: row.department_name ?? '' } : null,
    mustChangePassword: row.must_change_password,
    disabled: row.disabled,
    lockedUntil: row.locked_until && row.locked_until > now ? row.locked_until.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

export function actorFromRow(row: UserRow, via: Actor['via']): Actor {
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    placeId: row.place_id,
    placeCode: row.place_code,
    placeName: row.place_name,
    placePath: row.place_path,
    departmentId: row.department_id,
    via,
  };
}

export interface LoginOutcome {
  user: UserView;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Check the password, count failures, lock after five, open a session. Every outcome is audited. */
export async function login(
  app: AppContext,
  meta: RequestMeta,
  username: string,
  password: string,
): Promise<LoginOutcome> {
  const { db } = app.database;
  const name = username.trim().toLowerCase();
  const row = await userQuery(db).where('u.username', '=', name).executeTakeFirst();
  const audit = (action: string, result: 'ok' | 'denied' | 'failed', details: Record<string, unknown> = {}) =>
    appendAudit(db, {
      actorId: row?.id ?? null,
      actorName: row?.username ?? name.slice(0, 40),
      actorRole: row?.role ?? null,
      action,
      subjectType: 'user',
      subjectId: row ? String(row.id) : null,
      result,
      ip: meta.ip,
      requestId: meta.requestId,
      placePath: row?.place_path ?? null,
      details,
    }).finally(() => app.sealer.kick());

  if (!row) {
    await verify(await getDummyHash(), password).catch(() => false);
    await audit('auth.login', 'failed', { reason: 'unknown_user' });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const now = new Date();
  if (row.locked_until && row.locked_until > now) {
    await audit('auth.login', 'denied', { reason: 'locked' });
    throw new AppError('ACCOUNT_LOCKED', { until: row.locked_until.toISOString() });
  }
  const ok = await verify(row.password_hash, password).catch(() => false);
  // The lock may have been set while the hash was being checked (parallel guesses read the row before it):
  // every write below is conditional on the account still being unlocked, so no guess counts past the limit.
  const unlocked = (eb: ExpressionBuilder<DB, 'app_user'>) =>
    eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', new Date())]);
  const lockedMeanwhile = async () => {
    const current = await db
      .selectFrom('app_user')
      .select('locked_until')
      .where('id', '=', row.id)
      .executeTakeFirst();
    const until = current?.locked_until ?? now;
    await audit('auth.login', 'denied', { reason: 'locked' });
    return new AppError('ACCOUNT_LOCKED', { until: until.toISOString() });
  };
  if (!ok) {
    // Count and lock in one statement so parallel guesses cannot slip past the limit: the failure that reaches
    // it sets the lock, and any guess still in flight then finds the account locked.
    const until = new Date(now.getTime() + LOCKOUT_MS);
    const reached = sql<boolean>`failed_logins + 1 >= ${MAX_FAILED_LOGINS}`;
    const updated = await db
      .updateTable('app_user')
      .set({
        failed_logins: sql<number>`CASE WHEN ${reached} THEN 0 ELSE failed_logins + 1 END`,
        locked_until: sql<Date | null>`CASE WHEN ${reached} THEN ${until}::timestamptz ELSE locked_until END`,
      })
      .where('id', '=', row.id)
      .where(unlocked)
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirst();
    if (!updated) throw await lockedMeanwhile();
    if (updated.locked_until && updated.locked_until > now) {
      await audit('auth.lockout', 'denied', { until: until.toISOString() });
      throw new AppError('ACCOUNT_LOCKED', { until: until.toISOString() });
    }
    await audit('auth.login', 'failed', { reason: 'wrong_password', failures: updated.failed_logins });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (row.disabled) {
    await audit('auth.login', 'denied', { reason: 'disabled' });
    throw new AppError('ACCOUNT_DISABLED');
  }
  const sessionToken = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const opened = await db.transaction().execute(async (trx) => {
    const cleared = await trx
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', row.id)
      .where(unlocked)
      .executeTakeFirst();
    if (!cleared.numUpdatedRows) return false;
    await trx
      .insertInto('user_session')
      .values({
        id: sha256(sessionToken),
        user_id: row.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    // Old sessions past their time are swept here rather than by a timer.
    await trx.deleteFrom('user_session').where('expires_at', '<', now).execute();
    return true;
  });
  if (!opened) throw await lockedMeanwhile();
  await audit('auth.login', 'ok');
  return { user: presentUser(row, now), sessionToken, csrfToken, expiresAt };
}

export interface ResolvedSession {
  actor: Actor;
  user: UserView;
  csrfToken: string;
}

/** A session cookie → the actor, or null (unknown, expired by idle time or absolute time, or disabled user). */
export async function resolveSession(
  db: Kysely<DB>,
  token: string,
  now = new Date(),
): Promise<ResolvedSession | 'expired' | null> {
  const id = sha256(token);
  // One round trip on the hot path of every request: the session with its user and the user's place.
  const row = await userQuery(db)
    .innerJoin('user_session as s', 's.user_id', 'u.id')
    .select(['s.csrf_token', 's.last_seen_at', 's.expires_at'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_MS) {
    await db.deleteFrom('user_session').where('id', '=', id).execute();
    return 'expired';
  }
  if (row.disabled) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return {
    actor: { ...actorFromRow(row, 'session'), sessionId: id },
    user: presentUser(row, now),
    csrfToken: row.csrf_token,
  };
}

export const API_TOKEN_PREFIX = 'lyt_';

/** A personal API token → its owner as actor, or null when unknown, revoked or expired. */
export async function resolveApiToken(
  db: Kysely<DB>,
  token: string,
  now = new Date(),
): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const record = await db
    .selectFrom('api_token')
    .select(['id', 'user_id', 'revoked_at', 'expires_at', 'last_used_at'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!record || record.revoked_at || (record.expires_at && record.expires_at <= now)) return null;
  const row = await userQuery(db).where('u.id', '=', record.user_id).executeTakeFirst();
  if (!row || row.disabled) return null;
  if (!record.last_used_at || now.getTime() - record.last_used_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', record.id).execute();
  }
  return { ...actorFromRow(row, 'token'), tokenId: record.id };
}

export async function logout(ctx: RequestContext): Promise<void> {
  const sessionId = ctx.actor.sessionId;
  await runCommand(ctx, 'auth.logout', async (trx) => {
    if (sessionId) await trx.deleteFrom('user_session').where('id', '=', sessionId).execute();
    return { value: undefined, audit: { subjectType: 'user', subjectId: String(ctx.actor.userId) } };
  });
}

export async function changePassword(ctx: RequestContext, current: string, next: string): Promise<void> {
  await runCommand(
    ctx,
    'auth.change_password',
    async (trx) => {
      const row = await trx
        .selectFrom('app_user')
        .select(['password_hash'])
        .where('id', '=', ctx.actor.userId)
        .executeTakeFirstOrThrow();
      if (!(await verify(row.password_hash, current).catch(() => false))) {
        throw new AppError('WRONG_PASSWORD', {}, [{ path: '/currentPassword', message: '' }]);
      }
      if (current === next)
        throw new AppError('PASSWORD_REUSED', {}, [{ path: '/newPassword', message: '' }]);
      if (!isStrongPassword(next))
        throw new AppError('WEAK_PASSWORD', {}, [{ path: '/newPassword', message: '' }]);
      await trx
        .updateTable('app_user')
        .set({
          password_hash: await hashPassword(next),
          must_change_password: false,
          password_changed_at: new Date(),
          updated_at: new Date(),
        })
        .where('id', '=', ctx.actor.userId)
        .execute();
      // Every other session of this user ends: a changed password must lock out whoever knew the old one.
      let others = trx.deleteFrom('user_session').where('user_id', '=', ctx.actor.userId);
      if (ctx.actor.sessionId) others = others.where('id', '<>', ctx.actor.sessionId);
      await others.execute();
      return { value: undefined, audit: { subjectType: 'user', subjectId: String(ctx.actor.userId) } };
    },
    { subjectType: 'user', subjectId: String(ctx.actor.userId) },
  );
}

export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export async function listTokens(ctx: RequestContext): Promise<ApiTokenView[]> {
  const rows = await ctx.app.database.db
    .selectFrom('api_token')
    .selectAll()
    .where('user_id', '=', ctx.actor.userId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.token_prefix,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    expiresAt: r.expires_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

export async function createToken(
  ctx: RequestContext,
  name: string,
  expiresInDays: number | undefined,
): Promise<{ token: string; view: ApiTokenView }> {
  if (ctx.actor.via === 'token') throw new AppError('FORBIDDEN'); // a token cannot mint tokens
  const token = API_TOKEN_PREFIX + newToken();
  return runCommand(ctx, 'auth.token_create', async (trx) => {
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
    const row = await trx
      .insertInto('api_token')
      .values({
        user_id: ctx.actor.userId,
        name,
        token_hash: sha256(token),
        token_prefix: token.slice(0, 10),
        expires_at: expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view: ApiTokenView = {
      id: row.id,
      name: row.name,
      prefix: row.token_prefix,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: null,
      expiresAt: row.expires_at?.toISOString() ?? null,
      revokedAt: null,
    };
    return {
      value: { token, view },
      audit: { subjectType: 'api_token', subjectId: String(row.id), details: { name, prefix: view.prefix } },
    };
  });
}

export async function revokeToken(ctx: RequestContext, id: number): Promise<void> {
  await runCommand(
    ctx,
    'auth.token_revoke',
    async (trx) => {
      const updated = await trx
        .updateTable('api_token')
        .set({ revoked_at: new Date() })
        .where('id', '=', id)
        .where('user_id', '=', ctx.actor.userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!updated.numUpdatedRows) throw new AppError('NOT_FOUND');
      return { value: undefined, audit: { subjectType: 'api_token', subjectId: String(id) } };
    },
    { subjectType: 'api_token', subjectId: String(id) },
  );
}

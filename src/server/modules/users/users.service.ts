import type { RequestContext } from '../../core/context.js';
import { isUniqueViolation, runCommand } from '../../core/command.js';
import type { Transaction } from 'kysely';
import type { DB, Role } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/actor.js';
import { authorize, requireCapability, scopePrefix } from '../../policy/authorize.js';
import {
  assertStrongPassword,
  hashPassword,
  presentUser,
  userQuery,
  type UserRow,
} from '../auth/auth.service.js';
import { findByCode } from '../places/places.queries.js';
import { escapeLike, underPath } from '../../core/sql.js';
import { userActions, type UserAction } from './users.policy.js';

export function presentManagedUser(actor: Actor, row: UserRow) {
  return { ...presentUser(row), version: row.version, allowedActions: userActions(actor, row) };
}

async function visibleUser(ctx: RequestContext, id: number, db = ctx.app.database.db): Promise<UserRow> {
  const row = await userQuery(db).where('u.id', '=', id).executeTakeFirst();
  authorize(ctx.actor, 'users.read', row ? { path: row.place_path } : undefined);
  return row as UserRow;
}

function requireAction(actor: Actor, row: UserRow, action: UserAction): void {
  if (!userActions(actor, row).includes(action)) throw new AppError('FORBIDDEN');
}

export async function listUsers(
  ctx: RequestContext,
  options: { q?: string; role?: Role; page: number; pageSize: number },
) {
  requireCapability(ctx.actor, 'users.read');
  const { db } = ctx.app.database;
  let query = userQuery(db).where('p.path', 'like', underPath(scopePrefix(ctx.actor)));
  if (options.role) query = query.where('u.role', '=', options.role);
  const q = options.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    query = query.where((eb) =>
      eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]),
    );
  }
  const [rows, total] = await Promise.all([
    query
      .orderBy('u.username')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => presentManagedUser(ctx.actor, r)),
    total: total.n,
    page: options.page,
    pageSize: options.pageSize,
  };
}

export async function getUser(ctx: RequestContext, id: number) {
  return presentManagedUser(ctx.actor, await visibleUser(ctx, id));
}

export async function createUser(
  ctx: RequestContext,
  input: {
    username: string;
    displayName: string;
    role: Role;
    placeCode: string;
    departmentCode?: string;
    password: string;
  },
) {
  requireCapability(ctx.actor, 'users.create');
  const id = await runCommand(ctx, 'user.create', async (trx) => {
    const place = authorize(ctx.actor, 'users.create', await findByCode(trx, input.placeCode));
    const departmentId = await departmentFor(trx, input.role, input.departmentCode);
    assertStrongPassword(input.password);
    const inserted = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        place_id: place.id,
        department_id: departmentId,
        password_hash: await hashPassword(input.password),
        must_change_password: true,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new AppError('USERNAME_TAKEN', { username: input.username }, [
            { path: '/username', message: '' },
          ]);
        }
        throw error;
      });
    return {
      value: inserted.id,
      audit: {
        subjectType: 'user',
        subjectId: String(inserted.id),
        placePath: place.path,
        details: {
          username: input.username,
          role: input.role,
          place: place.code,
          department: input.departmentCode ?? null,
        },
      },
    };
  });
  return getUser(ctx, id);
}

export async function updateUser(
  ctx: RequestContext,
  id: number,
  input: {
    version: number;
    displayName?: string;
    disabled?: boolean;
    role?: Role;
    placeCode?: string;
    departmentCode?: string;
  },
) {
  await runCommand(
    ctx,
    'user.update',
    async (trx) => {
      const row = await visibleUser(ctx, id, trx);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const set: {
        display_name?: string;
        disabled?: boolean;
        role?: Role;
        place_id?: number;
        department_id?: number | null;
      } = {};
      if (input.displayName !== undefined && input.displayName !== row.display_name) {
        requireAction(ctx.actor, row, 'update');
        set.display_name = input.displayName;
        changes.displayName = { from: row.display_name, to: input.displayName };
      }
      if (input.disabled !== undefined && input.disabled !== row.disabled) {
        requireAction(ctx.actor, row, 'update');
        set.disabled = input.disabled;
        changes.disabled = { from: row.disabled, to: input.disabled };
      }
      if (input.role !== undefined && input.role !== row.role) {
        requireAction(ctx.actor, row, 'changeRole');
        set.role = input.role;
        changes.role = { from: row.role, to: input.role };
      }
      if (input.placeCode !== undefined && input.placeCode !== row.place_code) {
        requireAction(ctx.actor, row, 'changeRole');
        const place = authorize(ctx.actor, 'users.read', await findByCode(trx, input.placeCode));
        set.place_id = place.id;
        changes.place = { from: row.place_code, to: place.code };
      }
      const role = input.role ?? row.role;
      if (input.departmentCode !== undefined || role !== row.role) {
        // a department account keeps (or is given) its unit; any other role has none
        const code =
          role === 'department_staff'
            ? (input.departmentCode ?? row.department_code ?? undefined)
            : undefined;
        const departmentId = await departmentFor(trx, role, code);
        if (departmentId !== row.department_id) {
          requireAction(ctx.actor, row, 'changeRole');
          set.department_id = departmentId;
          changes.department = { from: row.department_code, to: code ?? null };
        }
      }
      if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
      if (Object.keys(changes).length > 0) {
        const result = await trx
          .updateTable('app_user')
          .set({ ...set, version: row.version + 1, updated_at: new Date() })
          .where('id', '=', id)
          .where('version', '=', input.version)
          .executeTakeFirst();
        if (!result.numUpdatedRows) throw new AppError('VERSION_CONFLICT');
        // A disabled account or a changed role or binding takes effect now, not at the next login.
        if (set.disabled || set.role || set.place_id || set.department_id !== undefined) {
          await trx.deleteFrom('user_session').where('user_id', '=', id).execute();
        }
      }
      return {
        value: undefined,
        audit: {
          subjectType: 'user',
          subjectId: String(id),
          placePath: row.place_path,
          details: { changes },
        },
      };
    },
    { subjectType: 'user', subjectId: String(id) },
  );
  return getUser(ctx, id);
}

export async function resetPassword(ctx: RequestContext, id: number, newPassword: string) {
  await runCommand(
    ctx,
    'user.reset_password',
    async (trx) => {
      const row = await visibleUser(ctx, id, trx);
      requireAction(ctx.actor, row, 'resetPassword');
      assertStrongPassword(newPassword);
      await trx
        .updateTable('app_user')
        .set({
          password_hash: await hashPassword(newPassword),
          must_change_password: true,
          failed_logins: 0,
          locked_until: null,
          password_changed_at: new Date(),
          version: row.version + 1,
        })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('user_session').where('user_id', '=', id).execute();
      return {
        value: undefined,
        audit: { subjectType: 'user', subjectId: String(id), placePath: row.place_path },
      };
    },
    { subjectType: 'user', subjectId: String(id) },
  );
  return getUser(ctx, id);
}

export async function unlockUser(ctx: RequestContext, id: number) {
  await runCommand(
    ctx,
    'user.unlock',
    async (trx) => {
      const row = await visibleUser(ctx, id, trx);
      requireAction(ctx.actor, row, 'unlock');
      await trx
        .updateTable('app_user')
        .set({ failed_logins: 0, locked_until: null, version: row.version + 1 })
        .where('id', '=', id)
        .execute();
      return {
        value: undefined,
        audit: { subjectType: 'user', subjectId: String(id), placePath: row.place_path },
      };
    },
    { subjectType: 'user', subjectId: String(id) },
  );
  return getUser(ctx, id);
}

/** The department a department account belongs to (required for that role); every other role has none. */
async function departmentFor(
  trx: Transaction<DB>,
  role: Role,
  code: string | undefined,
): Promise<number | null> {
  if (role !== 'department_staff') {
    if (code)
      throw new AppError('FIELD_REQUIRED', { field: 'role' }, [{ path: '/departmentCode', message: '' }]);
    return null;
  }
  const row = code
    ? await trx.selectFrom('department').select('id').where('code', '=', code).executeTakeFirst()
    : undefined;
  if (!row)
    throw new AppError('FIELD_REQUIRED', { field: 'departmentCode' }, [
      { path: '/departmentCode', message: '' },
    ]);
  return row.id;
}

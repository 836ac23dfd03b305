import { assignmentActions, gridStaffActions } from './staff.policy.js';
import {
  GRID_DUTIES,
  type GridDuty,
  type GridStaffAgency,
  type GridStaffRole,
} from '../../../shared/grid-staff.js';
import { maskPhone } from '../../../shared/masking.js';
import { parsePhone } from '../../../shared/phone.js';
import { runCommand } from '../../core/command.js';
import type { RequestContext } from '../../core/context.js';
import { personalDataKeys } from '../../core/keys.js';
import { encryptField, lookupHash } from '../../core/personal-data.js';
import type { DB, GridKind } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import { keywordMessage, type Lang } from '../../http/messages.js';
import { authorize, requireCapability, scopePrefix } from '../../policy/authorize.js';
import type { Capability } from '../../policy/capabilities.js';
import { gridScopeOf, inGridScope, pathInGridScope } from '../../policy/grid-scope.js';
import { findByCode } from '../places/places.queries.js';
import { escapeLike, underPath } from '../../core/sql.js';
import { pinyinOf } from '../../core/pinyin.js';
import type { Kysely } from 'kysely';
import { assignmentQuery, gapQuery, staffReachable, type AssignmentRow } from './staff.queries.js';

/** Field messages of this module, in both languages. */
const FIELD_MESSAGES = {
  staffOrName: {
    'zh-CN': '请选择已有人员或填写姓名，二者只能选一',
    en: 'give either staffId or a name, not both',
  },
  phone: { 'zh-CN': '电话号码格式不正确', en: 'is not a valid phone number' },
  future: { 'zh-CN': '不能晚于今天', en: 'cannot be later than today' },
  beforeStart: { 'zh-CN': '不能早于任职开始日期', en: 'cannot be before the assignment started' },
} as const satisfies Record<string, Record<Lang, string>>;

const fieldError = (ctx: RequestContext, path: string, key: keyof typeof FIELD_MESSAGES) =>
  new AppError('VALIDATION_FAILED', {}, [{ path, message: FIELD_MESSAGES[key][ctx.lang] }]);

/** Today's date in Zhengzhou (Asia/Shanghai), as 'YYYY-MM-DD'. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

function presentAssignment(ctx: RequestContext, row: AssignmentRow) {
  return {
    id: row.id,
    staffId: row.staff_id,
    name: row.name,
    phoneMasked: row.phone_masked,
    username: row.username,
    grid: { code: row.grid_code, name: row.grid_name, level: row.grid_level, kind: row.grid_kind },
    place: { code: row.place_code, name: row.place_name },
    role: row.role,
    agency: row.agency,
    duties: row.duties,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    allowedActions: assignmentActions(ctx.actor, row),
  };
}

/** A grid the actor may reach with `capability`: in its place subtree and, for a grid worker, its grid scope. */
async function reachableGrid(ctx: RequestContext, db: Kysely<DB>, code: string, capability: Capability) {
  const row = await db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .select(['g.id', 'g.code', 'g.path', 'p.path as place_path'])
    .where('g.code', '=', code)
    .executeTakeFirst();
  const grid = authorize(
    ctx.actor,
    capability,
    row ? { ...row, path: row.place_path, gridPath: row.path } : null,
  );
  if (!pathInGridScope(await gridScopeOf(db, ctx.actor), grid.gridPath)) throw new AppError('NOT_FOUND');
  return grid;
}

/** The place prefix a list filters on: the actor's node, or a place inside it given by code. */
async function listPrefix(ctx: RequestContext, within: string | undefined): Promise<string> {
  if (!within) return scopePrefix(ctx.actor);
  return authorize(ctx.actor, 'grids.read', await findByCode(ctx.app.database.db, within)).path;
}

export async function listGridStaff(ctx: RequestContext, code: string, includeEnded: boolean) {
  const { db } = ctx.app.database;
  const grid = await reachableGrid(ctx, db, code, 'grids.read');
  let query = assignmentQuery(db).where('a.grid_id', '=', grid.id);
  if (!includeEnded) query = query.where('a.ended_on', 'is', null);
  const rows = await query
    .orderBy((eb) => eb.case().when('a.ended_on', 'is', null).then(0).else(1).end())
    .orderBy('a.role', 'desc')
    .orderBy('a.started_on')
    .orderBy('a.id')
    .execute();
  return {
    items: rows.map((r) => presentAssignment(ctx, r)),
    allowedActions: gridStaffActions(ctx.actor),
  };
}

export interface AssignInput {
  staffId?: number;
  name?: string;
  phone?: string;
  username?: string;
  role: GridStaffRole;
  agency?: GridStaffAgency;
  duties?: GridDuty[];
  startedOn?: string;
}

/** Assign a new or an existing person to a grid (audited). */
export async function assignStaff(ctx: RequestContext, code: string, input: AssignInput) {
  const name = input.name?.trim();
  if (input.staffId !== undefined && (name || input.phone)) throw fieldError(ctx, '/staffId', 'staffOrName');
  if (input.staffId === undefined && !name) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/name', message: keywordMessage('required', ctx.lang, {}) },
    ]);
  }
  const phone = input.phone?.trim() ? parsePhone(input.phone) : null;
  if (phone && !phone.ok) throw fieldError(ctx, '/phone', 'phone');
  const today = todayInChina();
  const startedOn = input.startedOn ?? today;
  if (startedOn > today) throw fieldError(ctx, '/startedOn', 'future');
  const duties = input.duties ?? (input.role === 'worker' ? [...GRID_DUTIES] : []);
  const agency = input.agency ?? 'community';

  const id = await runCommand(
    ctx,
    'grid_staff.assign',
    async (trx) => {
      const grid = await reachableGrid(ctx, trx, code, 'grids.staff');
      let staffId: number;
      if (input.staffId !== undefined) {
        const person = await trx
          .selectFrom('grid_staff')
          .select(['id', 'user_id'])
          .where('id', '=', input.staffId)
          .executeTakeFirst();
        if (!person || !(await staffReachable(trx, person.id, underPath(ctx.actor.placePath)))) {
          throw new AppError('NOT_FOUND', {}, [{ path: '/staffId', message: '' }]);
        }
        staffId = person.id;
      } else {
        const names = pinyinOf(name ?? '');
        const keys = personalDataKeys(ctx.app.config);
        const value = phone?.ok ? phone.value : null;
        const inserted = await trx
          .insertInto('grid_staff')
          .values({
            name: name ?? '',
            name_pinyin: names.full,
            name_initials: names.initials,
            phone_enc: value ? encryptField(keys, value) : null,
            phone_hash: value ? lookupHash(keys, 'phone', value) : null,
            phone_masked: value ? maskPhone(value) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        staffId = inserted.id;
      }
      if (input.username) await linkAccount(ctx, trx, staffId, input.username, grid.place_path);
      const current = await trx
        .selectFrom('grid_staff_assignment')
        .select('id')
        .where('grid_id', '=', grid.id)
        .where('staff_id', '=', staffId)
        .where('ended_on', 'is', null)
        .executeTakeFirst();
      if (current) throw new AppError('ALREADY_ASSIGNED');
      const assignment = await trx
        .insertInto('grid_staff_assignment')
        .values({
          staff_id: staffId,
          grid_id: grid.id,
          role: input.role,
          agency,
          duties,
          started_on: startedOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        value: assignment.id,
        audit: {
          subjectType: 'grid_staff_assignment',
          subjectId: String(assignment.id),
          placePath: grid.place_path,
          details: {
            grid: grid.code,
            staffId,
            newPerson: input.staffId === undefined,
            role: input.role,
            agency,
            duties,
            startedOn,
            ...(input.username ? { account: input.username } : {}),
          },
        },
      };
    },
    { subjectType: 'grid', subjectId: code },
  );
  return presentAssignment(
    ctx,
    await assignmentQuery(ctx.app.database.db).where('a.id', '=', id).executeTakeFirstOrThrow(),
  );
}

/**
 * Link a grid-worker account bound in the actor's subtree to a person that has no account yet. The account's node
 * must hold the grid's place: its place scope would hide the grid otherwise.
 */
async function linkAccount(
  ctx: RequestContext,
  trx: Kysely<DB>,
  staffId: number,
  username: string,
  gridPlacePath: string,
) {
  const user = await trx
    .selectFrom('app_user as u')
    .innerJoin('place as p', 'p.id', 'u.place_id')
    .select(['u.id', 'u.role', 'p.path'])
    .where('u.username', '=', username)
    .executeTakeFirst();
  if (!user || !user.path.startsWith(ctx.actor.placePath)) {
    throw new AppError('NOT_FOUND', {}, [{ path: '/username', message: '' }]);
  }
  if (!gridPlacePath.startsWith(user.path)) {
    throw new AppError('ACCOUNT_OUTSIDE_GRID', { username }, [{ path: '/username', message: '' }]);
  }
  if (user.role !== 'grid_worker')
    throw new AppError('NOT_A_GRID_WORKER', {}, [{ path: '/username', message: '' }]);
  const holder = await trx
    .selectFrom('grid_staff')
    .select(['id', 'user_id'])
    .where((eb) => eb.or([eb('user_id', '=', user.id), eb('id', '=', staffId)]))
    .execute();
  if (holder.some((h) => (h.id === staffId ? h.user_id !== null && h.user_id !== user.id : true))) {
    throw new AppError('ACCOUNT_LINKED', { username }, [{ path: '/username', message: '' }]);
  }
  await trx
    .updateTable('grid_staff')
    .set({ user_id: user.id, updated_at: new Date() })
    .where('id', '=', staffId)
    .execute();
}

/** End a current assignment (audited): the person leaves the grid on `endedOn` (default today). */
export async function endAssignment(
  ctx: RequestContext,
  id: number,
  input: { endedOn?: string; reason?: string },
) {
  const today = todayInChina();
  const endedOn = input.endedOn ?? today;
  if (endedOn > today) throw fieldError(ctx, '/endedOn', 'future');
  await runCommand(
    ctx,
    'grid_staff.end',
    async (trx) => {
      const row = await assignmentQuery(trx).where('a.id', '=', id).executeTakeFirst();
      authorize(ctx.actor, 'grids.staff', row ? { path: row.place_path } : null);
      const assignment = row as AssignmentRow;
      if (assignment.ended_on !== null) throw new AppError('ASSIGNMENT_ENDED');
      if (endedOn < assignment.started_on) throw fieldError(ctx, '/endedOn', 'beforeStart');
      const result = await trx
        .updateTable('grid_staff_assignment')
        .set({ ended_on: endedOn, updated_at: new Date() })
        .where('id', '=', id)
        .where('ended_on', 'is', null)
        .executeTakeFirst();
      if (!result.numUpdatedRows) throw new AppError('ASSIGNMENT_ENDED');
      return {
        value: null,
        audit: {
          subjectType: 'grid_staff_assignment',
          subjectId: String(id),
          placePath: assignment.place_path,
          details: {
            grid: assignment.grid_code,
            staffId: assignment.staff_id,
            role: assignment.role,
            endedOn,
            ...(input.reason ? { reason: input.reason } : {}),
          },
        },
      };
    },
    { subjectType: 'grid_staff_assignment', subjectId: String(id) },
  );
  return presentAssignment(
    ctx,
    await assignmentQuery(ctx.app.database.db).where('a.id', '=', id).executeTakeFirstOrThrow(),
  );
}

export interface StaffListOptions {
  q?: string;
  grid?: string;
  role?: GridStaffRole;
  agency?: GridStaffAgency;
  within?: string;
  includeEnded?: boolean;
  page: number;
  pageSize: number;
}

/** Assignments on grids in the actor's scope: search by name, initials or a full phone number; filters. */
export async function listStaff(ctx: RequestContext, options: StaffListOptions) {
  requireCapability(ctx.actor, 'grids.read');
  const { db } = ctx.app.database;
  const prefix = await listPrefix(ctx, options.within);
  let query = assignmentQuery(db)
    .where('p.path', 'like', underPath(prefix))
    .where(inGridScope(await gridScopeOf(db, ctx.actor), 'g.path'));
  if (options.grid) {
    const grid = await reachableGrid(ctx, db, options.grid, 'grids.read');
    query = query.where('g.path', 'like', underPath(grid.gridPath));
  }
  if (options.role) query = query.where('a.role', '=', options.role);
  if (options.agency) query = query.where('a.agency', '=', options.agency);
  if (!options.includeEnded) query = query.where('a.ended_on', 'is', null);
  const q = options.q?.trim();
  if (q) {
    const phone = /^[+\d\s()-]{7,}$/.test(q) ? parsePhone(q) : null;
    if (phone?.ok)
      query = query.where(
        's.phone_hash',
        '=',
        lookupHash(personalDataKeys(ctx.app.config), 'phone', phone.value),
      );
    else if (/^[a-z]+$/i.test(q))
      query = query.where('s.name_initials', 'like', `${escapeLike(q.toLowerCase())}%`);
    else query = query.where('s.name', 'like', `%${escapeLike(q)}%`);
  }
  const [rows, total] = await Promise.all([
    query
      .orderBy('g.code')
      .orderBy('a.role', 'desc')
      .orderBy('a.id')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => presentAssignment(ctx, r)),
    total: total.n,
    page: options.page,
    pageSize: options.pageSize,
  };
}

export interface GapOptions {
  level?: number;
  kind?: GridKind;
  role?: GridStaffRole;
  within?: string;
  page: number;
  pageSize: number;
}

/** Grids of one level in the actor's scope with no current person of `role` (default: micro-grids, worker). */
export async function listGaps(ctx: RequestContext, options: GapOptions) {
  requireCapability(ctx.actor, 'grids.read');
  const { db } = ctx.app.database;
  const prefix = await listPrefix(ctx, options.within);
  const role = options.role ?? 'worker';
  let base = gapQuery(db, {
    placePrefix: underPath(prefix),
    level: options.level ?? 4,
    role,
    scope: await gridScopeOf(db, ctx.actor),
  });
  if (options.kind) base = base.where('g.kind', '=', options.kind);
  const [rows, total, byPlace] = await Promise.all([
    base
      .select([
        'g.code',
        'g.name',
        'g.level',
        'g.kind',
        'g.households',
        'parent.code as parent_code',
        'p.code as place_code',
        'p.name as place_name',
      ])
      .orderBy('g.code')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(['p.code', 'p.name', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['p.code', 'p.name'])
      .orderBy('n', 'desc')
      .orderBy('p.code')
      .execute(),
  ]);
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      kind: r.kind,
      parentCode: r.parent_code,
      place: { code: r.place_code, name: r.place_name },
      households: r.households,
    })),
    total: total.n,
    page: options.page,
    pageSize: options.pageSize,
    byPlace: byPlace.map((r) => ({ code: r.code, name: r.name, gaps: r.n })),
  };
}

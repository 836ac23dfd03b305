import { CHILD_KINDS, CODE_SEGMENT_DIGITS } from '../../../shared/place-kinds.js';
import type { RequestContext } from '../../core/context.js';
import { isUniqueViolation, runCommand } from '../../core/command.js';
import { pagedRows, type XlsxSheet } from '../../core/xlsx-export.js';
import type { ManagementType, Place, PlaceKind, PlaceUpdate } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import { keywordMessage, type Lang } from '../../http/messages.js';
import type { Actor } from '../../policy/actor.js';
import { authorize, requireCapability, scopePrefix } from '../../policy/authorize.js';
import { mayPlace, placeActions, type PlaceAction } from './places.policy.js';
import {
  descendantCounts,
  findByCode,
  findById,
  idsOfPath,
  listQuery,
  nextChildCode,
  placesByIds,
  rewriteSubtreePaths,
  type PlaceListRow,
} from './places.queries.js';
import { escapeLike, underPath } from '../../core/sql.js';
import { pinyinOf } from '../../core/pinyin.js';

export interface PlaceView {
  code: string;
  name: string;
  kind: PlaceKind;
  parentCode: string | null;
  depth: number;
  address: string | null;
  lng: number | null;
  lat: number | null;
  managementType: ManagementType | null;
  childCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  allowedActions: PlaceAction[];
}

export function presentPlace(actor: Actor, row: PlaceListRow): PlaceView {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentCode: row.parent_code,
    depth: row.depth,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    managementType: row.management_type,
    childCount: row.child_count ?? 0,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions: placeActions(actor, row),
  };
}

/** Read a node the actor may see, or 404 — missing and out-of-scope look the same. */
async function visiblePlace(ctx: RequestContext, code: string): Promise<PlaceListRow> {
  const row = (await listQuery(ctx.app.database.db).where('p.code', '=', code).executeTakeFirst()) as
    PlaceListRow | undefined;
  return authorize(ctx.actor, 'places.read', row);
}

function denyUnless(actor: Actor, place: Place, action: PlaceAction): void {
  if (!mayPlace(actor, place, action)) throw new AppError('FORBIDDEN');
}

export async function getPlace(ctx: RequestContext, code: string) {
  const row = await visiblePlace(ctx, code);
  const { db } = ctx.app.database;
  const ancestorIds = idsOfPath(row.path).slice(0, -1);
  const ancestors = (await placesByIds(db, ancestorIds))
    .filter((p) => p.path.startsWith(ctx.actor.placePath))
    .map((p) => ({ code: p.code, name: p.name, kind: p.kind }));
  return {
    ...presentPlace(ctx.actor, row),
    ancestors,
    descendantCounts: await descendantCounts(db, row.path),
  };
}

export async function listChildren(ctx: RequestContext, code: string, page: number, pageSize: number) {
  const parent = await visiblePlace(ctx, code);
  const { db } = ctx.app.database;
  const base = listQuery(db).where('p.parent_id', '=', parent.id);
  const [rows, total] = await Promise.all([
    base
      .orderBy('p.code')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', parent.id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: (rows as PlaceListRow[]).map((r) => presentPlace(ctx.actor, r)),
    total: total.n,
    page,
    pageSize,
  };
}

export interface SearchOptions {
  q?: string;
  kind?: PlaceKind;
  within?: string;
  page: number;
  pageSize: number;
}

/** The search's query: name, full pinyin, pinyin initials or code prefix, within the actor's subtree. */
async function searchQuery(ctx: RequestContext, options: Omit<SearchOptions, 'page' | 'pageSize'>) {
  requireCapability(ctx.actor, 'places.read');
  const { db } = ctx.app.database;
  let prefix = scopePrefix(ctx.actor);
  if (options.within) {
    const within = await visiblePlace(ctx, options.within);
    prefix = within.path;
  }
  let query = listQuery(db).where('p.path', 'like', underPath(prefix));
  if (options.kind) query = query.where('p.kind', '=', options.kind);
  const q = options.q?.trim().toLowerCase();
  if (q) {
    const contains = `%${escapeLike(q)}%`;
    const starts = `${escapeLike(q)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', contains),
        eb('p.name_initials', 'like', starts),
        eb('p.name_pinyin', 'like', starts),
        ...(/^[0-9]+$/.test(q) ? [eb('p.code', 'like', starts)] : []),
      ]),
    );
  }
  return query;
}

/** Search by name, full pinyin, pinyin initials or code prefix, within the actor's subtree. */
export async function searchPlaces(ctx: RequestContext, options: SearchOptions) {
  const query = await searchQuery(ctx, options);
  const countQuery = query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n'));
  const [rows, total] = await Promise.all([
    query
      .orderBy('p.depth')
      .orderBy('p.code')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    countQuery.executeTakeFirstOrThrow(),
  ]);
  return {
    items: (rows as PlaceListRow[]).map((r) => presentPlace(ctx.actor, r)),
    total: total.n,
    page: options.page,
    pageSize: options.pageSize,
  };
}

function checkChildKind(parentKind: PlaceKind, childKind: PlaceKind): void {
  if (!CHILD_KINDS[parentKind].includes(childKind)) {
    throw new AppError('INVALID_PARENT_KIND', { parentKind, childKind }, [{ path: '/kind', message: '' }]);
  }
}

function checkCodeUnderParent(code: string, parentCode: string, field = '/code'): void {
  const re = new RegExp(`^${parentCode}[0-9]{${CODE_SEGMENT_DIGITS}}$`);
  if (!re.test(code)) {
    throw new AppError('INVALID_CODE_PREFIX', { parentCode, digits: CODE_SEGMENT_DIGITS }, [
      { path: field, message: '' },
    ]);
  }
}

function codeTaken(error: unknown, code: string): never {
  if (isUniqueViolation(error, 'place_code_key')) {
    throw new AppError('CODE_TAKEN', { code }, [{ path: '/code', message: '' }]);
  }
  throw error;
}

export interface CreatePlaceInput {
  parentCode: string;
  kind: PlaceKind;
  code?: string;
  name: string;
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
  managementType?: ManagementType | null;
}

/** The name as stored: trimmed. One of only spaces would be stored empty, which the table refuses (a 500). */
function cleanName(ctx: RequestContext, name: string): string {
  const trimmed = name.trim();
  if (!trimmed) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/name', message: keywordMessage('minLength', ctx.lang, { limit: 1 }) },
    ]);
  }
  return trimmed;
}

export async function createPlace(ctx: RequestContext, input: CreatePlaceInput) {
  const name = cleanName(ctx, input.name);
  const code = await runCommand(
    ctx,
    'place.create',
    async (trx) => {
      // Lock the parent: concurrent creates under it then take the next free codes one after another.
      const parent = authorize(
        ctx.actor,
        'places.write',
        await findByCode(trx, input.parentCode, { forUpdate: true }),
      );
      denyUnless(ctx.actor, parent, 'createChild');
      checkChildKind(parent.kind, input.kind);
      const newCode = input.code ?? (await nextChildCode(trx, parent));
      checkCodeUnderParent(newCode, parent.code);
      const names = pinyinOf(name);
      const inserted = await trx
        .insertInto('place')
        .values({
          parent_id: parent.id,
          kind: input.kind,
          code: newCode,
          name,
          name_pinyin: names.full,
          name_initials: names.initials,
          // the real path needs the new id; write a unique placeholder and fix it in the same transaction
          path: `${parent.path}new-${newCode}/`,
          depth: parent.depth + 1,
          address: input.address ?? null,
          lng: input.lng ?? null,
          lat: input.lat ?? null,
          management_type: input.kind === 'compound' ? (input.managementType ?? null) : null,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow()
        .catch((error: unknown) => codeTaken(error, newCode));
      const path = `${parent.path}${inserted.id}/`;
      await trx.updateTable('place').set({ path }).where('id', '=', inserted.id).execute();
      return {
        value: newCode,
        audit: {
          subjectType: 'place',
          subjectId: newCode,
          placePath: path,
          details: { name, kind: input.kind },
        },
      };
    },
    { subjectType: 'place', subjectId: input.parentCode },
  );
  return getPlace(ctx, code);
}

export interface UpdatePlaceInput {
  version: number;
  code?: string;
  name?: string;
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
  managementType?: ManagementType | null;
}

export async function updatePlace(ctx: RequestContext, code: string, input: UpdatePlaceInput) {
  const name = input.name === undefined ? undefined : cleanName(ctx, input.name);
  const newCode = await runCommand(
    ctx,
    'place.update',
    async (trx) => {
      const place = authorize(ctx.actor, 'places.write', await findByCode(trx, code));
      denyUnless(ctx.actor, place, 'update');
      if (place.version !== input.version) throw new AppError('VERSION_CONFLICT');
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const set: PlaceUpdate = {};
      if (input.code !== undefined && input.code !== place.code) {
        if (place.kind === 'district')
          throw new AppError('ROOT_IMMUTABLE', {}, [{ path: '/code', message: '' }]);
        const parent = place.parent_id ? await findById(trx, place.parent_id) : undefined;
        if (parent) checkCodeUnderParent(input.code, parent.code);
        // Children's codes carry this code as their prefix: recode a leaf only, so the prefix rule keeps holding.
        const children = await trx
          .selectFrom('place')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('parent_id', '=', place.id)
          .executeTakeFirstOrThrow();
        if (children.n > 0)
          throw new AppError('CODE_LOCKED', { count: children.n }, [{ path: '/code', message: '' }]);
        set.code = input.code;
        changes.code = { from: place.code, to: input.code };
      }
      if (name !== undefined && name !== place.name) {
        const names = pinyinOf(name);
        set.name = name;
        set.name_pinyin = names.full;
        set.name_initials = names.initials;
        changes.name = { from: place.name, to: set.name };
      }
      if (input.address !== undefined && input.address !== place.address) {
        set.address = input.address;
        changes.address = { from: place.address, to: input.address };
      }
      if (input.lng !== undefined && input.lng !== place.lng) {
        set.lng = input.lng;
        changes.lng = { from: place.lng, to: input.lng };
      }
      if (input.lat !== undefined && input.lat !== place.lat) {
        set.lat = input.lat;
        changes.lat = { from: place.lat, to: input.lat };
      }
      if (input.managementType !== undefined && input.managementType !== place.management_type) {
        if (place.kind !== 'compound' && input.managementType !== null) {
          throw new AppError('VALIDATION_FAILED', {}, [{ path: '/managementType', message: '' }]);
        }
        set.management_type = input.managementType;
        changes.managementType = { from: place.management_type, to: input.managementType };
      }
      if (Object.keys(changes).length > 0) {
        const result = await trx
          .updateTable('place')
          .set({ ...set, version: place.version + 1, updated_at: new Date() })
          .where('id', '=', place.id)
          .where('version', '=', input.version)
          .executeTakeFirst()
          .catch((error: unknown) => codeTaken(error, String(set.code)));
        if (!result.numUpdatedRows) throw new AppError('VERSION_CONFLICT');
      }
      return {
        value: set.code ?? place.code,
        audit: { subjectType: 'place', subjectId: place.code, placePath: place.path, details: { changes } },
      };
    },
    { subjectType: 'place', subjectId: code },
  );
  return getPlace(ctx, newCode);
}

export async function movePlace(
  ctx: RequestContext,
  code: string,
  input: { version: number; newParentCode: string },
) {
  await runCommand(
    ctx,
    'place.move',
    async (trx) => {
      const place = authorize(ctx.actor, 'places.write', await findByCode(trx, code));
      if (place.kind === 'district') throw new AppError('ROOT_IMMUTABLE');
      denyUnless(ctx.actor, place, 'move');
      if (place.version !== input.version) throw new AppError('VERSION_CONFLICT');
      const target = authorize(ctx.actor, 'places.write', await findByCode(trx, input.newParentCode));
      denyUnless(ctx.actor, target, 'createChild');
      if (target.path.startsWith(place.path)) {
        throw new AppError('MOVE_CYCLE', {}, [{ path: '/newParentCode', message: '' }]);
      }
      checkChildKind(target.kind, place.kind);
      const oldParent = place.parent_id
        ? await trx.selectFrom('place').select(['code']).where('id', '=', place.parent_id).executeTakeFirst()
        : undefined;
      const newPath = `${target.path}${place.id}/`;
      const moved = await rewriteSubtreePaths(trx, place.path, newPath, target.depth + 1 - place.depth);
      await trx
        .updateTable('place')
        .set({ parent_id: target.id, version: place.version + 1 })
        .where('id', '=', place.id)
        .execute();
      return {
        value: undefined,
        audit: {
          subjectType: 'place',
          subjectId: place.code,
          placePath: newPath,
          details: { from: oldParent?.code ?? null, to: target.code, nodesMoved: moved },
        },
      };
    },
    { subjectType: 'place', subjectId: code },
  );
  return getPlace(ctx, code);
}

export async function deletePlace(ctx: RequestContext, code: string, version: number): Promise<void> {
  await runCommand(
    ctx,
    'place.delete',
    async (trx) => {
      const place = authorize(ctx.actor, 'places.write', await findByCode(trx, code));
      if (place.kind === 'district') throw new AppError('ROOT_IMMUTABLE');
      denyUnless(ctx.actor, place, 'delete');
      if (place.version !== version) throw new AppError('VERSION_CONFLICT');
      const children = await trx
        .selectFrom('place')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_id', '=', place.id)
        .executeTakeFirstOrThrow();
      if (children.n > 0) throw new AppError('HAS_CHILDREN', { count: children.n });
      const users = await trx
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('place_id', '=', place.id)
        .executeTakeFirstOrThrow();
      if (users.n > 0) throw new AppError('HAS_USERS', { count: users.n });
      const households = await trx
        .selectFrom('household')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('place_id', '=', place.id)
        .executeTakeFirstOrThrow();
      if (households.n > 0) throw new AppError('HAS_HOUSEHOLDS', { count: households.n });
      await trx.deleteFrom('place').where('id', '=', place.id).execute();
      return {
        value: undefined,
        audit: {
          subjectType: 'place',
          subjectId: place.code,
          placePath: place.path,
          details: { name: place.name, kind: place.kind },
        },
      };
    },
    { subjectType: 'place', subjectId: code },
  );
}

const KIND_NAMES: Record<PlaceKind, Record<Lang, string>> = {
  district: { 'zh-CN': '区', en: 'District' },
  street: { 'zh-CN': '街道', en: 'Street' },
  town: { 'zh-CN': '镇/乡', en: 'Town' },
  park: { 'zh-CN': '园区', en: 'Park' },
  community: { 'zh-CN': '社区', en: 'Community' },
  village: { 'zh-CN': '村', en: 'Village' },
  compound: { 'zh-CN': '楼院/小区', en: 'Compound' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
};
const MANAGEMENT_NAMES: Record<ManagementType, Record<Lang, string>> = {
  professional: { 'zh-CN': '专业物业', en: 'Professional property' },
  self_managed: { 'zh-CN': '自管', en: 'Self-managed' },
  unmanaged: { 'zh-CN': '无主管', en: 'Unmanaged' },
};

/**
 * The place list as a sheet: the same filters as the search, every matching row (read in code order, a page
 * at a time, so a district-wide export never holds the list in memory).
 */
export async function exportPlaces(
  ctx: RequestContext,
  options: Omit<SearchOptions, 'page' | 'pageSize'>,
): Promise<XlsxSheet<PlaceListRow>> {
  const query = await searchQuery(ctx, options);
  const lang = ctx.lang;
  return {
    name: { 'zh-CN': '地点', en: 'Places' },
    rows: pagedRows<PlaceListRow, string>(
      async (after, limit) =>
        (await (after === null ? query : query.where('p.code', '>', after))
          .orderBy('p.code')
          .limit(limit)
          .execute()) as PlaceListRow[],
      (row) => row.code,
    ),
    columns: [
      { header: { 'zh-CN': '编码', en: 'Code' }, value: (r) => r.code, text: true, width: 22 },
      { header: { 'zh-CN': '名称', en: 'Name' }, value: (r) => r.name, width: 24 },
      { header: { 'zh-CN': '类型', en: 'Kind' }, value: (r) => KIND_NAMES[r.kind][lang], width: 8 },
      {
        header: { 'zh-CN': '上级编码', en: 'Parent code' },
        value: (r) => r.parent_code,
        text: true,
        width: 20,
      },
      { header: { 'zh-CN': '地址', en: 'Address' }, value: (r) => r.address, width: 32 },
      { header: { 'zh-CN': '经度', en: 'Longitude' }, value: (r) => r.lng, width: 12 },
      { header: { 'zh-CN': '纬度', en: 'Latitude' }, value: (r) => r.lat, width: 12 },
      {
        header: { 'zh-CN': '管理方式', en: 'Management' },
        value: (r) => (r.management_type ? MANAGEMENT_NAMES[r.management_type][lang] : null),
        width: 10,
      },
      { header: { 'zh-CN': '下级数', en: 'Children' }, value: (r) => r.child_count ?? 0, width: 8 },
    ],
  };
}

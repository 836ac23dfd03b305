import { residentActions, seesSensitiveTags } from './households.policy.js';
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { auditRead, runCommand } from '../../core/command.js';
import type { RequestContext } from '../../core/context.js';
import { personalDataKeys } from '../../core/keys.js';
import { decryptField, encryptField, lookupHash } from '../../core/personal-data.js';
import { AppError } from '../../http/errors.js';
import { importMessage } from '../../http/messages.js';
import { authorize, requireCapability, scopePrefix } from '../../policy/authorize.js';
import { can } from '../../policy/capabilities.js';
import { gridScopeOf, inGridScope, pathInGridScope } from '../../policy/grid-scope.js';
import { parseIdNumber } from '../../../shared/id-number.js';
import { parsePhone } from '../../../shared/phone.js';
import { maskPhone } from '../../../shared/masking.js';
import { SENSITIVE_TAGS, type ResidentTag } from '../../../shared/resident-tags.js';
import { findByCode } from '../places/places.queries.js';
import { escapeLike, underPath } from '../../core/sql.js';
import {
  ageOn,
  householdQuery,
  residentQuery,
  type HouseholdRow,
  type ResidentRow,
} from './households.queries.js';
import { cachedPinyin, insertResidents } from './households.bulk.js';
import { normalizeResident, TAG_NAMES_ZH } from './households.records.js';
import { pagedRows, type XlsxSheet } from '../../core/xlsx-export.js';
import type { ResidentCreateBody, ResidentUpdateBody } from './households.schema.js';

export interface ResidentFilters {
  q?: string;
  address?: string;
  within?: string;
  grid?: string;
  tag?: ResidentTag;
  residenceType?: 'registered' | 'migrant' | 'foreign';
}

type ResidentQuery = ReturnType<typeof residentQuery>;

const MASKED_ID = /^\d{6}\*{8}[\dX]{4}$/;
const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;

export function presentResident(ctx: RequestContext, row: ResidentRow) {
  const sensitive = seesSensitiveTags(ctx.actor);
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    age: ageOn(row.birth_date),
    idNumberMasked: row.id_number_masked,
    phoneMasked: row.phone_masked,
    relation: row.relation,
    residenceType: row.residence_type,
    tags: (row.tags as ResidentTag[]).filter((t) => sensitive || !SENSITIVE_TAGS.has(t)),
    household: { id: row.household_id, address: row.address, unit: row.unit, room: row.room },
    place: { code: row.place_code, name: row.place_name },
    grid: row.grid_code ? { code: row.grid_code, name: row.grid_name ?? '' } : null,
    version: row.version,
    allowedActions: residentActions(ctx.actor),
  };
}

/** The place and grid a list is narrowed to, checked against the actor's subtree. */
async function listScope(ctx: RequestContext, within?: string, grid?: string) {
  const { db } = ctx.app.database;
  let prefix = scopePrefix(ctx.actor);
  if (within) prefix = authorize(ctx.actor, 'residents.read', await findByCode(db, within)).path;
  let gridPath: string | null = null;
  if (grid) {
    const row = await db
      .selectFrom('grid as g')
      .innerJoin('place as p', 'p.id', 'g.place_id')
      .select(['g.path', 'p.path as place_path'])
      .where('g.code', '=', grid)
      .executeTakeFirst();
    authorize(ctx.actor, 'residents.read', row ? { path: row.place_path } : undefined);
    gridPath = row!.path;
  }
  return { prefix, gridPath, gridScope: await gridScopeOf(db, ctx.actor) };
}

/** A grid worker reaches only the households of the grids they serve: outside is the same 404 as missing. */
async function requireInGridScope(ctx: RequestContext, gridPath: string | null): Promise<void> {
  if (!pathInGridScope(await gridScopeOf(ctx.app.database.db, ctx.actor), gridPath)) {
    throw new AppError('NOT_FOUND');
  }
}

/** Narrow a resident query by the search text: exact (keyed hash) for full numbers, masked forms, names. */
function search(query: ResidentQuery, q: string): ResidentQuery {
  const text = q.trim();
  if (!text) return query;
  const compact = text.replace(/\s+/g, '');
  if (MASKED_ID.test(compact.toUpperCase()))
    return query.where('r.id_number_masked', '=', compact.toUpperCase());
  if (MASKED_PHONE.test(compact)) return query.where('r.phone_masked', '=', compact);
  const id = parseIdNumber(compact);
  if (id.ok) return query.where('r.id_number_hash', '=', lookupHash(personalDataKeys(), 'id', id.value));
  if (/^[+\d][\d\s\-()（）]{6,}$/.test(text)) {
    const phone = parsePhone(text);
    if (phone.ok)
      return query.where('r.phone_hash', '=', lookupHash(personalDataKeys(), 'phone', phone.value));
    // digits that are neither a full ID nor a phone: the last four of the ID number
    if (/^\d{3}[\dXx]$/.test(compact))
      return query.where('r.id_number_masked', 'like', `%${compact.toUpperCase()}`);
    return query.where('r.id', '=', -1);
  }
  if (/^[\dXx]{4}$/.test(compact))
    return query.where('r.id_number_masked', 'like', `%${compact.toUpperCase()}`);
  if (/^[a-z]+$/i.test(compact)) {
    const lower = compact.toLowerCase();
    return query.where((eb) =>
      eb.or([
        eb('r.name_initials', 'like', `${lower}%`),
        eb('r.name_pinyin', 'like', `${escapeLike(lower)}%`),
      ]),
    );
  }
  return query.where('r.name', 'like', `${escapeLike(text)}%`);
}

/** The filtered, scoped resident query a list and its export share. */
async function residentListQuery(ctx: RequestContext, filters: ResidentFilters) {
  requireCapability(ctx.actor, 'residents.read');
  if (filters.tag && SENSITIVE_TAGS.has(filters.tag)) requireCapability(ctx.actor, 'residents.sensitive');
  const { db } = ctx.app.database;
  const { prefix, gridPath, gridScope } = await listScope(ctx, filters.within, filters.grid);
  let query = residentQuery(db)
    .where('r.path', 'like', underPath(prefix))
    .where(inGridScope(gridScope, 'r.grid_path'));
  if (gridPath) query = query.where('r.grid_path', 'like', underPath(gridPath));
  if (filters.tag) query = query.where(sql<boolean>`r.tags @> ARRAY[${filters.tag}]::text[]`);
  if (filters.residenceType) query = query.where('r.residence_type', '=', filters.residenceType);
  if (filters.address) query = query.where('h.address', 'like', `%${escapeLike(filters.address.trim())}%`);
  if (filters.q) query = search(query, filters.q);
  return { query, prefix };
}

/** What the audit entry of a list or export says about its filters: the search text itself may be a number. */
function auditedFilters(filters: ResidentFilters) {
  return {
    q: filters.q ? '(search)' : undefined,
    within: filters.within,
    grid: filters.grid,
    tag: filters.tag,
    residenceType: filters.residenceType,
    address: filters.address ? '(search)' : undefined,
  };
}

export async function listResidents(
  ctx: RequestContext,
  filters: ResidentFilters & { page: number; pageSize: number },
) {
  const { query, prefix } = await residentListQuery(ctx, filters);
  const [rows, total] = await Promise.all([
    query
      .orderBy('r.path')
      .orderBy('r.id')
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  await auditRead(
    ctx,
    'residents.list',
    { subjectType: 'resident', placePath: prefix },
    {
      filters: auditedFilters(filters),
      page: filters.page,
      rows: rows.length,
      total: total.n,
    },
  );
  return {
    items: rows.map((r) => presentResident(ctx, r)),
    total: total.n,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

async function visibleResident(
  ctx: RequestContext,
  id: number,
  capability: 'residents.read' | 'residents.reveal',
) {
  const row = await residentQuery(ctx.app.database.db).where('r.id', '=', id).executeTakeFirst();
  const visible = authorize(ctx.actor, capability, row);
  await requireInGridScope(ctx, visible.grid_path);
  return visible;
}

export async function getResident(ctx: RequestContext, id: number) {
  const row = await visibleResident(ctx, id, 'residents.read');
  const housemates = await residentQuery(ctx.app.database.db)
    .where('r.household_id', '=', row.household_id)
    .where('r.id', '<>', row.id)
    .orderBy('r.id')
    .execute();
  await auditRead(ctx, 'residents.read', {
    subjectType: 'resident',
    subjectId: String(id),
    placePath: row.path,
  });
  return {
    ...presentResident(ctx, row),
    note: row.note,
    housemates: housemates.map((h) => ({
      id: h.id,
      name: h.name,
      relation: h.relation,
      age: ageOn(h.birth_date),
    })),
  };
}

/** The full ID number or phone of one resident: an explicit, audited action with a stated reason. */
export async function revealResident(
  ctx: RequestContext,
  id: number,
  body: { field: 'idNumber' | 'phone'; reason: string },
) {
  return runCommand(
    ctx,
    'residents.reveal',
    async (trx) => {
      const row = await residentQuery(trx)
        .select(['r.id_number_enc', 'r.phone_enc'])
        .where('r.id', '=', id)
        .executeTakeFirst();
      authorize(ctx.actor, 'residents.reveal', row);
      await requireInGridScope(ctx, row!.grid_path);
      const token = body.field === 'idNumber' ? row!.id_number_enc : row!.phone_enc;
      const value = token ? decryptField(personalDataKeys(), token) : null;
      return {
        value: { field: body.field, value },
        audit: {
          subjectType: 'resident',
          subjectId: String(id),
          placePath: row!.path,
          details: { field: body.field, reason: body.reason.trim() },
        },
      };
    },
    { subjectType: 'resident', subjectId: String(id) },
  );
}

function presentHousehold(row: HouseholdRow) {
  return {
    id: row.id,
    address: row.address,
    unit: row.unit,
    room: row.room,
    housing: row.housing,
    members: row.members,
    head: row.head_name ?? null,
    place: { code: row.place_code, name: row.place_name },
    grid: row.grid_code ? { code: row.grid_code, name: row.grid_name ?? '' } : null,
    version: row.version,
  };
}

export async function listHouseholds(
  ctx: RequestContext,
  filters: { address?: string; within?: string; grid?: string; page: number; pageSize: number },
) {
  requireCapability(ctx.actor, 'residents.read');
  const { db } = ctx.app.database;
  const { prefix, gridPath, gridScope } = await listScope(ctx, filters.within, filters.grid);
  let query = householdQuery(db)
    .where('h.path', 'like', underPath(prefix))
    .where(inGridScope(gridScope, 'h.grid_path'));
  if (gridPath) query = query.where('h.grid_path', 'like', underPath(gridPath));
  if (filters.address) query = query.where('h.address', 'like', `%${escapeLike(filters.address.trim())}%`);
  const [rows, total] = await Promise.all([
    query
      .orderBy('h.path')
      .orderBy('h.id')
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  await auditRead(
    ctx,
    'households.list',
    { subjectType: 'household', placePath: prefix },
    {
      filters: { within: filters.within, grid: filters.grid },
      page: filters.page,
      rows: rows.length,
      total: total.n,
    },
  );
  return {
    items: rows.map(presentHousehold),
    total: total.n,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

export async function getHousehold(ctx: RequestContext, id: number) {
  const { db } = ctx.app.database;
  const row = authorize(
    ctx.actor,
    'residents.read',
    await householdQuery(db).where('h.id', '=', id).executeTakeFirst(),
  );
  await requireInGridScope(ctx, row.grid_path);
  const residents = await residentQuery(db).where('r.household_id', '=', id).orderBy('r.id').execute();
  await auditRead(ctx, 'households.read', {
    subjectType: 'household',
    subjectId: String(id),
    placePath: row.path,
  });
  return { ...presentHousehold(row), residents: residents.map((r) => presentResident(ctx, r)) };
}

const WRITABLE_PLACE_KINDS = new Set(['building', 'compound', 'community', 'village']);

function findingsError(ctx: RequestContext, findings: { field: string; reason: string }[]): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    {},
    findings.map((f) => ({ path: `/${f.field}`, message: importMessage(`finding.${f.reason}`, ctx.lang) })),
  );
}

/** Register one resident: the household (place + unit + room) is found or created; numbers stored encrypted. */
export async function createResident(ctx: RequestContext, body: Static<typeof ResidentCreateBody>) {
  const id = await runCommand(
    ctx,
    'residents.create',
    async (trx) => {
      const place = authorize(ctx.actor, 'residents.write', await findByCode(trx, body.placeCode));
      if (!WRITABLE_PLACE_KINDS.has(place.kind)) {
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: '/placeCode', message: importMessage('finding.building_not_found', ctx.lang) },
        ]);
      }
      const normalized = normalizeResident(body);
      if (!normalized.ok) throw findingsError(ctx, normalized.findings);
      const result = await insertResidents(trx, [{ ...normalized.value, placeId: place.id }]);
      if (result.duplicates.length > 0)
        throw findingsError(ctx, [{ field: 'idNumber', reason: 'id_registered' }]);
      const row = await trx
        .selectFrom('resident')
        .select('id')
        .where('household_id', '=', result.householdIds[0]!)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      return {
        value: row.id,
        audit: {
          subjectType: 'resident',
          subjectId: String(row.id),
          placePath: place.path,
          details: {
            placeCode: place.code,
            householdId: result.householdIds[0],
            created: result.householdsCreated,
          },
        },
      };
    },
    { subjectType: 'place', subjectId: body.placeCode },
  );
  return getResident(ctx, id);
}

/** Change what a resident's record says; ID number and household stay (a move is a new registration). */
export async function updateResident(
  ctx: RequestContext,
  id: number,
  body: Static<typeof ResidentUpdateBody>,
) {
  await runCommand(
    ctx,
    'residents.update',
    async (trx) => {
      const row = authorize(
        ctx.actor,
        'residents.write',
        await trx.selectFrom('resident').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
      );
      await requireInGridScope(ctx, row.grid_path);
      if (row.version !== body.version) throw new AppError('VERSION_CONFLICT');
      const normalized = normalizeResident({
        name: body.name ?? row.name,
        residenceType: body.residenceType ?? row.residence_type,
        relation: body.relation ?? row.relation,
        // the stored ID number is valid by construction; only whether there is one matters here
        idNumber: null,
        phone: body.phone === undefined ? null : body.phone,
        tags: body.tags ?? [],
        note: body.note ?? null,
      });
      const findings = normalized.ok
        ? []
        : normalized.findings.filter((f) => f.field !== 'idNumber' || row.id_number_enc === null);
      if (findings.length > 0) throw findingsError(ctx, findings);
      const keys = personalDataKeys();
      const changes: Record<string, unknown> = { version: row.version + 1, updated_at: new Date() };
      const changed: string[] = [];
      if (body.name !== undefined && body.name.trim() !== row.name) {
        const name = body.name.trim();
        const { full, initials } = cachedPinyin(name);
        Object.assign(changes, { name, name_pinyin: full, name_initials: initials });
        changed.push('name');
      }
      if (body.phone !== undefined) {
        const phone = body.phone ? parsePhone(body.phone) : null;
        const value = phone?.ok ? phone.value : null;
        Object.assign(changes, {
          phone_enc: value ? encryptField(keys, value) : null,
          phone_hash: value ? lookupHash(keys, 'phone', value) : null,
          phone_masked: value ? maskPhone(value) : null,
        });
        changed.push('phone');
      }
      for (const [field, column] of [
        ['relation', 'relation'],
        ['residenceType', 'residence_type'],
        ['tags', 'tags'],
        ['note', 'note'],
      ] as const) {
        if (body[field] === undefined) continue;
        changes[column] = field === 'note' ? (body.note?.trim() ?? null) || null : body[field];
        changed.push(field);
      }
      await trx.updateTable('resident').set(changes).where('id', '=', id).execute();
      return {
        value: undefined,
        audit: { subjectType: 'resident', subjectId: String(id), placePath: row.path, details: { changed } },
      };
    },
    { subjectType: 'resident', subjectId: String(id) },
  );
  return getResident(ctx, id);
}

const RELATION_NAMES = {
  head: { 'zh-CN': '户主', en: 'Head' },
  member: { 'zh-CN': '家庭成员', en: 'Member' },
  tenant: { 'zh-CN': '租户', en: 'Tenant' },
} as const;
const RESIDENCE_NAMES = {
  registered: { 'zh-CN': '户籍', en: 'Registered' },
  migrant: { 'zh-CN': '流动', en: 'Migrant' },
  foreign: { 'zh-CN': '境外', en: 'Foreign' },
} as const;
const GENDER_NAMES = {
  male: { 'zh-CN': '男', en: 'Male' },
  female: { 'zh-CN': '女', en: 'Female' },
} as const;

/** The resident list (same filters, every match) as a sheet: masked numbers, sensitive tags as the list shows. */
export async function exportResidents(
  ctx: RequestContext,
  filters: ResidentFilters,
): Promise<XlsxSheet<ResidentRow>> {
  const { query, prefix } = await residentListQuery(ctx, filters);
  await auditRead(
    ctx,
    'residents.export',
    { subjectType: 'resident', placePath: prefix },
    { filters: auditedFilters(filters) },
  );
  const lang = ctx.lang;
  const sensitive = can(ctx.actor.role, 'residents.sensitive');
  return {
    name: { 'zh-CN': '居民', en: 'Residents' },
    rows: pagedRows<ResidentRow, number>(
      async (after, limit) =>
        (after === null ? query : query.where('r.id', '>', after)).orderBy('r.id').limit(limit).execute(),
      (row) => row.id,
    ),
    columns: [
      { header: { 'zh-CN': '姓名', en: 'Name' }, value: (r) => r.name, width: 10 },
      {
        header: { 'zh-CN': '公民身份号码（脱敏）', en: 'ID number (masked)' },
        value: (r) => r.id_number_masked,
        text: true,
        width: 22,
      },
      {
        header: { 'zh-CN': '性别', en: 'Sex' },
        value: (r) => (r.gender ? GENDER_NAMES[r.gender][lang] : null),
        width: 6,
      },
      { header: { 'zh-CN': '年龄', en: 'Age' }, value: (r) => ageOn(r.birth_date), width: 6 },
      {
        header: { 'zh-CN': '联系电话（脱敏）', en: 'Phone (masked)' },
        value: (r) => r.phone_masked,
        text: true,
        width: 16,
      },
      {
        header: { 'zh-CN': '与户主关系', en: 'Relation' },
        value: (r) => RELATION_NAMES[r.relation][lang],
        width: 10,
      },
      {
        header: { 'zh-CN': '人员类型', en: 'Residence' },
        value: (r) => RESIDENCE_NAMES[r.residence_type][lang],
        width: 8,
      },
      { header: { 'zh-CN': '住址', en: 'Address' }, value: (r) => r.address, width: 40 },
      {
        header: { 'zh-CN': '楼栋编码', en: 'Building code' },
        value: (r) => r.place_code,
        text: true,
        width: 22,
      },
      { header: { 'zh-CN': '微网格', en: 'Micro-grid' }, value: (r) => r.grid_name, width: 24 },
      {
        header: { 'zh-CN': '标签', en: 'Tags' },
        value: (r) =>
          (r.tags as ResidentTag[])
            .filter((t) => sensitive || !SENSITIVE_TAGS.has(t))
            .map((t) => (lang === 'en' ? t : TAG_NAMES_ZH[t]))
            .join('、'),
        width: 20,
      },
    ],
  };
}

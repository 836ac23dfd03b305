import { sql } from 'kysely';
import { auditRead, runCommand } from '../../core/command.js';
import type { RequestContext } from '../../core/context.js';
import { personalDataKeys } from '../../core/keys.js';
import { decryptField, lookupHash } from '../../core/personal-data.js';
import { authorize, requireCapability, scopePrefix } from '../../policy/authorize.js';
import { can } from '../../policy/capabilities.js';
import { parseIdNumber } from '../../../shared/id-number.js';
import { parsePhone } from '../../../shared/phone.js';
import { SENSITIVE_TAGS, type ResidentTag } from '../../../shared/resident-tags.js';
import { escapeLike, findByCode, underPath } from '../places/places.queries.js';
import {
  ageOn,
  householdQuery,
  residentQuery,
  type HouseholdRow,
  type ResidentRow,
} from './households.queries.js';

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
  const sensitive = can(ctx.actor.role, 'residents.sensitive');
  const allowedActions: ('update' | 'reveal')[] = [];
  if (can(ctx.actor.role, 'residents.write')) allowedActions.push('update');
  if (can(ctx.actor.role, 'residents.reveal')) allowedActions.push('reveal');
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
    allowedActions,
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
  return { prefix, gridPath };
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

export async function listResidents(
  ctx: RequestContext,
  filters: ResidentFilters & { page: number; pageSize: number },
) {
  requireCapability(ctx.actor, 'residents.read');
  if (filters.tag && SENSITIVE_TAGS.has(filters.tag)) requireCapability(ctx.actor, 'residents.sensitive');
  const { db } = ctx.app.database;
  const { prefix, gridPath } = await listScope(ctx, filters.within, filters.grid);
  let query = residentQuery(db).where('r.path', 'like', underPath(prefix));
  if (gridPath) query = query.where('r.grid_path', 'like', underPath(gridPath));
  if (filters.tag) query = query.where(sql<boolean>`r.tags @> ARRAY[${filters.tag}]::text[]`);
  if (filters.residenceType) query = query.where('r.residence_type', '=', filters.residenceType);
  if (filters.address) query = query.where('h.address', 'like', `%${escapeLike(filters.address.trim())}%`);
  if (filters.q) query = search(query, filters.q);
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
      // the search text may itself be an ID number or phone: record only what kind of search it was
      filters: {
        q: filters.q ? '(search)' : undefined,
        within: filters.within,
        grid: filters.grid,
        tag: filters.tag,
        residenceType: filters.residenceType,
        address: filters.address ? '(search)' : undefined,
      },
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
  return authorize(ctx.actor, capability, row);
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
  const { prefix, gridPath } = await listScope(ctx, filters.within, filters.grid);
  let query = householdQuery(db).where('h.path', 'like', underPath(prefix));
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
  const residents = await residentQuery(db).where('r.household_id', '=', id).orderBy('r.id').execute();
  await auditRead(ctx, 'households.read', {
    subjectType: 'household',
    subjectId: String(id),
    placePath: row.path,
  });
  return { ...presentHousehold(row), residents: residents.map((r) => presentResident(ctx, r)) };
}

import { sql, type Kysely } from 'kysely';
import { maskIdNumber, maskPhone } from '../../../shared/masking.js';
import { personalDataKeys } from '../../core/keys.js';
import { encryptField, lookupHash, type PersonalDataKeys } from '../../core/personal-data.js';
import type { DB, Household } from '../../db/types.js';
import { locatorFor } from '../grids/grids.queries.js';
import { pinyinOf } from '../../core/pinyin.js';
import type { ResidentRecord } from './households.records.js';

/**
 * The one writer of households and residents: the create route, the Excel/CSV import and the demo seeder all
 * hand it validated ResidentRecords. It runs inside the caller's transaction (pass the Transaction).
 *
 * - Households are found or created by (place, unit, room): rows already in the database first, then the ones
 *   this call creates. A new household takes its housing, address and point from the batch's first resident
 *   with relation 'head' at that key, else from the first resident there. Its path is the place's path; its
 *   point (the record's lng/lat, else the place's) is located to the base micro-grid holding it.
 * - Duplicate ID numbers are REPORTED, never thrown: a record whose ID number is already registered, or which
 *   repeats an earlier record of the same call, is skipped and returned in `duplicates` (its index in
 *   `records` and the reason); every other record is written. `findDuplicateIds` is the same check on its
 *   own, for an import's dry run.
 * - Rows go in as one array parameter per column per chunk (INSERT … SELECT FROM unnest): no bind-parameter
 *   limit, one round trip per chunk; on PGlite it measured faster than json_populate_recordset (~15%) and
 *   multi-row VALUES (~40%) (see docs/ARCHITECTURE.md).
 * - Household member counts and the grids' household counts (recomputeGridHouseholds) are brought up to date
 *   before it returns.
 */

export interface InsertResidentsOptions {
  /** Called after each chunk with the number of records handled so far (written or skipped) and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Residents per INSERT statement (default 5,000). */
  chunkSize?: number;
  /** Defaults to the process's personalDataKeys(). */
  keys?: PersonalDataKeys;
  /**
   * Recompute the grids' household counts at the end (default true). A caller writing many batches in one
   * transaction may pass false and call recomputeGridHouseholds once with the union of `gridIds`.
   */
  recomputeGrids?: boolean;
}

export type DuplicateReason = 'id_registered' | 'id_repeated';

export interface DuplicateId {
  /** Index of the skipped record in `records`. */
  index: number;
  reason: DuplicateReason;
  /** For id_repeated: the index of the earlier record with the same ID number. */
  firstIndex?: number;
}

export interface InsertResidentsResult {
  householdsCreated: number;
  residentsInserted: number;
  /** Records not written because of their ID number (see DuplicateReason), in index order. */
  duplicates: DuplicateId[];
  /** Household id of each record, by index; null for a skipped record. */
  householdIds: (number | null)[];
  /** Base micro-grids that received households or members. */
  gridIds: number[];
}

interface PlaceInfo {
  id: number;
  path: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
}

const DEFAULT_CHUNK = 5000;
const LOOKUP_CHUNK = 20000;
const PINYIN_CACHE_LIMIT = 500_000;
const pinyinCache = new Map<string, { full: string; initials: string }>();

/** pinyinOf with a cache: pinyin-pro is slow per call and names repeat a lot. */
export function cachedPinyin(name: string): { full: string; initials: string } {
  let hit = pinyinCache.get(name);
  if (!hit) {
    if (pinyinCache.size >= PINYIN_CACHE_LIMIT) pinyinCache.clear();
    hit = pinyinOf(name);
    pinyinCache.set(name, hit);
  }
  return hit;
}

const householdKey = (placeId: number, unit: string | null, room: string | null): string =>
  `${placeId}\u0001${unit ?? ''}\u0001${room ?? ''}`;

/** "2" → "2单元", "502" → "502室"; anything else is kept as written. */
function addressPart(value: string | null, suffix: string): string {
  if (!value) return '';
  return /^\d+$/.test(value) ? `${value}${suffix}` : value;
}

/** A household's address from its place: place address (or name) + unit + room. */
export function householdAddress(
  place: { name: string; address: string | null },
  unit: string | null,
  room: string | null,
): string {
  return `${place.address ?? place.name}${addressPart(unit, '单元')}${addressPart(room, '室')}`.slice(0, 200);
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The records' ID numbers as lookup hashes (null where a record has none), computed once. */
function idHashes(keys: PersonalDataKeys, records: readonly ResidentRecord[]): (string | null)[] {
  return records.map((r) => (r.idNumber ? lookupHash(keys, 'id', r.idNumber) : null));
}

async function registeredHashes(db: Kysely<DB>, hashes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(hashes, LOOKUP_CHUNK)) {
    const rows = await sql<{ h: string }>`SELECT id_number_hash AS h FROM resident
      WHERE id_number_hash = ANY(${part}::text[])`.execute(db);
    for (const row of rows.rows) found.add(row.h);
  }
  return found;
}

async function duplicatesOf(db: Kysely<DB>, hashes: readonly (string | null)[]): Promise<DuplicateId[]> {
  const present = hashes.filter((h): h is string => h !== null);
  const registered = present.length > 0 ? await registeredHashes(db, present) : new Set<string>();
  const first = new Map<string, number>();
  const out: DuplicateId[] = [];
  hashes.forEach((hash, index) => {
    if (hash === null) return;
    if (registered.has(hash)) {
      out.push({ index, reason: 'id_registered' });
      return;
    }
    const earlier = first.get(hash);
    if (earlier === undefined) first.set(hash, index);
    else out.push({ index, reason: 'id_repeated', firstIndex: earlier });
  });
  return out;
}

/**
 * The records insertResidents would skip for their ID number, without writing anything (an import's dry run
 * or pre-check). Same answer as insertResidents' `duplicates` when nothing is written in between.
 */
export async function findDuplicateIds(
  db: Kysely<DB>,
  records: readonly ResidentRecord[],
  keys: PersonalDataKeys = personalDataKeys(),
): Promise<DuplicateId[]> {
  return duplicatesOf(db, idHashes(keys, records));
}

async function loadPlaces(db: Kysely<DB>, ids: number[]): Promise<Map<number, PlaceInfo>> {
  const places = new Map<number, PlaceInfo>();
  for (const part of chunks(ids, LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('place')
      .select(['id', 'path', 'name', 'address', 'lng', 'lat'])
      .where('id', '=', sql<number>`ANY(${part}::bigint[])`)
      .execute();
    for (const row of rows) places.set(row.id, row);
  }
  return places;
}

async function existingHouseholds(db: Kysely<DB>, placeIds: number[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const part of chunks(placeIds, LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('household')
      .select(['id', 'place_id', 'unit', 'room'])
      .where('place_id', '=', sql<number>`ANY(${part}::bigint[])`)
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const key = householdKey(row.place_id, row.unit, row.room);
      if (!found.has(key)) found.set(key, row.id);
    }
  }
  return found;
}

async function microGridPaths(db: Kysely<DB>): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('grid')
    .select(['id', 'path'])
    .where('kind', '=', 'base')
    .where('level', '=', 4)
    .execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

async function nextIds(db: Kysely<DB>, table: 'household' | 'resident', count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::int8 AS id
    FROM generate_series(1, ${count}::int)`.execute(db);
  return rows.rows.map((r) => Number(r.id));
}

function residentColumns() {
  return {
    household_id: [] as number[],
    path: [] as string[],
    grid_path: [] as (string | null)[],
    relation: [] as string[],
    name: [] as string[],
    name_pinyin: [] as string[],
    name_initials: [] as string[],
    gender: [] as (string | null)[],
    birth_date: [] as (string | null)[],
    residence_type: [] as string[],
    id_number_enc: [] as (string | null)[],
    id_number_hash: [] as (string | null)[],
    id_number_masked: [] as (string | null)[],
    phone_enc: [] as (string | null)[],
    phone_hash: [] as (string | null)[],
    phone_masked: [] as (string | null)[],
    tags: [] as string[],
    note: [] as (string | null)[],
  };
}

/** A PostgreSQL array literal of tag keys (plain identifiers: no quoting needed), for one element of a text[]. */
function arrayLiteral(tags: readonly string[]): string {
  return `{${tags.join(',')}}`;
}

type NewHousehold = Pick<
  Household,
  | 'id'
  | 'place_id'
  | 'path'
  | 'grid_id'
  | 'grid_path'
  | 'unit'
  | 'room'
  | 'address'
  | 'lng'
  | 'lat'
  | 'housing'
  | 'members'
>;

/** Writes records as residents, creating their households; see the module comment for the rules. */
export async function insertResidents(
  db: Kysely<DB>,
  records: readonly ResidentRecord[],
  options: InsertResidentsOptions = {},
): Promise<InsertResidentsResult> {
  const keys = options.keys ?? personalDataKeys();
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const hashes = idHashes(keys, records);
  const duplicates = await duplicatesOf(db, hashes);
  const skipped = new Set(duplicates.map((d) => d.index));

  const placeIds = [...new Set(records.map((r) => r.placeId))];
  const places = await loadPlaces(db, placeIds);
  for (const id of placeIds) if (!places.has(id)) throw new Error(`insertResidents: unknown place id ${id}`);
  const existing = await existingHouseholds(db, placeIds);

  // Households: the first head at each new key makes it, else the first record there.
  const maker = new Map<string, number>();
  records.forEach((r, index) => {
    if (skipped.has(index)) return;
    const key = householdKey(r.placeId, r.unit, r.room);
    if (existing.has(key)) return;
    const current = maker.get(key);
    if (current === undefined || (r.relation === 'head' && records[current]?.relation !== 'head')) {
      maker.set(key, index);
    }
  });

  const locator = maker.size > 0 ? await locatorFor(db) : null;
  const gridPaths = maker.size > 0 ? await microGridPaths(db) : new Map<number, string>();
  const ids = await nextIds(db, 'household', maker.size);
  const created = new Map<string, NewHousehold>();
  let n = 0;
  for (const [key, index] of maker) {
    const r = records[index]!;
    const place = places.get(r.placeId)!;
    const lng = r.lng ?? place.lng;
    const lat = r.lat ?? place.lat;
    const micro = locator && lng !== null && lat !== null ? locator.locate(lng, lat).micro : null;
    created.set(key, {
      id: ids[n++]!,
      place_id: place.id,
      path: place.path,
      grid_id: micro?.id ?? null,
      grid_path: micro ? (gridPaths.get(micro.id) ?? null) : null,
      unit: r.unit,
      room: r.room,
      address: r.address ?? householdAddress(place, r.unit, r.room),
      lng,
      lat,
      housing: r.housing,
      members: 0,
    });
  }

  // Which household each record joins; members counted per household.
  const householdIds: (number | null)[] = new Array<number | null>(records.length).fill(null);
  const addedToExisting = new Map<number, number>();
  const householdGrid = new Map<number, { grid_id: number | null; grid_path: string | null }>();
  records.forEach((r, index) => {
    if (skipped.has(index)) return;
    const key = householdKey(r.placeId, r.unit, r.room);
    const fresh = created.get(key);
    if (fresh) {
      fresh.members++;
      householdIds[index] = fresh.id;
      return;
    }
    const id = existing.get(key)!;
    householdIds[index] = id;
    addedToExisting.set(id, (addedToExisting.get(id) ?? 0) + 1);
  });
  for (const h of created.values()) householdGrid.set(h.id, h);

  const existingGrids = await gridsOfHouseholds(db, [...addedToExisting.keys()]);
  for (const [id, grid] of existingGrids) householdGrid.set(id, grid);

  for (const part of chunks([...created.values()], chunkSize)) {
    const col = <K extends keyof NewHousehold>(k: K): NewHousehold[K][] => part.map((h) => h[k]);
    await sql`INSERT INTO household (id, place_id, path, grid_id, grid_path, unit, room, address, lng, lat, housing, members)
      SELECT * FROM unnest(${col('id')}::bigint[], ${col('place_id')}::bigint[], ${col('path')}::text[],
        ${col('grid_id')}::bigint[], ${col('grid_path')}::text[], ${col('unit')}::text[], ${col('room')}::text[],
        ${col('address')}::text[], ${col('lng')}::float8[], ${col('lat')}::float8[], ${col('housing')}::text[],
        ${col('members')}::int[])`.execute(db);
  }
  if (addedToExisting.size > 0) {
    const entries = [...addedToExisting];
    await sql`UPDATE household h SET members = h.members + v.n, updated_at = now(), version = h.version + 1
      FROM unnest(${entries.map((e) => e[0])}::bigint[], ${entries.map((e) => e[1])}::int[]) AS v(id, n)
      WHERE h.id = v.id`.execute(db);
  }

  // Residents, one column array per field.
  let inserted = 0;
  const total = records.length;
  for (let start = 0; start < total; start += chunkSize) {
    const end = Math.min(total, start + chunkSize);
    const c = residentColumns();
    for (let index = start; index < end; index++) {
      const householdId = householdIds[index];
      if (householdId === null || householdId === undefined) continue;
      const r = records[index]!;
      const { full, initials } = cachedPinyin(r.name);
      c.household_id.push(householdId);
      c.path.push(places.get(r.placeId)!.path);
      c.grid_path.push(householdGrid.get(householdId)?.grid_path ?? null);
      c.relation.push(r.relation);
      c.name.push(r.name);
      c.name_pinyin.push(full);
      c.name_initials.push(initials);
      c.gender.push(r.gender);
      c.birth_date.push(r.birthDate);
      c.residence_type.push(r.residenceType);
      c.id_number_enc.push(r.idNumber ? encryptField(keys, r.idNumber) : null);
      c.id_number_hash.push(hashes[index] ?? null);
      c.id_number_masked.push(r.idNumber ? maskIdNumber(r.idNumber) : null);
      c.phone_enc.push(r.phone ? encryptField(keys, r.phone) : null);
      c.phone_hash.push(r.phone ? lookupHash(keys, 'phone', r.phone) : null);
      c.phone_masked.push(r.phone ? maskPhone(r.phone) : null);
      c.tags.push(arrayLiteral(r.tags));
      c.note.push(r.note);
    }
    if (c.household_id.length > 0) {
      await sql`INSERT INTO resident (household_id, path, grid_path, relation, name, name_pinyin, name_initials,
          gender, birth_date, residence_type, id_number_enc, id_number_hash, id_number_masked, phone_enc,
          phone_hash, phone_masked, tags, note)
        SELECT household_id, path, grid_path, relation, name, name_pinyin, name_initials, gender, birth_date,
          residence_type, id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_hash, phone_masked,
          tags::text[], note
        FROM unnest(${c.household_id}::bigint[], ${c.path}::text[], ${c.grid_path}::text[], ${c.relation}::text[],
          ${c.name}::text[], ${c.name_pinyin}::text[], ${c.name_initials}::text[], ${c.gender}::text[],
          ${c.birth_date}::date[], ${c.residence_type}::text[], ${c.id_number_enc}::text[],
          ${c.id_number_hash}::text[], ${c.id_number_masked}::text[], ${c.phone_enc}::text[],
          ${c.phone_hash}::text[], ${c.phone_masked}::text[], ${c.tags}::text[], ${c.note}::text[])
          AS r(household_id, path, grid_path, relation, name, name_pinyin, name_initials, gender, birth_date,
            residence_type, id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_hash,
            phone_masked, tags, note)`.execute(db);
      inserted += c.household_id.length;
    }
    options.onProgress?.(end, total);
  }

  const gridIds = [
    ...new Set([...householdGrid.values()].map((g) => g.grid_id).filter((id): id is number => id !== null)),
  ];
  if (options.recomputeGrids !== false && created.size > 0) await recomputeGridHouseholds(db, gridIds);
  return { householdsCreated: created.size, residentsInserted: inserted, duplicates, householdIds, gridIds };
}

async function gridsOfHouseholds(
  db: Kysely<DB>,
  ids: number[],
): Promise<Map<number, { grid_id: number | null; grid_path: string | null }>> {
  const out = new Map<number, { grid_id: number | null; grid_path: string | null }>();
  for (const part of chunks(ids, LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('household')
      .select(['id', 'grid_id', 'grid_path'])
      .where('id', '=', sql<number>`ANY(${part}::bigint[])`)
      .execute();
    for (const row of rows) out.set(row.id, row);
  }
  return out;
}

/**
 * Brings grid.households up to date from the household records: a base micro-grid holds the number of
 * households located in it, every base grid above is the sum of its base children. With `microGridIds` only
 * those micro-grids and their ancestors are recomputed; without, the whole base tree. Overlay grids keep their
 * estimate (their households are not located to them).
 */
export async function recomputeGridHouseholds(
  db: Kysely<DB>,
  microGridIds?: readonly number[],
): Promise<void> {
  if (microGridIds === undefined) {
    await sql`UPDATE grid g SET households = coalesce(c.n, 0)
      FROM grid m LEFT JOIN (SELECT grid_id, count(*)::int AS n FROM household GROUP BY grid_id) c ON c.grid_id = m.id
      WHERE g.id = m.id AND m.kind = 'base' AND m.level = 4 AND g.households IS DISTINCT FROM coalesce(c.n, 0)`.execute(
      db,
    );
    for (const level of [3, 2, 1]) {
      await sql`UPDATE grid g SET households = s.n
        FROM (SELECT p.id, coalesce(sum(c.households), 0)::int AS n FROM grid p
          LEFT JOIN grid c ON c.parent_id = p.id AND c.kind = 'base'
          WHERE p.kind = 'base' AND p.level = ${level} GROUP BY p.id) s
        WHERE g.id = s.id AND g.households <> s.n`.execute(db);
    }
    return;
  }
  if (microGridIds.length === 0) return;
  const ids = [...microGridIds];
  await sql`UPDATE grid g SET households = (SELECT count(*) FROM household h WHERE h.grid_id = g.id)
    WHERE g.id = ANY(${ids}::bigint[])`.execute(db);
  const rows = await db
    .selectFrom('grid')
    .select('path')
    .where('id', '=', sql<number>`ANY(${ids}::bigint[])`)
    .execute();
  // Ancestors by depth, deepest first, so each level sums children already up to date.
  const byDepth = new Map<number, Set<number>>();
  for (const { path } of rows) {
    const chain = path.split('/').filter(Boolean).map(Number);
    chain.slice(0, -1).forEach((id, depth) => {
      if (!byDepth.has(depth)) byDepth.set(depth, new Set());
      byDepth.get(depth)!.add(id);
    });
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => b - a)) {
    const level = [...byDepth.get(depth)!];
    await sql`UPDATE grid g SET households = (SELECT coalesce(sum(c.households), 0) FROM grid c
        WHERE c.parent_id = g.id AND c.kind = 'base')
      WHERE g.id = ANY(${level}::bigint[]) AND g.kind = 'base'`.execute(db);
  }
}

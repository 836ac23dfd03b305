import { sql, type Kysely } from 'kysely';
import type { DB, GridKind } from '../../db/types.js';
import type { Actor } from '../../policy/actor.js';
import { gridScopeOf, inGridScope } from '../../policy/grid-scope.js';
import { underPath } from '../../core/sql.js';
import { GridLocator, type LocatorCompound, type LocatorGrid } from './grids.locator.js';

/** Grids joined with the path of the place they belong to: access is decided on that path. */
export function gridQuery(db: Kysely<DB>) {
  return db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .leftJoin('grid as parent', 'parent.id', 'g.parent_id')
    .select([
      'g.id',
      'g.parent_id',
      'g.code',
      'g.level',
      'g.kind',
      'g.name',
      'g.path',
      'g.lead_unit',
      'g.area_m2',
      'g.households',
      'g.version',
      'g.min_lng',
      'g.min_lat',
      'g.max_lng',
      'g.max_lat',
      'p.code as place_code',
      'p.name as place_name',
      'p.path as place_path',
      'parent.code as parent_code',
    ])
    .where('g.retired_at', 'is', null);
}
export type GridRow = Awaited<ReturnType<ReturnType<typeof gridQuery>['executeTakeFirstOrThrow']>>;

const GRIDS_VERSION_KEY = 'grids.version';

/**
 * Bump after any change to grids or to compound outlines (place.geometry), so every process rebuilds its locator.
 */
export async function bumpGridsVersion(db: Kysely<DB>): Promise<void> {
  await sql`INSERT INTO louyuan_meta (key, value) VALUES (${GRIDS_VERSION_KEY}, '1')
    ON CONFLICT (key) DO UPDATE SET value = (louyuan_meta.value::bigint + 1)::text`.execute(db);
}

async function gridsVersion(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('louyuan_meta')
    .select('value')
    .where('key', '=', GRIDS_VERSION_KEY)
    .executeTakeFirst();
  return row?.value ?? '0';
}

/** Every grid as the locator needs it (geometry, box, chain links, the path of its place). */
export async function loadLocatorGrids(db: Kysely<DB>): Promise<LocatorGrid[]> {
  const rows = await db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .select([
      'g.id',
      'g.parent_id',
      'g.code',
      'g.name',
      'g.level',
      'g.kind',
      'g.geometry',
      'g.min_lng',
      'g.min_lat',
      'g.max_lng',
      'g.max_lat',
      'g.path',
      'g.place_id',
      'p.path as place_path',
      'p.code as place_code',
      'p.name as place_name',
    ])
    .where('g.retired_at', 'is', null)
    .execute();
  const grids: LocatorGrid[] = rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    placePath: r.place_path,
    path: r.path,
    place: { id: r.place_id, code: r.place_code, name: r.place_name },
    geometry: r.geometry,
    minLng: r.min_lng,
    minLat: r.min_lat,
    maxLng: r.max_lng,
    maxLat: r.max_lat,
  }));
  return grids;
}

/** Every compound with an outline, as the locator needs it. */
export async function loadLocatorCompounds(db: Kysely<DB>): Promise<LocatorCompound[]> {
  const rows = await db
    .selectFrom('place')
    .select(['id', 'code', 'name', 'path', 'address', 'geometry'])
    .where('kind', '=', 'compound')
    .where('geometry', 'is not', null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    placePath: r.path,
    address: r.address,
    geometry: r.geometry as NonNullable<typeof r.geometry>,
  }));
}

async function loadLocator(db: Kysely<DB>): Promise<GridLocator> {
  const [grids, compounds] = await Promise.all([loadLocatorGrids(db), loadLocatorCompounds(db)]);
  return new GridLocator(grids, compounds);
}

const RECHECK_MS = 2000;
const locators = new WeakMap<
  Kysely<DB>,
  { version: string; checkedAt: number; locator: Promise<GridLocator> }
>();

/**
 * The process's locator for this database. The grids' version is checked at most every 2 s, so a change made by
 * another process is picked up within that time, and a change made here is picked up at once (`bumpGridsVersion`
 * followed by `forgetLocator`).
 */
export async function locatorFor(db: Kysely<DB>): Promise<GridLocator> {
  const now = Date.now();
  const cached = locators.get(db);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.locator;
  const version = await gridsVersion(db);
  if (cached && cached.version === version) {
    cached.checkedAt = now;
    return cached.locator;
  }
  const locator = loadLocator(db);
  locators.set(db, { version, checkedAt: now, locator });
  locator.catch(() => locators.delete(db));
  return locator;
}

export function forgetLocator(db: Kysely<DB>): void {
  locators.delete(db);
}

/**
 * Live grids under a place path and inside the actor's grid scope (a grid worker: the grids they serve), by level
 * and kind, ordered by code: what the map layers and the file exports draw from.
 */
export async function scopedGridFeatureRows(
  db: Kysely<DB>,
  actor: Actor,
  prefix: string,
  options: { level?: number; kind?: GridKind },
) {
  let query = db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .leftJoin('grid as parent', 'parent.id', 'g.parent_id')
    .select([
      'g.code',
      'g.name',
      'g.level',
      'g.kind',
      'g.households',
      'g.lead_unit',
      'g.geometry',
      'parent.code as parent_code',
    ])
    .where('p.path', 'like', underPath(prefix))
    .where('g.retired_at', 'is', null)
    .where(inGridScope(await gridScopeOf(db, actor), 'g.path'));
  if (options.level) query = query.where('g.level', '=', options.level);
  if (options.kind) query = query.where('g.kind', '=', options.kind);
  return query.orderBy('g.code').execute();
}

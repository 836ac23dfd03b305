import { sql, type Kysely, type Transaction } from 'kysely';
import { runCommand } from '../../core/command.js';
import type { RequestContext } from '../../core/context.js';
import type { DB, GeoJsonPolygon, GridKind } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/actor.js';
import { authorize, requireCapability } from '../../policy/authorize.js';
import { underPath } from '../../core/sql.js';
import { GEOMETRY_FINDINGS } from './grids.check.js';
import { checkCoverage, type CoverageGrid, type Finding } from './grids.coverage.js';
import { areaM2, bbox, pointInPolygon, union, type GridPolygon } from './grids.geometry.js';
import { bumpGridsVersion, forgetLocator } from './grids.queries.js';
import type { GridsAdjusted } from '../manifest.js';
import { installedModules } from '../registry.js';

/**
 * Grid adjustments (网格调整): split, merge and redraw, versioned.
 *
 * Scope: LEAF grids only — base micro-grids (level 4) and overlay grids without children. An adjustment replaces
 * a set of SIBLING leaf grids (one parent; overlay roots count as siblings of each other) by new geometries:
 * - split:  one grid → n ≥ 2 new grids; the new codes are the next free sequence numbers under the parent (never
 *           a retired code), the old grid is retired;
 * - merge:  n ≥ 2 siblings → one grid; the lowest code survives with the merged geometry (the union of the old
 *           ones unless a geometry is given), the others are retired;
 * - redraw: the same grids (codes stable) get new polygons, e.g. moving the shared boundary of two neighbours;
 * - import: (GeoJSON/Shapefile files) any mix of redraws and new grids under existing parents, group by group.
 *
 * Before anything is written the coverage check runs on each parent with its proposed children (gaps, overlaps,
 * children outside the parent, invalid polygons; for overlays: validity and lying inside the district). Any such
 * finding refuses the whole adjustment (422 COVERAGE_BROKEN, the findings in the error details) and nothing is
 * written; `dryRun` answers the same findings and the households that would move, without writing.
 *
 * Writing, in one transaction (runCommand, audited): a `grid_adjustment` row; for every grid touched its open
 * `grid_version` row is closed (a grid never adjusted first gets its version-1 row, valid from its creation) and
 * a new one opened for a grid that lives on; retired grids get `retired_at`; every household whose micro-grid
 * was touched or whose point lies in the touched area is located again among the new geometries, and
 * household.grid_id/grid_path and resident.grid_path follow it; `grid.households` is recounted for the touched
 * micro-grids (their households) and every ancestor (the sum of its live children); the grids' version is
 * bumped so every process rebuilds its locator.
 */

export type AdjustmentKind = 'split' | 'merge' | 'redraw' | 'import';

export interface AdjustmentInput {
  kind: Exclude<AdjustmentKind, 'import'>;
  reason: string;
  codes: string[];
  geometries: GeoJsonPolygon[];
  names?: string[];
  dryRun?: boolean;
}

export interface FullGrid {
  id: number;
  parent_id: number | null;
  code: string;
  level: number;
  kind: GridKind;
  name: string;
  place_id: number;
  path: string;
  lead_unit: string | null;
  geometry: GeoJsonPolygon;
  households: number;
  version: number;
  created_at: Date;
  place_path: string;
}

/** The change to one sibling group: existing grids redrawn or retired, new grids added. */
export interface GroupPlan {
  parent: FullGrid | null;
  /** Grids of the group getting a new geometry (and optionally a new name). */
  updates: { grid: FullGrid; geometry: GeoJsonPolygon; name?: string }[];
  retire: FullGrid[];
  create: { code: string; name: string; geometry: GeoJsonPolygon; template: FullGrid }[];
}

export interface AdjustmentPlan {
  kind: AdjustmentKind;
  reason: string;
  groups: GroupPlan[];
  details?: Record<string, unknown>;
}

export interface HouseholdMove {
  householdId: number;
  address: string;
  from: string | null;
  to: string | null;
}

export interface AdjustmentOutcome {
  dryRun: boolean;
  ok: boolean;
  adjustmentId: number | null;
  findings: Finding[];
  retired: string[];
  created: { code: string; name: string }[];
  updated: string[];
  moves: { total: number; items: HouseholdMove[] };
}

const MOVES_SHOWN = 200;

export function fullGridQuery(db: Kysely<DB>) {
  return db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .select([
      'g.id',
      'g.parent_id',
      'g.code',
      'g.level',
      'g.kind',
      'g.name',
      'g.place_id',
      'g.path',
      'g.lead_unit',
      'g.geometry',
      'g.households',
      'g.version',
      'g.created_at',
      'p.path as place_path',
    ])
    .where('g.retired_at', 'is', null);
}

const invalid = (problem: string, path = '/codes') =>
  new AppError('INVALID_ADJUSTMENT', { problem }, [{ path, message: problem }]);

/** The live grids by code, each authorized for grids.write (404 when missing or outside the actor's subtree). */
export async function loadWritableGrids(db: Kysely<DB>, actor: Actor, codes: string[]): Promise<FullGrid[]> {
  requireCapability(actor, 'grids.write');
  const unique = [...new Set(codes)];
  const rows = unique.length > 0 ? await fullGridQuery(db).where('g.code', 'in', unique).execute() : [];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return unique.map((code) => {
    const row = byCode.get(code);
    authorize(actor, 'grids.write', row ? { path: row.place_path } : undefined);
    return row as FullGrid;
  });
}

async function liveChildren(db: Kysely<DB>, parentId: number | null): Promise<FullGrid[]> {
  let q = fullGridQuery(db);
  q = parentId === null ? q.where('g.parent_id', 'is', null) : q.where('g.parent_id', '=', parentId);
  return (await q.orderBy('g.code').execute()) as FullGrid[];
}

/** Leaf, same parent, same kind family: what an adjustment may touch. */
export async function checkLeafSiblings(db: Kysely<DB>, grids: FullGrid[]): Promise<FullGrid | null> {
  const first = grids[0];
  if (!first) throw invalid('no grid named');
  for (const g of grids) {
    if (g.parent_id !== first.parent_id) throw invalid(`${g.code} is not a sibling of ${first.code}`);
    if ((g.kind === 'base') !== (first.kind === 'base'))
      throw invalid(`${g.code} and ${first.code} differ in kind`);
    if (g.kind === 'base' && g.level !== 4) throw invalid(`${g.code} is not a micro-grid`);
  }
  const withChildren = await db
    .selectFrom('grid')
    .select('parent_id')
    .where(
      'parent_id',
      'in',
      grids.map((g) => g.id),
    )
    .where('retired_at', 'is', null)
    .groupBy('parent_id')
    .execute();
  if (withChildren.length > 0) {
    const code = grids.find((g) => g.id === withChildren[0]?.parent_id)?.code ?? '';
    throw invalid(`${code} has child grids: only leaf grids can be adjusted`);
  }
  if (first.parent_id === null) return null;
  return ((await fullGridQuery(db).where('g.id', '=', first.parent_id).executeTakeFirst()) ??
    null) as FullGrid | null;
}

/** The next free codes under a parent (retired codes included, so a code is never given twice). */
export async function nextCodes(db: Kysely<DB>, parent: FullGrid | null, template: FullGrid, n: number) {
  const prefix = parent ? parent.code : template.code.slice(0, -2);
  const width = template.code.length - prefix.length;
  const rows = await db
    .selectFrom('grid')
    .select('code')
    .where('code', 'like', `${prefix}%`)
    .where((eb) => eb.fn('length', ['code']), '=', template.code.length)
    .execute();
  let max = 0;
  for (const r of rows) max = Math.max(max, Number(r.code.slice(prefix.length)) || 0);
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const seq = String(max + i);
    if (seq.length > width) throw invalid(`no free code left under ${prefix}`);
    out.push(`${prefix}${seq.padStart(width, '0')}`);
  }
  return out;
}

/** Turn a split/merge/redraw request into a plan (validated for shape, scope and leaf siblings). */
export async function planAdjustment(
  db: Kysely<DB>,
  actor: Actor,
  input: AdjustmentInput,
): Promise<AdjustmentPlan> {
  const grids = await loadWritableGrids(db, actor, input.codes);
  if (grids.length !== input.codes.length) throw invalid('a code is named twice');
  const parent = await checkLeafSiblings(db, grids);
  const names = input.names ?? [];
  const group: GroupPlan = { parent, updates: [], retire: [], create: [] };
  if (input.kind === 'split') {
    const source = grids[0] as FullGrid;
    if (grids.length !== 1) throw invalid('a split names exactly one grid');
    if (input.geometries.length < 2) throw invalid('a split needs at least two geometries', '/geometries');
    const codes = await nextCodes(db, parent, source, input.geometries.length);
    group.retire.push(source);
    input.geometries.forEach((geometry, i) => {
      group.create.push({
        code: codes[i] as string,
        name: names[i]?.trim() || `${source.name}（${i + 1}）`.slice(0, 100),
        geometry,
        template: source,
      });
    });
  } else if (input.kind === 'merge') {
    if (grids.length < 2) throw invalid('a merge names at least two grids');
    if (input.geometries.length > 1) throw invalid('a merge takes one geometry or none', '/geometries');
    const sorted = [...grids].sort((a, b) => a.code.localeCompare(b.code));
    const keeper = sorted[0] as FullGrid;
    const merged =
      input.geometries[0] ??
      (union(...sorted.map((g) => g.geometry as GridPolygon)) as GeoJsonPolygon | null);
    if (!merged) throw invalid('the merged grids have no area', '/geometries');
    group.updates.push({
      grid: keeper,
      geometry: merged,
      ...(names[0]?.trim() ? { name: names[0].trim() } : {}),
    });
    group.retire.push(...sorted.slice(1));
  } else {
    if (input.geometries.length !== grids.length)
      throw invalid('a redraw gives one geometry per grid, in the order of the codes', '/geometries');
    grids.forEach((grid, i) =>
      group.updates.push({
        grid,
        geometry: input.geometries[i] as GeoJsonPolygon,
        ...(names[i]?.trim() ? { name: names[i]?.trim() } : {}),
      }),
    );
  }
  return { kind: input.kind, reason: input.reason, groups: [group] };
}

async function districtOutline(db: Kysely<DB>): Promise<GridPolygon | null> {
  const top = await db
    .selectFrom('grid')
    .select('geometry')
    .where('kind', '=', 'base')
    .where('level', '=', 1)
    .where('retired_at', 'is', null)
    .execute();
  return union(...top.map((g) => g.geometry as GridPolygon));
}

const toCoverage = (
  g: { code: string; level: number; kind: GridKind; name: string },
  polygon: GeoJsonPolygon,
  parentCode: string | null,
): CoverageGrid => ({
  code: g.code,
  parentCode,
  level: g.level,
  kind: g.kind,
  name: g.name,
  polygon: polygon as GridPolygon,
  households: null,
});

/** Geometry findings of one group with its proposed children. */
export async function groupFindings(
  db: Kysely<DB>,
  group: GroupPlan,
  district?: GridPolygon | null,
): Promise<Finding[]> {
  const siblings = await liveChildren(db, group.parent?.id ?? null);
  const retired = new Set(group.retire.map((g) => g.id));
  const updated = new Map(group.updates.map((u) => [u.grid.id, u]));
  const template = group.updates[0]?.grid ?? group.retire[0] ?? group.create[0]?.template;
  if (!template) return [];
  const overlay = template.kind !== 'base';
  const parentCode = group.parent && !overlay ? group.parent.code : null;
  const children: CoverageGrid[] = [];
  for (const s of siblings) {
    if (retired.has(s.id)) continue;
    // an overlay group: only the grids it changes are checked (overlays may overlap anything)
    if (overlay && !updated.has(s.id)) continue;
    const u = updated.get(s.id);
    children.push(toCoverage({ ...s, name: u?.name ?? s.name }, u?.geometry ?? s.geometry, parentCode));
  }
  for (const c of group.create)
    children.push(toCoverage({ ...c.template, code: c.code, name: c.name }, c.geometry, parentCode));
  let report;
  if (!overlay && group.parent) {
    const root = toCoverage(group.parent, group.parent.geometry, null);
    report = checkCoverage([root, ...children], group.parent.geometry as GridPolygon, { householdRange: {} });
  } else {
    const outline = district ?? (await districtOutline(db));
    if (!outline) return [];
    report = checkCoverage(children, outline, { householdRange: {} });
  }
  return report.findings.filter((f) => GEOMETRY_FINDINGS.includes(f.type));
}

interface Target {
  id: number | null; // null: a grid still to be created (index into create)
  createIndex: number;
  code: string;
  geometry: GeoJsonPolygon;
}

/** Households whose micro-grid is touched, or whose point lies in the touched area, and where they go. */
async function plannedMoves(
  db: Kysely<DB>,
  group: GroupPlan,
): Promise<(HouseholdMove & { target: Target | null })[]> {
  const template = group.updates[0]?.grid ?? group.retire[0] ?? group.create[0]?.template;
  if (!template || template.kind !== 'base') return [];
  const targets: Target[] = [
    ...group.updates.map((u) => ({
      id: u.grid.id,
      createIndex: -1,
      code: u.grid.code,
      geometry: u.geometry,
    })),
    ...group.create.map((c, i) => ({ id: null, createIndex: i, code: c.code, geometry: c.geometry })),
  ];
  const touched = [...group.updates.map((u) => u.grid), ...group.retire];
  const touchedIds = touched.map((g) => g.id);
  const area = [...touched.map((g) => g.geometry), ...targets.map((t) => t.geometry)].map((g) =>
    bbox(g as GridPolygon),
  );
  const minLng = Math.min(...area.map((b) => b[0]));
  const minLat = Math.min(...area.map((b) => b[1]));
  const maxLng = Math.max(...area.map((b) => b[2]));
  const maxLat = Math.max(...area.map((b) => b[3]));
  const rows = await db
    .selectFrom('household as h')
    .innerJoin('place as p', 'p.id', 'h.place_id')
    .leftJoin('grid as g', 'g.id', 'h.grid_id')
    .select([
      'h.id',
      'h.address',
      'h.grid_id',
      'g.code as grid_code',
      'h.lng',
      'h.lat',
      'p.lng as place_lng',
      'p.lat as place_lat',
    ])
    .where((eb) =>
      eb.or([
        eb('h.grid_id', 'in', touchedIds),
        eb.and([
          eb('h.lng', '>=', minLng),
          eb('h.lng', '<=', maxLng),
          eb('h.lat', '>=', minLat),
          eb('h.lat', '<=', maxLat),
        ]),
      ]),
    )
    .orderBy('h.id')
    .execute();
  const touchedSet = new Set(touchedIds);
  const moves: (HouseholdMove & { target: Target | null })[] = [];
  for (const h of rows) {
    const lng = h.lng ?? h.place_lng;
    const lat = h.lat ?? h.place_lat;
    let target: Target | null = null;
    if (lng !== null && lat !== null) {
      target = targets.find((t) => pointInPolygon(lng, lat, t.geometry as GridPolygon)) ?? null;
    }
    const fromTouched = h.grid_id !== null && touchedSet.has(h.grid_id);
    if (!target) {
      if (!fromTouched) continue; // in the box but outside the touched area: stays where it is
      // no point to locate: it stays with its grid if that lives on, else goes to the first new grid of the group
      target = targets.find((t) => t.id === h.grid_id) ?? targets[0] ?? null;
    }
    if (target && target.id !== null && target.id === h.grid_id) continue;
    moves.push({
      householdId: h.id,
      address: h.address,
      from: h.grid_code,
      to: target?.code ?? null,
      target,
    });
  }
  return moves;
}

function findingDetails(findings: Finding[]) {
  return findings.map((f) => ({
    path: `/findings/${f.type}`,
    message: `${f.type} [${f.grids.join(', ')}] ${f.areaM2} m² at ${f.location[0].toFixed(6)},${f.location[1].toFixed(6)}: ${f.detail}`,
  }));
}

function commonPath(paths: string[]): string {
  let prefix = paths[0] ?? '/';
  for (const p of paths)
    while (!p.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix || '/';
}

/**
 * Check a plan and, unless `dryRun`, apply it in the given transaction. Findings refuse it (422) when not a dry run.
 * The caller (runCommand) audits; the caller also forgets the locator after the commit.
 */
export async function applyPlan(
  trx: Transaction<DB>,
  actor: Actor,
  plan: AdjustmentPlan,
  dryRun: boolean,
): Promise<AdjustmentOutcome> {
  const needsDistrict = plan.groups.some(
    (g) => (g.updates[0]?.grid ?? g.retire[0] ?? g.create[0]?.template)?.kind !== 'base',
  );
  const district = needsDistrict ? await districtOutline(trx) : null;
  const findings: Finding[] = [];
  const moves: (HouseholdMove & { target: Target | null; group: GroupPlan })[] = [];
  for (const group of plan.groups) {
    const found = await groupFindings(trx, group, district);
    findings.push(...found);
    // households cannot be placed in polygons that are not polygons
    if (found.some((f) => f.type === 'invalid_polygon')) continue;
    for (const m of await plannedMoves(trx, group)) moves.push({ ...m, group });
  }
  const outcome: AdjustmentOutcome = {
    dryRun,
    ok: findings.length === 0,
    adjustmentId: null,
    findings,
    retired: plan.groups.flatMap((g) => g.retire.map((r) => r.code)),
    created: plan.groups.flatMap((g) => g.create.map((c) => ({ code: c.code, name: c.name }))),
    updated: plan.groups.flatMap((g) => g.updates.map((u) => u.grid.code)),
    moves: {
      total: moves.length,
      items: moves
        .slice(0, MOVES_SHOWN)
        .map(({ householdId, address, from, to }) => ({ householdId, address, from, to })),
    },
  };
  if (dryRun) return outcome;
  if (findings.length > 0) {
    throw new AppError('COVERAGE_BROKEN', { count: findings.length }, findingDetails(findings));
  }

  const touched = plan.groups.flatMap((g) => [
    ...g.updates.map((u) => u.grid),
    ...g.retire,
    ...g.create.map((c) => c.template),
  ]);
  const adjustment = await trx
    .insertInto('grid_adjustment')
    .values({
      kind: plan.kind,
      reason: plan.reason.trim(),
      actor_id: actor.userId > 0 ? actor.userId : null, // 0: the command line
      actor_name: actor.username,
      place_path: commonPath(touched.map((g) => g.place_path)),
      parent_code: plan.groups.length === 1 ? (plan.groups[0]?.parent?.code ?? null) : null,
      codes: [...new Set([...outcome.updated, ...outcome.retired, ...outcome.created.map((c) => c.code)])],
      details: JSON.stringify({
        ...plan.details,
        retired: outcome.retired,
        created: outcome.created.map((c) => c.code),
        updated: outcome.updated,
        householdsMoved: moves.length,
      }),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  outcome.adjustmentId = adjustment.id;

  // ---- versions: close the open version of every touched grid (first recording version 1 if never adjusted) ----
  const closing = plan.groups.flatMap((g) => [...g.updates.map((u) => u.grid), ...g.retire]);
  if (closing.length > 0) {
    const ids = closing.map((g) => g.id);
    const recorded = new Set(
      (
        await trx
          .selectFrom('grid_version')
          .select('grid_id')
          .where('grid_id', 'in', ids)
          .groupBy('grid_id')
          .execute()
      ).map((r) => r.grid_id),
    );
    const first = closing.filter((g) => !recorded.has(g.id));
    if (first.length > 0) {
      await trx
        .insertInto('grid_version')
        .values(
          first.map((g) => ({
            grid_id: g.id,
            code: g.code,
            version: g.version,
            name: g.name,
            geometry: JSON.stringify(g.geometry),
            households: g.households,
            valid_from: g.created_at,
            adjustment_id: null,
          })),
        )
        .execute();
    }
    await trx
      .updateTable('grid_version')
      .set({ valid_to: sql<Date>`now()`, ended_by: adjustment.id })
      .where('grid_id', 'in', ids)
      .where('valid_to', 'is', null)
      .execute();
  }

  const geometryColumns = (geometry: GeoJsonPolygon) => {
    const [minLng, minLat, maxLng, maxLat] = bbox(geometry as GridPolygon);
    return {
      geometry: JSON.stringify(geometry),
      min_lng: minLng,
      min_lat: minLat,
      max_lng: maxLng,
      max_lat: maxLat,
      area_m2: areaM2(geometry as GridPolygon),
    };
  };

  const createdIds: number[][] = [];
  for (const group of plan.groups) {
    for (const u of group.updates) {
      const name = u.name ?? u.grid.name;
      await trx
        .updateTable('grid')
        .set({
          ...geometryColumns(u.geometry),
          name,
          version: u.grid.version + 1,
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', u.grid.id)
        .execute();
      await trx
        .insertInto('grid_version')
        .values({
          grid_id: u.grid.id,
          code: u.grid.code,
          version: u.grid.version + 1,
          name,
          geometry: JSON.stringify(u.geometry),
          households: u.grid.households,
          valid_from: sql<Date>`now()`,
          adjustment_id: adjustment.id,
        })
        .execute();
    }
    if (group.retire.length > 0) {
      await trx
        .updateTable('grid')
        .set({ retired_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
        .where(
          'id',
          'in',
          group.retire.map((g) => g.id),
        )
        .execute();
    }
    const ids: number[] = [];
    for (const c of group.create) {
      const { rows } = await sql<{
        id: string | number;
      }>`SELECT nextval(pg_get_serial_sequence('grid', 'id')) AS id`.execute(trx);
      const id = Number(rows[0]?.id);
      const path = `${group.parent?.path ?? '/'}${id}/`;
      await trx
        .insertInto('grid')
        .values({
          id,
          parent_id: group.parent?.id ?? null,
          code: c.code,
          level: c.template.level,
          kind: c.template.kind,
          name: c.name,
          place_id: c.template.place_id,
          path,
          lead_unit: c.template.lead_unit,
          households: 0,
          ...geometryColumns(c.geometry),
        } as never)
        .execute();
      await trx
        .insertInto('grid_version')
        .values({
          grid_id: id,
          code: c.code,
          version: 1,
          name: c.name,
          geometry: JSON.stringify(c.geometry),
          households: 0,
          valid_from: sql<Date>`now()`,
          adjustment_id: adjustment.id,
        })
        .execute();
      ids.push(id);
    }
    createdIds.push(ids);
  }

  // ---- households follow their new micro-grid --------------------------------------------------------------------
  const byTarget = new Map<string, { id: number | null; ids: number[] }>();
  for (const m of moves) {
    const gi = plan.groups.indexOf(m.group);
    const targetId = m.target ? (m.target.id ?? createdIds[gi]?.[m.target.createIndex] ?? null) : null;
    const key = String(targetId);
    const entry = byTarget.get(key) ?? { id: targetId, ids: [] };
    entry.ids.push(m.householdId);
    byTarget.set(key, entry);
  }
  for (const { id, ids } of byTarget.values()) {
    const gridPath =
      id === null
        ? null
        : (await trx.selectFrom('grid').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
    for (let i = 0; i < ids.length; i += 1000) {
      const batch = ids.slice(i, i + 1000);
      await trx
        .updateTable('household')
        .set({ grid_id: id, grid_path: gridPath, updated_at: sql<Date>`now()` })
        .where('id', 'in', batch)
        .execute();
      await trx
        .updateTable('resident')
        .set({ grid_path: gridPath })
        .where('household_id', 'in', batch)
        .execute();
    }
  }

  // ---- household counts: touched micro-grids count their households, every ancestor sums its live children ----
  for (const [gi, group] of plan.groups.entries()) {
    const template = group.updates[0]?.grid ?? group.retire[0] ?? group.create[0]?.template;
    if (!template || template.kind !== 'base') continue;
    const leafIds = [...group.updates.map((u) => u.grid.id), ...(createdIds[gi] ?? [])];
    // households that left a sibling that was not touched (points in the box) change that sibling's count too
    const siblings = await liveChildren(trx, group.parent?.id ?? null);
    const all = [...new Set([...leafIds, ...siblings.map((s) => s.id)])];
    if (all.length > 0) {
      await sql`UPDATE grid g SET households = (SELECT count(*) FROM household h WHERE h.grid_id = g.id)
        WHERE g.id IN (${sql.join(all)})`.execute(trx);
    }
    let parentId = group.parent?.id ?? null;
    while (parentId !== null) {
      await sql`UPDATE grid SET households =
          (SELECT coalesce(sum(c.households), 0) FROM grid c WHERE c.parent_id = ${parentId} AND c.retired_at IS NULL)
        WHERE id = ${parentId}`.execute(trx);
      const row = await trx
        .selectFrom('grid')
        .select('parent_id')
        .where('id', '=', parentId)
        .executeTakeFirstOrThrow();
      parentId = row.parent_id;
    }
  }

  // ---- every module whose rows sit in base grids re-locates them (cases, …) -------------------------------------
  const change: GridsAdjusted = { groups: [] };
  for (const [gi, group] of plan.groups.entries()) {
    const template = group.updates[0]?.grid ?? group.retire[0] ?? group.create[0]?.template;
    if (!template || template.kind !== 'base') continue;
    const targets = [
      ...group.updates.map((u) => ({ id: u.grid.id, path: u.grid.path, geometry: u.geometry })),
      ...group.create.map((c, i) => {
        const id = createdIds[gi]?.[i] ?? 0;
        return { id, path: `${group.parent?.path ?? '/'}${id}/`, geometry: c.geometry };
      }),
    ];
    const boxes = [...group.updates.map((u) => u.grid.geometry), ...group.retire.map((r) => r.geometry)]
      .concat(targets.map((t) => t.geometry))
      .map((g) => bbox(g as GridPolygon));
    change.groups.push({
      touchedIds: [...group.updates.map((u) => u.grid.id), ...group.retire.map((r) => r.id)],
      targets,
      box: [
        Math.min(...boxes.map((b) => b[0])),
        Math.min(...boxes.map((b) => b[1])),
        Math.max(...boxes.map((b) => b[2])),
        Math.max(...boxes.map((b) => b[3])),
      ],
      locate: (lng, lat) => {
        const hit = targets.find((t) => pointInPolygon(lng, lat, t.geometry as GridPolygon));
        return hit ? { id: hit.id, path: hit.path } : null;
      },
    });
  }
  if (change.groups.length > 0) {
    for (const module of installedModules()) await module.gridsAdjusted?.(trx, change);
  }

  await bumpGridsVersion(trx);
  return outcome;
}

/** POST /grids/adjustments: plan, check, and (unless a dry run) apply one split, merge or redraw. */
export async function adjustGrids(ctx: RequestContext, input: AdjustmentInput): Promise<AdjustmentOutcome> {
  const dryRun = input.dryRun ?? false;
  const outcome = await runCommand(
    ctx,
    dryRun ? 'grids.adjust.dry_run' : `grids.${input.kind}`,
    async (trx) => {
      const plan = await planAdjustment(trx, ctx.actor, input);
      const result = await applyPlan(trx, ctx.actor, plan, dryRun);
      const paths = [...plan.groups.flatMap((g) => [...g.updates.map((u) => u.grid), ...g.retire])].map(
        (g) => g.place_path,
      );
      return {
        value: result,
        audit: {
          subjectType: 'grid_adjustment',
          subjectId: String(result.adjustmentId ?? input.codes.join(',')),
          placePath: commonPath(paths),
          details: {
            kind: input.kind,
            reason: input.reason,
            codes: input.codes,
            dryRun,
            ok: result.ok,
            retired: result.retired,
            created: result.created.map((c) => c.code),
            householdsMoved: result.moves.total,
          },
        },
      };
    },
    { subjectType: 'grid', subjectId: input.codes.join(',') },
  );
  if (!dryRun) forgetLocator(ctx.app.database.db);
  return outcome;
}

// ---- reading the history ----------------------------------------------------------------------------------------

/** A grid by code, live or retired, authorized for grids.read. */
async function anyGrid(ctx: RequestContext, code: string) {
  requireCapability(ctx.actor, 'grids.read');
  const row = await ctx.app.database.db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .select([
      'g.id',
      'g.code',
      'g.name',
      'g.version',
      'g.geometry',
      'g.households',
      'g.created_at',
      'g.retired_at',
      'g.level',
      'g.kind',
      'p.path as place_path',
    ])
    .where('g.code', '=', code)
    .executeTakeFirst();
  return authorize(ctx.actor, 'grids.read', row ? { ...row, path: row.place_path } : undefined);
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Every version of a grid, oldest first, with who changed it, when and why. */
export async function gridHistory(ctx: RequestContext, code: string) {
  const grid = await anyGrid(ctx, code);
  const { db } = ctx.app.database;
  const rows = await db
    .selectFrom('grid_version as v')
    .leftJoin('grid_adjustment as a', 'a.id', 'v.adjustment_id')
    .leftJoin('grid_adjustment as e', 'e.id', 'v.ended_by')
    .select([
      'v.version',
      'v.name',
      'v.households',
      'v.valid_from',
      'v.valid_to',
      'a.id as adjustment_id',
      'a.kind',
      'a.reason',
      'a.actor_name',
      'a.at',
      'e.id as ended_id',
      'e.kind as ended_kind',
      'e.reason as ended_reason',
      'e.actor_name as ended_actor',
    ])
    .where('v.grid_id', '=', grid.id)
    .orderBy('v.version')
    .execute();
  const adjustmentRef = (
    id: number | null,
    kind: string | null,
    reason: string | null,
    actor: string | null,
    at?: Date | null,
  ) =>
    id === null
      ? null
      : {
          id,
          kind: kind ?? '',
          reason: reason ?? '',
          actorName: actor ?? '',
          ...(at ? { at: new Date(at).toISOString() } : {}),
        };
  const versions =
    rows.length > 0
      ? rows.map((r) => ({
          version: r.version,
          name: r.name,
          households: r.households,
          validFrom: iso(r.valid_from) as string,
          validTo: iso(r.valid_to),
          current: r.valid_to === null && grid.retired_at === null,
          madeBy: adjustmentRef(r.adjustment_id, r.kind, r.reason, r.actor_name, r.at),
          endedBy: adjustmentRef(r.ended_id, r.ended_kind, r.ended_reason, r.ended_actor),
        }))
      : [
          {
            version: grid.version,
            name: grid.name,
            households: grid.households,
            validFrom: iso(grid.created_at) as string,
            validTo: null,
            current: grid.retired_at === null,
            madeBy: null,
            endedBy: null,
          },
        ];
  return {
    code: grid.code,
    name: grid.name,
    level: grid.level,
    kind: grid.kind,
    retiredAt: iso(grid.retired_at),
    versions,
  };
}

/** One version of a grid as a GeoJSON Feature. */
export async function gridVersionFeature(ctx: RequestContext, code: string, version: number) {
  const grid = await anyGrid(ctx, code);
  const row = await ctx.app.database.db
    .selectFrom('grid_version')
    .select(['version', 'name', 'geometry', 'valid_from', 'valid_to', 'households'])
    .where('grid_id', '=', grid.id)
    .where('version', '=', version)
    .executeTakeFirst();
  const found =
    row ??
    (version === grid.version
      ? {
          version: grid.version,
          name: grid.name,
          geometry: grid.geometry,
          valid_from: grid.created_at,
          valid_to: null,
          households: grid.households,
        }
      : undefined);
  if (!found) throw new AppError('NOT_FOUND');
  return {
    type: 'Feature' as const,
    geometry: found.geometry,
    properties: {
      code: grid.code,
      name: found.name,
      version: found.version,
      households: found.households,
      validFrom: iso(found.valid_from) as string,
      validTo: iso(found.valid_to),
    },
  };
}

/** Adjustments within the actor's subtree, newest first. */
export async function listAdjustments(ctx: RequestContext, page: number, pageSize: number, code?: string) {
  requireCapability(ctx.actor, 'grids.read');
  const { db } = ctx.app.database;
  let query = db.selectFrom('grid_adjustment').where('place_path', 'like', underPath(ctx.actor.placePath));
  if (code) query = query.where(sql<boolean>`${code} = ANY(codes)`);
  const [rows, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      reason: r.reason,
      actorName: r.actor_name,
      at: iso(r.at) as string,
      parentCode: r.parent_code,
      codes: r.codes,
      details: r.details,
    })),
    total: total.n,
    page,
    pageSize,
  };
}

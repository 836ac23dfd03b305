import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, GeoJsonPolygon, GridKind } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/actor.js';
import { GEOMETRY_FINDINGS } from './grids.check.js';
import { checkCoverage, type CoverageGrid, type Finding } from './grids.coverage.js';
import { areaM2, bbox, pointInPolygon, union, type GridPolygon } from './grids.geometry.js';
import { bumpGridsVersion } from './grids.queries.js';
import type { GridsAdjusted } from '../manifest.js';
import { installedModules } from '../registry.js';
import {
  liveChildren,
  MOVES_SHOWN,
  type AdjustmentOutcome,
  type AdjustmentPlan,
  type GroupPlan,
  type HouseholdMove,
} from './grids.adjust-plan.js';

/** Adjustments, part 2: a plan checked (coverage) and applied in the caller's transaction. */

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

export function commonPath(paths: string[]): string {
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

import shpwrite from '@mapbox/shp-write';
import type { Kysely } from 'kysely';
import shp from 'shpjs';
import { runCommand } from '../../core/command.js';
import type { RequestContext } from '../../core/context.js';
import type { DB, GeoJsonPolygon, GridKind } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/actor.js';
import { inScope, requireCapability, scopePrefix } from '../../policy/authorize.js';
import {
  applyPlan,
  fullGridQuery,
  type AdjustmentOutcome,
  type AdjustmentPlan,
  type FullGrid,
  type GroupPlan,
} from './grids.adjust.js';
import { polygonProblem } from './grids.coverage.js';
import { areaM2, interiorPoint, polygonsOf, type GridPolygon } from './grids.geometry.js';
import { forgetLocator, scopedGridFeatureRows } from './grids.queries.js';

/**
 * Grid files: export the grids as GeoJSON or an ESRI Shapefile zip, and import a GeoJSON FeatureCollection (or a
 * Shapefile zip, read with shpjs into the same) as one versioned adjustment of kind 'import'.
 *
 * Import rules, all checked before anything is written (findings: feature index, code, reason, location):
 * - every feature is a GeoJSON Feature with a Polygon or MultiPolygon and a `code` property (digits, 6–24);
 *   a code appears once in the file;
 * - a KNOWN code (a live grid in the actor's subtree) whose geometry differs is a redraw: only leaf grids (base
 *   micro-grids, overlay grids without children) may change; features equal to the stored grid are left alone,
 *   so an exported file can be edited and imported back whole;
 * - a NEW code needs `parentCode`, a live grid in the actor's subtree, and must start with it; it becomes a
 *   child of that parent (same kind, one level down; under a base grid only a level-3 parent takes new children,
 *   the new grid being a micro-grid); retired codes are never given again;
 * - a code or parent outside the actor's subtree answers 404, like a missing record, before any check;
 * - the polygons must be valid, and the coverage check of every parent touched with its proposed children
 *   (gaps, overlaps, outside the parent) must be clean.
 * Grids are not retired by an import (a grid absent from the file is unchanged); split = redraw the grid to one
 * part + new grids for the others. Households follow as for any adjustment.
 */

export interface ExportOptions {
  level?: number;
  kind?: GridKind;
}

export interface ImportFinding {
  featureIndex: number | null;
  code: string | null;
  type: string;
  reason: string;
  location: [number, number] | null;
}

export interface ImportOutcome {
  dryRun: boolean;
  ok: boolean;
  adjustmentId: number | null;
  features: number;
  unchanged: number;
  findings: ImportFinding[];
  updated: string[];
  created: { code: string; name: string }[];
  moves: AdjustmentOutcome['moves'];
}

const CODE = /^[0-9]{6,24}$/;

/** The grids the actor may see (subtree, and a grid worker's own grids) as a FeatureCollection, by level and kind. */
export async function exportFeatureCollection(db: Kysely<DB>, actor: Actor, options: ExportOptions) {
  requireCapability(actor, 'grids.read');
  const rows = await scopedGridFeatureRows(db, actor, scopePrefix(actor), options);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      geometry: r.geometry,
      properties: {
        code: r.code,
        name: r.name,
        level: r.level,
        kind: r.kind,
        parentCode: r.parent_code,
        households: r.households,
        leadUnit: r.lead_unit,
      },
    })),
  };
}

/** DBF strings are written a byte per character: hand over UTF-8 bytes, which shpjs reads back as UTF-8. */
const dbfText = (s: string | null) => (s === null ? '' : Buffer.from(s, 'utf8').toString('latin1'));

/**
 * The same grids as an ESRI Shapefile zip (grids.shp/.shx/.dbf/.prj, WGS-84, attributes UTF-8). Every geometry is
 * written as a MultiPolygon: shp-write names both polygon layers alike, so one layer must hold them all.
 */
export async function exportShapefile(db: Kysely<DB>, actor: Actor, options: ExportOptions): Promise<Buffer> {
  const fc = await exportFeatureCollection(db, actor, options);
  const features = fc.features.map((f) => ({
    type: 'Feature' as const,
    geometry: {
      type: 'MultiPolygon' as const,
      coordinates: f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
    },
    properties: {
      code: f.properties.code,
      name: dbfText(f.properties.name),
      level: f.properties.level,
      kind: f.properties.kind,
      parentCode: f.properties.parentCode ?? '',
      households: f.properties.households,
      leadUnit: dbfText(f.properties.leadUnit),
    },
  }));
  if (features.length === 0) throw new AppError('NOT_FOUND');
  const zip = await shpwrite.zip(
    { type: 'FeatureCollection', features },
    { outputType: 'nodebuffer', compression: 'DEFLATE', types: { polygon: 'grids' } },
  );
  return zip as unknown as Buffer;
}

/** A Shapefile zip → a GeoJSON FeatureCollection (the first layer holding features). */
export async function shapefileToGeoJson(zip: Buffer): Promise<unknown> {
  try {
    const result = (await shp(zip)) as unknown;
    const layers = Array.isArray(result) ? result : [result];
    const first = layers.find(
      (l) => l && typeof l === 'object' && Array.isArray((l as { features?: unknown }).features),
    );
    if (!first) return { type: 'FeatureCollection', features: [] };
    // Shapefile doubles come back with float noise in the last bit (34.739805 → 34.739805000000004): snap to
    // 9 decimals (0.1 mm), so shared edges stay the same numbers and unchanged grids compare equal.
    const snap = (v: unknown): unknown =>
      typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : Array.isArray(v) ? v.map(snap) : v;
    for (const f of (first as { features: { geometry?: { coordinates?: unknown } | null }[] }).features) {
      if (f.geometry && Array.isArray(f.geometry.coordinates))
        f.geometry.coordinates = snap(f.geometry.coordinates);
    }
    return first;
  } catch (error) {
    throw new AppError('INVALID_GEOJSON', { count: 1 }, [
      { path: '/', message: `not a readable Shapefile zip: ${(error as Error).message}` },
    ]);
  }
}

interface ParsedFeature {
  index: number;
  code: string;
  name: string | null;
  parentCode: string | null;
  geometry: GeoJsonPolygon;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The same shape as stored, whatever the writer did to it: Polygon vs one-part MultiPolygon, ring orientation
 * and starting vertex (a Shapefile turns outer rings clockwise). Same vertices, same number of rings, same area.
 */
function sameGeometry(a: GeoJsonPolygon, b: GeoJsonPolygon): boolean {
  const pa = polygonsOf(a as GridPolygon);
  const pb = polygonsOf(b as GridPolygon);
  if (pa.length !== pb.length) return false;
  if (pa.flat().length !== pb.flat().length) return false;
  const vertices = (p: typeof pa) => [...new Set(p.flat(2).map(([x, y]) => `${x},${y}`))].sort().join(';');
  if (vertices(pa) !== vertices(pb)) return false;
  return Math.abs(areaM2(a as GridPolygon) - areaM2(b as GridPolygon)) < 0.01;
}

function locationOf(geometry: unknown): [number, number] | null {
  try {
    const p = interiorPoint(geometry as GridPolygon);
    return Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : null;
  } catch {
    return null;
  }
}

/** Read, check and plan an import: findings, or the plan. Out-of-scope codes throw 404. */
async function planImport(
  db: Kysely<DB>,
  actor: Actor,
  input: unknown,
): Promise<{ findings: ImportFinding[]; plan: AdjustmentPlan | null; features: number; unchanged: number }> {
  requireCapability(actor, 'grids.write');
  const findings: ImportFinding[] = [];
  const add = (index: number | null, code: string | null, type: string, reason: string, geometry?: unknown) =>
    findings.push({
      featureIndex: index,
      code,
      type,
      reason,
      location: geometry === undefined ? null : locationOf(geometry),
    });
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    add(null, null, 'schema', 'not a GeoJSON FeatureCollection');
    return { findings, plan: null, features: 0, unchanged: 0 };
  }
  const parsed: ParsedFeature[] = [];
  const seen = new Map<string, number>();
  input.features.forEach((f: unknown, index: number) => {
    if (!isObject(f) || f.type !== 'Feature') return add(index, null, 'schema', 'not a GeoJSON Feature');
    const props = isObject(f.properties) ? f.properties : {};
    const code = typeof props.code === 'string' ? props.code.trim() : String(props.code ?? '');
    if (!CODE.test(code)) return add(index, code || null, 'schema', 'no valid "code" property (6–24 digits)');
    if (seen.has(code))
      return add(index, code, 'duplicate', `the code appears twice (also feature ${seen.get(code)})`);
    seen.set(code, index);
    const g = f.geometry;
    if (
      !isObject(g) ||
      (g.type !== 'Polygon' && g.type !== 'MultiPolygon') ||
      !Array.isArray(g.coordinates)
    ) {
      return add(index, code, 'schema', 'the geometry is not a Polygon or MultiPolygon');
    }
    const geometry = { type: g.type, coordinates: g.coordinates } as GeoJsonPolygon;
    const problem = polygonProblem(geometry as GridPolygon);
    if (problem) {
      return findings.push({
        featureIndex: index,
        code,
        type: 'invalid_polygon',
        reason: problem.problem,
        location: problem.location ? [problem.location[0], problem.location[1]] : locationOf(geometry),
      });
    }
    const name = typeof props.name === 'string' && props.name.trim() ? props.name.trim().slice(0, 100) : null;
    const parentCode =
      typeof props.parentCode === 'string' && props.parentCode.trim() ? props.parentCode.trim() : null;
    parsed.push({ index, code, name, parentCode, geometry });
  });

  // every code and parent named, live or retired, to tell known, new and retired codes apart
  const named = [...new Set(parsed.flatMap((p) => [p.code, ...(p.parentCode ? [p.parentCode] : [])]))];
  const live = new Map<string, FullGrid>();
  const retired = new Set<string>();
  for (let i = 0; i < named.length; i += 1000) {
    const batch = named.slice(i, i + 1000);
    for (const g of (await fullGridQuery(db).where('g.code', 'in', batch).execute()) as FullGrid[])
      live.set(g.code, g);
    const gone = await db
      .selectFrom('grid')
      .select('code')
      .where('code', 'in', batch)
      .where('retired_at', 'is not', null)
      .execute();
    for (const r of gone) retired.add(r.code);
  }
  // a grid outside the subtree is a missing record: refuse before saying anything about it
  for (const g of live.values()) if (!inScope(actor, { path: g.place_path })) throw new AppError('NOT_FOUND');

  const parentsWithChildren = new Set<number>();
  const ids = [...live.values()].map((g) => g.id);
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('grid')
      .select('parent_id')
      .where('parent_id', 'in', ids.slice(i, i + 1000))
      .where('retired_at', 'is', null)
      .groupBy('parent_id')
      .execute();
    for (const r of rows) if (r.parent_id !== null) parentsWithChildren.add(r.parent_id);
  }

  const groups = new Map<number | null, GroupPlan>();
  const parentOf = new Map<number, FullGrid>();
  for (const g of live.values()) parentOf.set(g.id, g);
  const groupFor = async (parentId: number | null): Promise<GroupPlan> => {
    let group = groups.get(parentId);
    if (!group) {
      let parent: FullGrid | null = null;
      if (parentId !== null) {
        parent =
          parentOf.get(parentId) ??
          ((await fullGridQuery(db).where('g.id', '=', parentId).executeTakeFirst()) as
            FullGrid | undefined) ??
          null;
      }
      group = { parent, updates: [], retire: [], create: [] };
      groups.set(parentId, group);
    }
    return group;
  };
  let unchanged = 0;
  for (const p of parsed) {
    const known = live.get(p.code);
    if (known) {
      if (sameGeometry(known.geometry, p.geometry) && (p.name === null || p.name === known.name)) {
        unchanged++;
        continue;
      }
      const leaf = !parentsWithChildren.has(known.id) && (known.kind !== 'base' || known.level === 4);
      if (!leaf) {
        add(
          p.index,
          p.code,
          'not_leaf',
          'only leaf grids (micro-grids, overlays without children) can change',
          p.geometry,
        );
        continue;
      }
      (await groupFor(known.parent_id)).updates.push({
        grid: known,
        geometry: p.geometry,
        ...(p.name !== null && p.name !== known.name ? { name: p.name } : {}),
      });
      continue;
    }
    if (retired.has(p.code)) {
      add(
        p.index,
        p.code,
        'retired_code',
        'the code belonged to a retired grid and is not given again',
        p.geometry,
      );
      continue;
    }
    const parent = p.parentCode ? live.get(p.parentCode) : undefined;
    if (!parent) {
      add(p.index, p.code, 'unknown_parent', 'a new code needs "parentCode", an existing grid', p.geometry);
      continue;
    }
    if (!p.code.startsWith(parent.code) || p.code.length <= parent.code.length) {
      add(
        p.index,
        p.code,
        'code_prefix',
        `a new code must start with its parent's code ${parent.code}`,
        p.geometry,
      );
      continue;
    }
    if (parent.kind === 'base' && parent.level !== 3) {
      add(
        p.index,
        p.code,
        'level',
        'new base grids can only be micro-grids under a level-3 grid',
        p.geometry,
      );
      continue;
    }
    if (parent.level >= 4) {
      add(p.index, p.code, 'level', 'a grid of level 4 cannot have children', p.geometry);
      continue;
    }
    (await groupFor(parent.id)).create.push({
      code: p.code,
      name: p.name ?? p.code,
      geometry: p.geometry,
      template: { ...parent, level: parent.level + 1, lead_unit: parent.lead_unit },
    });
  }
  const plan: AdjustmentPlan | null =
    groups.size > 0 ? { kind: 'import', reason: '', groups: [...groups.values()] } : null;
  return { findings, plan, features: input.features.length, unchanged };
}

/** Import a FeatureCollection (already parsed: GeoJSON body or a Shapefile read by shapefileToGeoJson). */
export async function importGrids(
  ctx: RequestContext,
  input: unknown,
  options: { dryRun: boolean; reason?: string; source: 'geojson' | 'shapefile' },
): Promise<ImportOutcome> {
  const reason =
    options.reason?.trim() || (options.source === 'shapefile' ? 'Shapefile 导入' : 'GeoJSON 导入');
  const outcome = await runCommand(
    ctx,
    options.dryRun ? 'grids.import.dry_run' : 'grids.import',
    async (trx) => {
      const { findings, plan, features, unchanged } = await planImport(trx, ctx.actor, input);
      const result: ImportOutcome = {
        dryRun: options.dryRun,
        ok: findings.length === 0,
        adjustmentId: null,
        features,
        unchanged,
        findings,
        updated: [],
        created: [],
        moves: { total: 0, items: [] },
      };
      if (findings.length === 0 && plan) {
        plan.reason = reason;
        plan.details = { source: options.source, features };
        const codeIndex = new Map<string, number>();
        if (typeof input === 'object' && input !== null) {
          ((input as { features?: { properties?: { code?: unknown } }[] }).features ?? []).forEach((f, i) =>
            codeIndex.set(String(f?.properties?.code ?? ''), i),
          );
        }
        // the coverage check runs as for any adjustment; a dry run only previews
        const applied = await applyPlan(trx, ctx.actor, plan, true);
        for (const f of applied.findings) {
          const code = f.grids.find((c) => codeIndex.has(c)) ?? f.grids[0] ?? null;
          result.findings.push({
            featureIndex: code === null ? null : (codeIndex.get(code) ?? null),
            code,
            type: f.type,
            reason: f.detail,
            location: f.location,
          });
        }
        result.ok = result.findings.length === 0;
        result.updated = applied.updated;
        result.created = applied.created;
        result.moves = applied.moves;
        if (result.ok && !options.dryRun) {
          const written = await applyPlan(trx, ctx.actor, plan, false);
          result.adjustmentId = written.adjustmentId;
        }
      }
      if (!result.ok && !options.dryRun) {
        throw new AppError(
          'INVALID_GEOJSON',
          { count: result.findings.length },
          result.findings.map((f) => ({
            path: f.featureIndex === null ? '/' : `/features/${f.featureIndex}`,
            message: `${f.code ?? '-'}: ${f.type}: ${f.reason}${f.location ? ` @ ${f.location[0].toFixed(6)},${f.location[1].toFixed(6)}` : ''}`,
          })),
        );
      }
      return {
        value: result,
        audit: {
          subjectType: 'grid_adjustment',
          subjectId: String(result.adjustmentId ?? 'import'),
          placePath: ctx.actor.placePath,
          details: {
            source: options.source,
            dryRun: options.dryRun,
            reason,
            features,
            unchanged,
            ok: result.ok,
            updated: result.updated,
            created: result.created.map((c) => c.code),
            householdsMoved: result.moves.total,
          },
        },
      };
    },
    { subjectType: 'grid', subjectId: 'import' },
  );
  if (!options.dryRun && outcome.adjustmentId !== null) forgetLocator(ctx.app.database.db);
  return outcome;
}

import { gridActions } from './grids.policy.js';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/actor.js';
import { authorize, requireCapability, scopePrefix } from '../../policy/authorize.js';
import { gridScopeOf, inGridScope, pathInGridScope } from '../../policy/grid-scope.js';
import { findByCode } from '../places/places.queries.js';
import { escapeLike, underPath } from '../../core/sql.js';
import { checkGridCoverage, GEOMETRY_FINDINGS } from './grids.check.js';
import { toWgs84 } from './grids.geometry.js';
import type { LocatorGrid } from './grids.locator.js';
import { gridQuery, locatorFor, scopedGridFeatureRows, type GridRow } from './grids.queries.js';

export type Crs = 'wgs84' | 'gcj02';

const visible = (actor: Actor, placePath: string) => placePath.startsWith(actor.placePath);

function presentGrid(row: GridRow, childCount: number) {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    kind: row.kind,
    parentCode: row.parent_code,
    place: { code: row.place_code, name: row.place_name },
    leadUnit: row.lead_unit,
    areaM2: Math.round(row.area_m2),
    households: row.households,
    bbox: [row.min_lng, row.min_lat, row.max_lng, row.max_lat],
    childCount,
    version: row.version,
  };
}

async function childCounts(ctx: RequestContext, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.app.database.db
    .selectFrom('grid')
    .select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', ids)
    .where('retired_at', 'is', null)
    .groupBy('parent_id')
    .execute();
  return new Map(rows.map((r) => [r.parent_id ?? 0, r.n]));
}

async function visibleGrid(ctx: RequestContext, code: string): Promise<GridRow> {
  const row = await gridQuery(ctx.app.database.db).where('g.code', '=', code).executeTakeFirst();
  authorize(ctx.actor, 'grids.read', row ? { path: row.place_path } : undefined);
  // grid workers: only the grids they serve and below (policy/grid-scope.ts)
  if (!pathInGridScope(await gridScopeOf(ctx.app.database.db, ctx.actor), row?.path))
    throw new AppError('NOT_FOUND');
  return row as GridRow;
}

export async function listGrids(
  ctx: RequestContext,
  options: {
    q?: string;
    level?: number;
    kind?: LocatorGrid['kind'];
    within?: string;
    page: number;
    pageSize: number;
  },
) {
  requireCapability(ctx.actor, 'grids.read');
  const { db } = ctx.app.database;
  let prefix = scopePrefix(ctx.actor);
  if (options.within) {
    const place = authorize(ctx.actor, 'grids.read', await findByCode(db, options.within));
    prefix = place.path;
  }
  let query = gridQuery(db).where('p.path', 'like', underPath(prefix));
  query = query.where(inGridScope(await gridScopeOf(db, ctx.actor), 'g.path')); // grid workers: their grids
  if (options.level) query = query.where('g.level', '=', options.level);
  if (options.kind) query = query.where('g.kind', '=', options.kind);
  const q = options.q?.trim();
  if (q) {
    query = /^[0-9]+$/.test(q)
      ? query.where('g.code', 'like', `${q}%`)
      : query.where('g.name', 'ilike', `%${escapeLike(q)}%`);
  }
  const [rows, total] = await Promise.all([
    query
      .orderBy('g.code')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const counts = await childCounts(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentGrid(r, counts.get(r.id) ?? 0)),
    total: total.n,
    page: options.page,
    pageSize: options.pageSize,
  };
}

export async function getGrid(ctx: RequestContext, code: string) {
  const row = await visibleGrid(ctx, code);
  const { db } = ctx.app.database;
  const geometry = await db
    .selectFrom('grid')
    .select('geometry')
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const chain: { code: string; name: string; level: number; kind: LocatorGrid['kind'] }[] = [];
  const scope = await gridScopeOf(db, ctx.actor); // grid workers: no grids above the ones they serve
  let parentId = row.parent_id;
  while (parentId !== null) {
    const parent = await gridQuery(db).where('g.id', '=', parentId).executeTakeFirst();
    if (!parent || !visible(ctx.actor, parent.place_path) || !pathInGridScope(scope, parent.path)) break;
    chain.push({ code: parent.code, name: parent.name, level: parent.level, kind: parent.kind });
    parentId = parent.parent_id;
  }
  const counts = await childCounts(ctx, [row.id]);
  const childCount = counts.get(row.id) ?? 0;
  return {
    ...presentGrid(row, childCount),
    chain,
    geometry: geometry.geometry,
    allowedActions: gridActions(ctx.actor, { childCount }),
  };
}

export async function listGridChildren(ctx: RequestContext, code: string, page: number, pageSize: number) {
  const parent = await visibleGrid(ctx, code);
  const { db } = ctx.app.database;
  const base = gridQuery(db)
    .where('g.parent_id', '=', parent.id)
    .where('p.path', 'like', underPath(ctx.actor.placePath));
  const [rows, total] = await Promise.all([
    base
      .orderBy('g.code')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const counts = await childCounts(
    ctx,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentGrid(r, counts.get(r.id) ?? 0)), total: total.n, page, pageSize };
}

const ref = (g: LocatorGrid) => ({ code: g.code, name: g.name, level: g.level, kind: g.kind });

/**
 * The micro-grid holding a point, its chain and the overlay grids around it, as far as the actor may see them.
 * A point in no grid is a 422; a point in a grid outside the actor's subtree answers like a missing record.
 */
export async function locatePoint(ctx: RequestContext, lng: number, lat: number, crs: Crs) {
  requireCapability(ctx.actor, 'grids.read');
  const locator = await locatorFor(ctx.app.database.db);
  return locateWith(ctx.actor, locator.locate.bind(locator), lng, lat, crs);
}

function locateWith(
  actor: Actor,
  locate: (lng: number, lat: number) => ReturnType<Awaited<ReturnType<typeof locatorFor>>['locate']>,
  lng: number,
  lat: number,
  crs: Crs,
) {
  const [x, y] = toWgs84(lng, lat, crs);
  const hit = locate(x, y);
  if (!hit.micro) throw new AppError('OUTSIDE_DISTRICT', { lng, lat }, [{ path: '/lng', message: '' }]);
  if (!visible(actor, hit.micro.placePath)) throw new AppError('NOT_FOUND');
  return {
    lng: x,
    lat: y,
    microGrid: ref(hit.micro),
    chain: hit.chain.filter((g) => visible(actor, g.placePath)).map(ref),
    overlays: hit.overlays.filter((g) => visible(actor, g.placePath)).map(ref),
    compound:
      hit.compound && visible(actor, hit.compound.placePath)
        ? { code: hit.compound.code, name: hit.compound.name }
        : null,
  };
}

export async function locateBatch(ctx: RequestContext, points: { lng: number; lat: number }[], crs: Crs) {
  requireCapability(ctx.actor, 'grids.read');
  const locator = await locatorFor(ctx.app.database.db);
  const locate = locator.locate.bind(locator);
  return {
    results: points.map((p) => {
      try {
        return locateWith(ctx.actor, locate, p.lng, p.lat, crs);
      } catch (error) {
        if (error instanceof AppError) return { lng: p.lng, lat: p.lat, error: error.code };
        throw error;
      }
    }),
  };
}

/** The coverage check over all grids, reported as far as the actor may see: findings touching its grids. */
export async function gridCoverage(ctx: RequestContext) {
  requireCapability(ctx.actor, 'grids.read');
  const { db } = ctx.app.database;
  const report = await checkGridCoverage(db, ctx.app.config.gridHouseholds);
  const visibleRows = await db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .select(['g.code', 'g.kind', 'g.level'])
    .where('p.path', 'like', underPath(ctx.actor.placePath))
    .where(inGridScope(await gridScopeOf(db, ctx.actor), 'g.path')) // grid workers: their grids
    .where('g.retired_at', 'is', null)
    .execute();
  const visibleCodes = new Set(visibleRows.map((r) => r.code));
  const counts: Record<string, number> = {};
  for (const r of visibleRows) counts[`${r.kind}/${r.level}`] = (counts[`${r.kind}/${r.level}`] ?? 0) + 1;
  const findings = report.findings
    .filter((f) => f.grids.some((code) => visibleCodes.has(code)))
    .map((f) => ({ ...f, grids: f.grids.filter((code) => visibleCodes.has(code)) }));
  const byType: Record<string, number> = {};
  for (const f of findings) byType[f.type] = (byType[f.type] ?? 0) + 1;
  return {
    counts,
    byType,
    geometryFindings: findings.filter((f) => GEOMETRY_FINDINGS.includes(f.type)).length,
    findings,
    ms: report.ms,
  };
}

/** Grids as a GeoJSON FeatureCollection for the map, within the actor's subtree (or a place inside it). */
export async function gridsGeoJson(
  ctx: RequestContext,
  options: { level?: number; kind?: LocatorGrid['kind']; within?: string },
) {
  requireCapability(ctx.actor, 'grids.read');
  const { db } = ctx.app.database;
  let prefix = scopePrefix(ctx.actor);
  if (options.within) prefix = authorize(ctx.actor, 'grids.read', await findByCode(db, options.within)).path;
  const rows = await scopedGridFeatureRows(db, ctx.actor, prefix, options);
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
      },
    })),
  };
}

import { type Kysely } from 'kysely';
import type { DB, GeoJsonPolygon, GridKind } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/actor.js';
import { authorize, requireCapability } from '../../policy/authorize.js';
import { type Finding } from './grids.coverage.js';
import { union, type GridPolygon } from './grids.geometry.js';

/** Adjustments, part 1: the request turned into a plan (shape, scope, leaf siblings, new codes). */

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

export const MOVES_SHOWN = 200;

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

export const invalid = (problem: string, path = '/codes') =>
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

export async function liveChildren(db: Kysely<DB>, parentId: number | null): Promise<FullGrid[]> {
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

import { sql } from 'kysely';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../http/errors.js';
import { authorize, requireCapability } from '../../policy/authorize.js';
import { underPath } from '../../core/sql.js';

/** Grid history: a grid's versions, one version as GeoJSON, the list of adjustments. */

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

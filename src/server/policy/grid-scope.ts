import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../db/types.js';
import type { Actor } from './actor.js';

/**
 * The grids a grid worker's account may see: the paths of the grids its person currently serves (grid_staff.user_id
 * → current grid_staff_assignment rows → grid.path), or null when the actor is not a grid worker (then the place
 * scope alone applies). An empty array means "nothing": a grid worker with no current assignment sees no grid and
 * no household. The place scope (the account's node, policy/authorize.ts) applies as well; this narrows it.
 */
export type GridScope = readonly string[] | null;

/**
 * The actor's grid scope, read fresh (one small indexed query; none for other roles), so ending an assignment
 * takes effect on the worker's next request.
 */
export async function gridScopeOf(db: Kysely<DB>, actor: Actor): Promise<GridScope> {
  if (actor.role !== 'grid_worker') return null;
  const rows = await db
    .selectFrom('grid_staff as s')
    .innerJoin('grid_staff_assignment as a', 'a.staff_id', 's.id')
    .innerJoin('grid as g', 'g.id', 'a.grid_id')
    .select('g.path')
    .where('s.user_id', '=', actor.userId)
    .where('a.ended_on', 'is', null)
    .orderBy('g.path')
    .execute();
  // A served grid under another served grid adds nothing: keep the outermost paths only.
  const paths: string[] = [];
  for (const { path } of rows) if (!paths.some((p) => path.startsWith(p))) paths.push(path);
  return paths;
}

/**
 * A WHERE condition restricting a query to the grid scope, given a grid-path column (a grid's `path`, or the
 * `grid_path` copy on household and resident rows): `col LIKE '/1/5/%' OR col LIKE '/1/9/%' …`. Grid paths are
 * C-collated, so each arm is an index range scan. A null scope is `true` (no restriction), an empty one `false`.
 * A row whose grid path is null (a household not located in any grid) is outside every non-null scope.
 *
 * Use it next to the place-scope filter, e.g. in the households list:
 *
 *   const scope = await gridScopeOf(db, ctx.actor);
 *   let query = db.selectFrom('household as h')
 *     .where('h.path', 'like', underPath(ctx.actor.placePath))
 *     .where(inGridScope(scope, 'h.grid_path'));
 *
 * and for one record already loaded, `pathInGridScope(scope, row.grid_path)` (answer NOT_FOUND when false).
 */
export function inGridScope(scope: GridScope, column: string): Expression<SqlBool> {
  if (scope === null) return sql<SqlBool>`true`;
  if (scope.length === 0) return sql<SqlBool>`false`;
  const arms = scope.map((path) => sql<SqlBool>`${sql.ref(column)} LIKE ${`${path}%`}`);
  return sql<SqlBool>`(${sql.join(arms, sql` OR `)})`;
}

/** Whether one grid path lies in the grid scope (the same rule as inGridScope, for a row already loaded). */
export function pathInGridScope(scope: GridScope, gridPath: string | null | undefined): boolean {
  if (scope === null) return true;
  if (!gridPath) return false;
  return scope.some((path) => gridPath.startsWith(path));
}

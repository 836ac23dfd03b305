import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../policy/actor.js';
import { inGridScope, type GridScope } from '../../policy/grid-scope.js';
import { underPath } from '../../core/sql.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A case with what lists, details and the policy need: category, place, grid, handler and departments. */
export function caseQuery(db: Executor) {
  return db
    .selectFrom('civic_case as c')
    .innerJoin('case_category as cat', 'cat.id', 'c.category_id')
    .innerJoin('place as p', 'p.id', 'c.place_id')
    .leftJoin('grid as g', 'g.id', 'c.grid_id')
    .leftJoin('place as hp', 'hp.id', 'c.handler_place_id')
    .leftJoin('app_user as hu', 'hu.id', 'c.handler_user_id')
    .leftJoin('department as hd', 'hd.id', 'c.handler_department_id')
    .selectAll('c')
    .select([
      'cat.code as category_code',
      'cat.name as category_name',
      'cat.name_en as category_name_en',
      'cat.photo_before',
      'cat.photo_after',
      'cat.handle_limit',
      'cat.handle_unit',
      'cat.dispatch_limit',
      'cat.dispatch_unit',
      'cat.default_handler',
      'cat.default_department_id',
      'cat.escalate_when_overdue',
      'p.code as place_code',
      'p.name as place_name',
      'g.code as grid_code',
      'g.name as grid_name',
      'hp.code as handler_place_code',
      'hp.name as handler_place_name',
      'hu.display_name as handler_user_name',
      'hd.code as handler_department_code',
      'hd.name as handler_department_name',
      sql<
        number[]
      >`coalesce((SELECT array_agg(cd.department_id ORDER BY cd.department_id) FROM case_department cd
        WHERE cd.case_id = c.id), '{}')`.as('department_ids'),
    ]);
}
export type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

/**
 * The rows of `civic_case` (alias c) an actor may see: a resident its own reports; a department account the cases
 * dispatched to its unit; a grid worker the cases in the grids it serves or handed to it; everyone else the
 * cases under its node.
 */
export function caseScope(actor: Actor, gridScope: GridScope): Expression<SqlBool> {
  if (actor.role === 'resident') return sql<SqlBool>`c.reporter_user_id = ${actor.userId}`;
  if (actor.role === 'department_staff') {
    if (!actor.departmentId) return sql<SqlBool>`false`;
    return sql<SqlBool>`EXISTS (SELECT 1 FROM case_department cd WHERE cd.case_id = c.id
      AND cd.department_id = ${actor.departmentId})`;
  }
  const place = sql<SqlBool>`c.path LIKE ${underPath(actor.placePath)}`;
  if (actor.role === 'grid_worker') {
    return sql<SqlBool>`(${place} AND (${inGridScope(gridScope, 'c.grid_path')}
      OR c.handler_user_id = ${actor.userId}))`;
  }
  return place;
}

/** Whether one loaded case is in the actor's sight (the same rule as caseScope). */
export function caseVisible(actor: Actor, gridScope: GridScope, row: CaseRow): boolean {
  if (actor.role === 'resident') return row.reporter_user_id === actor.userId;
  if (actor.role === 'department_staff') {
    return !!actor.departmentId && row.department_ids.includes(actor.departmentId);
  }
  if (!row.path.startsWith(actor.placePath)) return false;
  if (actor.role === 'grid_worker') {
    return (
      row.handler_user_id === actor.userId ||
      (gridScope !== null && !!row.grid_path && gridScope.some((p) => row.grid_path!.startsWith(p)))
    );
  }
  return true;
}

import type { Kysely, Transaction } from 'kysely';
import type { GridStaffRole } from '../../../shared/grid-staff.js';
import type { DB } from '../../db/types.js';
import { inGridScope, type GridScope } from '../../policy/grid-scope.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Assignments with their person, grid and the grid's place (access is decided on `place_path`). */
export function assignmentQuery(db: Executor) {
  return db
    .selectFrom('grid_staff_assignment as a')
    .innerJoin('grid_staff as s', 's.id', 'a.staff_id')
    .innerJoin('grid as g', 'g.id', 'a.grid_id')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .leftJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      'a.id',
      'a.staff_id',
      'a.role',
      'a.agency',
      'a.duties',
      'a.started_on',
      'a.ended_on',
      's.name',
      's.phone_masked',
      'u.username',
      'g.id as grid_id',
      'g.code as grid_code',
      'g.name as grid_name',
      'g.level as grid_level',
      'g.kind as grid_kind',
      'g.path as grid_path',
      'p.code as place_code',
      'p.name as place_name',
      'p.path as place_path',
    ]);
}
export type AssignmentRow = Awaited<
  ReturnType<ReturnType<typeof assignmentQuery>['executeTakeFirstOrThrow']>
>;

/**
 * Grids of one level whose place lies under `placePrefix` (a LIKE pattern), within the grid scope, with no current
 * assignment of `role`. NOT IN over a (hashed) subquery: one pass over the current assignments, whatever the table
 * statistics say (NOT EXISTS was planned as a nested loop on an unanalysed database).
 */
export function gapQuery(
  db: Executor,
  options: { placePrefix: string; level: number; role: GridStaffRole; scope: GridScope },
) {
  return db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .leftJoin('grid as parent', 'parent.id', 'g.parent_id')
    .where('p.path', 'like', options.placePrefix)
    .where('g.level', '=', options.level)
    .where(inGridScope(options.scope, 'g.path'))
    .where('g.id', 'not in', (eb) =>
      eb
        .selectFrom('grid_staff_assignment as a')
        .select('a.grid_id')
        .where('a.role', '=', options.role)
        .where('a.ended_on', 'is', null),
    );
}

/** Whether the person has any assignment (current or past) on a grid whose place lies under `placePrefix`. */
export async function staffReachable(db: Executor, staffId: number, placePrefix: string): Promise<boolean> {
  const row = await db
    .selectFrom('grid_staff_assignment as a')
    .innerJoin('grid as g', 'g.id', 'a.grid_id')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .select('a.id')
    .where('a.staff_id', '=', staffId)
    .where('p.path', 'like', placePrefix)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

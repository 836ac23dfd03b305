import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';

/**
 * A point inside a micro-grid that a grid worker's account currently serves: the first located household there
 * (in the demo, grid1 serves micro-grids of community1's community). Case tests file their reports at it.
 */
export async function pointServedBy(
  db: Kysely<DB>,
  username = 'grid1',
): Promise<{ lng: number; lat: number; gridCode: string }> {
  const row = await db
    .selectFrom('grid_staff as p')
    .innerJoin('app_user as u', 'u.id', 'p.user_id')
    .innerJoin('grid_staff_assignment as a', 'a.staff_id', 'p.id')
    .innerJoin('grid as g', 'g.id', 'a.grid_id')
    .innerJoin('household as h', 'h.grid_id', 'a.grid_id')
    .select(['h.lng', 'h.lat', 'g.code'])
    .where('u.username', '=', username)
    .where('a.ended_on', 'is', null)
    .where('h.lng', 'is not', null)
    .orderBy('h.id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { lng: row.lng!, lat: row.lat!, gridCode: row.code };
}

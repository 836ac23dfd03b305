import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.js';
import type { GridsAdjusted } from '../../manifest.js';

/**
 * Grids were adjusted: every case in a touched micro-grid, or whose point lies in the touched ground, is located
 * again among the grids that now cover it, so the grid workers of the new grids see it and the grid figures follow
 * the live grids. A case whose point falls in none (it cannot, while the coverage check holds) stays with its grid
 * if that lives on, else goes to the group's first grid. The case's version is not bumped: nobody acted on it.
 */
export async function relocateCases(trx: Transaction<DB>, change: GridsAdjusted): Promise<void> {
  for (const group of change.groups) {
    const [minLng, minLat, maxLng, maxLat] = group.box;
    const touched = new Set(group.touchedIds);
    const rows = await trx
      .selectFrom('civic_case')
      .select(['id', 'lng', 'lat', 'grid_id'])
      .where((eb) =>
        eb.or([
          eb('grid_id', 'in', group.touchedIds),
          eb.and([
            eb('lng', '>=', minLng),
            eb('lng', '<=', maxLng),
            eb('lat', '>=', minLat),
            eb('lat', '<=', maxLat),
          ]),
        ]),
      )
      .execute();
    const moving = new Map<number, { path: string; ids: number[] }>();
    for (const row of rows) {
      let target = group.locate(row.lng, row.lat);
      if (!target) {
        if (row.grid_id === null || !touched.has(row.grid_id)) continue;
        const kept = group.targets.find((t) => t.id === row.grid_id) ?? group.targets[0];
        if (!kept) continue;
        target = { id: kept.id, path: kept.path };
      }
      if (target.id === row.grid_id) continue;
      const entry = moving.get(target.id) ?? { path: target.path, ids: [] };
      entry.ids.push(row.id);
      moving.set(target.id, entry);
    }
    for (const [gridId, { path, ids }] of moving) {
      for (let i = 0; i < ids.length; i += 1000) {
        await trx
          .updateTable('civic_case')
          .set({ grid_id: gridId, grid_path: path })
          .where('id', 'in', ids.slice(i, i + 1000))
          .execute();
      }
    }
  }
}

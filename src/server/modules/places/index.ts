import { underPath } from '../../core/sql.js';
import type { PlaceKind } from '../../db/types.js';
import type { ModuleManifest, StatDefinition } from '../manifest.js';
import { countUnder } from './places.queries.js';
import { placesRoutes } from './places.routes.js';
import { seedPlaces } from './places.seed.js';
import { placesCapabilities } from './places.capabilities.js';
import { placesErrors } from './places.errors.js';

function countStat(key: string, zh: string, en: string, kinds: PlaceKind[]): StatDefinition {
  return {
    key,
    label: { 'zh-CN': zh, en },
    capability: 'places.read',
    compute: (db, actor) => countUnder(db, actor.placePath, kinds),
  };
}

export const placesModule: ModuleManifest = {
  name: 'places',
  capabilities: placesCapabilities,
  errors: placesErrors,
  routes: placesRoutes,
  seed: { order: 10, run: seedPlaces },
  scopedTables: [{ table: 'place', placePath: 'path', follows: 'source' }],
  stats: [
    countStat('places.streets', '镇街园区', 'Streets, towns and parks', ['street', 'town', 'park']),
    countStat('places.communities', '村（社区）', 'Communities and villages', ['community', 'village']),
    countStat('places.compounds', '楼院', 'Compounds', ['compound']),
    {
      key: 'places.unmanagedCompounds',
      label: { 'zh-CN': '无主管楼院', en: 'Unmanaged compounds' },
      capability: 'places.read',
      compute: async (db, actor) => {
        const row = await db
          .selectFrom('place')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'compound')
          .where('management_type', '=', 'unmanaged')
          .where('path', 'like', underPath(actor.placePath))
          .executeTakeFirstOrThrow();
        return row.n;
      },
    },
    countStat('places.buildings', '楼栋', 'Buildings', ['building']),
  ],
};

import type { ModuleManifest, StatDefinition } from '../manifest.js';
import { underPath } from '../../core/sql.js';
import { householdsRoutes } from './households.routes.js';
import { seedHouseholds } from './households.seed.js';
import { householdsDashboard } from './households.dashboard.js';
import { householdsCapabilities } from './households.capabilities.js';

function countStat(key: string, zh: string, en: string, table: 'household' | 'resident'): StatDefinition {
  return {
    key,
    label: { 'zh-CN': zh, en },
    capability: 'residents.read',
    compute: async (db, actor) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('path', 'like', underPath(actor.placePath))
        .executeTakeFirstOrThrow();
      return row.n;
    },
  };
}

/** The household registry (实有房屋 · 实有人口). Its demo data needs the places and grids (orders 10 and 30). */
export const householdsModule: ModuleManifest = {
  name: 'households',
  capabilities: householdsCapabilities,
  routes: householdsRoutes,
  seed: { order: 40, run: seedHouseholds },
  // grid paths: the grids module re-locates households (and their residents) as part of the adjustment it previews
  scopedTables: [
    { table: 'household', placePath: 'path', gridPath: 'grid_path' },
    { table: 'resident', placePath: 'path', gridPath: 'grid_path' },
  ],
  dashboard: householdsDashboard,
  stats: [
    countStat('households.households', '实有户数', 'Households', 'household'),
    countStat('households.residents', '实有人口', 'Residents', 'resident'),
  ],
};

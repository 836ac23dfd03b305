import { gridScopeOf } from '../../policy/grid-scope.js';
import type { ModuleManifest } from '../manifest.js';
import { underPath } from '../../core/sql.js';
import { gapQuery } from './staff.queries.js';
import { staffRoutes } from './staff.routes.js';
import { seedStaff } from './staff.seed.js';
import { staffDashboard } from './staff.dashboard.js';
import { staffErrors } from './staff.errors.js';

export const staffModule: ModuleManifest = {
  name: 'staff',
  errors: staffErrors,
  routes: staffRoutes,
  // after the grids (30) and the accounts (20): it links grid1 and grid2 to people on their micro-grids
  seed: { order: 35, run: seedStaff },
  dashboard: staffDashboard,
  stats: [
    {
      key: 'staff.microGaps',
      label: { 'zh-CN': '缺员微网格', en: 'Micro-grids without a worker' },
      capability: 'grids.read',
      compute: async (db, actor) => {
        const scope = await gridScopeOf(db, actor);
        const row = await gapQuery(db, {
          placePrefix: underPath(actor.placePath),
          level: 4,
          role: 'worker',
          scope,
        })
          .where('g.kind', '=', 'base')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return row.n;
      },
    },
  ],
};

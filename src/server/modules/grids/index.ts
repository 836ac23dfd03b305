import { underPath } from '../../core/sql.js';
import type { ModuleManifest, StatDefinition } from '../manifest.js';
import { gridsRoutes } from './grids.routes.js';
import { seedGrids } from './grids.seed.js';
import { gridsDashboard } from './grids.dashboard.js';
import { gridsCapabilities } from './grids.capabilities.js';
import { gridsErrors } from './grids.errors.js';
import { gridsCli } from './grids.cli.js';

function gridCount(key: string, zh: string, en: string, level: number): StatDefinition {
  return {
    key,
    label: { 'zh-CN': zh, en },
    capability: 'grids.read',
    compute: async (db, actor) => {
      const row = await db
        .selectFrom('grid as g')
        .innerJoin('place as p', 'p.id', 'g.place_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('g.kind', '=', 'base')
        .where('g.level', '=', level)
        .where('g.retired_at', 'is', null)
        .where('p.path', 'like', underPath(actor.placePath))
        .executeTakeFirstOrThrow();
      return row.n;
    },
  };
}

export const gridsModule: ModuleManifest = {
  name: 'grids',
  capabilities: gridsCapabilities,
  errors: gridsErrors,
  routes: gridsRoutes,
  cli: gridsCli,
  seed: { order: 30, run: seedGrids },
  scopedTables: [
    { table: 'grid', gridPath: 'path', follows: 'source' },
    // who may see an adjustment: the deepest place holding the grids it touched
    { table: 'grid_adjustment', placePath: 'place_path' },
  ],
  dashboard: gridsDashboard,
  stats: [
    gridCount('grids.level3', '三级网格', 'Level-3 grids', 3),
    gridCount('grids.micro', '微网格', 'Micro-grids', 4),
  ],
};

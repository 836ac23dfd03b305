import type { ModuleManifest } from '../manifest.js';
import { staffRoutes } from './staff.routes.js';
import { seedStaff } from './staff.seed.js';

export const staffModule: ModuleManifest = {
  name: 'staff',
  routes: staffRoutes,
  // after the grids (30) and the accounts (20): it links grid1 and grid2 to people on their micro-grids
  seed: { order: 35, run: seedStaff },
};

import type { ModuleManifest } from '../manifest.js';
import { casesRoutes } from './cases.routes.js';
import { caseStats } from './cases.figures.js';
import { seedCases } from './cases.seed.js';

/** Cases (案件): intake, workflow, deadlines, timeline. Needs places and grids. */
export const casesModule: ModuleManifest = {
  name: 'cases',
  routes: casesRoutes,
  seed: { order: 60, run: seedCases },
  stats: caseStats,
};

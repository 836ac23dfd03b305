import type { ModuleManifest } from '../manifest.js';
import { casesRoutes } from './cases.routes.js';

/** Cases (案件): intake, workflow, deadlines, timeline. Needs places and grids. */
export const casesModule: ModuleManifest = {
  name: 'cases',
  routes: casesRoutes,
};

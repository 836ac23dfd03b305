import type { ModuleManifest } from '../manifest.js';
import { casesRoutes } from './cases.routes.js';
import { casesBackground } from './cases.background.js';
import { casesExtraRoutes } from './cases.extra.routes.js';

/** Cases (案件): intake, workflow, deadlines, timeline. Needs places and grids. */
export const casesModule: ModuleManifest = {
  name: 'cases',
  routes: async (app) => {
    await app.register(casesRoutes);
    await app.register(casesExtraRoutes);
  },
  background: (app) => casesBackground(app),
};

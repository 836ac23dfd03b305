import type { ModuleManifest } from '../manifest.js';
import { householdsRoutes } from './households.routes.js';

export const householdsModule: ModuleManifest = {
  name: 'households',
  routes: householdsRoutes,
};

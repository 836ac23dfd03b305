import type { ModuleManifest } from '../manifest.js';
import { authRoutes } from './auth.routes.js';

export const authModule: ModuleManifest = {
  name: 'auth',
  routes: authRoutes,
};

import type { ModuleManifest } from '../manifest.js';
import { authRoutes } from './auth.routes.js';
import { authErrors } from './auth.errors.js';

export const authModule: ModuleManifest = {
  name: 'auth',
  errors: authErrors,
  routes: authRoutes,
};

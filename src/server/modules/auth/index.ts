import type { ModuleManifest } from '../manifest.js';
import { authPlugin } from './auth.plugin.js';
import { authRoutes } from './auth.routes.js';
import { authErrors } from './auth.errors.js';

export const authModule: ModuleManifest = {
  name: 'auth',
  errors: authErrors,
  // resolves the actor (bearer token or session cookie), requires a login, checks CSRF
  plugin: authPlugin,
  routes: authRoutes,
};

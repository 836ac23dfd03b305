import type { ModuleManifest } from '../manifest.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { dashboardCapabilities } from './dashboard.capabilities.js';

/**
 * The command dashboard (指挥中心 · 驾驶舱). It owns no tables: it reads the figure groups other modules declare
 * in their manifests (`dashboard`) and the sheets they declare (`dashboardSheets`); the views built on them (the
 * cases' trend, categories, rankings, map) are the contributing module's routes under /api/dashboard.
 */
export const dashboardModule: ModuleManifest = {
  name: 'dashboard',
  capabilities: dashboardCapabilities,
  routes: dashboardRoutes,
};

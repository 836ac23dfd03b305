import type { ModuleManifest } from '../manifest.js';
import { casesPublicRoutes } from './intake/cases.public.routes.js';
import { casesRoutes } from './cases.routes.js';
import { casesBackground } from './cases.background.js';
import { casesExtraRoutes } from './cases.extra.routes.js';
import { caseStats } from './analytics/cases.figures.js';
import { seedCases } from './demo/cases.seed.js';
import { casesDashboard } from './analytics/cases.dashboard.js';
import { caseDashboardRoutes } from './analytics/cases.dashboard-views.routes.js';
import { caseDashboardSheets, caseSheetQuery } from './analytics/cases.dashboard-sheets.js';
import { casesCapabilities } from './cases.capabilities.js';
import { casesErrors } from './cases.errors.js';
import { relocateCases } from './workflow/cases.relocate.js';
import { casesCli } from './cases.cli.js';

/** Cases (案件): intake, workflow, deadlines, timeline. Needs places and grids (demo cases after households). */
export const casesModule: ModuleManifest = {
  name: 'cases',
  capabilities: casesCapabilities,
  errors: casesErrors,
  routes: async (app) => {
    await app.register(casesRoutes);
    await app.register(casesExtraRoutes);
    await app.register(casesPublicRoutes);
    await app.register(caseDashboardRoutes);
  },
  cli: casesCli,
  background: (app) => casesBackground(app),
  seed: { order: 60, run: seedCases },
  dashboard: casesDashboard,
  dashboardSheets: caseDashboardSheets,
  dashboardSheetQuery: caseSheetQuery,
  stats: caseStats,
  scopedTables: [
    { table: 'civic_case', placePath: 'path', gridPath: 'grid_path' },
    // rebuilt by the rollup sweep from the case rows: a moved case marks its days stale (row trigger)
    { table: 'case_rollup', placePath: 'scope_path', follows: 'derived' },
  ],
  gridsAdjusted: relocateCases,
};

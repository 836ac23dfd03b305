import type { ModuleManifest } from '../manifest.js';
import { importsRoutes } from './imports.routes.js';

/** Excel/CSV import of residents: upload, validation with findings, audited commit; the template download. */
export const importsModule: ModuleManifest = {
  name: 'imports',
  routes: importsRoutes,
};

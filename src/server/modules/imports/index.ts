import type { ModuleManifest } from '../manifest.js';
import { importsRoutes } from './imports.routes.js';
import { importsErrors } from './imports.errors.js';
import { importsCli } from './imports.cli.js';

/** Excel/CSV import of residents: upload, validation with findings, audited commit; the template download. */
export const importsModule: ModuleManifest = {
  name: 'imports',
  errors: importsErrors,
  routes: importsRoutes,
  cli: importsCli,
  scopedTables: [{ table: 'import_job', placePath: 'path' }],
};

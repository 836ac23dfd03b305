import type { ModuleManifest } from '../../modules/manifest.js';
import { underPath } from '../../core/sql.js';
import { kitNotesCapabilities } from './kit-notes.capabilities.js';
import { kitNotesCli } from './kit-notes.cli.js';
import { kitNotesErrors } from './kit-notes.errors.js';
import * as migration from './kit-notes.migration.js';
import { kitNotesRoutes } from './kit-notes.routes.js';
import './kit-notes.tables.js';

/**
 * A module that exists to prove the module kit (docs/ARCHITECTURE.md, "Adding a module"): everything a module
 * contributes — a table and its migration, a scoped table, capabilities with their roles, an error code, routes,
 * a home-page figure and a CLI command — comes from this folder; the test that uses it adds it to the module list
 * (`createTestApp({}, { modules: [...modules, kitNotesModule] })`) and touches no shared file.
 */
export const kitNotesModule: ModuleManifest = {
  name: 'kitNotes',
  capabilities: kitNotesCapabilities,
  errors: kitNotesErrors,
  migrations: { '20261208_kit_notes': migration },
  scopedTables: [{ table: 'kit_note', placePath: 'path' }],
  routes: kitNotesRoutes,
  stats: [
    {
      key: 'kitNotes.notes',
      label: { 'zh-CN': '便签', en: 'Notes' },
      capability: 'kitNotes.read',
      compute: async (db, actor) => {
        const row = await db
          .selectFrom('kit_note')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('path', 'like', underPath(actor.placePath))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      },
    },
  ],
  cli: kitNotesCli,
};

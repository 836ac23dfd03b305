import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import { installedModules } from '../modules/registry.js';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_grids.js';
import * as m0003 from './migrations/0003_households.js';
import * as m0004 from './migrations/0004_grid_history.js';
import * as m0005 from './migrations/0005_grid_staff.js';
import * as m0006 from './migrations/0006_import_jobs.js';
import * as m0007 from './migrations/0007_cases.js';
import * as m0008 from './migrations/0008_case_rollup.js';

/**
 * The core's numbered migrations (the tables of the modules that came first). A module adds its own through its
 * manifest (`migrations`), in its own folder; all run in the order of their names.
 */
export const coreMigrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_grids': m0002,
  '0003_households': m0003,
  '0004_grid_history': m0004,
  '0005_grid_staff': m0005,
  '0006_import_jobs': m0006,
  '0007_cases': m0007,
  '0008_case_rollup': m0008,
};

/** Every migration of the core and the installed modules, in the order they run. */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = { ...coreMigrations };
  for (const module of installedModules()) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (all[name]) throw new Error(`Migration ${name} of module ${module.name} is declared twice`);
      all[name] = migration;
    }
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The name of the migration that runs last. */
export const latestMigration = (): string => Object.keys(allMigrations()).at(-1) ?? '';

function migratorFor(database: Database): Migrator {
  return new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(allMigrations()) },
    migrationTableName: 'louyuan_migration',
    migrationLockTableName: 'louyuan_migration_lock',
    // Modules are written in parallel: one dated before another module's migration that already ran is still
    // applied (each module's migrations touch its own tables). Pending ones run in the order of their names.
    allowUnorderedMigrations: true,
  });
}

export async function migrateToLatest(database: Database): Promise<MigrationResultSet> {
  const result = await migratorFor(database).migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}

/** Name of the newest applied migration, or null on an empty database. */
export async function currentMigration(database: Database): Promise<string | null> {
  const all = await migratorFor(database).getMigrations();
  const applied = all.filter((m) => m.executedAt);
  return applied.at(-1)?.name ?? null;
}

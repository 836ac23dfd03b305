import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { PROJECT_ROOT } from '../paths.js';
import { seedDemo } from '../seed.js';
import { DEMO_TEST_SEED, SNAPSHOT_FILE, TEMPLATE_DB, adminUrl } from './shared.js';

/**
 * Build the database every test file starts from, once per run: migrated and seeded with the demo district.
 * PGlite: a dumped data dir that each file loads in memory. PostgreSQL (DATABASE_URL): a template database
 * that each file clones.
 */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    try {
      const stale = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'louyuan_t\\_%' OR datname = $1",
        [TEMPLATE_DB],
      );
      for (const { datname } of stale.rows) {
        await admin.query(`UPDATE pg_database SET datistemplate = false WHERE datname = '${datname}'`);
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
      await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
    } finally {
      await admin.end();
    }
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const database = await openDatabase({ kind: 'postgres', url: templateUrl.toString(), poolSize: 2 });
    await migrateToLatest(database);
    await seedDemo(database, DEMO_TEST_SEED, () => {});
    await database.close();
    return;
  }
  const database = await openDatabase({ kind: 'pglite-memory' });
  await migrateToLatest(database);
  await seedDemo(database, DEMO_TEST_SEED, () => {});
  const blob = await database.pglite!.dumpDataDir('gzip');
  fs.mkdirSync(path.dirname(SNAPSHOT_FILE), { recursive: true });
  fs.writeFileSync(SNAPSHOT_FILE, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  void PROJECT_ROOT;
}

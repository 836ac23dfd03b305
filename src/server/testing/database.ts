import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.js';
import { SNAPSHOT_FILE, TEMPLATE_DB, adminUrl } from './shared.js';

/**
 * A database of this test file's own, already migrated and holding the demo district: a PGlite loaded from the
 * run's snapshot, or — with DATABASE_URL — a fresh PostgreSQL database cloned from the run's template.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const bytes = fs.readFileSync(SNAPSHOT_FILE);
    return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([bytes]) });
  }
  const name = `louyuan_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const fileUrl = new URL(url);
  fileUrl.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: fileUrl.toString(), poolSize: 10 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl(url) });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

export const usingPostgres = (): boolean => !!process.env.DATABASE_URL;

import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { fileDbPrefix, snapshotFile, templateDb } from './shared.js';

/**
 * A database of this test file's own, already migrated and holding the demo district: a PGlite loaded from the
 * run's snapshot, or — with DATABASE_URL — a fresh PostgreSQL database cloned from the run's template.
 */
export async function openTestDatabase(): Promise<Database> {
  const runId = inject('testRunId');
  const url = process.env.DATABASE_URL;
  if (!url) {
    const bytes = fs.readFileSync(snapshotFile(runId));
    return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([bytes]) });
  }
  const name = `${fileDbPrefix(runId)}${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDb(runId)}"`);
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
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

export const usingPostgres = (): boolean => !!process.env.DATABASE_URL;

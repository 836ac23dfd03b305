import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.js';
import { isAlive } from '../db/lock.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../seed.js';
import { DEMO_TEST_SCALE, DEMO_TEST_SEED, newRunId, runStarted, snapshotFile, templateDb } from './shared.js';

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A run older than this is over whatever its pid says (CI's limit is 90 minutes). */
const STALE_SECONDS = 6 * 3600;

/**
 * Drop this run's databases, and those left by runs that are over: whose process is gone from this machine and
 * that started more than STALE_SECONDS ago (a run in another container sharing the server has a pid that looks
 * dead from here). Never a live run's.
 */
async function dropDatabases(url: string, runId: string | null): Promise<void> {
  await withAdmin(url, async (admin) => {
    const rows = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname ~ '^louyuan_(tpl|t)_[0-9]+_[0-9]+'",
    );
    const now = Date.now() / 1000;
    for (const { datname } of rows.rows) {
      const run = /^louyuan_(?:tpl|t)_(\d+_\d+)/.exec(datname)?.[1] ?? '';
      const mine = run === runId;
      const over = !isAlive(Number(run.split('_')[0])) && now - (runStarted(run) ?? now) > STALE_SECONDS;
      if (mine || over) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

/**
 * Build the database every test file starts from, once per run: migrated and seeded with the demo district.
 * PGlite: a dumped data dir that each file loads in memory. PostgreSQL (DATABASE_URL): a template database
 * that each file clones.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = newRunId();
  project.provide('testRunId', runId);
  const url = process.env.DATABASE_URL;
  if (url) {
    await dropDatabases(url, null);
    await withAdmin(url, (admin) => admin.query(`CREATE DATABASE "${templateDb(runId)}"`));
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${templateDb(runId)}`;
    const database = await openDatabase({ kind: 'postgres', url: templateUrl.toString(), poolSize: 2 });
    await migrateToLatest(database);
    await seedDemo(database, DEMO_TEST_SEED, () => {}, DEMO_TEST_SCALE);
    await database.close();
    return () => dropDatabases(url, runId);
  }
  const database = await openDatabase({ kind: 'pglite-memory' });
  await migrateToLatest(database);
  await seedDemo(database, DEMO_TEST_SEED, () => {}, DEMO_TEST_SCALE);
  const blob = await database.pglite!.dumpDataDir('gzip');
  const file = snapshotFile(runId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  return async () => fs.rmSync(file, { force: true });
}

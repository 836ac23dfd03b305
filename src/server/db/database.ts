import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDirectory, type DirLock } from './lock.js';
import { SESSION_SETTINGS, typeParsers } from './parsers.js';
import type { DB } from './types.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Where the data lives, for people: a directory or a URL without its password. */
  location: string;
  /** The embedded engine, when there is one (snapshots for tests, dumps). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  /** In memory, optionally from a dumped data dir (the test snapshot). */
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

export function targetFromConfig(config: {
  databaseUrl: string | undefined;
  dataDir: string;
}): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

const settingsSql = Object.entries(SESSION_SETTINGS)
  .map(([k, v]) => `SET ${k} = '${v}';`)
  .join(' ');

async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  const pglite = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: typeParsers,
  });
  await pglite.waitReady;
  await pglite.exec(settingsSql);
  return pglite;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const options = Object.entries(SESSION_SETTINGS)
      .map(([k, v]) => `-c ${k}=${v.replace(/ /g, '\\ ')}`)
      .join(' ');
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      options,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server ends (a restart, an administrator, a dropped network) is an 'error' event on
    // the pool; without a listener Node ends the process. The pool discards that connection and opens another.
    pool.on('error', (error) =>
      console.error(`database: an idle connection was closed (${error.message}); the pool will open another`),
    );
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', location: redactUrl(target.url), close: () => db.destroy() };
  }

  if (target.kind === 'pglite-memory') {
    const pglite = await openPglite({ loadDataDir: target.loadDataDir });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    return { db, kind: 'pglite', location: 'memory', pglite, close: () => db.destroy() };
  }

  const lock: DirLock = lockDirectory(target.dataDir);
  try {
    const pgdata = path.join(target.dataDir, 'pgdata');
    fs.mkdirSync(pgdata, { recursive: true });
    const pglite = await openPglite({ dataDir: pgdata });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      kind: 'pglite',
      location: target.dataDir,
      pglite,
      close: async () => {
        try {
          await db.destroy();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

export { sql };

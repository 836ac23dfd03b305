import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { currentMigration } from './migrate.js';
import type { DB } from './types.js';

/**
 * A logical backup that both backends read and write: gzip'd lines of JSON. The first line is a header; then,
 * per table, a line `{"table": name}` followed by one line per row as PostgreSQL's own `row_to_json` text, so
 * values never pass through JavaScript numbers (numeric, int8 and timestamps keep every digit). Restore loads
 * the rows back with `json_populate_recordset` in one transaction with foreign keys deferred.
 */
export const BACKUP_FORMAT = 'louyuan-backup';
const BATCH = 2000;
/** Kysely's own bookkeeping stays with the schema, not the data. */
const SKIP_TABLES = new Set(['louyuan_migration', 'louyuan_migration_lock']);

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  migration: string | null;
  createdAt: string;
  source: string;
  tables: string[];
}

const ident = (name: string) => sql.id(name);

async function tableNames(db: Kysely<DB>): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY c.relname`.execute(db);
  return rows.rows.map((r) => r.name).filter((n) => !SKIP_TABLES.has(n));
}

async function singleColumnKey(db: Kysely<DB>, table: string): Promise<string | null> {
  const rows = await sql<{ column: string }>`SELECT a.attname AS column FROM pg_index i
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indrelid = ${table}::regclass AND i.indisprimary`.execute(db);
  return rows.rows.length === 1 ? (rows.rows[0]?.column ?? null) : null;
}

export async function backupDatabase(
  database: Database,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const { db } = database;
  const tables = await tableNames(db);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    migration: await currentMigration(database),
    createdAt: new Date().toISOString(),
    source: database.kind,
    tables,
  };
  let rowCount = 0;
  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify(header)}\n`;
    // One snapshot for the whole dump, so rows written meanwhile cannot make it inconsistent.
    const trx = await db
      .startTransaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute();
    try {
      for (const table of tables) {
        yield `${JSON.stringify({ table })}\n`;
        const key = await singleColumnKey(trx, table);
        let last: string | null = null;
        let offset = 0;
        for (;;) {
          const rows: { json: string; k: string | null }[] = key
            ? (
                await sql<{
                  json: string;
                  k: string;
                }>`SELECT row_to_json(t)::text AS json, ${ident(key)}::text AS k
                  FROM ${ident(table)} t
                  ${last === null ? sql`` : sql`WHERE ${ident(key)} > ${last}`}
                  ORDER BY ${ident(key)} LIMIT ${BATCH}`.execute(trx)
              ).rows
            : (
                await sql<{ json: string }>`SELECT row_to_json(t)::text AS json FROM ${ident(table)} t
                  ORDER BY 1 LIMIT ${BATCH} OFFSET ${offset}`.execute(trx)
              ).rows.map((r) => ({ json: r.json, k: null }));
          if (rows.length === 0) break;
          for (const row of rows) yield `${row.json}\n`;
          rowCount += rows.length;
          offset += rows.length;
          last = rows.at(-1)?.k ?? null;
          if (rows.length < BATCH) break;
        }
      }
    } finally {
      await trx.commit().execute();
    }
  }
  const tmp = `${file}.partial`;
  await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(tmp));
  fs.renameSync(tmp, file);
  return { tables: tables.length, rows: rowCount };
}

export class BackupError extends Error {}

function isHeader(value: unknown): value is BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    h.format === BACKUP_FORMAT &&
    Array.isArray(h.tables) &&
    h.tables.every((t) => typeof t === 'string') &&
    (h.migration === null || typeof h.migration === 'string')
  );
}

/** Replace every table's rows with the file's. The schema must be at the same migration as the backup's. */
export async function restoreDatabase(
  database: Database,
  file: string,
): Promise<{ tables: number; rows: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const source = fs.createReadStream(file);
  const input = readline.createInterface({ input: source.pipe(zlib.createGunzip()), crlfDelay: Infinity });
  try {
    return await restoreFrom(database, input[Symbol.asyncIterator]());
  } finally {
    input.close();
    source.destroy();
  }
}

async function restoreFrom(
  database: Database,
  lines: AsyncIterator<string>,
): Promise<{ tables: number; rows: number }> {
  const first = await lines.next().catch((error: unknown) => {
    throw new BackupError(`Not a Louyuan backup (${(error as Error).message})`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(first.value));
  } catch {
    throw new BackupError('Not a Louyuan backup: the first line is not a header');
  }
  if (!isHeader(parsed)) throw new BackupError('Not a Louyuan backup');
  if (parsed.formatVersion !== 1)
    throw new BackupError(`Unsupported backup format version ${String(parsed.formatVersion)}`);
  const header = parsed;
  // A file cut short or corrupted after its header is a damaged backup, not an internal error.
  const iterator = {
    next: () =>
      lines.next().catch((error: unknown) => {
        throw new BackupError(
          `The backup file is damaged or incomplete (${(error as Error).message}). Nothing was changed.`,
        );
      }),
  };
  const migration = await currentMigration(database);
  if (header.migration !== migration) {
    throw new BackupError(
      `The backup is at migration ${header.migration ?? 'none'}, this database at ${migration ?? 'none'}. ` +
        'Restore into a database at the same migration (run the same Louyuan version), then migrate.',
    );
  }
  const { db } = database;
  const existing = new Set(await tableNames(db));
  const missing = header.tables.filter((t) => !existing.has(t));
  if (missing.length > 0) throw new BackupError(`Tables in the backup but not here: ${missing.join(', ')}`);
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
    // triggers that derive rows from others (the case rollups' stale days) stand aside: those rows are restored too
    await sql`SELECT set_config('louyuan.restoring', 'on', true)`.execute(trx);
    await sql`TRUNCATE ${sql.join(header.tables.map(ident))} RESTART IDENTITY CASCADE`.execute(trx);
    let table: string | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      if (!table) throw new BackupError('The backup file is damaged: rows before any table');
      await sql`INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, ${`[${batch.join(',')}]`}::json)`.execute(
        trx,
      );
      rows += batch.length;
      batch = [];
    };
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const line = String(next.value);
      if (!line) continue;
      if (line.startsWith('{"table":')) {
        await flush();
        table = (JSON.parse(line) as { table: string }).table;
        if (!header.tables.includes(table)) throw new BackupError(`Unexpected table ${table}`);
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    // Identity columns continue after the restored ids.
    const identities = await sql<{
      table: string;
      column: string;
    }>`SELECT c.relname AS table, a.attname AS column
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND a.attidentity IN ('a', 'd')`.execute(trx);
    for (const { table: t, column } of identities.rows) {
      if (!header.tables.includes(t)) continue;
      await sql`SELECT setval(pg_get_serial_sequence(${t}, ${column}),
          COALESCE((SELECT max(${ident(column)}) FROM ${ident(t)}), 0) + 1, false)`.execute(trx);
    }
  });
  return { tables: header.tables.length, rows };
}

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/database.js';
import { openDatabase, type Database } from './database.js';
import '../modules/index.js';
import { allMigrations, currentMigration, latestMigration, migrateToLatest } from './migrate.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Everything about the schema that a migration could change, as comparable text. */
async function schemaFingerprint(d: Database): Promise<string[]> {
  const columns = await sql<{ line: string }>`SELECT format('column %s.%s %s null=%s default=%s identity=%s',
        table_name, column_name, data_type, is_nullable, coalesce(column_default, '-'), is_identity) AS line
      FROM information_schema.columns WHERE table_schema = current_schema()`.execute(d.db);
  const constraints = await sql<{
    line: string;
  }>`SELECT format('constraint %s %s %s deferrable=%s', conrelid::regclass, conname,
        contype, condeferrable) AS line
      FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
        AND contype <> 'n' -- PostgreSQL 18 (PGlite) lists NOT NULL here too; the columns above already say it`.execute(
    d.db,
  );
  const indexes = await sql<{ line: string }>`SELECT format('index %s %s', tablename, indexname) AS line
      FROM pg_indexes WHERE schemaname = current_schema()`.execute(d.db);
  const triggers = await sql<{
    line: string;
  }>`SELECT format('trigger %s %s enabled=%s', tgrelid::regclass, tgname, tgenabled) AS line
      FROM pg_trigger WHERE NOT tgisinternal`.execute(d.db);
  return [...columns.rows, ...constraints.rows, ...indexes.rows, ...triggers.rows].map((r) => r.line).sort();
}

describe('migrations', () => {
  it('makes every foreign key DEFERRABLE (a restore loads tables in any order)', async () => {
    const fks = await sql<{
      table: string;
      name: string;
      deferrable: boolean;
      deferred: boolean;
    }>`SELECT conrelid::regclass::text AS table,
        conname AS name, condeferrable AS deferrable, condeferred AS deferred
      FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1, 2`.execute(
      database.db,
    );
    expect(fks.rows.map((r) => r.table)).toEqual(
      expect.arrayContaining(['place', 'app_user', 'user_session', 'api_token']),
    );
    expect(fks.rows.length).toBeGreaterThanOrEqual(4);
    for (const fk of fks.rows) {
      expect(fk.deferrable, `${fk.table}.${fk.name}`).toBe(true);
      // immediate by default: ordinary writes are still checked statement by statement
      expect(fk.deferred, `${fk.table}.${fk.name}`).toBe(false);
    }
  });

  it('lets a transaction with deferred constraints insert a child before its parent, and still checks at commit', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
      await sql`INSERT INTO place (id, parent_id, kind, code, name, path, depth)
          VALUES (900001, 900000, 'compound', '410103001001901', '先子', '/x/900000/900001/', 5)`.execute(
        trx,
      );
      await sql`INSERT INTO place (id, parent_id, kind, code, name, path, depth)
          SELECT 900000, id, 'community', '410103001901', '后父', '/x/900000/', 4 FROM place WHERE code = '410103001'`.execute(
        trx,
      );
    });
    await sql`DELETE FROM place WHERE id IN (900001, 900000)`.execute(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
        await sql`INSERT INTO place (id, parent_id, kind, code, name, path, depth)
            VALUES (900002, 999999999, 'compound', '410103001001902', '孤儿', '/y/', 5)`.execute(trx);
      }),
    ).rejects.toThrow(/foreign key/);
    const orphan = await database.db
      .selectFrom('place')
      .select('id')
      .where('id', '=', 900002)
      .executeTakeFirst();
    expect(orphan).toBeUndefined();
  });

  it('is a no-op on an already migrated database', async () => {
    expect(await currentMigration(database)).toBe(latestMigration());
    const schema = await schemaFingerprint(database);
    const places = await database.db
      .selectFrom('place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const result = await migrateToLatest(database);
    expect(result.error).toBeUndefined();
    expect(result.results).toEqual([]);
    expect(await migrateToLatest(database)).toEqual({ results: [] });
    expect(await schemaFingerprint(database)).toEqual(schema);
    expect(await currentMigration(database)).toBe(latestMigration());
    const after = await database.db
      .selectFrom('place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(places.n);
  });

  it('builds the same schema on an empty embedded database as on this one', async () => {
    const fresh = await openDatabase({ kind: 'pglite-memory' });
    try {
      expect(await currentMigration(fresh)).toBeNull();
      const result = await migrateToLatest(fresh);
      expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual(
        Object.keys(allMigrations()).map((name) => [name, 'Success']),
      );
      expect(result.results?.at(-1)?.migrationName).toBe(latestMigration());
      expect(await schemaFingerprint(fresh)).toEqual(await schemaFingerprint(database));
    } finally {
      await fresh.close();
    }
  });
});

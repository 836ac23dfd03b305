import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';

/**
 * Counts the rows written to every table of a test's own database: a trigger on each table adds one per row
 * inserted, updated or deleted to `test_write_count`, inside the writer's transaction (a rolled-back write counts
 * nothing). Cheap enough to read before and after every request, where a fingerprint of the tables is not.
 */
export interface WriteCounter {
  /** Rows written per table so far. */
  counts(): Promise<Map<string, number>>;
}

/** Tables never counted: the trail's chain head is rewritten by the sealer after every command. */
const UNCOUNTED = new Set(['test_write_count', 'audit_seal_head']);

export async function countWrites(db: Kysely<DB>): Promise<WriteCounter> {
  await sql`CREATE TABLE test_write_count (tbl text PRIMARY KEY, n bigint NOT NULL DEFAULT 0)`.execute(db);
  await sql`CREATE FUNCTION test_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO test_write_count (tbl, n) VALUES (TG_TABLE_NAME, 1)
        ON CONFLICT (tbl) DO UPDATE SET n = test_write_count.n + 1;
      RETURN NULL;
    END $$`.execute(db);
  const { rows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely%'`.execute(
    db,
  );
  for (const { name } of rows) {
    if (UNCOUNTED.has(name)) continue;
    await sql`CREATE TRIGGER test_count_write AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(name)}
      FOR EACH ROW EXECUTE FUNCTION test_count_write()`.execute(db);
  }
  return {
    counts: async () => {
      const { rows: counted } = await sql<{
        tbl: string;
        n: string | number;
      }>`SELECT tbl, n FROM test_write_count`.execute(db);
      return new Map(counted.map((r) => [r.tbl, Number(r.n)]));
    },
  };
}

/** The tables written between two counts, with how many rows. */
export function writtenBetween(
  before: Map<string, number>,
  after: Map<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [table, n] of after) {
    const d = n - (before.get(table) ?? 0);
    if (d > 0) out[table] = d;
  }
  return out;
}

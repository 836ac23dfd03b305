import { sql, type Kysely } from 'kysely';
import seedrandom from 'seedrandom';
import type { DB } from './db/types.js';
import type { Database } from './db/database.js';
import { modules } from './modules/index.js';

/** Is this a fresh database with no demo (or real) data yet? */
export async function isEmpty(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('place').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * The demo generator is an orchestrator: each module's manifest brings its own seeder; they run in order, in
 * one transaction, each with a random stream of its own derived from the seed number.
 */
export async function seedDemo(
  database: Database,
  seed: number,
  log: (message: string) => void,
  scale = 1,
  /** The demo's now (default: this minute); the same seed, scale and asOf give the same demo. */
  asOf: Date = new Date(Math.floor(Date.now() / 60_000) * 60_000),
): Promise<void> {
  if (!(await isEmpty(database)))
    throw new Error('The database already holds data; demo data goes only into an empty one.');
  const seeders = modules.filter((m) => m.seed).sort((a, b) => (a.seed?.order ?? 0) - (b.seed?.order ?? 0));
  await database.db.transaction().execute(async (trx) => {
    for (const module of seeders) {
      const started = Date.now();
      await module.seed?.run({
        db: trx,
        seed,
        scale,
        random: seedrandom(`${seed}:${module.name}`),
        asOf,
        log: (message) => log(`${message} (${Date.now() - started} ms)`),
      });
    }
    await sql`INSERT INTO louyuan_meta (key, value) VALUES (${DEMO_AS_OF_KEY}, ${asOf.toISOString()})
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`.execute(trx);
  });
}

export const DEMO_AS_OF_KEY = 'demo.asOf';

/** When the demo in this database was seeded "as of" (null: no demo). */
export async function demoAsOf(db: Kysely<DB>): Promise<Date | null> {
  const row = await db
    .selectFrom('louyuan_meta')
    .select('value')
    .where('key', '=', DEMO_AS_OF_KEY)
    .executeTakeFirst();
  return row ? new Date(row.value) : null;
}

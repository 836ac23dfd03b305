import seedrandom from 'seedrandom';
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
        log: (message) => log(`${message} (${Date.now() - started} ms)`),
      });
    }
  });
}

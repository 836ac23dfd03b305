/**
 * Importing residents (`louyuan import residents` / the console's 导入): an .xlsx of N valid rows (full 100,000,
 * quick 10,000; see resident-rows.ts) read, checked and written by the import job — the same startImport,
 * validation and commitImport the CLI and the console use, all or nothing, audited — into a fresh in-memory
 * PGlite holding the demo at scale 0.01. The baseline, measured in the same run into another fresh copy: the raw
 * INSERT ceiling — the very household and resident rows the import wrote, inserted again with
 * `json_populate_recordset` in one transaction (no parsing, checking, encryption, pinyin or audit). Each run
 * verifies that N residents arrived both ways, or the bench fails.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Figure } from './figure.js';
import { median } from './startup.js';
import { writeResidentFile } from './resident-rows.js';

const DEMO_SEED = 410103;
const CHUNK = 5_000;
const log = (message: string): void => console.error(`[bench residents] ${message}`);

export async function measureResidents(options: { quick: boolean }): Promise<Figure[]> {
  const [{ openDatabase }, { migrateToLatest }, { seedDemo }, { loadConfig }, imports, cli, { sql }] =
    await Promise.all([
      import('../src/server/db/database.js'),
      import('../src/server/db/migrate.js'),
      import('../src/server/seed.js'),
      import('../src/server/config.js'),
      import('../src/server/modules/imports/imports.service.js'),
      import('../src/server/modules/imports/imports.cli.js'),
      import('kysely'),
    ]);
  type Db = Awaited<ReturnType<typeof openDatabase>>;
  const rows = options.quick ? 10_000 : 100_000;
  const runs = 3;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-bench-residents-'));
  try {
    log('migrate + demo seed at scale 0.01…');
    const seeded = await openDatabase({ kind: 'pglite-memory' });
    await migrateToLatest(seeded);
    await seedDemo(seeded, DEMO_SEED, () => {}, 0.01);
    const buildings = await seeded.db
      .selectFrom('place')
      .select('code')
      .where('kind', '=', 'building')
      .orderBy('code')
      .execute();
    const snapshot = await seeded.pglite!.dumpDataDir('gzip');
    await seeded.close();
    const fresh = () => openDatabase({ kind: 'pglite-memory', loadDataDir: snapshot });
    const file = path.join(dir, `residents-${rows}.xlsx`);
    await writeResidentFile(file, rows, buildings);
    const bytes = fs.readFileSync(file);
    log(`${rows} rows over ${buildings.length} buildings, ${(bytes.length / 1048576).toFixed(1)} MiB`);
    const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }) };

    const count = async (database: Db, table: 'household' | 'resident') =>
      Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db))
          .rows[0]?.n,
      );
    const maxId = async (database: Db, table: 'household' | 'resident') =>
      Number(
        (
          await sql<{ n: number }>`SELECT coalesce(max(id), 0)::int AS n FROM ${sql.table(table)}`.execute(
            database.db,
          )
        ).rows[0]?.n,
      );

    const imported: number[] = [];
    const checked: number[] = [];
    const raw: number[] = [];
    for (let run = 1; run <= runs; run++) {
      // The import, through the job the CLI and the console use.
      const database = await fresh();
      const before = {
        household: await maxId(database, 'household'),
        resident: await maxId(database, 'resident'),
      };
      const residentsBefore = await count(database, 'resident');
      const { ctx, sealer } = await cli.importContext(config, database, undefined, 'zh-CN');
      const started = performance.now();
      const job = await imports.startImport(ctx, { fileName: path.basename(file), bytes });
      await imports.waitForValidation(ctx, job.id);
      const checkedAt = performance.now();
      const view = await imports.commitImport(ctx, job.id, 'all_or_nothing');
      const importMs = performance.now() - started;
      await sealer.stop();
      if (
        view.result?.residentsInserted !== rows ||
        (await count(database, 'resident')) !== residentsBefore + rows
      ) {
        throw new Error(`the import wrote ${view.result?.residentsInserted ?? 0} residents, not ${rows}`);
      }
      // The rows it wrote, to insert again raw.
      const dump = async (table: 'household' | 'resident', after: number) => {
        const chunks: string[] = [];
        for (let from = after; ; from += CHUNK) {
          const { rows: part } = await sql<{ j: string | null }>`
            SELECT json_agg(t ORDER BY t.id)::text AS j FROM ${sql.table(table)} t
             WHERE t.id > ${from} AND t.id <= ${from + CHUNK}`.execute(database.db);
          if (!part[0]?.j) break;
          chunks.push(part[0].j);
        }
        return chunks;
      };
      const households = await dump('household', before.household);
      const residents = await dump('resident', before.resident);
      await database.close();

      const target = await fresh();
      const rawStarted = performance.now();
      await target.db.transaction().execute(async (trx) => {
        for (const j of households) {
          await sql`INSERT INTO household OVERRIDING SYSTEM VALUE
            SELECT * FROM json_populate_recordset(NULL::household, ${j}::json)`.execute(trx);
        }
        for (const j of residents) {
          await sql`INSERT INTO resident OVERRIDING SYSTEM VALUE
            SELECT * FROM json_populate_recordset(NULL::resident, ${j}::json)`.execute(trx);
        }
      });
      const rawMs = performance.now() - rawStarted;
      if ((await count(target, 'resident')) !== residentsBefore + rows)
        throw new Error('the raw insert lost rows');
      await target.close();

      imported.push((rows / importMs) * 1000);
      checked.push(checkedAt - started);
      raw.push((rows / rawMs) * 1000);
      log(
        `run ${run}: import ${(importMs / 1000).toFixed(1)} s (read + check ${((checkedAt - started) / 1000).toFixed(1)} s, ` +
          `${view.result.householdsCreated} new households), raw insert ${(rawMs / 1000).toFixed(1)} s`,
      );
    }
    const importRate = median(imported);
    const rawRate = median(raw);
    return [
      {
        name: `import ${rows.toLocaleString('en')} residents (.xlsx: read, check, write), PGlite`,
        value: Math.round(importRate),
        unit: 'rows/s',
        baseline: 'raw INSERT of the same rows, one transaction',
        baselineValue: Math.round(rawRate),
        ratio: Math.round((importRate / rawRate) * 100) / 100,
        runs,
      },
      {
        name: `import ${rows.toLocaleString('en')} residents: whole import`,
        value: Math.round((rows / importRate) * 10) / 10,
        unit: 's',
        baseline: null,
        baselineValue: null,
        ratio: null,
        runs,
      },
      {
        name: `import ${rows.toLocaleString('en')} residents: read + check`,
        value: Math.round(median(checked) / 100) / 10,
        unit: 's',
        baseline: null,
        baselineValue: null,
        ratio: null,
        runs,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

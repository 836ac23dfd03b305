/**
 * `npm run prove` — the proof harness: crash, load, fuzz and the scope matrix on PGlite and PostgreSQL.
 *
 *   npm run prove -- [crash] [load] [fuzz] [scope] [--quick] [--db pglite|pg|both] [--pg URL]
 *
 * No suite named: all four. Default both databases; PostgreSQL at postgres://postgres@127.0.0.1:5432/postgres
 * (a scratch database per run, dropped afterwards). Prints a PASS/FAIL table with the figures and exits 1 when
 * anything failed. Logs of the servers and test runs go to .tmp/prove/. Never part of npm test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { proveCrash } from './crash.js';
import { proveLoad } from './load.js';
import { table, type Figures, type Row } from './report.js';
import { createScratch, DB_LABEL, ROOT, type DbKind } from './server.js';
import { proveByTest } from './tests.js';

const SUITES = ['crash', 'load', 'fuzz', 'scope'] as const;
type Suite = (typeof SUITES)[number];

function parse(argv: string[]) {
  const suites: Suite[] = [];
  let quick = false;
  let db = 'both';
  let pgUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if ((SUITES as readonly string[]).includes(arg)) suites.push(arg as Suite);
    else if (arg === '--quick') quick = true;
    else if (arg === '--db') db = argv[++i] ?? '';
    else if (arg === '--pg') pgUrl = argv[++i] ?? '';
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!['pglite', 'pg', 'both'].includes(db)) throw new Error(`--db pglite|pg|both, not ${db}`);
  const dbs: DbKind[] = db === 'both' ? ['pglite', 'pg'] : [db as DbKind];
  return { suites: suites.length ? suites : [...SUITES], quick, dbs, pgUrl };
}

const log = (message: string): void => console.error(`[prove] ${message}`);

async function main(): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(
      `${(error as Error).message}\nnpm run prove -- [crash] [load] [fuzz] [scope] [--quick] [--db pglite|pg|both] [--pg URL]`,
    );
    return 2;
  }
  const logDir = path.join(ROOT, '.tmp', 'prove');
  fs.mkdirSync(logDir, { recursive: true });
  const started = new Date();
  const rows: Row[] = [];
  for (const suite of options.suites) {
    for (const kind of options.dbs) {
      const t0 = performance.now();
      let result: Figures;
      try {
        if (suite === 'fuzz' || suite === 'scope') {
          result = await proveByTest(suite, kind, { ...options, logDir, log });
        } else {
          const scratch = await createScratch(kind, {
            pgUrl: options.pgUrl,
            scale: 0.01,
            env: { LOUYUAN_LOGIN_RATE: '100000' },
          });
          try {
            const run = suite === 'crash' ? proveCrash : proveLoad;
            result = await run(scratch, { quick: options.quick, logDir, log });
          } finally {
            await scratch.drop();
          }
        }
      } catch (error) {
        result = { ok: false, problems: [String((error as Error).stack ?? error)], figures: {} };
      }
      const row = { suite, db: DB_LABEL[kind], result, seconds: (performance.now() - t0) / 1000 };
      rows.push(row);
      log(`${row.result.ok ? 'PASS' : 'FAIL'} ${suite} on ${row.db} (${row.seconds.toFixed(0)} s)`);
    }
  }
  const [load1] = os.loadavg();
  console.log(
    `\nnpm run prove -- ${process.argv.slice(2).join(' ')}\n` +
      `${started.toISOString()} · ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}) · ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · load average at the end ${load1?.toFixed(1)}\n`,
  );
  console.log(table(rows));
  const failed = rows.filter((r) => !r.result.ok).length;
  console.log(`\n${rows.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

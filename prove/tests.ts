/**
 * Fuzz and the scope matrix are database tests (src/server/http/fuzz.db.test.ts, scope-matrix.db.test.ts), so
 * `npm test` and CI run their quick forms on both databases. Here they run through vitest with their figures
 * written to a report file (PROVE_REPORT); the full fuzz sets more requests per route and a fresh seed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Figures } from './report.js';
import { ROOT, tail, type DbKind } from './server.js';

const FILES = {
  fuzz: 'src/server/http/fuzz.db.test.ts',
  scope: 'src/server/http/scope-matrix.db.test.ts',
};

export async function proveByTest(
  suite: 'fuzz' | 'scope',
  kind: DbKind,
  options: { quick: boolean; pgUrl: string; logDir: string; log: (m: string) => void },
): Promise<Figures> {
  const report = path.join(options.logDir, `${suite}-${kind}.jsonl`);
  const logFile = path.join(options.logDir, `${suite}-${kind}.log`);
  fs.rmSync(report, { force: true });
  // a full run draws a fresh seed unless PROVE_FUZZ_SEED repeats one
  const seed = process.env.PROVE_FUZZ_SEED
    ? Number(process.env.PROVE_FUZZ_SEED)
    : options.quick
      ? 410103
      : Math.floor(Math.random() * 2 ** 31);
  const env: Record<string, string> = {
    PROVE_REPORT: report,
    ...(suite === 'fuzz'
      ? { PROVE_FUZZ_RUNS: options.quick ? '12' : '150', PROVE_FUZZ_SEED: String(seed) }
      : {}),
  };
  if (kind === 'pg') env.DATABASE_URL = options.pgUrl;
  options.log(`${suite} on ${kind}: vitest ${FILES[suite]}${suite === 'fuzz' ? ` (seed ${seed})` : ''}…`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const log = fs.openSync(logFile, 'w');
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'db', FILES[suite]],
      {
        cwd: ROOT,
        // a PostgreSQL run must not inherit a DATABASE_URL meant for the other database
        env: { ...process.env, DATABASE_URL: '', ...env, FORCE_COLOR: '0' },
        stdio: ['ignore', log, log],
      },
    );
    fs.closeSync(log);
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const lines = fs.existsSync(report)
    ? fs
        .readFileSync(report, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
  const figures: Record<string, string | number> = {};
  for (const line of lines) {
    for (const [key, value] of Object.entries(line)) {
      if (key === 'suite' || key === 'rows' || key === 'skipped') continue;
      figures[key] = typeof value === 'object' ? JSON.stringify(value) : (value as string | number);
    }
  }
  const problems =
    code === 0 ? [] : [`vitest exited ${code} (log: ${logFile})`, ...tail(logFile, 40).split('\n')];
  return { ok: code === 0 && lines.length > 0, problems, figures };
}

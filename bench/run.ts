/**
 * `npm run bench` — figures with the commands that produce them. Never part of `npm test`.
 *   npm run bench [-- --quick] [-- --json FILE] [-- --only startup|locate|coverage|intake|dashboard|residents]
 *   [-- --pg URL]
 *   [-- --cases N]  (dashboard: cases generated on PostgreSQL, e.g. 5000000)
 * Output: a table, and with --json a list of { name, value, unit, baseline, baselineValue, ratio, runs }.
 */
import fs from 'node:fs';
import type { Figure } from './figure.js';
import { measureCoverage } from './coverage.js';
import { measureDashboard } from './dashboard.js';
import { measureIntake } from './intake.js';
import { measureLocate } from './locate.js';
import { measureResidents } from './residents.js';
import { median, measureStartup } from './startup.js';

const SUITES = ['startup', 'locate', 'coverage', 'intake', 'dashboard', 'residents'] as const;
type Suite = (typeof SUITES)[number];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
if (only !== undefined && !SUITES.includes(only as Suite)) {
  console.error(`--only takes one of: ${SUITES.join(', ')}`);
  process.exit(2);
}
const runsSuite = (suite: Suite): boolean => only === undefined || only === suite;
const runs = quick ? 3 : 7;

const figures: Figure[] = [];

async function startupFigures(): Promise<Figure[]> {
  const startup = await measureStartup(runs);
  const bareNode = await (async () => {
    // Baseline: the same Node.js process start with nothing loaded, to show what start-up costs on top of it.
    const { spawnSync } = await import('node:child_process');
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      samples.push(performance.now() - t);
    }
    return median(samples);
  })();
  const coldMedian = median(startup.cold.map((s) => s.ms));
  return [
    {
      name: 'first run to ready (fresh data dir: migrate + demo seed)',
      value: startup.firstRun.ms,
      unit: 'ms',
      baseline: null,
      baselineValue: null,
      ratio: null,
      runs: 1,
    },
    {
      name: 'cold start to ready (existing PGlite data)',
      value: coldMedian,
      unit: 'ms',
      baseline: 'bare `node -e 0` process',
      baselineValue: Math.round(bareNode),
      ratio: Math.round((coldMedian / bareNode) * 10) / 10,
      runs,
    },
    {
      name: 'resident memory after start',
      value: median(startup.cold.map((s) => s.rssMiB)),
      unit: 'MiB',
      baseline: null,
      baselineValue: null,
      ratio: null,
      runs,
    },
  ];
}

if (runsSuite('startup')) figures.push(...(await startupFigures()));
if (runsSuite('locate')) figures.push(...(await measureLocate({ quick })));
if (runsSuite('coverage')) figures.push(...(await measureCoverage({ quick })));
if (runsSuite('intake')) figures.push(...(await measureIntake({ quick })));
if (runsSuite('dashboard')) figures.push(...(await measureDashboard({ quick })));
if (runsSuite('residents')) figures.push(...(await measureResidents({ quick })));

for (const f of figures) {
  const ratio = f.ratio === null ? '' : `, ratio ${f.ratio}×`;
  const base = f.baseline ? `  (baseline ${f.baseline}: ${f.baselineValue} ${f.unit}${ratio})` : '';
  console.log(`${f.name.padEnd(58)} ${String(f.value).padStart(8)} ${f.unit}  median of ${f.runs}${base}`);
}
if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(figures, null, 2));

/**
 * Coverage check of all grids (`louyuan grids check`): `checkCoverage` (flatbush pairing, rectangle shortcuts,
 * area sums before clipping) over every live grid of the demo district, against a brute-force check of the same
 * base tree measured interleaved in the same run — every pair of siblings intersected and every parent's
 * uncovered area clipped with polygon-clipping, no index, no shortcut. Both must find the same number of gaps and
 * overlaps, or the bench fails. In-memory PGlite, demo seed at scale 0.01 (grids are full at every scale).
 */
import type { Figure } from './figure.js';
import { median } from './startup.js';

const DEMO_SEED = 410103;
const MIN_AREA_M2 = 1;
const log = (message: string): void => console.error(`[bench coverage] ${message}`);

export async function measureCoverage(options: { quick: boolean }): Promise<Figure[]> {
  const [{ openDatabase }, { migrateToLatest }, { seedDemo }, coverage, geometry, check] = await Promise.all([
    import('../src/server/db/database.js'),
    import('../src/server/db/migrate.js'),
    import('../src/server/seed.js'),
    import('../src/server/modules/grids/grids.coverage.js'),
    import('../src/server/modules/grids/grids.geometry.js'),
    import('../src/server/modules/grids/grids.check.js'),
  ]);
  const database = await openDatabase({ kind: 'pglite-memory' });
  try {
    log('migrate + demo seed at scale 0.01…');
    await migrateToLatest(database);
    await seedDemo(database, DEMO_SEED, () => {}, 0.01);
    const grids = await check.loadCoverageGrids(database.db);
    type Grid = (typeof grids)[number];
    const base = grids.filter((g) => g.kind === 'base');
    const district = geometry.union(...base.filter((g) => g.level === 1).map((g) => g.polygon))!;

    const indexed = () => {
      const report = coverage.checkCoverage(grids, district, { householdRange: {}, minAreaM2: MIN_AREA_M2 });
      return {
        gaps: report.findings.filter((f) => f.type === 'gap').length,
        overlaps: report.findings.filter((f) => f.type === 'overlap').length,
      };
    };
    /** Every sibling pair intersected, every parent's rest clipped: no index, no rectangle or area shortcut. */
    const bruteForce = () => {
      const byParent = new Map<string | null, Grid[]>();
      for (const g of base) byParent.set(g.parentCode, [...(byParent.get(g.parentCode) ?? []), g]);
      let gaps = 0;
      let overlaps = 0;
      for (const [parentCode, children] of byParent) {
        for (let i = 0; i < children.length; i++) {
          for (let j = i + 1; j < children.length; j++) {
            const shared = geometry.intersection(children[i]!.polygon, children[j]!.polygon);
            if (shared && geometry.areaM2(shared) >= MIN_AREA_M2) overlaps++;
          }
        }
        const parent = parentCode === null ? district : base.find((g) => g.code === parentCode)?.polygon;
        if (!parent) continue;
        const rest = geometry.difference(parent, ...children.map((c) => c.polygon));
        if (rest && geometry.areaM2(rest) >= MIN_AREA_M2) gaps++;
      }
      return { gaps, overlaps };
    };

    const a = indexed();
    const b = bruteForce();
    log(`checkCoverage: ${JSON.stringify(a)}, brute force: ${JSON.stringify(b)}`);
    if (a.overlaps !== b.overlaps || a.gaps > 0 !== b.gaps > 0) {
      throw new Error(`the checks disagree: indexed ${JSON.stringify(a)}, brute force ${JSON.stringify(b)}`);
    }
    const runs = options.quick ? 3 : 7;
    const fast: number[] = [];
    const slow: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      indexed();
      fast.push(performance.now() - t);
      t = performance.now();
      bruteForce();
      slow.push(performance.now() - t);
    }
    const value = median(fast);
    const baseline = median(slow);
    return [
      {
        name: `coverage check of all ${grids.length.toLocaleString('en')} grids (${base.length.toLocaleString('en')} base)`,
        value: Math.round(value),
        unit: 'ms',
        baseline: 'brute force: every sibling pair intersected, every parent clipped',
        baselineValue: Math.round(baseline),
        ratio: Math.round((baseline / value) * 10) / 10,
        runs,
      },
    ];
  } finally {
    await database.close();
  }
}

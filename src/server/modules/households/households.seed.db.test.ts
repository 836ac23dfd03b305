import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../../shared/id-number.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { DEMO_TEST_SCALE, DEMO_TEST_SEED } from '../../testing/shared.js';
import { checkGridCoverage } from '../grids/grids.check.js';
import { generateDemoGrids } from '../grids/grids.demo-data.js';
import { generateDemoPlaces } from '../places/places.demo-data.js';
import { ALWAYS_POPULATED, demoPopulatedCommunities } from './households.demo-data.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo households in the database', () => {
  it('populates exactly the chosen communities, each micro-grid with the grid generator’s households', async () => {
    const places = generateDemoPlaces(DEMO_TEST_SEED);
    const communities = places
      .filter((p) => p.kind === 'community' || p.kind === 'village')
      .map((p) => p.code);
    const chosen = demoPopulatedCommunities(DEMO_TEST_SEED, DEMO_TEST_SCALE, communities);
    for (const code of ALWAYS_POPULATED) expect(chosen).toContain(code);
    const expected = new Map(
      generateDemoGrids(DEMO_TEST_SEED)
        .filter((g) => g.kind === 'base' && g.level === 4)
        .map((g) => [g.code, chosen.includes(g.placeCode) ? g.households : 0]),
    );
    const rows = await sql<{ code: string; households: number; records: number }>`SELECT g.code, g.households,
        (SELECT count(*)::int FROM household h WHERE h.grid_id = g.id) AS records
      FROM grid g WHERE g.kind = 'base' AND g.level = 4`.execute(t.database.db);
    expect(rows.rows).toHaveLength(6281);
    for (const row of rows.rows) {
      expect(row.records, row.code).toBe(expected.get(row.code));
      expect(row.households, row.code).toBe(row.records);
    }
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2000); // at least the two always-populated communities
    const level1 = await sql<{ n: number }>`SELECT sum(households)::int AS n FROM grid
      WHERE kind = 'base' AND level = 1`.execute(t.database.db);
    expect(level1.rows[0]!.n).toBe(total);
  });

  it('has every index of the migration back after the seed built them after the load', async () => {
    const rows = await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes
      WHERE tablename IN ('household', 'resident') ORDER BY indexname`.execute(t.database.db);
    expect(rows.rows.map((r) => r.name)).toEqual(
      [
        'household_grid_idx',
        'household_grid_path_idx',
        'household_path_idx',
        'household_pkey',
        'household_place_idx',
        'resident_household_idx',
        'resident_id_hash_idx',
        'resident_id_masked_idx',
        'resident_initials_idx',
        'resident_name_idx',
        'resident_path_idx',
        'resident_grid_path_idx',
        'resident_phone_hash_idx',
        'resident_phone_masked_idx',
        'resident_pkey',
        'resident_tags_idx',
      ].sort(),
    );
  });

  it('keeps each resident’s paths equal to its household’s and one head per household', async () => {
    const mismatched = await sql<{ n: number }>`SELECT count(*)::int AS n FROM resident r
      JOIN household h ON h.id = r.household_id
      WHERE r.path <> h.path OR r.grid_path IS DISTINCT FROM h.grid_path`.execute(t.database.db);
    expect(mismatched.rows[0]!.n).toBe(0);
    const heads = await sql<{ bad: number; members: number }>`SELECT
        count(*) FILTER (WHERE heads <> 1)::int AS bad, count(*) FILTER (WHERE members <> n)::int AS members
      FROM (SELECT h.id, h.members, count(r.id) AS n, count(r.id) FILTER (WHERE r.relation = 'head') AS heads
        FROM household h JOIN resident r ON r.household_id = h.id GROUP BY h.id) x`.execute(t.database.db);
    expect(heads.rows[0]).toEqual({ bad: 0, members: 0 });
    const masked = await t.database.db
      .selectFrom('resident')
      .select(['id_number_masked', 'id_number_enc', 'birth_date'])
      .where('id_number_masked', 'is not', null)
      .limit(200)
      .execute();
    for (const r of masked) {
      expect(r.id_number_masked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(r.id_number_enc).not.toContain(r.birth_date!.replace(/-/g, ''));
      expect(parseIdNumber(r.id_number_masked!).ok).toBe(false);
    }
  });

  it('reports household ranges from the records: unpopulated grids fall outside, populated ones do not', async () => {
    const ranges = t.ctx.config.gridHouseholds;
    const report = await checkGridCoverage(t.database.db, ranges);
    const outOfRange = report.findings.filter((f) => f.type === 'households_out_of_range');
    const expected = await sql<{ n: number }>`SELECT count(*)::int AS n FROM grid g
      WHERE g.kind = 'base' AND (
        (g.level = 4 AND g.households NOT BETWEEN ${ranges[4]![0]} AND ${ranges[4]![1]})
        OR (g.level = 3 AND g.households NOT BETWEEN ${ranges[3]![0]} AND ${ranges[3]![1]}))`.execute(
      t.database.db,
    );
    expect(outOfRange).toHaveLength(expected.rows[0]!.n);
    const populatedMicro = await sql<{ n: number }>`SELECT count(*)::int AS n FROM grid
      WHERE kind = 'base' AND level = 4 AND households > 0 AND households NOT BETWEEN 50 AND 70`.execute(
      t.database.db,
    );
    expect(populatedMicro.rows[0]!.n).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { checkCoverage, type CoverageGrid, type Finding } from './grids.coverage.js';
import { generateDemoGridSet } from './grids.demo-data.js';
import { bbox, pointInPolygon, polygonFromRect, type GridPolygon } from './grids.geometry.js';

type Box = [number, number, number, number];

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG = 111_320 * Math.cos((34.71 * Math.PI) / 180);

/** Planar estimate of a small lng/lat box's area in m², independent of @turf/area. */
function boxAreaM2([minLng, minLat, maxLng, maxLat]: Box): number {
  return (maxLng - minLng) * M_PER_DEG_LNG * (maxLat - minLat) * M_PER_DEG_LAT;
}

function rect([minLng, minLat, maxLng, maxLat]: Box): GridPolygon {
  return polygonFromRect(minLng, minLat, maxLng, maxLat);
}

function grid(
  code: string,
  parentCode: string | null,
  level: number,
  shape: Box | GridPolygon,
  extra: Partial<CoverageGrid> = {},
): CoverageGrid {
  return {
    code,
    parentCode,
    level,
    kind: 'base',
    name: `网格${code}`,
    polygon: Array.isArray(shape) ? rect(shape) : shape,
    households: null,
    ...extra,
  };
}

const DISTRICT: Box = [113.6, 34.7, 113.62, 34.72];

/** Two level-1 grids (west A, east B), each split into a south and a north level-2 grid. */
function cleanTree(): CoverageGrid[] {
  return [
    grid('A', null, 1, [113.6, 34.7, 113.61, 34.72]),
    grid('B', null, 1, [113.61, 34.7, 113.62, 34.72]),
    grid('A1', 'A', 2, [113.6, 34.7, 113.61, 34.71]),
    grid('A2', 'A', 2, [113.6, 34.71, 113.61, 34.72]),
    grid('B1', 'B', 2, [113.61, 34.7, 113.62, 34.71]),
    grid('B2', 'B', 2, [113.61, 34.71, 113.62, 34.72]),
  ];
}

function replace(grids: CoverageGrid[], code: string, change: Partial<CoverageGrid>): CoverageGrid[] {
  return grids.map((g) => (g.code === code ? { ...g, ...change } : g));
}

function check(grids: CoverageGrid[], district: Box = DISTRICT, minAreaM2?: number): Finding[] {
  const options = minAreaM2 === undefined ? { householdRange: {} } : { householdRange: {}, minAreaM2 };
  return checkCoverage(grids, rect(district), options).findings;
}

function expectArea(finding: Finding | undefined, expected: number, tolerance = 0.03): void {
  expect(finding).toBeDefined();
  expect(Math.abs((finding?.areaM2 ?? 0) - expected) / expected).toBeLessThan(tolerance);
}

function expectLocationIn(finding: Finding | undefined, area: GridPolygon): void {
  const [lng, lat] = finding?.location ?? [Number.NaN, Number.NaN];
  expect(pointInPolygon(lng, lat, area), `location ${lng},${lat}`).toBe(true);
}

describe('checkCoverage', () => {
  it('finds nothing wrong in a clean tree, and counts grids per kind and level', () => {
    const report = checkCoverage(cleanTree(), rect(DISTRICT), { householdRange: { 2: [0, 10] } });
    expect(report.findings).toEqual([]);
    expect(report.counts).toEqual({ 'base/1': 2, 'base/2': 4 });
  });

  it('finds a gap inside a parent, with its area and a point in it', () => {
    const findings = check(replace(cleanTree(), 'A2', { polygon: rect([113.6, 34.711, 113.61, 34.72]) }));
    expect(findings).toHaveLength(1);
    const [gap] = findings;
    expect(gap?.type).toBe('gap');
    expect(gap?.grids[0]).toBe('A');
    expect(gap?.grids).toEqual(expect.arrayContaining(['A1', 'A2']));
    const hole: Box = [113.6, 34.71, 113.61, 34.711];
    expectArea(gap, boxAreaM2(hole));
    expectLocationIn(gap, rect(hole));
  });

  it('finds a gap in a non-rectangular parent', () => {
    const lShape: GridPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [113.6, 34.7],
          [113.62, 34.7],
          [113.62, 34.71],
          [113.61, 34.71],
          [113.61, 34.72],
          [113.6, 34.72],
          [113.6, 34.7],
        ],
      ],
    };
    const findings = check([
      grid('L', null, 1, lShape),
      grid('B2', null, 1, [113.61, 34.71, 113.62, 34.72]),
      grid('L1', 'L', 2, [113.6, 34.7, 113.62, 34.71]),
      grid('L2', 'L', 2, [113.6, 34.71, 113.605, 34.72]),
    ]);
    expect(findings.map((f) => [f.type, f.grids[0]])).toEqual([['gap', 'L']]);
    const hole: Box = [113.605, 34.71, 113.61, 34.72];
    expectArea(findings[0], boxAreaM2(hole));
    expectLocationIn(findings[0], rect(hole));
  });

  it('finds a gap in the district that no level-1 grid covers', () => {
    const findings = check(cleanTree(), [113.6, 34.7, 113.63, 34.72]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.type).toBe('gap');
    expect(findings[0]?.grids).toEqual(['B']); // no parent grid: the level-1 grids bordering it
    const hole: Box = [113.62, 34.7, 113.63, 34.72];
    expectArea(findings[0], boxAreaM2(hole));
    expectLocationIn(findings[0], rect(hole));
  });

  it('finds an overlap between siblings', () => {
    const findings = check(replace(cleanTree(), 'B1', { polygon: rect([113.61, 34.7, 113.62, 34.712]) }));
    expect(findings).toHaveLength(1);
    const [overlap] = findings;
    expect(overlap?.type).toBe('overlap');
    expect(overlap?.grids).toEqual(['B1', 'B2']);
    const both: Box = [113.61, 34.71, 113.62, 34.712];
    expectArea(overlap, boxAreaM2(both));
    expectLocationIn(overlap, rect(both));
  });

  it('finds overlaps between non-rectangular siblings too', () => {
    const triangle = (points: [number, number][]): GridPolygon => ({
      type: 'Polygon',
      coordinates: [[...points, points[0] ?? [0, 0]]],
    });
    // two triangles over the square A; they overlap in a thin wedge around the diagonal
    const findings = check([
      grid('A', null, 1, [113.6, 34.7, 113.62, 34.72]),
      grid(
        'T1',
        'A',
        2,
        triangle([
          [113.6, 34.7],
          [113.62, 34.7],
          [113.6, 34.72],
        ]),
      ),
      grid(
        'T2',
        'A',
        2,
        triangle([
          [113.619, 34.7],
          [113.62, 34.7],
          [113.62, 34.72],
          [113.6, 34.72],
        ]),
      ),
    ]);
    expect(findings.map((f) => f.type)).toEqual(['overlap']);
    expect(findings[0]?.grids).toEqual(['T1', 'T2']);
    // the wedge between the two diagonals: the triangle (113.619, 34.70), (113.62, 34.70), (113.60, 34.72),
    // half of a 0.001° × 0.02° box
    expect(findings[0]?.areaM2).toBeGreaterThan(0.4 * boxAreaM2([0, 0, 0.001, 0.02]));
    expect(findings[0]?.areaM2).toBeLessThan(0.55 * boxAreaM2([0, 0, 0.001, 0.02]));
  });

  it('finds a child sticking out of its parent', () => {
    const findings = check(replace(cleanTree(), 'A1', { polygon: rect([113.6, 34.7, 113.6105, 34.71]) }));
    expect(findings).toHaveLength(1);
    const [out] = findings;
    expect(out?.type).toBe('outside_parent');
    expect(out?.grids).toEqual(['A1']);
    const part: Box = [113.61, 34.7, 113.6105, 34.71];
    expectArea(out, boxAreaM2(part));
    expectLocationIn(out, rect(part));
  });

  it('reports a child whose parent does not exist', () => {
    const findings = check([...cleanTree(), grid('X1', 'X', 2, [113.6, 34.7, 113.601, 34.701])]);
    expect(findings.map((f) => [f.type, f.grids])).toEqual([['outside_parent', ['X1']]]);
    expect(findings[0]?.detail).toContain('does not exist');
  });

  it('finds a self-intersecting ring (bow-tie) and leaves it out of the other checks', () => {
    const bowTie: GridPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [113.61, 34.71],
          [113.62, 34.72],
          [113.62, 34.71],
          [113.61, 34.72],
          [113.61, 34.71],
        ],
      ],
    };
    const findings = check(replace(cleanTree(), 'B2', { polygon: bowTie }));
    expect(findings).toHaveLength(1);
    const [invalid] = findings;
    expect(invalid?.type).toBe('invalid_polygon');
    expect(invalid?.grids).toEqual(['B2']);
    expect(invalid?.detail).toContain('self-intersection');
    expect(invalid?.location[0]).toBeCloseTo(113.615, 6);
    expect(invalid?.location[1]).toBeCloseTo(34.715, 6);
    // the two triangles of the bow-tie: half the box
    expectArea(invalid, boxAreaM2([113.61, 34.71, 113.62, 34.72]) / 2);
  });

  it('finds a ring with too few points', () => {
    const sliver: GridPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [113.6, 34.71],
          [113.61, 34.72],
          [113.6, 34.71],
        ],
      ],
    };
    const findings = check(replace(cleanTree(), 'A2', { polygon: sliver }));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.type).toBe('invalid_polygon');
    expect(findings[0]?.grids).toEqual(['A2']);
    expect(findings[0]?.detail).toContain('too few points');
    expect(findings[0]?.areaM2).toBe(0);
    const [lng, lat] = findings[0]?.location ?? [0, 0];
    expect(lng >= 113.6 && lng <= 113.61 && lat >= 34.71 && lat <= 34.72).toBe(true);
  });

  it('finds an unclosed ring and a polygon without area', () => {
    const open: GridPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [113.6, 34.71],
          [113.61, 34.71],
          [113.61, 34.72],
          [113.6, 34.72],
        ],
      ],
    };
    const flat: GridPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [113.61, 34.71],
          [113.615, 34.71],
          [113.62, 34.71],
          [113.61, 34.71],
        ],
      ],
    };
    const findings = check(replace(replace(cleanTree(), 'A2', { polygon: open }), 'B2', { polygon: flat }));
    expect(findings.map((f) => [f.type, f.grids[0]])).toEqual([
      ['invalid_polygon', 'A2'],
      ['invalid_polygon', 'B2'],
    ]);
    expect(findings[0]?.detail).toContain('not closed');
  });

  it('finds an overlay reaching outside the district, and lets overlays cross boundaries inside it', () => {
    const overlay = (code: string, box: Box): CoverageGrid =>
      grid(code, null, 1, box, { kind: 'specialised', households: 5 });
    const findings = check([
      ...cleanTree(),
      overlay('S1', [113.605, 34.705, 113.615, 34.715]), // across A and B and all four level-2 grids: fine
      overlay('S2', [113.615, 34.715, 113.625, 34.725]), // three quarters outside
    ]);
    expect(findings).toHaveLength(1);
    const [out] = findings;
    expect(out?.type).toBe('outside_district');
    expect(out?.grids).toEqual(['S2']);
    expectArea(out, 0.75 * boxAreaM2([113.615, 34.715, 113.625, 34.725]));
    const [lng, lat] = out?.location ?? [0, 0];
    expect(pointInPolygon(lng, lat, rect([113.615, 34.715, 113.625, 34.725]))).toBe(true);
    expect(pointInPolygon(lng, lat, rect(DISTRICT))).toBe(false);
  });

  it('finds a base grid outside the district', () => {
    const findings = check([...cleanTree(), grid('C', null, 1, [113.63, 34.7, 113.64, 34.71])]);
    expect(findings.map((f) => [f.type, f.grids])).toEqual([['outside_district', ['C']]]);
    expectArea(findings[0], boxAreaM2([113.63, 34.7, 113.64, 34.71]));
  });

  it('finds households outside the configured range, for base grids only', () => {
    const grids = replace(replace(cleanTree(), 'A1', { households: 80 }), 'B1', { households: 60 }).concat(
      grid('S', null, 1, [113.605, 34.705, 113.615, 34.715], { kind: 'specialised', households: 9999 }),
    );
    const report = checkCoverage(grids, rect(DISTRICT), { householdRange: { 2: [50, 70], 1: [100, 200] } });
    expect(report.findings.map((f) => [f.type, f.grids])).toEqual([['households_out_of_range', ['A1']]]);
    expect(report.findings[0]?.detail).toContain('80');
    expectArea(report.findings[0], boxAreaM2([113.6, 34.7, 113.61, 34.71]));
    expectLocationIn(report.findings[0], rect([113.6, 34.7, 113.61, 34.71]));
  });

  it('ignores floating-point slivers below minAreaM2', () => {
    // B1 reaches 1e-7° (≈ 1 cm) into B2: about 9 m² of overlap
    const grids = replace(cleanTree(), 'B1', { polygon: rect([113.61, 34.7, 113.62, 34.7100001]) });
    expect(check(grids).map((f) => f.type)).toEqual(['overlap']);
    expect(check(grids, DISTRICT, 20)).toEqual([]);
  });

  it('passes the whole demo in well under the time budget, and finds a removed micro-grid', () => {
    const set = generateDemoGridSet(20_240_517);
    const started = performance.now();
    const report = checkCoverage(set.grids, set.district, {
      householdRange: { 4: [50, 70], 3: [200, 500] },
    });
    const elapsed = performance.now() - started;
    console.log(`coverage check over ${set.grids.length} demo grids: ${Math.round(elapsed)} ms`);
    expect(report.findings).toEqual([]);
    expect(report.counts['base/4']).toBe(6281);
    expect(elapsed).toBeLessThan(5000);

    // with the text's 300–500 for level 3, the grids of four micro-grids fall short (see grids.demo-data.ts)
    const strict = checkCoverage(set.grids, set.district, { householdRange: { 3: [300, 500] } });
    expect(strict.findings.every((f) => f.type === 'households_out_of_range')).toBe(true);
    expect(strict.findings).toHaveLength(924);

    const removed = set.grids.find((g) => g.kind === 'base' && g.level === 4 && g.code.endsWith('0102'));
    if (!removed) throw new Error('no micro-grid to remove');
    const broken = checkCoverage(
      set.grids.filter((g) => g !== removed),
      set.district,
      { householdRange: {} },
    );
    expect(broken.findings).toHaveLength(1);
    const [gap] = broken.findings;
    expect(gap?.type).toBe('gap');
    expect(gap?.grids[0]).toBe(removed.parentCode);
    expectArea(gap, boxAreaM2(bbox(removed.polygon)));
    expectLocationIn(gap, removed.polygon);
  });
});

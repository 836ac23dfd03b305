import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { demoRegions, generateDemoPlaces } from '../places/places.demo-data.js';
import { checkCoverage } from './grids.coverage.js';
import {
  COMMERCIAL_DISTRICT_COUNTS,
  GRID_DEMO_COUNTS,
  generateDemoGridSet,
  generateDemoGrids,
  type DemoGrid,
  type GridKind,
  type GridLevel,
} from './grids.demo-data.js';
import {
  areaM2,
  asRect,
  bbox,
  difference,
  intersectRects,
  pointInPolygon,
  polygonFromRect,
  polygonsOf,
  roundCoord,
} from './grids.geometry.js';

const SEED = 20_240_517;
const set = generateDemoGridSet(SEED);
const grids = set.grids;
const byCode = new Map(grids.map((g) => [g.code, g]));
const places = generateDemoPlaces(SEED);
const placeByCode = new Map(places.map((p) => [p.code, p]));
const regions = new Map(demoRegions(SEED).map((r) => [r.code, r]));

const CODE_LENGTH: Record<GridLevel, number> = { 1: 9, 2: 12, 3: 15, 4: 17 };

function of(kind: GridKind, level: GridLevel): DemoGrid[] {
  return grids.filter((g) => g.kind === kind && g.level === level);
}

const children = new Map<string, DemoGrid[]>();
for (const g of grids)
  if (g.parentCode !== null) children.set(g.parentCode, [...(children.get(g.parentCode) ?? []), g]);

function childrenOf(code: string): DemoGrid[] {
  return children.get(code) ?? [];
}

function regionPolygon(code: string): ReturnType<typeof polygonFromRect> {
  const r = regions.get(code);
  if (!r) throw new Error(`no region ${code}`);
  return polygonFromRect(r.minLng, r.minLat, r.maxLng, r.maxLat);
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

describe('generateDemoGrids', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateDemoGrids(SEED))).toBe(JSON.stringify(grids));
    expect(JSON.stringify(generateDemoGrids(7))).not.toBe(JSON.stringify(grids));
    expect(() => generateDemoGrids(Number.NaN)).toThrow(TypeError);
  });

  it('has exactly the counts of the source text, for other seeds too', () => {
    for (const seed of [SEED, 7, 1]) {
      const all = seed === SEED ? grids : generateDemoGrids(seed);
      for (const kind of ['base', 'specialised', 'economic', 'kinship'] as const) {
        for (const level of [1, 2, 3, 4] as const) {
          expect(
            all.filter((g) => g.kind === kind && g.level === level).length,
            `seed ${seed} ${kind}/${level}`,
          ).toBe(GRID_DEMO_COUNTS[kind][level]);
        }
      }
    }
    expect(GRID_DEMO_COUNTS.base).toEqual({ 1: 17, 2: 175, 3: 1441, 4: 6281 });
    expect(GRID_DEMO_COUNTS.specialised[1]).toBe(2);
    expect(GRID_DEMO_COUNTS.specialised[3]).toBe(549);
  });

  it('gives unique digit codes with the prefix property, parents first, lengths by level', () => {
    expect(byCode.size).toBe(grids.length);
    const seen = new Set<string>();
    const violations: string[] = [];
    for (const g of grids) {
      if (!/^\d+$/.test(g.code) || g.code.length !== CODE_LENGTH[g.level]) violations.push(`${g.code}: code`);
      if (g.parentCode === null) {
        if (g.level !== 1) violations.push(`${g.code}: a root below level 1`);
      } else {
        const parent = byCode.get(g.parentCode);
        if (!parent || !seen.has(g.parentCode))
          violations.push(`${g.code}: parent missing or after the child`);
        if (!g.code.startsWith(g.parentCode)) violations.push(`${g.code}: not prefixed by ${g.parentCode}`);
        if (!parent || g.level <= parent.level) violations.push(`${g.code}: level not below its parent's`);
        if (g.kind === 'base' && (parent?.kind !== 'base' || g.level !== parent.level + 1)) {
          violations.push(`${g.code}: base grid not one level below a base parent`);
        }
      }
      seen.add(g.code);
    }
    expect(violations).toEqual([]);
  });

  it('names grids in Chinese after their place and sequence', () => {
    for (const g of of('base', 1))
      expect(g.name).toMatch(/^\p{Script=Han}+(街道|镇|乡)一级网格(（含.+）)?$/u);
    for (const g of of('base', 2))
      expect(g.name).toMatch(/^[\p{Script=Han}、]+(社区|村)二级网格(（含.+）)?$/u);
    for (const g of of('base', 3)) expect(g.name).toMatch(/^\p{Script=Han}+(社区|村)第\d+网格(（.+）)?$/u);
    for (const g of of('base', 4))
      expect(g.name).toMatch(/^\p{Script=Han}+(社区|村)第\d+网格第[1-5]微网格$/u);
    expect(byCode.get('410103001')?.name).toBe('淮河路街道一级网格');
    const level3 = of('base', 3)[0];
    expect(level3?.name).toBe(`${placeByCode.get(level3?.placeCode ?? '')?.name}第1网格`);
    expect(byCode.get(set.commercialDistrict.code)?.name).toBe('二七商圈专属网格');
  });

  it('places base grids in their street/town and community, and overlays in the street they are led from', () => {
    const violations: string[] = [];
    for (const g of grids) {
      const kind = placeByCode.get(g.placeCode)?.kind;
      const parentCode = placeByCode.get(g.placeCode)?.parentCode;
      if (g.kind !== 'base') {
        if (!g.leadUnit) violations.push(`${g.code}: overlay without a lead unit`);
        if (kind !== 'street' && kind !== 'town' && kind !== 'district')
          violations.push(`${g.code}: led from ${kind}`);
      } else if (g.leadUnit !== null) {
        violations.push(`${g.code}: base grid with a lead unit`);
      } else if (g.level === 1) {
        if (g.placeCode !== g.code || (kind !== 'street' && kind !== 'town'))
          violations.push(`${g.code}: place`);
      } else if ((kind !== 'community' && kind !== 'village') || parentCode !== g.code.slice(0, 9)) {
        violations.push(`${g.code}: place ${g.placeCode} (${kind})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('uses 6-decimal coordinates, and rectangles from level 3 down', () => {
    const violations: string[] = [];
    for (const g of grids) {
      for (const rings of polygonsOf(g.polygon)) {
        for (const ring of rings) {
          for (const [x, y] of ring)
            if (roundCoord(x) !== x || roundCoord(y) !== y) violations.push(`${g.code}: ${x},${y}`);
        }
      }
      if (g.level >= 3 && asRect(g.polygon) === null) violations.push(`${g.code}: not a rectangle`);
    }
    expect(violations).toEqual([]);
  });

  it('nests the base tree exactly: children tile their parent, level-1 grids tile the district', () => {
    const base = grids.filter((g) => g.kind === 'base');
    const report = checkCoverage(base, set.district, { householdRange: {} });
    expect(report.findings).toEqual([]);
    const [minLng, minLat, maxLng, maxLat] = bbox(set.district);
    expect([minLng, minLat, maxLng, maxLat]).toEqual([113.56, 34.66, 113.68, 34.76]);
    expect(Math.abs(sum(of('base', 1).map((g) => areaM2(g.polygon))) - areaM2(set.district))).toBeLessThan(1);
  });

  it('takes each park into a neighbouring level-1 grid and one of its level-2 grids', () => {
    const parks = places.filter((p) => p.kind === 'park');
    expect(Object.keys(set.parks).sort()).toEqual(parks.map((p) => p.code).sort());
    for (const park of parks) {
      const host = set.parks[park.code];
      const level1 = byCode.get(host?.level1 ?? '');
      const level2 = byCode.get(host?.level2 ?? '');
      expect(level1?.level).toBe(1);
      expect(level2?.parentCode).toBe(level1?.code);
      expect(level1?.name).toContain(park.name);
      expect(level2?.name).toContain(park.name);
      for (const g of [level1, level2])
        expect(g && difference(regionPolygon(park.code), g.polygon)).toBeNull();
      // the park forms level-3 grids of its own, named after it
      const parkLevel3 = childrenOf(level2?.code ?? '').filter((g) => g.name.endsWith(`（${park.name}）`));
      expect(parkLevel3.length).toBeGreaterThan(0);
      expect(
        Math.abs(sum(parkLevel3.map((g) => areaM2(g.polygon))) - areaM2(regionPolygon(park.code))),
      ).toBeLessThan(1);
    }
    expect(set.parks['410103400']?.level1).toBe('410103100'); // 马寨产业园区 → 马寨镇 (adjacent for this seed)
  });

  it('maps the 176 communities/villages onto 175 level-2 grids: two adjacent villages share one', () => {
    const communities = places.filter((p) => p.kind === 'community' || p.kind === 'village');
    expect(communities).toHaveLength(176);
    expect(Object.keys(set.level2ByCommunity).sort()).toEqual(communities.map((c) => c.code).sort());
    expect(new Set(Object.values(set.level2ByCommunity)).size).toBe(175);
    const [a, b] = set.mergedLevel2.communities;
    expect(set.mergedLevel2.code).toBe(a);
    expect(set.level2ByCommunity[b]).toBe(a);
    expect(placeByCode.get(a)?.kind).toBe('village');
    expect(placeByCode.get(b)?.kind).toBe('village');
    expect(placeByCode.get(a)?.parentCode).toBe(placeByCode.get(b)?.parentCode);
    const merged = byCode.get(a);
    expect(merged?.name).toContain(placeByCode.get(b)?.name ?? '?');
    // the two village rectangles together form the level-2 polygon (a rectangle)
    expect(merged && asRect(merged.polygon)).not.toBeNull();
    expect(
      merged && Math.abs(areaM2(merged.polygon) - areaM2(regionPolygon(a)) - areaM2(regionPolygon(b))),
    ).toBeLessThan(1);
    expect(childrenOf(a).some((g) => g.placeCode === b)).toBe(true);
  });

  it('counts households: micro 50–70, each parent the sum of its children', () => {
    const micro = of('base', 4).map((g) => g.households);
    expect([Math.min(...micro), Math.max(...micro)]).toEqual([50, 70]);
    const violations: string[] = [];
    for (const g of grids) {
      const own = childrenOf(g.code).filter((c) => c.kind === g.kind);
      if (own.length > 0 && g.households !== sum(own.map((c) => c.households))) violations.push(g.code);
    }
    expect(violations).toEqual([]);
    const level3 = of('base', 3);
    const micros = level3.map((g) => childrenOf(g.code).length);
    expect(micros.filter((n) => n === 5)).toHaveLength(517);
    expect(micros.filter((n) => n === 4)).toHaveLength(924);
    const full = level3.filter((g) => childrenOf(g.code).length === 5);
    expect(Math.min(...full.map((g) => g.households))).toBeGreaterThanOrEqual(300);
    const households = level3.map((g) => g.households);
    expect(Math.min(...households)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...households)).toBeLessThanOrEqual(350);
    const total = sum(of('base', 1).map((g) => g.households));
    expect(total).toBeGreaterThan(350_000);
    expect(total).toBeLessThan(420_000);
  });

  it('puts every building of the demo places in exactly one base micro-grid of its own community', () => {
    const micros = of('base', 4);
    const index = new Flatbush(micros.length);
    for (const m of micros) {
      const [a, b, c, d] = bbox(m.polygon);
      index.add(a, b, c, d);
    }
    index.finish();
    const buildings = places.filter((p) => p.kind === 'building');
    expect(buildings.length).toBeGreaterThan(3000);
    const violations: string[] = [];
    for (const b of buildings) {
      const lng = b.lng ?? Number.NaN;
      const lat = b.lat ?? Number.NaN;
      const containing = index
        .search(lng, lat, lng, lat)
        .map((i) => micros[i])
        .filter((m): m is DemoGrid => m !== undefined && pointInPolygon(lng, lat, m.polygon));
      if (containing.length !== 1) {
        violations.push(`${b.code}: in ${containing.length} micro-grids`);
        continue;
      }
      const chain: DemoGrid[] = [];
      for (let g = containing[0]; g; g = g.parentCode === null ? undefined : byCode.get(g.parentCode))
        chain.push(g);
      const community = b.code.slice(0, 12);
      const expected = [4, community, set.level2ByCommunity[community], b.code.slice(0, 9)];
      const actual = [chain.length, chain[1]?.placeCode, chain[2]?.code, chain[3]?.code];
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        violations.push(`${b.code}: chain ${JSON.stringify(actual)}`);
    }
    expect(violations).toEqual([]);
  });

  it('draws the Erqi commercial district across three streets, tiled by 6 / 49 / 148 grids', () => {
    const cbd = byCode.get(set.commercialDistrict.code);
    expect(cbd?.kind).toBe('specialised');
    expect(cbd?.leadUnit).toBe('二七商圈管委会');
    const cbdRect = cbd && asRect(cbd.polygon);
    if (!cbdRect) throw new Error('the commercial district is not a rectangle');
    const crossed = [...regions.values()]
      .filter((r) => r.code.length === 9 && intersectRects(r, cbdRect) !== null)
      .map((r) => r.code)
      .sort();
    expect(crossed).toEqual(set.commercialDistrict.streets);
    expect(crossed).toHaveLength(3);
    for (const code of crossed) expect(placeByCode.get(code)?.kind).toBe('street');
    const tree = grids.filter((g) => g.code.startsWith(set.commercialDistrict.code));
    const level2 = tree.filter((g) => g.level === 2);
    const level3 = tree.filter((g) => g.level === 3);
    const micro = tree.filter((g) => g.level === 4);
    expect([level2.length, level3.length, micro.length]).toEqual([
      COMMERCIAL_DISTRICT_COUNTS.level2,
      COMMERCIAL_DISTRICT_COUNTS.level3,
      COMMERCIAL_DISTRICT_COUNTS.micro,
    ]);
    // the same tiling rules as the base tree, with the commercial district as the "district"
    const asBase = tree
      .filter((g) => g.level > 1)
      .map((g) => ({ ...g, kind: 'base', parentCode: g.level === 2 ? null : g.parentCode }));
    const report = checkCoverage(asBase, cbd?.polygon ?? set.district, { householdRange: {} });
    expect(report.findings).toEqual([]);
  });

  it('has 549 specialised level-3 grids: 49 in the commercial district and 500 schools, markets, hospitals', () => {
    const trades = childrenOf('410103902');
    expect(trades).toHaveLength(500);
    const leads = new Map<string, number>();
    for (const g of trades) leads.set(g.leadUnit ?? '', (leads.get(g.leadUnit ?? '') ?? 0) + 1);
    expect(Object.fromEntries(leads)).toEqual({ 区教育局: 230, 区市场监管局: 170, 区卫健委: 100 });
    expect(new Set(trades.map((g) => g.name)).size).toBe(500);
    for (const g of trades) expect(g.name).toMatch(/专属网格$/);
    const parent = byCode.get('410103902');
    expect(parent?.polygon.type).toBe('MultiPolygon');
    expect(polygonsOf(parent?.polygon ?? set.district)).toHaveLength(500);
    const report = checkCoverage(
      grids.filter((g) => g.kind !== 'base'),
      set.district,
      { householdRange: {} },
    );
    expect(report.findings).toEqual([]);
  });

  it('adds economic and kinship grids over villages of the towns and the village-to-community 郭家咀社区', () => {
    const economic = grids.filter((g) => g.kind === 'economic');
    const kinship = grids.filter((g) => g.kind === 'kinship');
    for (const g of economic) {
      expect(g.leadUnit).toMatch(/(集体|股份)经济合作社$/);
      expect(byCode.get(g.parentCode ?? '')?.level).toBe(1);
    }
    for (const g of kinship) {
      expect(g.leadUnit).toMatch(/(村民|居民)小组$/);
      expect(g.name).toMatch(/姓亲情网格$/);
      expect(byCode.get(g.parentCode ?? '')?.level).toBe(2);
      const parent = byCode.get(g.parentCode ?? '');
      expect(parent && difference(g.polygon, parent.polygon)).toBeNull();
    }
    expect(economic.some((g) => g.name === '郭家咀社区经济网格')).toBe(true);
    expect(kinship.filter((g) => g.name.startsWith('郭家咀社区'))).toHaveLength(2);
  });
});

import { describe, it, expect } from 'vitest';
import {
  demoRegions,
  generateDemoPlaces,
  type DemoPlace,
  type DemoPlaceKind,
  type DemoRegion,
} from './places.demo-data.js';

type Rect = Omit<DemoRegion, 'code'>;

const SEED = 20_240_517;
const OTHER_SEED = 7;
const BBOX: Rect = { minLng: 113.56, minLat: 34.66, maxLng: 113.68, maxLat: 34.76 };

/** Communities and villages per second-level unit, as documented in places.demo-data.ts (parks have none). */
const DISTRIBUTION: Record<
  string,
  { name: string; kind: DemoPlaceKind; communities: number; villages: number }
> = {
  '410103001': { name: '淮河路街道', kind: 'street', communities: 9, villages: 0 },
  '410103002': { name: '解放路街道', kind: 'street', communities: 8, villages: 0 },
  '410103003': { name: '铭功路街道', kind: 'street', communities: 10, villages: 0 },
  '410103004': { name: '一马路街道', kind: 'street', communities: 9, villages: 0 },
  '410103005': { name: '蜜蜂张街道', kind: 'street', communities: 9, villages: 0 },
  '410103006': { name: '五里堡街道', kind: 'street', communities: 10, villages: 0 },
  '410103007': { name: '大学路街道', kind: 'street', communities: 12, villages: 0 },
  '410103008': { name: '建中街街道', kind: 'street', communities: 9, villages: 0 },
  '410103009': { name: '福华街街道', kind: 'street', communities: 10, villages: 0 },
  '410103010': { name: '德化街街道', kind: 'street', communities: 8, villages: 0 },
  '410103011': { name: '嵩山路街道', kind: 'street', communities: 12, villages: 0 },
  '410103012': { name: '京广路街道', kind: 'street', communities: 11, villages: 0 },
  '410103013': { name: '长江路街道', kind: 'street', communities: 11, villages: 0 },
  '410103014': { name: '人和路街道', kind: 'street', communities: 8, villages: 0 },
  '410103100': { name: '马寨镇', kind: 'town', communities: 4, villages: 10 },
  '410103200': { name: '侯寨乡', kind: 'town', communities: 2, villages: 12 },
  '410103201': { name: '齐礼阎乡', kind: 'town', communities: 3, villages: 9 },
  '410103400': { name: '马寨产业园区', kind: 'park', communities: 0, villages: 0 },
  '410103401': { name: '樱桃沟文化旅游园区', kind: 'park', communities: 0, villages: 0 },
  '410103402': { name: '二七商贸物流园区', kind: 'park', communities: 0, villages: 0 },
};

const CODE_LENGTH: Record<DemoPlaceKind, number> = {
  district: 6,
  street: 9,
  town: 9,
  park: 9,
  community: 12,
  village: 12,
  compound: 15,
  building: 18,
};

// ---- checkers: each returns its violations, so a failure names the offending places --------------------------

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function area(r: Rect): number {
  return (r.maxLng - r.minLng) * (r.maxLat - r.minLat);
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    Math.min(a.maxLng, b.maxLng) > Math.max(a.minLng, b.minLng) &&
    Math.min(a.maxLat, b.maxLat) > Math.max(a.minLat, b.minLat)
  );
}

/** Children tile the parent: each inside it, pairwise disjoint interiors, areas summing to the parent's. */
function tilingViolations(parent: Rect, children: readonly DemoRegion[]): string[] {
  const out: string[] = [];
  const sum = children.reduce((s, c) => s + area(c), 0);
  if (Math.abs(sum - area(parent)) > 1e-9) out.push(`areas sum to ${sum}, parent has ${area(parent)}`);
  for (const c of children) {
    if (!(c.minLng < c.maxLng && c.minLat < c.maxLat)) out.push(`${c.code} is empty`);
    if (
      c.minLng < parent.minLng ||
      c.maxLng > parent.maxLng ||
      c.minLat < parent.minLat ||
      c.maxLat > parent.maxLat
    ) {
      out.push(`${c.code} sticks out of its parent`);
    }
  }
  for (let i = 0; i < children.length; i++) {
    for (let j = i + 1; j < children.length; j++) {
      const a = children[i];
      const b = children[j];
      if (a && b && overlaps(a, b)) out.push(`${a.code} overlaps ${b.code}`);
    }
  }
  return out;
}

function strictlyInside(p: { lng: number | null; lat: number | null }, r: Rect): boolean {
  return (
    p.lng !== null &&
    p.lat !== null &&
    p.lng > r.minLng &&
    p.lng < r.maxLng &&
    p.lat > r.minLat &&
    p.lat < r.maxLat
  );
}

function orderViolations(places: readonly DemoPlace[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of places) {
    if (p.parentCode !== null && !seen.has(p.parentCode))
      out.push(`${p.code} comes before its parent ${p.parentCode}`);
    seen.add(p.code);
  }
  return out;
}

function codeViolations(places: readonly DemoPlace[]): string[] {
  const out: string[] = [];
  for (const p of places) {
    if (!/^[0-9]+$/.test(p.code)) out.push(`${p.code}: not digits only`);
    if (p.code.length !== CODE_LENGTH[p.kind])
      out.push(`${p.code}: ${p.kind} code must have ${CODE_LENGTH[p.kind]} digits`);
    if (p.kind === 'district') {
      if (p.parentCode !== null) out.push(`${p.code}: district has a parent`);
    } else if (
      p.parentCode === null ||
      !p.code.startsWith(p.parentCode) ||
      p.code.length !== p.parentCode.length + 3
    ) {
      out.push(`${p.code}: not its parent's code ${p.parentCode} + 3 digits`);
    }
  }
  return out;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) (seen.has(v) ? dups : seen).add(v);
  return [...dups];
}

function nameViolationsWithinParent(places: readonly DemoPlace[]): string[] {
  const byParent = new Map<string, string[]>();
  for (const p of places) {
    const key = p.parentCode ?? '';
    byParent.set(key, [...(byParent.get(key) ?? []), p.name]);
  }
  return [...byParent].flatMap(([parent, names]) =>
    duplicates(names).map((n) => `${n} twice under ${parent}`),
  );
}

/** Metres between two points (haversine). */
function distanceM(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

function byCode<T extends { code: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.code, i]));
}

function get<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`missing ${String(key)}`);
  return v;
}

const SECOND_LEVEL = new Set<DemoPlaceKind>(['street', 'town', 'park']);
const COMMUNITY_LEVEL = new Set<DemoPlaceKind>(['community', 'village']);

// ---- the district ----------------------------------------------------------------------------------------------

const places = generateDemoPlaces(SEED);
const regions = demoRegions(SEED);
const placeByCode = byCode(places);
const regionByCode = byCode(regions);
const ofKind = (...kinds: DemoPlaceKind[]): DemoPlace[] => places.filter((p) => kinds.includes(p.kind));
const compounds = ofKind('compound');
const buildings = ofKind('building');

describe('generateDemoPlaces: scale of the source text', () => {
  it('has 1 district, 17 towns/streets, 3 parks, 176 communities/villages, 723 compounds', () => {
    expect(countBy(places, (p) => p.kind)).toEqual({
      district: 1,
      street: 14,
      town: 3,
      park: 3,
      community: 145,
      village: 31,
      compound: 723,
      building: buildings.length,
    });
    expect(ofKind('street', 'town')).toHaveLength(17);
    expect(ofKind('park')).toHaveLength(3);
    expect(ofKind('community', 'village')).toHaveLength(176);
    expect(compounds).toHaveLength(723);
  });

  it('has exactly 340 unmanaged compounds, the other 383 professional or self-managed', () => {
    const byType = countBy(compounds, (c) => String(c.managementType));
    expect(byType['unmanaged']).toBe(340);
    expect((byType['professional'] ?? 0) + (byType['self_managed'] ?? 0)).toBe(383);
    expect(byType['professional']).toBeGreaterThan(0);
    expect(byType['self_managed']).toBeGreaterThan(0);
    expect(Object.keys(byType).sort()).toEqual(['professional', 'self_managed', 'unmanaged']);
    expect(places.filter((p) => p.kind !== 'compound' && p.managementType !== null)).toEqual([]);
  });

  it('is the district 410103 二七区 with its 20 second-level units and their community/village counts', () => {
    const district = places[0];
    expect(district).toMatchObject({ code: '410103', parentCode: null, kind: 'district', name: '二七区' });
    expect(Math.abs((district?.lng ?? 0) - 113.62)).toBeLessThan(0.02);
    expect(Math.abs((district?.lat ?? 0) - 34.71)).toBeLessThan(0.02);

    const second = places.filter((p) => SECOND_LEVEL.has(p.kind));
    expect(Object.fromEntries(second.map((p) => [p.code, { name: p.name, kind: p.kind }]))).toEqual(
      Object.fromEntries(
        Object.entries(DISTRIBUTION).map(([code, d]) => [code, { name: d.name, kind: d.kind }]),
      ),
    );
    for (const [code, d] of Object.entries(DISTRIBUTION)) {
      const children = places.filter((p) => p.parentCode === code);
      expect(
        countBy(children, (c) => c.kind),
        code,
      ).toEqual({
        ...(d.communities > 0 ? { community: d.communities } : {}),
        ...(d.villages > 0 ? { village: d.villages } : {}),
      });
    }
    expect(Object.values(DISTRIBUTION).reduce((n, d) => n + d.communities + d.villages, 0)).toBe(176);
  });

  it('names each kind the way Chinese administration does', () => {
    for (const p of places) {
      expect(p.name, p.code).toMatch(/^[\u4e00-\u9fff0-9A-Z]{2,40}$/);
      if (p.kind === 'street') expect(p.name).toMatch(/街道$/);
      if (p.kind === 'town') expect(p.name).toMatch(/[镇乡]$/);
      if (p.kind === 'park') expect(p.name).toMatch(/园区$/);
      if (p.kind === 'community') expect(p.name).toMatch(/社区$/);
      if (p.kind === 'village') expect(p.name).toMatch(/村$/);
      if (p.kind === 'building') expect(p.name).toMatch(/^(?:([1-9]|1[0-2])号楼|[A-L]座)$/);
    }
  });

  it('gives every community/village 1+ compounds and every compound 1–12 buildings, more when professional', () => {
    const compoundsPer = countBy(compounds, (c) => c.parentCode ?? '');
    for (const c of ofKind('community', 'village'))
      expect(compoundsPer[c.code] ?? 0, c.code).toBeGreaterThanOrEqual(1);
    const buildingsPer = countBy(buildings, (b) => b.parentCode ?? '');
    for (const c of compounds) {
      const n = buildingsPer[c.code] ?? 0;
      expect(n, c.code).toBeGreaterThanOrEqual(1);
      expect(n, c.code).toBeLessThanOrEqual(12);
    }
    const mean = (type: DemoPlace['managementType']): number => {
      const cs = compounds.filter((c) => c.managementType === type);
      return cs.reduce((s, c) => s + (buildingsPer[c.code] ?? 0), 0) / cs.length;
    };
    expect(mean('professional')).toBeGreaterThan(mean('self_managed'));
    expect(mean('self_managed')).toBeGreaterThan(mean('unmanaged'));
  });

  it('keeps the places the source text names', () => {
    const community = (name: string): DemoPlace => {
      const found = ofKind('community').filter((c) => c.name === name);
      expect(found, name).toHaveLength(1);
      return found[0] as DemoPlace;
    };
    const xiangHe = community('祥和社区');
    expect(xiangHe.parentCode).toBe('410103007'); // 大学路街道
    expect(
      compounds.find((c) => c.parentCode === xiangHe.code && c.name === '学府花园小区')?.managementType,
    ).toBe('self_managed');

    // 五里堡街道二环路社区: 9 compounds with 42 buildings, all with one professional property company.
    const erHuanLu = community('二环路社区');
    expect(erHuanLu.parentCode).toBe('410103006');
    const its = compounds.filter((c) => c.parentCode === erHuanLu.code);
    expect(its).toHaveLength(9);
    expect(its.every((c) => c.managementType === 'professional')).toBe(true);
    expect(buildings.filter((b) => its.some((c) => c.code === b.parentCode))).toHaveLength(42);

    expect(community('陇海大院社区').parentCode).toBe('410103004'); // 一马路街道
  });
});

describe('generateDemoPlaces: tree integrity', () => {
  it('uses digit codes of the right length, each its parent code + 3 digits', () => {
    expect(codeViolations(places)).toEqual([]);
  });

  it('has unique codes', () => {
    expect(duplicates(places.map((p) => p.code))).toEqual([]);
    expect(placeByCode.size).toBe(places.length);
  });

  it('lists every parent before its children, and every parent exists', () => {
    expect(orderViolations(places)).toEqual([]);
    expect(places.filter((p) => p.parentCode !== null && !placeByCode.has(p.parentCode))).toEqual([]);
  });

  it('has names unique within their parent (and communities and compounds unique district-wide)', () => {
    expect(nameViolationsWithinParent(places)).toEqual([]);
    expect(duplicates(ofKind('community', 'village').map((p) => p.name))).toEqual([]);
    expect(duplicates(compounds.map((p) => p.name))).toEqual([]);
  });

  it('addresses communities, compounds and buildings in their street, and nothing above', () => {
    for (const p of places) {
      if (p.kind === 'district' || SECOND_LEVEL.has(p.kind)) {
        expect(p.address, p.code).toBeNull();
        continue;
      }
      const unit = get(placeByCode, p.code.slice(0, 9));
      expect(p.address, p.code).toMatch(new RegExp(`^郑州市二七区${unit.name}[\\u4e00-\\u9fff]+[0-9]+号`));
      if (p.kind === 'building')
        expect(p.address).toBe(`${get(placeByCode, p.parentCode ?? '').address}${p.name}`);
    }
    // No two compounds share a street address.
    expect(duplicates(compounds.map((c) => c.address ?? ''))).toEqual([]);
  });
});

describe('generateDemoPlaces: geometry', () => {
  it('puts every point, with 6 decimals, inside the district bbox', () => {
    for (const p of places) {
      expect(p.lng, p.code).not.toBeNull();
      expect(p.lat, p.code).not.toBeNull();
      expect(Math.round((p.lng ?? 0) * 1e6) / 1e6).toBe(p.lng);
      expect(Math.round((p.lat ?? 0) * 1e6) / 1e6).toBe(p.lat);
      expect(strictlyInside(p, BBOX), p.code).toBe(true);
    }
  });

  it('has one region per street/town/park and per community/village, nothing else', () => {
    expect(regions).toHaveLength(20 + 176);
    expect(regionByCode.size).toBe(regions.length);
    expect([...regionByCode.keys()].sort()).toEqual(
      places
        .filter((p) => SECOND_LEVEL.has(p.kind) || COMMUNITY_LEVEL.has(p.kind))
        .map((p) => p.code)
        .sort(),
    );
    for (const r of regions) {
      for (const v of [r.minLng, r.minLat, r.maxLng, r.maxLat]) expect(Math.round(v * 1e6) / 1e6).toBe(v);
    }
  });

  it('tiles the district bbox with the 20 second-level rectangles', () => {
    const second = regions.filter((r) => r.code.length === 9);
    expect(second).toHaveLength(20);
    expect(tilingViolations(BBOX, second)).toEqual([]);
  });

  it('tiles every street/town rectangle with its communities/villages; parks have none', () => {
    for (const unit of places.filter((p) => SECOND_LEVEL.has(p.kind))) {
      const children = regions.filter((r) => r.code.length === 12 && r.code.startsWith(unit.code));
      if (unit.kind === 'park') {
        expect(children, unit.code).toEqual([]);
        continue;
      }
      expect(children.length, unit.code).toBeGreaterThan(0);
      expect(tilingViolations(get(regionByCode, unit.code), children), unit.code).toEqual([]);
    }
  });

  it('puts second-level points in their rectangle and community/compound/building points strictly in their community rectangle', () => {
    const outside: string[] = [];
    for (const p of places) {
      if (p.kind === 'district') continue;
      const own = p.code.length === 9 ? p.code : p.code.slice(0, 12);
      if (!strictlyInside(p, get(regionByCode, own))) outside.push(p.code);
    }
    expect(outside).toEqual([]);
  });

  it('places buildings within 150 m of their compound', () => {
    let farthest = 0;
    for (const b of buildings) {
      const c = get(placeByCode, b.parentCode ?? '');
      farthest = Math.max(
        farthest,
        distanceM({ lng: b.lng ?? 0, lat: b.lat ?? 0 }, { lng: c.lng ?? 0, lat: c.lat ?? 0 }),
      );
    }
    expect(farthest).toBeLessThanOrEqual(150);
  });
});

describe('generateDemoPlaces: determinism and performance', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(generateDemoPlaces(SEED)).toEqual(places);
    expect(JSON.stringify(generateDemoPlaces(SEED))).toBe(JSON.stringify(places));
    expect(JSON.stringify(demoRegions(SEED))).toBe(JSON.stringify(regions));
  });

  it('gives a different but equally valid district for another seed', () => {
    const other = generateDemoPlaces(OTHER_SEED);
    const otherRegions = demoRegions(OTHER_SEED);
    expect(other).not.toEqual(places);
    expect(otherRegions).not.toEqual(regions);
    expect(other.filter((p) => p.kind === 'compound').map((p) => p.name)).not.toEqual(
      compounds.map((p) => p.name),
    );

    expect(
      countBy(
        other.filter((p) => p.kind !== 'building'),
        (p) => p.kind,
      ),
    ).toEqual(
      countBy(
        places.filter((p) => p.kind !== 'building'),
        (p) => p.kind,
      ),
    );
    expect(other.filter((p) => p.managementType === 'unmanaged')).toHaveLength(340);
    expect(codeViolations(other)).toEqual([]);
    expect(orderViolations(other)).toEqual([]);
    expect(nameViolationsWithinParent(other)).toEqual([]);
    expect(
      tilingViolations(
        BBOX,
        otherRegions.filter((r) => r.code.length === 9),
      ),
    ).toEqual([]);
    const otherRegion = byCode(otherRegions);
    const outside = other.filter(
      (p) => p.code.length >= 12 && !strictlyInside(p, get(otherRegion, p.code.slice(0, 12))),
    );
    expect(outside).toEqual([]);
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => generateDemoPlaces(Number.NaN)).toThrow(TypeError);
  });

  it('generates the whole district in well under a second', () => {
    const start = performance.now();
    generateDemoPlaces(12_345);
    demoRegions(12_345);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('the checkers above catch broken data', () => {
  const parent: Rect = { minLng: 0, minLat: 0, maxLng: 2, maxLat: 1 };
  const left: DemoRegion = { code: 'a', minLng: 0, minLat: 0, maxLng: 1, maxLat: 1 };
  const right: DemoRegion = { code: 'b', minLng: 1, minLat: 0, maxLng: 2, maxLat: 1 };

  it('tiling: accepts a true tiling, rejects a gap, an overlap and a child outside', () => {
    expect(tilingViolations(parent, [left, right])).toEqual([]);
    expect(tilingViolations(parent, [left, { ...right, minLng: 1.1 }])).not.toEqual([]);
    expect(
      tilingViolations(parent, [
        { ...left, maxLng: 1.1 },
        { ...right, maxLng: 1.9 },
      ]),
    ).toContain('a overlaps b');
    expect(tilingViolations(parent, [{ ...left, minLng: -0.1, maxLng: 0.9 }, right])).toContain(
      'a sticks out of its parent',
    );
  });

  it('order, codes, names and points: flag a child before its parent, a bad code, a duplicate name, a point on an edge', () => {
    const district = places[0] as DemoPlace;
    const street = places[1] as DemoPlace;
    expect(orderViolations([street, district])).not.toEqual([]);
    expect(codeViolations([{ ...street, code: '410104001' }])).not.toEqual([]);
    expect(codeViolations([{ ...street, code: '41010300a' }])).not.toEqual([]);
    expect(nameViolationsWithinParent([street, { ...street, code: '410103099' }])).not.toEqual([]);
    expect(strictlyInside({ lng: 1, lat: 0.5 }, parent)).toBe(true);
    expect(strictlyInside({ lng: 2, lat: 0.5 }, parent)).toBe(false);
  });
});

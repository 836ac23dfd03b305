import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { demoRegions, generateDemoPlaces } from '../places/places.demo-data.js';
import { generateCompoundOutlines } from './compounds.demo-data.js';
import { polygonProblem } from './grids.coverage.js';
import { areaM2, bbox, intersection } from './grids.geometry.js';
import { GridLocator, type LocatorCompound } from './grids.locator.js';

const SEED = 20_240_517;
const places = generateDemoPlaces(SEED);
const outlines = generateCompoundOutlines(SEED, places);
const compounds = places.filter((p) => p.kind === 'compound');
const buildings = places.filter((p) => p.kind === 'building');
const single = outlines.map(
  (o) => new GridLocator([], [{ id: 1, code: o.code, name: o.code, placePath: '/', geometry: o.polygon }]),
);
const locator = new GridLocator(
  [],
  outlines.map((o, i): LocatorCompound => ({
    id: i + 1,
    code: o.code,
    name: o.code,
    placePath: '/',
    geometry: o.polygon,
  })),
);

describe('generateCompoundOutlines', () => {
  it('gives every demo compound one valid outline, deterministically', () => {
    expect(compounds).toHaveLength(723);
    expect(outlines.map((o) => o.code)).toEqual(compounds.map((c) => c.code).sort());
    for (const o of outlines) expect(polygonProblem(o.polygon), o.code).toBeNull();
    expect(JSON.stringify(generateCompoundOutlines(SEED))).toBe(JSON.stringify(outlines));
  });

  it('keeps each outline inside its community rectangle', () => {
    const regions = new Map(demoRegions(SEED).map((r) => [r.code, r]));
    const community = new Map(compounds.map((c) => [c.code, c.parentCode ?? '']));
    for (const o of outlines) {
      const r = regions.get(community.get(o.code) ?? '');
      expect(r, o.code).toBeDefined();
      const [minLng, minLat, maxLng, maxLat] = bbox(o.polygon);
      expect(minLng).toBeGreaterThanOrEqual((r?.minLng ?? 0) - 1e-7);
      expect(minLat).toBeGreaterThanOrEqual((r?.minLat ?? 0) - 1e-7);
      expect(maxLng).toBeLessThanOrEqual((r?.maxLng ?? 0) + 1e-7);
      expect(maxLat).toBeLessThanOrEqual((r?.maxLat ?? 0) + 1e-7);
    }
  });

  it('never lets two compounds of a community overlap (beyond sub-millimetre rounding)', () => {
    const byCommunity = new Map<string, typeof outlines>();
    const community = new Map(compounds.map((c) => [c.code, c.parentCode ?? '']));
    for (const o of outlines) {
      const key = community.get(o.code) ?? '';
      byCommunity.set(key, [...(byCommunity.get(key) ?? []), o]);
    }
    for (const list of byCommunity.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i];
          const b = list[j];
          if (!a || !b) continue;
          const part = intersection(a.polygon, b.polygon);
          expect(part ? areaM2(part) : 0, `${a.code} × ${b.code}`).toBeLessThan(0.1);
        }
      }
    }
  });

  it('locates every demo building and compound point to its own compound', () => {
    for (const b of buildings) {
      expect(locator.locate(b.lng ?? 0, b.lat ?? 0).compound?.code, b.code).toBe(b.parentCode);
    }
    for (const c of compounds) expect(locator.locateCompound(c.lng ?? 0, c.lat ?? 0)?.code).toBe(c.code);
  });

  it('locates points outside every compound to null', () => {
    const rng = seedrandom('outside');
    let outside = 0;
    for (let i = 0; i < 2000; i++) {
      const lng = 113.5 + rng() * 0.24;
      const lat = 34.6 + rng() * 0.22;
      const hit = locator.locate(lng, lat).compound;
      const inAny = single.some((one) => one.locateCompound(lng, lat) !== null);
      expect(hit !== null, `${lng},${lat}`).toBe(inAny);
      if (!hit) outside++;
    }
    expect(outside).toBeGreaterThan(1000);
    expect(locator.locate(100, 20).compound).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../../shared/id-number.js';
import { parsePhone } from '../../../shared/phone.js';
import { generateDemoGridSet } from '../grids/grids.demo-data.js';
import { pointInPolygon } from '../grids/grids.geometry.js';
import { generateDemoPlaces } from '../places/places.demo-data.js';
import {
  ALWAYS_POPULATED,
  DEMO_CENSUS_DATE,
  demoPopulatedCommunities,
  generateDemoHouseholds,
} from './households.demo-data.js';

const SEED = 410103;
const places = generateDemoPlaces(SEED);
const gridSet = generateDemoGridSet(SEED);
const grids = gridSet.grids;
const placeByCode = new Map(places.map((p) => [p.code, p]));
const micros = grids.filter((g) => g.kind === 'base' && g.level === 4);
const communityCodes = places
  .filter((p) => p.kind === 'community' || p.kind === 'village')
  .map((p) => p.code);

// A slice: the demo accounts' communities, the two villages sharing a level-2 grid, and a park's host community.
const parkHost = Object.values(gridSet.parks)[0]!.level2;
const SLICE = [...new Set([...ALWAYS_POPULATED, ...gridSet.mergedLevel2.communities, parkHost])];
const generate = (seed = SEED) =>
  [...generateDemoHouseholds(seed, 1, { communities: SLICE, places, grids })].flatMap((c) => c.households);
const households = generate();
const residents = households.flatMap((h) => h.residents);
const ageOf = (birthDate: string): number => {
  const years = Number(DEMO_CENSUS_DATE.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return birthDate.slice(5) > DEMO_CENSUS_DATE.slice(5) ? years - 1 : years;
};

describe('demo households', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(JSON.stringify(generate())).toBe(JSON.stringify(households));
    expect(JSON.stringify(generate(7).slice(0, 50))).not.toBe(JSON.stringify(households.slice(0, 50)));
  });

  it('gives every micro-grid of a populated community exactly the grid generator’s households', () => {
    const inSlice = micros.filter((m) => SLICE.includes(m.placeCode));
    expect(inSlice.length).toBeGreaterThan(100);
    const counts = new Map<string, number>();
    for (const h of households) counts.set(h.microCode, (counts.get(h.microCode) ?? 0) + 1);
    for (const m of inSlice) expect(counts.get(m.code) ?? 0, m.code).toBe(m.households);
    expect([...counts.keys()].every((code) => inSlice.some((m) => m.code === code))).toBe(true);
    const perHousehold = residents.length / households.length;
    expect(perHousehold).toBeGreaterThan(2.5);
    expect(perHousehold).toBeLessThan(2.8);
  });

  it('puts households in the buildings of their micro-grid, or on its community at a point inside it', () => {
    const microByCode = new Map(micros.map((m) => [m.code, m]));
    const keys = new Set<string>();
    let inBuildings = 0;
    for (const h of households) {
      const micro = microByCode.get(h.microCode)!;
      const place = placeByCode.get(h.placeCode)!;
      if (place.kind === 'building') {
        inBuildings++;
        expect(pointInPolygon(place.lng!, place.lat!, micro.polygon)).toBe(true);
        expect(h.unit).toMatch(/^\d+单元$/);
        expect(h.room).toMatch(/^\d{3,4}室$/);
        expect(h.lng).toBeNull();
      } else {
        expect(h.placeCode).toBe(micro.placeCode);
        expect(pointInPolygon(h.lng!, h.lat!, micro.polygon)).toBe(true);
        expect(h.address).toMatch(/^郑州市二七区.+(街道|镇|乡).+\d+号(\d+室)?$/);
      }
      expect((h.room ?? '').length).toBeLessThanOrEqual(20);
      // the writer finds households by (place, unit, room): two demo households must never share one
      const key = `${h.placeCode}|${h.unit}|${h.room}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
    }
    expect(inBuildings).toBeGreaterThan(0);
    expect(inBuildings).toBeLessThan(households.length);
  });

  it('has one head per household, tenants only in rented ones', () => {
    for (const h of households) {
      expect(h.residents.filter((r) => r.relation === 'head')).toHaveLength(1);
      expect(h.residents[0]!.relation).toBe('head');
      if (h.housing !== 'rented') expect(h.residents.some((r) => r.relation === 'tenant')).toBe(false);
    }
  });

  it('gives valid, unique ID numbers matching birth date and sex; foreign residents none', () => {
    const seen = new Set<string>();
    for (const r of residents) {
      if (r.residenceType === 'foreign') {
        expect(r.idNumber).toBeNull();
        expect(r.note).toMatch(/^护照国籍：/);
        continue;
      }
      const parsed = parseIdNumber(r.idNumber!, DEMO_CENSUS_DATE);
      expect(parsed.ok, r.idNumber!.slice(0, 6)).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.birthDate).toBe(r.birthDate);
      expect(parsed.sex).toBe(r.gender);
      expect(seen.has(parsed.value)).toBe(false);
      seen.add(parsed.value);
      if (r.residenceType === 'migrant' && r.relation === 'head')
        expect(parsed.regionCode.slice(0, 2)).not.toBe('41');
      if (r.residenceType === 'registered' && r.relation === 'head')
        expect(parsed.regionCode.slice(0, 2)).toBe('41');
    }
    expect(seen.size).toBeGreaterThan(10_000);
  });

  it('gives valid unique mobiles to most adults and none to young children', () => {
    const phones = residents.filter((r) => r.phone).map((r) => r.phone!);
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of phones) expect(parsePhone(p)).toMatchObject({ ok: true, kind: 'mobile' });
    const adults = residents.filter((r) => ageOf(r.birthDate) >= 18);
    expect(adults.filter((r) => r.phone).length / adults.length).toBeGreaterThan(0.8);
    expect(residents.filter((r) => ageOf(r.birthDate) < 14 && r.phone)).toHaveLength(0);
  });

  it('tags consistently with age and household, at realistic rates', () => {
    const share = (list: typeof residents, tag: string) =>
      list.filter((r) => r.tags.includes(tag as never)).length / list.length;
    for (const h of households) {
      for (const r of h.residents) {
        const age = ageOf(r.birthDate);
        const alone = h.residents.length === 1;
        expect(r.tags.includes('elderly_alone'), `${age} ${alone}`).toBe(age >= 60 && alone);
        expect(r.tags.includes('elderly_80')).toBe(age >= 80);
        if (r.tags.includes('left_behind_child')) {
          expect(age).toBeLessThan(16);
          // living with grandparents only: no one of parents' age in the household
          expect(
            h.residents.filter((o) => ageOf(o.birthDate) >= 18).every((o) => ageOf(o.birthDate) >= 50),
          ).toBe(true);
        }
        if (r.tags.includes('party_member') || r.tags.includes('volunteer'))
          expect(age).toBeGreaterThanOrEqual(18);
        if (r.tags.includes('five_elders')) expect(age).toBeGreaterThanOrEqual(65);
        if (r.residenceType === 'foreign')
          expect(r.tags.filter((t) => !/^elderly|volunteer/.test(t))).toEqual([]);
      }
      const lowIncome = h.residents.map((r) => r.tags.includes('low_income'));
      expect(new Set(lowIncome).size).toBe(1);
    }
    const adults = residents.filter((r) => ageOf(r.birthDate) >= 18);
    expect(share(adults, 'party_member')).toBeGreaterThan(0.05);
    expect(share(adults, 'party_member')).toBeLessThan(0.09);
    expect(share(residents, 'disability')).toBeGreaterThan(0.04);
    expect(share(residents, 'disability')).toBeLessThan(0.08);
    expect(share(residents, 'left_behind_child')).toBeGreaterThan(0);
    const elderly = residents.filter((r) => ageOf(r.birthDate) >= 60).length / residents.length;
    expect(elderly).toBeGreaterThan(0.1);
    expect(elderly).toBeLessThan(0.25);
  });

  it('chooses a seeded share of communities, always with the demo accounts’ ones', () => {
    const small = demoPopulatedCommunities(SEED, 0.02, communityCodes);
    expect(small).toHaveLength(Math.round(0.02 * communityCodes.length));
    for (const code of ALWAYS_POPULATED) expect(small).toContain(code);
    expect(demoPopulatedCommunities(SEED, 0.02, communityCodes)).toEqual(small);
    expect(demoPopulatedCommunities(SEED, 0.1, communityCodes)).toHaveLength(18);
    expect(demoPopulatedCommunities(SEED, 1, communityCodes)).toHaveLength(176);
    expect(demoPopulatedCommunities(SEED, 0.001, communityCodes)).toEqual([...ALWAYS_POPULATED]);
  });
});

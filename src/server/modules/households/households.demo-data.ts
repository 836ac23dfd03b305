import {
  FOREIGN,
  GIVEN,
  HENAN,
  OTHER_PROVINCES,
  SURNAMES,
  ZHENGZHOU,
  type Era,
  type Weighted,
} from './households.demo-names.js';
import Flatbush from 'flatbush';
import seedrandom from 'seedrandom';
import { makeIdNumber } from '../../../shared/id-number.js';
import type { ResidentTag } from '../../../shared/resident-tags.js';
import { apportion, at, demoMobile, pick, shuffled, type Rng } from '../../core/demo-utils.js';
import type { Housing, Relation, ResidenceType } from '../../db/types.js';
import { generateDemoGrids, type DemoGrid } from '../grids/grids.demo-data.js';
import { bbox, pointInPolygon } from '../grids/grids.geometry.js';
import { generateDemoPlaces, type DemoPlace } from '../places/places.demo-data.js';

/**
 * Demo households and residents (实有房屋 · 实有人口) on the demo places and grids of the same seed.
 *
 * PURE and deterministic: no database, no I/O, no clock; the same seed and scale give identical output. Ages are
 * counted at DEMO_CENSUS_DATE, not today.
 *
 * Decisions
 * - Households per micro-grid: exactly the grid generator's figure (50–70, 6,281 micro-grids, ≈ 377k households);
 *   residents ≈ 2.65 per household, so ≈ 1 million at scale 1 (the source text's "about 1 million").
 * - Scale s < 1: a seeded share s of the 176 communities/villages (at least the demo accounts' communities
 *   ALWAYS_POPULATED) is populated FULLY and the others not at all, so every populated grid is realistic. Each
 *   community draws from a random stream of its own (seed + community code), so a community looks the same at
 *   every scale; only ID sequence numbers that collide are bumped, in community-code order.
 * - Where households live: in the buildings located inside their micro-grid (base polygons, the locator's
 *   half-open rule), spread over them by capacity. A building's shape follows its compound: professional
 *   estates mostly high-rises (11–33 floors, 1–3 units, 2–4 flats a floor), self-managed work-unit compounds
 *   6–7-floor walk-ups (2 flats a floor), unmanaged old compounds 4–7 floors, village resettlement compounds
 *   high-rises with 4 flats a floor; a building that cannot hold its micro-grid's share gets more units (walk-ups)
 *   or floors (up to 33). Flats are drawn at random among the building's rooms: unit "2单元", room "502室".
 * - Micro-grids without any building record (about three quarters: buildings cluster around compounds) hold
 *   housing outside building records, placed on the micro-grid's community: 自建房 in villages (an owner
 *   household renting rooms to 0–4 tenant households: room "长江路88号", tenants "长江路88号2室") and 沿街房 along
 *   the streets in communities (1–2 households). Each site has a road of the community (from its places'
 *   addresses), a house number unused there, and a point inside the micro-grid.
 * - Household types (owned/public/other): single 15 % (45 % of them 60+), couple 24 %, parents + children 36 %,
 *   three generations 18 %, grandparents + grandchildren 4 % (the children are 留守儿童), single parent 3 %.
 *   Rented: single 30 % (20–45), couple 24 %, family 34 %, flat-share 12 %. Housing: by compound management
 *   type (professional 75 % owned, self-managed 70 % + 8 % public, unmanaged 55 % + 8 % public; 22–35 % rented).
 * - Relations: exactly one head per household (the first adult); in rented households the others are tenants.
 * - Residence: owned households registered 92 % (else migrant); rented 65 % migrant; 0.15 % of rented households
 *   are foreign (no ID number; the note names the passport country).
 * - ID numbers (makeIdNumber): registered people carry Erqi (45 %), other Zhengzhou (30 %) or other Henan (25 %)
 *   region codes, children born here mostly Erqi's; migrants carry other provinces' codes; all unique and valid.
 * - Phones: mobiles for 88 % of adults 18–79, 45 % of 80+, 40 % of 14–17; unique.
 * - Tags, consistent with age and household: elderly_alone = every 60+ living alone (only they); elderly_80 =
 *   every 80+; left_behind_child = under-16s living with grandparents only; party_member ≈ 7 % of adults
 *   (5 % 18–34, 7 % 35–59, 10 % 60+); veteran 4 % of men and 0.3 % of women 30+; five_elders 30 % of 65+ party
 *   members and veterans; disability ≈ 6 % (2 % of minors, 5 % of 18–59, 12 % of 60–79, 20 % of 80+); chronic_illness 8 % of 45–59 and 25 % of 60+;
 *   low_income 2 % of households (every member); volunteer 5 % of 18–75; key_group 0.3 % and
 *   community_correction 0.05 % of 18–60. Foreign residents carry only age tags and volunteer.
 */

export const DEMO_CENSUS_DATE = '2026-07-01';
/** The demo accounts' communities: populated at every scale. */
export const ALWAYS_POPULATED = ['410103001001', '410103002001'] as const;

export interface DemoResident {
  name: string;
  relation: Relation;
  gender: 'male' | 'female';
  birthDate: string;
  residenceType: ResidenceType;
  idNumber: string | null;
  phone: string | null;
  tags: ResidentTag[];
  note: string | null;
}

export interface DemoHousehold {
  microCode: string;
  /** A building, or the community/village for housing outside building records. */
  placeCode: string;
  unit: string | null;
  room: string | null;
  /** Null for flats in buildings (the writer builds it from the building's address). */
  address: string | null;
  /** Null for flats in buildings (the building's point). */
  lng: number | null;
  lat: number | null;
  housing: Housing;
  residents: DemoResident[];
}

export interface DemoCommunityHouseholds {
  communityCode: string;
  households: DemoHousehold[];
}

export interface DemoHouseholdOptions {
  /** Only these communities (a slice, for tests); default: the scale's share. */
  communities?: readonly string[];
  /** The demo places and grids of the seed, when the caller has them already. */
  places?: readonly DemoPlace[];
  grids?: readonly DemoGrid[];
}

const DAY_MS = 86_400_000;
const CENSUS_YEAR = Number(DEMO_CENSUS_DATE.slice(0, 4));

function weighted<T>(rng: Rng, table: Weighted<T>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return at(table, table.length - 1)[0];
}

const randInt = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Rng, p: number): boolean => rng() < p;

// ---------------------------------------------------------------- names

const eraOf = (year: number): Era =>
  year < 1960 ? 'old' : year < 1980 ? 'mid' : year < 2000 ? 'young' : year < 2010 ? 'teen' : 'child';

function givenName(rng: Rng, era: Era, sex: 'male' | 'female'): string {
  const g = GIVEN[era];
  if (chance(rng, 0.4)) return pick(rng, sex === 'male' ? g.male : g.female);
  const chars = [...(sex === 'male' ? g.maleChars : g.femaleChars)];
  // older people more often have one-character given names
  if (chance(rng, era === 'mid' ? 0.35 : era === 'old' ? 0.15 : 0.1)) return pick(rng, chars);
  return `${pick(rng, chars)}${pick(rng, chars)}`;
}

// ---------------------------------------------------------------- regions, IDs, phones

const ERQI = '410103';
/** Keeps ID numbers and phones unique across the whole generation (deterministic: community-code order). */
class Registry {
  private readonly ids = new Set<string>();
  private readonly phones = new Set<string>();

  idNumber(rng: Rng, region: string, birthDate: string, sex: 'male' | 'female'): string {
    const prefix = `${region}${birthDate.replace(/-/g, '')}`;
    const start = Math.floor(rng() * 500);
    for (let tries = 0; tries < 500; tries++) {
      const seq = String(((start + tries) % 500) * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
      if (!this.ids.has(prefix + seq)) {
        this.ids.add(prefix + seq);
        return makeIdNumber(region, birthDate, seq);
      }
    }
    throw new Error(`demo ID numbers exhausted for ${region} ${birthDate}`);
  }

  phone(rng: Rng): string {
    for (;;) {
      const phone = demoMobile(rng);
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }
}

// ---------------------------------------------------------------- people and households

interface Person {
  surname: string;
  sex: 'male' | 'female';
  age: number;
  region: string;
}

/** A birth date making the person exactly `age` at the census date. */
function birthDateFor(rng: Rng, age: number): string {
  const anniversary = Date.UTC(CENSUS_YEAR - age, 6, 1);
  return new Date(anniversary - Math.floor(rng() * 365) * DAY_MS).toISOString().slice(0, 10);
}

type Kind = 'single' | 'couple' | 'family' | 'three' | 'skip' | 'singleParent' | 'share';
const OWNED_KINDS: Weighted<Kind> = [
  ['single', 15],
  ['couple', 24],
  ['family', 36],
  ['three', 18],
  ['skip', 4],
  ['singleParent', 3],
];
const RENTED_KINDS: Weighted<Kind> = [
  ['single', 30],
  ['couple', 24],
  ['family', 34],
  ['share', 12],
];

interface HouseholdContext {
  rng: Rng;
  registry: Registry;
  housing: Housing;
}

function registeredRegion(rng: Rng): string {
  const r = rng();
  return r < 0.45 ? ERQI : r < 0.75 ? pick(rng, ZHENGZHOU) : pick(rng, HENAN);
}

function composition(rng: Rng, kind: Kind, rented: boolean, origin: () => string): Person[] {
  const surname = (): string => weighted(rng, SURNAMES);
  const adult = (sex: 'male' | 'female', age: number, name = surname()): Person => ({
    surname: name,
    sex,
    age: Math.max(18, Math.min(99, age)),
    region: origin(),
  });
  const sexOf = (): 'male' | 'female' => (chance(rng, 0.51) ? 'male' : 'female');
  const children = (family: string, parentAge: number, count: number, minAge = 0): Person[] =>
    Array.from({ length: count }, () => {
      const age = Math.max(minAge, parentAge - randInt(rng, 23, 36));
      // born here: mostly Erqi's code
      return { surname: family, sex: sexOf(), age, region: chance(rng, 0.7) ? ERQI : origin() };
    });
  const couple = (headAge: number): Person[] => {
    const husband = adult('male', headAge);
    return [husband, adult('female', headAge - randInt(rng, -2, 4))];
  };
  const kidsCount = (): number =>
    weighted(rng, [
      [1, 55],
      [2, 40],
      [3, 5],
    ] as const);
  switch (kind) {
    case 'single':
      if (rented) return [adult(sexOf(), randInt(rng, 20, 45))];
      return [adult(sexOf(), chance(rng, 0.45) ? randInt(rng, 60, 92) : randInt(rng, 20, 59))];
    case 'couple':
      return couple(
        weighted(rng, [
          [randInt(rng, 24, 35), 35],
          [randInt(rng, 36, 59), 30],
          [randInt(rng, 60, 88), 35],
        ]),
      );
    case 'family': {
      const parents = couple(randInt(rng, 28, 55));
      return [...parents, ...children(at(parents, 0).surname, at(parents, 0).age, kidsCount())];
    }
    case 'three': {
      const parents = couple(randInt(rng, 28, 50));
      const father = at(parents, 0);
      const grandfather = adult('male', father.age + randInt(rng, 24, 34), father.surname);
      const elders = chance(rng, 0.6)
        ? [grandfather, adult('female', grandfather.age - randInt(rng, 0, 4))]
        : [chance(rng, 0.5) ? grandfather : adult('female', father.age + randInt(rng, 24, 34))];
      return [...parents, ...elders, ...children(father.surname, father.age, chance(rng, 0.6) ? 1 : 2)];
    }
    case 'skip': {
      const grandfather = adult('male', randInt(rng, 55, 76));
      const elders = chance(rng, 0.65)
        ? [grandfather, adult('female', grandfather.age - randInt(rng, 0, 4))]
        : [grandfather];
      const kids = Array.from({ length: chance(rng, 0.7) ? 1 : 2 }, () => ({
        surname: grandfather.surname,
        sex: sexOf(),
        age: randInt(rng, 3, 15),
        region: chance(rng, 0.7) ? ERQI : origin(),
      }));
      return [...elders, ...kids];
    }
    case 'singleParent': {
      const parent = adult(sexOf(), randInt(rng, 30, 52));
      return [parent, ...children(parent.sex === 'male' ? parent.surname : surname(), parent.age, 1)];
    }
    case 'share':
      return Array.from({ length: randInt(rng, 2, 4) }, () => adult(sexOf(), randInt(rng, 20, 32)));
  }
}

function tagsFor(
  rng: Rng,
  person: Person,
  size: number,
  kind: Kind,
  foreign: boolean,
  lowIncome: boolean,
): ResidentTag[] {
  const { age } = person;
  const tags: ResidentTag[] = [];
  if (age >= 60 && size === 1) tags.push('elderly_alone');
  if (age >= 80) tags.push('elderly_80');
  if (kind === 'skip' && age < 16) tags.push('left_behind_child');
  const adult = age >= 18;
  if (adult && age <= 75 && chance(rng, 0.05)) tags.push('volunteer');
  if (foreign) return tags;
  let elderCandidate = false;
  if (adult && chance(rng, age < 35 ? 0.05 : age < 60 ? 0.07 : 0.1)) {
    tags.push('party_member');
    elderCandidate = true;
  }
  if (age >= 30 && chance(rng, person.sex === 'male' ? 0.04 : 0.003)) {
    tags.push('veteran');
    elderCandidate = true;
  }
  if (elderCandidate && age >= 65 && chance(rng, 0.3)) tags.push('five_elders');
  if (chance(rng, age < 18 ? 0.02 : age < 60 ? 0.05 : age < 80 ? 0.12 : 0.2)) tags.push('disability');
  if (age >= 45 && chance(rng, age < 60 ? 0.08 : 0.25)) tags.push('chronic_illness');
  if (lowIncome) tags.push('low_income');
  if (adult && age <= 60) {
    if (chance(rng, 0.003)) tags.push('key_group');
    else if (chance(rng, 0.0005)) tags.push('community_correction');
  }
  return tags;
}

function phoneShare(age: number): number {
  return age >= 80 ? 0.45 : age >= 18 ? 0.88 : age >= 14 ? 0.4 : 0;
}

function residents(ctx: HouseholdContext): DemoResident[] {
  const { rng, registry, housing } = ctx;
  const rented = housing === 'rented';
  const foreign = rented && chance(rng, 0.0015);
  const residence: ResidenceType = foreign
    ? 'foreign'
    : chance(rng, rented ? 0.65 : 0.08)
      ? 'migrant'
      : 'registered';
  const homeProvince = weighted(rng, OTHER_PROVINCES);
  const origin =
    residence === 'migrant'
      ? () => (chance(rng, 0.8) ? homeProvince : weighted(rng, OTHER_PROVINCES))
      : () => registeredRegion(rng);
  const kind = weighted(rng, rented ? RENTED_KINDS : OWNED_KINDS);
  const people = composition(rng, kind, rented, origin);
  const country = foreign ? pick(rng, FOREIGN) : null;
  const lowIncome = !foreign && chance(rng, 0.02);
  return people.map((p, i) => {
    const birthDate = birthDateFor(rng, p.age);
    const relation: Relation = i === 0 ? 'head' : rented ? 'tenant' : 'member';
    return {
      name: country
        ? pick(rng, country.names)
        : `${p.surname}${givenName(rng, eraOf(CENSUS_YEAR - p.age), p.sex)}`,
      relation,
      gender: p.sex,
      birthDate,
      residenceType: residence,
      idNumber: foreign ? null : registry.idNumber(rng, p.region, birthDate, p.sex),
      phone: chance(rng, phoneShare(p.age)) ? registry.phone(rng) : null,
      tags: tagsFor(rng, p, people.length, kind, foreign, lowIncome),
      note: country ? `护照国籍：${country.country}` : null,
    };
  });
}

// ---------------------------------------------------------------- buildings and sites

interface Shape {
  floors: number;
  units: number;
  perFloor: number;
  highRise: boolean;
}

function buildingShape(rng: Rng, compound: DemoPlace | undefined, inVillage: boolean): Shape {
  const walkUp = (floors: number, units: number, perFloor: number): Shape => ({
    floors,
    units,
    perFloor,
    highRise: false,
  });
  if (inVillage && chance(rng, 0.7))
    return { floors: pick(rng, [18, 24, 26, 30]), units: 2, perFloor: 4, highRise: true };
  switch (compound?.managementType) {
    case 'professional':
      return chance(rng, 0.7)
        ? {
            floors: pick(rng, [11, 18, 18, 26, 32, 33]),
            units: randInt(rng, 1, 3),
            perFloor: randInt(rng, 2, 4),
            highRise: true,
          }
        : walkUp(6, randInt(rng, 2, 4), 2);
    case 'self_managed':
      return walkUp(randInt(rng, 6, 7), randInt(rng, 2, 4), 2);
    default:
      return walkUp(randInt(rng, 4, 7), randInt(rng, 1, 3), randInt(rng, 2, 3));
  }
}

const capacity = (s: Shape): number => s.floors * s.units * s.perFloor;

/** Grows shapes until they hold `households`: walk-ups get units, high-rises floors (to 33) then units. */
function fit(shapes: Shape[], households: number): void {
  let i = 0;
  while (shapes.reduce((sum, s) => sum + capacity(s), 0) < households) {
    const s = at(shapes, i % shapes.length);
    if (s.highRise && s.floors < 33) s.floors++;
    else s.units++;
    i++;
  }
}

/** `count` distinct flats of a building, in order: unit "2单元", room "502室". */
function flats(rng: Rng, shape: Shape, count: number): { unit: string; room: string }[] {
  const perUnit = shape.floors * shape.perFloor;
  const all = Array.from({ length: capacity(shape) }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng() * (all.length - i));
    const a = at(all, i);
    all[i] = at(all, j);
    all[j] = a;
  }
  return all
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((n) => {
      const rest = n % perUnit;
      const floor = Math.floor(rest / shape.perFloor) + 1;
      return {
        unit: `${Math.floor(n / perUnit) + 1}单元`,
        room: `${floor}${String((rest % shape.perFloor) + 1).padStart(2, '0')}室`,
      };
    });
}

const ADDRESS = /^(郑州市二七区.+?(?:街道|镇|乡))(.+?)(\d+)号/;

interface CommunityStreets {
  prefix: string;
  roads: string[];
  used: Set<string>;
}

function communityStreets(community: DemoPlace, subtree: readonly DemoPlace[]): CommunityStreets {
  const roads = new Set<string>();
  const used = new Set<string>();
  let prefix = '郑州市二七区';
  for (const place of [community, ...subtree]) {
    const m = place.address ? ADDRESS.exec(place.address) : null;
    if (!m) continue;
    prefix = m[1]!;
    roads.add(m[2]!);
    used.add(`${m[2]}${m[3]}`);
  }
  return { prefix, roads: [...roads].sort(), used };
}

function pointIn(rng: Rng, grid: DemoGrid): { lng: number; lat: number } {
  const [minLng, minLat, maxLng, maxLat] = bbox(grid.polygon);
  for (;;) {
    const lng = Math.round((minLng + rng() * (maxLng - minLng)) * 1e6) / 1e6;
    const lat = Math.round((minLat + rng() * (maxLat - minLat)) * 1e6) / 1e6;
    if (pointInPolygon(lng, lat, grid.polygon)) return { lng, lat };
  }
}

// ---------------------------------------------------------------- the generator

/** The communities populated at a scale: all at 1, else a seeded share that always holds ALWAYS_POPULATED. */
export function demoPopulatedCommunities(
  seed: number,
  scale: number,
  communityCodes: readonly string[],
): string[] {
  const all = [...communityCodes].sort();
  if (scale >= 1) return all;
  const fixed = all.filter((c) => (ALWAYS_POPULATED as readonly string[]).includes(c));
  const count = Math.max(fixed.length, Math.round(scale * all.length));
  const others = shuffled(
    seedrandom(`${seed}:households:communities`),
    all.filter((c) => !fixed.includes(c)),
  );
  return [...fixed, ...others.slice(0, count - fixed.length)].sort();
}

/**
 * The demo households, one community at a time (in code order), so a seeder can write them in batches
 * without holding a million residents in memory.
 */
export function* generateDemoHouseholds(
  seed: number,
  scale: number,
  options: DemoHouseholdOptions = {},
): Generator<DemoCommunityHouseholds> {
  const places = options.places ?? generateDemoPlaces(seed);
  const grids = options.grids ?? generateDemoGrids(seed);
  const placeByCode = new Map(places.map((p) => [p.code, p]));
  const micros = grids.filter((g) => g.kind === 'base' && g.level === 4);
  const communityCodes = places
    .filter((p) => p.kind === 'community' || p.kind === 'village')
    .map((p) => p.code);
  const chosen = options.communities
    ? [...options.communities].sort()
    : demoPopulatedCommunities(seed, scale, communityCodes);

  // Buildings by the micro-grid holding their point (the locator's rule: first code wins on an edge).
  const index = new Flatbush(micros.length);
  for (const m of micros) index.add(...bbox(m.polygon));
  index.finish();
  const buildingsByMicro = new Map<string, DemoPlace[]>();
  for (const b of places) {
    if (b.kind !== 'building' || b.lng === null || b.lat === null) continue;
    const lng = b.lng;
    const lat = b.lat;
    const hits = index
      .search(lng, lat, lng, lat)
      .map((i) => at(micros, i))
      .filter((m) => pointInPolygon(lng, lat, m.polygon))
      .sort((x, y) => x.code.localeCompare(y.code));
    if (!hits[0]) continue;
    const list = buildingsByMicro.get(hits[0].code) ?? [];
    list.push(b);
    buildingsByMicro.set(hits[0].code, list);
  }
  const microsByCommunity = new Map<string, DemoGrid[]>();
  for (const m of micros) {
    const list = microsByCommunity.get(m.placeCode) ?? [];
    list.push(m);
    microsByCommunity.set(m.placeCode, list);
  }

  const registry = new Registry();
  for (const communityCode of chosen) {
    const community = placeByCode.get(communityCode);
    if (!community) throw new Error(`unknown demo community ${communityCode}`);
    const rng = seedrandom(`${seed}:households:${communityCode}`);
    const subtree = places.filter((p) => p.code.startsWith(communityCode) && p.code !== communityCode);
    const streets = communityStreets(community, subtree);
    const households: DemoHousehold[] = [];
    const inVillage = community.kind === 'village';
    for (const micro of (microsByCommunity.get(communityCode) ?? []).sort((a, b) =>
      a.code.localeCompare(b.code),
    )) {
      const buildings = buildingsByMicro.get(micro.code) ?? [];
      if (buildings.length > 0) {
        const shapes = buildings.map((b) =>
          buildingShape(rng, placeByCode.get(b.parentCode ?? ''), inVillage),
        );
        fit(shapes, micro.households);
        const shares = apportion(micro.households, shapes.map(capacity));
        buildings.forEach((building, i) => {
          const managed = placeByCode.get(building.parentCode ?? '')?.managementType;
          for (const flat of flats(rng, at(shapes, i), at(shares, i))) {
            const housing = weighted<Housing>(
              rng,
              HOUSING_BY_MANAGEMENT[inVillage ? 'village' : (managed ?? 'unmanaged')],
            );
            households.push({
              microCode: micro.code,
              placeCode: building.code,
              unit: flat.unit,
              room: flat.room,
              address: null,
              lng: null,
              lat: null,
              housing,
              residents: residents({ rng, registry, housing }),
            });
          }
        });
        continue;
      }
      let left = micro.households;
      while (left > 0) {
        const selfBuilt = inVillage;
        const size = Math.min(
          left,
          selfBuilt
            ? weighted(rng, [
                [1, 30],
                [2, 20],
                [3, 20],
                [4, 15],
                [5, 15],
              ] as const)
            : chance(rng, 0.7)
              ? 1
              : 2,
        );
        const road = streets.roads.length > 0 ? pick(rng, streets.roads) : '建设路';
        let no = randInt(rng, 1, 599);
        while (streets.used.has(`${road}${no}`)) no = no >= 998 ? 1 : no + 1;
        streets.used.add(`${road}${no}`);
        const point = pointIn(rng, micro);
        for (let k = 0; k < size; k++) {
          const housing: Housing =
            k > 0 ? 'rented' : selfBuilt ? 'owned' : chance(rng, 0.6) ? 'owned' : 'rented';
          const room = k === 0 ? `${road}${no}号` : `${road}${no}号${k + 1}室`;
          households.push({
            microCode: micro.code,
            placeCode: communityCode,
            unit: null,
            room,
            address: `${streets.prefix}${room}`,
            ...point,
            housing,
            residents: residents({ rng, registry, housing }),
          });
        }
        left -= size;
      }
    }
    yield { communityCode, households };
  }
}

const HOUSING_BY_MANAGEMENT: Record<
  'professional' | 'self_managed' | 'unmanaged' | 'village',
  Weighted<Housing>
> = {
  professional: [
    ['owned', 75],
    ['rented', 22],
    ['other', 3],
  ],
  self_managed: [
    ['owned', 70],
    ['rented', 20],
    ['public', 8],
    ['other', 2],
  ],
  unmanaged: [
    ['owned', 55],
    ['rented', 35],
    ['public', 8],
    ['other', 2],
  ],
  village: [
    ['owned', 70],
    ['rented', 30],
  ],
};

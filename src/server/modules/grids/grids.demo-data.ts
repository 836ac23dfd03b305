import { COMMERCIAL_AREAS, SURNAMES } from './grids.demo-names.js';
import Flatbush from 'flatbush';
import { apportion, at, shuffled, type Rng } from '../../core/demo-utils.js';
import seedrandom from 'seedrandom';
import {
  demoRegions,
  generateDemoPlaces,
  type DemoPlace,
  type DemoRegion,
} from '../places/places.demo-data.js';
import {
  intersectRects,
  polygonFromRect,
  roundCoord,
  union,
  type GridPolygon,
  type PolygonGeometry,
  type Rect,
} from './grids.geometry.js';

/**
 * Demo grids (网格) of Erqi District at the scale of the source text, built on the demo place tree
 * (places.demo-data.ts): 17 level-1, 175 level-2, 1,441 level-3 and 6,281 micro-grids in the base tree, nested
 * exactly, plus the specialised grids (2 level-1 and 549 level-3, among them the Erqi commercial district) and a
 * handful of economic and kinship grids.
 *
 * PURE and deterministic: no database, no I/O, no clock; the same seed gives identical output. The seed is the
 * place generator's seed, so the grids fit the places of the same seed.
 *
 * Decisions
 * - Parks (园区 410103400–402) have no communities and no level-1 grid of their own (the text counts 17 level-1
 *   grids, one per street/town). Each park is taken into the level-1 grid of an adjacent street or town: its
 *   namesake town when adjacent (马寨产业园区 → 马寨镇, 樱桃沟文化旅游园区 → 侯寨乡), else the neighbour whose
 *   rectangle forms a rectangle with the park's, else the neighbour with the longest shared edge. At level 2
 *   the park joins the grid of the host's community with the longest shared edge (its polygon becomes community
 *   ∪ park) and forms PARK_LEVEL3 level-3 grids of its own (enterprise dormitories and talent apartments), each
 *   with its micro-grids. So the 17 level-1 grids tile the whole district rectangle.
 * - 176 communities/villages vs 175 level-2 grids: two small adjacent villages of one town whose rectangles
 *   together form a rectangle share one level-2 grid ("甲村、乙村二级网格", code and place of the lower-coded
 *   village); its level-3 grids keep their own village as place and in their names.
 * - Level-3 and micro counts: 1,441 level-3 grids are apportioned to communities by building count and area
 *   (at least MIN_LEVEL3_PER_COMMUNITY each). 6,281 / 1,441 = 4.36 micro-grids per level-3 grid, so with
 *   micro-grids of 50–70 households a level-3 grid averages at most ~305 households: the text's 300–500 cannot
 *   hold everywhere. Exactly 517 level-3 grids (weighted to dense communities) have 5 micro-grids of 60–70
 *   households (300–350 households, within 300–500); the other 924 have 4 micro-grids of 50–70 (200–280).
 * - Geometry: level-2 polygon = its community rectangle(s) (∪ park); level-3 and micro polygons come from a
 *   weighted binary treemap (households as weights) of their parent rectangle, so children tile their parent
 *   exactly: every cut is rounded to 6 decimals once and the same number is used on both sides.
 * - Codes (digits, a child's code starts with its parent's, in the spirit of GB/T 30428.1: district + street +
 *   community + sequence; the length tells the level): level 1 = street/town code (9 digits), level 2 = community
 *   code (12), level 3 = level-2 code + 3-digit sequence (15, the GB/T 30428.1 unit-grid layout), micro =
 *   level-3 code + 2-digit sequence (17). Overlay ranges never collide with base codes:
 *   - specialised level 1: 4101039NN (street segment 9xx is unused by the place codes); the commercial
 *     district's level 2 = 410103901 + NNN, its level 3 = level 2 + NNN, its micro = level 3 + NN; the other
 *     specialised level-1 grid (trades: schools, markets, hospitals) has no level 2, so its level-3 codes are
 *     410103902 + "000" + NNN;
 *   - economic (level 2, under the town's/street's level-1 grid): level-1 code + "8" + NN;
 *   - kinship (level 3, under the village's level-2 grid): level-2 code + "7" + NN (base level-3 sequences stay
 *     below 700).
 * - Specialised: the Erqi commercial district (二七商圈专属网格, led by 二七商圈管委会) is a rectangle centred
 *   where three streets meet (preferring 德化街 and the old core streets), with 6 level-2, 49 level-3 and 148
 *   micro-grids tiling it. The second specialised level-1 grid (二七区行业专属网格, led by 区委政法委) holds the
 *   other 500 specialised level-3 grids: schools (区教育局), markets (区市场监管局) and hospitals (区卫健委), each
 *   a small rectangle inside a distinct base level-3 grid away from the commercial district; its polygon is the
 *   MultiPolygon of those 500. 49 + 500 = 549 specialised level-3 grids.
 * - Economic grids (经济网格, led by the collective economic cooperative) cover two villages of each town and
 *   the village-to-community 郭家咀社区; kinship grids (亲情网格, led by a villagers' group) split 郭家咀社区 and
 *   one village of each town in two.
 * - Households: base micro-grids carry them, every parent is the sum of its children. Overlay grids carry an
 *   estimate of the households living inside them (base micro-grid households weighted by overlapped area).
 * - placeCode: level 1 → the street/town; base levels 2–4 → the community/village (park grids: the host
 *   community); overlays → the street they are led from (the street holding their centre; 二七商圈: 德化街街道 when
 *   it is one of its streets; the district-wide trades grid: the district 410103).
 */

export type GridLevel = 1 | 2 | 3 | 4; // 4 = micro-grid
export type GridKind = 'base' | 'specialised' | 'economic' | 'kinship';

export interface DemoGrid {
  code: string; // digits, unique; a child's code starts with its parent's code
  parentCode: string | null;
  level: GridLevel;
  kind: GridKind;
  name: string;
  placeCode: string;
  leadUnit: string | null; // overlays only
  polygon: GridPolygon; // WGS-84
  households: number;
}

/** Target counts per kind and level (the source text's figures for base and specialised grids). */
export const GRID_DEMO_COUNTS: Record<GridKind, Record<GridLevel, number>> = {
  base: { 1: 17, 2: 175, 3: 1441, 4: 6281 },
  specialised: { 1: 2, 2: 6, 3: 549, 4: 148 },
  economic: { 1: 0, 2: 7, 3: 0, 4: 0 },
  kinship: { 1: 0, 2: 0, 3: 8, 4: 0 },
};

/** The Erqi commercial district's children (the text: 6 level-2, 49 level-3, 148 micro-grids). */
export const COMMERCIAL_DISTRICT_COUNTS = { level2: 6, level3: 49, micro: 148 } as const;

export interface DemoGridSet {
  grids: DemoGrid[];
  /** The demo district (the rectangle the 20 second-level regions tile). */
  district: PolygonGeometry;
  /** Community/village code → code of the base level-2 grid holding it. */
  level2ByCommunity: Record<string, string>;
  /** Park code → the level-1 and level-2 grids that took it in. */
  parks: Record<string, { level1: string; level2: string }>;
  /** The two villages sharing one level-2 grid. */
  mergedLevel2: { code: string; communities: [string, string] };
  /** The commercial district grid and the three streets it crosses. */
  commercialDistrict: { code: string; streets: string[] };
}

const DISTRICT_CODE = '410103';
const COMMERCIAL_CODE = '410103901';
const TRADES_CODE = '410103902';
const PARK_LEVEL3 = 2;
const MIN_LEVEL3_PER_COMMUNITY = 3;
const MICRO_HOUSEHOLDS: [number, number] = [50, 70];
const FULL_MICRO_HOUSEHOLDS: [number, number] = [60, 70]; // in level-3 grids of 5 micro-grids
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG = 111_320 * Math.cos((34.71 * Math.PI) / 180);
/** Parks and the towns they are named after (and belong to when the geometry allows). */
const PARK_AFFINITY: Record<string, string> = { '410103400': '410103100', '410103401': '410103200' };
/** The streets of the old commercial core, 德化街 first (the heart of 二七商圈). */
const COMMERCIAL_STREETS = ['410103010', '410103002', '410103004', '410103003', '410103009'];
const COMMERCIAL_HALF_SIZE_M = { lng: 600, lat: 500 };
const VILLAGE_TO_COMMUNITY = '郭家咀社区';

interface Trade {
  key: 'school' | 'market' | 'hospital';
  count: number;
  leadUnit: string;
  facilities: readonly string[];
}
const TRADES: readonly Trade[] = [
  { key: 'school', count: 230, leadUnit: '区教育局', facilities: ['小学', '中学', '幼儿园', '实验学校'] },
  {
    key: 'market',
    count: 170,
    leadUnit: '区市场监管局',
    facilities: ['农贸市场', '菜市场', '商贸城', '批发市场'],
  },
  {
    key: 'hospital',
    count: 100,
    leadUnit: '区卫健委',
    facilities: ['社区卫生服务中心', '医院', '门诊部', '中医诊所'],
  },
];
const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

// ---- small helpers ---------------------------------------------------------------------------------------------

function get<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo grids: missing ${String(key)}`);
  return value;
}

function pad(n: number, width: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10 ** width)
    throw new RangeError(`code segment out of range: ${n}`);
  return String(n).padStart(width, '0');
}

function cnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`cnNumber: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const onesText = ones === 0 ? '' : CN_DIGITS[ones];
  if (tens === 0) return onesText ?? '';
  return `${tens === 1 ? '' : (CN_DIGITS[tens] ?? '')}十${onesText ?? ''}`;
}

function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function randRange(rng: Rng, lo: number, hi: number): number {
  return lo + rng() * (hi - lo);
}

/** Indices of `count` items drawn without replacement with probability ∝ weight (Efraimidis–Spirakis). */
function weightedSample(rng: Rng, weights: readonly number[], count: number): Set<number> {
  return new Set(
    weights
      .map((w, i) => ({ i, key: Math.log(rng() || Number.MIN_VALUE) / w }))
      .sort((a, b) => b.key - a.key || a.i - b.i)
      .slice(0, count)
      .map((x) => x.i),
  );
}

function rectOf(region: DemoRegion): Rect {
  return { minLng: region.minLng, minLat: region.minLat, maxLng: region.maxLng, maxLat: region.maxLat };
}

function rectPolygon(r: Rect): PolygonGeometry {
  return polygonFromRect(r.minLng, r.minLat, r.maxLng, r.maxLat);
}

function rectAreaM2(r: Rect): number {
  return (r.maxLng - r.minLng) * M_PER_DEG_LNG * (r.maxLat - r.minLat) * M_PER_DEG_LAT;
}

/** Length in metres of the boundary two rectangles share (0 when they only touch at a corner or not at all). */
function sharedEdgeM(a: Rect, b: Rect): number {
  if (a.maxLng === b.minLng || b.maxLng === a.minLng) {
    return Math.max(0, Math.min(a.maxLat, b.maxLat) - Math.max(a.minLat, b.minLat)) * M_PER_DEG_LAT;
  }
  if (a.maxLat === b.minLat || b.maxLat === a.minLat) {
    return Math.max(0, Math.min(a.maxLng, b.maxLng) - Math.max(a.minLng, b.minLng)) * M_PER_DEG_LNG;
  }
  return 0;
}

/** Whether two rectangles share a whole side, so that together they form a rectangle. */
function formRectangle(a: Rect, b: Rect): boolean {
  const sideBySide =
    (a.maxLng === b.minLng || b.maxLng === a.minLng) && a.minLat === b.minLat && a.maxLat === b.maxLat;
  const stacked =
    (a.maxLat === b.minLat || b.maxLat === a.minLat) && a.minLng === b.minLng && a.maxLng === b.maxLng;
  return sideBySide || stacked;
}

/** Whether the point lies in the rectangle under the half-open rule of pointInPolygon. */
function rectClaims(r: Rect, lng: number, lat: number): boolean {
  return lng >= r.minLng && lng < r.maxLng && lat >= r.minLat && lat < r.maxLat;
}

/**
 * Weighted binary treemap: split the list where the prefix weight is closest to half, cut the rectangle across
 * its longer side (in metres) at that fraction, recurse. Each cut is rounded to 6 decimals once and that number
 * bounds both sides, so the leaves tile the rectangle exactly. Leaves come back in input order.
 */
function treemap(rect: Rect, weights: readonly number[]): Rect[] {
  const out: Rect[] = new Array<Rect>(weights.length);
  const place = (r: Rect, from: number, to: number): void => {
    if (to - from === 1) {
      out[from] = r;
      return;
    }
    let total = 0;
    for (let k = from; k < to; k++) total += at(weights, k);
    let prefix = 0;
    let split = from + 1;
    let bestPrefix = 0;
    let bestDiff = Number.POSITIVE_INFINITY;
    for (let k = from + 1; k < to; k++) {
      prefix += at(weights, k - 1);
      const diff = Math.abs(prefix - total / 2);
      if (diff < bestDiff) {
        bestDiff = diff;
        split = k;
        bestPrefix = prefix;
      }
    }
    const ratio = bestPrefix / total;
    if ((r.maxLng - r.minLng) * M_PER_DEG_LNG >= (r.maxLat - r.minLat) * M_PER_DEG_LAT) {
      const cut = roundCoord(r.minLng + ratio * (r.maxLng - r.minLng));
      if (!(cut > r.minLng && cut < r.maxLng)) throw new Error('demo grids: rectangle too thin to split');
      place({ ...r, maxLng: cut }, from, split);
      place({ ...r, minLng: cut }, split, to);
    } else {
      const cut = roundCoord(r.minLat + ratio * (r.maxLat - r.minLat));
      if (!(cut > r.minLat && cut < r.maxLat)) throw new Error('demo grids: rectangle too thin to split');
      place({ ...r, maxLat: cut }, from, split);
      place({ ...r, minLat: cut }, split, to);
    }
  };
  if (weights.length > 0) place(rect, 0, weights.length);
  return out;
}

/** Split a rectangle in two halves across its longer side. */
function halves(r: Rect): [Rect, Rect] {
  const [a, b] = treemap(r, [1, 1]);
  if (!a || !b) throw new Error('demo grids: cannot halve');
  return [a, b];
}

function stemOf(name: string): string {
  return name.replace(/(社区|村)$/, '');
}

// ---- the generator ---------------------------------------------------------------------------------------------

interface Piece {
  rect: Rect;
  /** The community/village this piece belongs to (for a park piece: the host community). */
  communityCode: string;
  communityName: string;
  park: DemoPlace | null;
}

interface Level2Plan {
  code: string;
  name: string;
  placeCode: string;
  unitCode: string;
  pieces: Piece[];
}

interface Level3Plan {
  piece: Piece;
  micros: number;
  households: number[];
  /** weight for the 5-micro draw */
  density: number;
}

/** The demo grid set for `seed` (the same seed as the demo places). See the header comment for the decisions. */
export function generateDemoGridSet(seed: number): DemoGridSet {
  if (!Number.isFinite(seed))
    throw new TypeError(`generateDemoGrids: seed must be a finite number, got ${seed}`);
  const rng: Rng = seedrandom(`louyuan:demo-grids:${seed}`);
  const places = generateDemoPlaces(seed);
  const regions = demoRegions(seed);
  const placeByCode = new Map(places.map((p) => [p.code, p]));
  const rectByCode = new Map(regions.map((r) => [r.code, rectOf(r)]));
  const unitPlaces = places.filter((p) => p.code.length === 9);
  const units = unitPlaces.filter((p) => p.kind !== 'park');
  const parks = unitPlaces.filter((p) => p.kind === 'park');
  const communities = places.filter((p) => p.kind === 'community' || p.kind === 'village');
  const communitiesOf = (unitCode: string): DemoPlace[] =>
    communities.filter((c) => c.parentCode === unitCode);
  const rect = (code: string): Rect => get(rectByCode, code);

  const unitRects = unitPlaces.map((u) => rect(u.code));
  const district: Rect = {
    minLng: Math.min(...unitRects.map((r) => r.minLng)),
    minLat: Math.min(...unitRects.map((r) => r.minLat)),
    maxLng: Math.max(...unitRects.map((r) => r.maxLng)),
    maxLat: Math.max(...unitRects.map((r) => r.maxLat)),
  };

  const buildingsOf = new Map<string, number>();
  for (const p of places) {
    if (p.kind !== 'building') continue;
    const community = p.code.slice(0, 12);
    buildingsOf.set(community, (buildingsOf.get(community) ?? 0) + 1);
  }

  // ---- parks: which street/town and which community take each in --------------------------------------------
  const parkHost = new Map<string, { unit: DemoPlace; community: DemoPlace }>();
  for (const park of parks) {
    const parkRect = rect(park.code);
    const ranked = units
      .map((u) => ({ u, shared: sharedEdgeM(parkRect, rect(u.code)) }))
      .filter((x) => x.shared > 0)
      .sort(
        (a, b) =>
          Number(PARK_AFFINITY[park.code] === b.u.code) - Number(PARK_AFFINITY[park.code] === a.u.code) ||
          Number(formRectangle(parkRect, rect(b.u.code))) - Number(formRectangle(parkRect, rect(a.u.code))) ||
          b.shared - a.shared ||
          a.u.code.localeCompare(b.u.code),
      );
    const unit = ranked[0]?.u;
    if (!unit) throw new Error(`demo grids: park ${park.code} has no street or town beside it`);
    const community = communitiesOf(unit.code)
      .map((c) => ({ c, shared: sharedEdgeM(parkRect, rect(c.code)) }))
      .filter((x) => x.shared > 0)
      .sort((a, b) => b.shared - a.shared || a.c.code.localeCompare(b.c.code))[0]?.c;
    if (!community) throw new Error(`demo grids: park ${park.code} touches no community of ${unit.code}`);
    parkHost.set(park.code, { unit, community });
  }

  // ---- the two villages that share a level-2 grid ------------------------------------------------------------
  const villages = communities.filter((c) => c.kind === 'village');
  let merged: [DemoPlace, DemoPlace] | null = null;
  let mergedScore = Number.POSITIVE_INFINITY;
  for (const a of villages) {
    for (const b of villages) {
      if (a.code >= b.code || a.parentCode !== b.parentCode) continue;
      const ra = rect(a.code);
      const rb = rect(b.code);
      if (sharedEdgeM(ra, rb) === 0) continue;
      // prefer a pair forming a rectangle, then the smallest pair
      const score = (formRectangle(ra, rb) ? 0 : 1e12) + rectAreaM2(ra) + rectAreaM2(rb);
      if (score < mergedScore) {
        mergedScore = score;
        merged = [a, b];
      }
    }
  }
  if (!merged) throw new Error('demo grids: no two adjacent villages to share a level-2 grid');
  const [mergedA, mergedB] = merged;

  // ---- level-2 plans -----------------------------------------------------------------------------------------
  const level2: Level2Plan[] = [];
  const level2ByCommunity: Record<string, string> = {};
  for (const c of communities) {
    if (c.code === mergedB.code) continue;
    const members = c.code === mergedA.code ? [mergedA, mergedB] : [c];
    const pieces: Piece[] = members.map((m) => ({
      rect: rect(m.code),
      communityCode: m.code,
      communityName: m.name,
      park: null,
    }));
    const hosted = parks.filter((p) => members.some((m) => get(parkHost, p.code).community.code === m.code));
    for (const park of hosted) {
      pieces.push({ rect: rect(park.code), communityCode: c.code, communityName: c.name, park });
    }
    const parkNote = hosted.length > 0 ? `（含${hosted.map((p) => p.name).join('、')}）` : '';
    level2.push({
      code: c.code,
      name: `${members.map((m) => m.name).join('、')}二级网格${parkNote}`,
      placeCode: c.code,
      unitCode: c.parentCode ?? '',
      pieces,
    });
    for (const m of members) level2ByCommunity[m.code] = c.code;
  }

  // ---- level-3 counts, micro counts, households --------------------------------------------------------------
  const targets = GRID_DEMO_COUNTS.base;
  const allPieces = level2.flatMap((l2) => l2.pieces.map((piece) => ({ l2, piece })));
  const communityPieces = allPieces.filter((x) => x.piece.park === null);
  const avgBuildings =
    communityPieces.reduce((s, x) => s + (buildingsOf.get(x.piece.communityCode) ?? 0), 0) /
    communityPieces.length;
  const avgArea = communityPieces.reduce((s, x) => s + rectAreaM2(x.piece.rect), 0) / communityPieces.length;
  const parkLevel3 = (allPieces.length - communityPieces.length) * PARK_LEVEL3;
  const spare = targets[3] - parkLevel3 - MIN_LEVEL3_PER_COMMUNITY * communityPieces.length;
  if (spare < 0) throw new Error('demo grids: too few level-3 grids for the communities');
  const extra = apportion(
    spare,
    communityPieces
      .map(
        (x) =>
          (0.5 * (buildingsOf.get(x.piece.communityCode) ?? 0)) / avgBuildings +
          (0.5 * rectAreaM2(x.piece.rect)) / avgArea,
      )
      .map((w) => w * randRange(rng, 0.85, 1.15)),
  );
  const level3Count = new Map<Piece, number>();
  communityPieces.forEach((x, i) => level3Count.set(x.piece, MIN_LEVEL3_PER_COMMUNITY + at(extra, i)));
  for (const x of allPieces) if (x.piece.park) level3Count.set(x.piece, PARK_LEVEL3);

  const level3: Level3Plan[] = [];
  const level3ByPiece = new Map<Piece, Level3Plan[]>();
  for (const { piece } of allPieces) {
    const buildings = buildingsOf.get(piece.communityCode) ?? 0;
    // buildings per km² / 40: ~1.5 for an ordinary community, ~4 in the old core, ~0.6 in a village
    const density = piece.park ? 0.5 : 0.5 + buildings / (rectAreaM2(piece.rect) / 1e6) / 40;
    const plans: Level3Plan[] = [];
    for (let i = 0; i < get(level3Count, piece); i++)
      plans.push({ piece, micros: 4, households: [], density });
    level3ByPiece.set(piece, plans);
    level3.push(...plans);
  }
  const fiveMicro = targets[4] - 4 * targets[3];
  if (fiveMicro < 0 || fiveMicro > targets[3]) throw new Error('demo grids: micro-grid target out of reach');
  const five = weightedSample(
    rng,
    level3.map((l3) => l3.density),
    fiveMicro,
  );
  level3.forEach((l3, i) => {
    l3.micros = five.has(i) ? 5 : 4;
    const [lo, hi] = l3.micros === 5 ? FULL_MICRO_HOUSEHOLDS : MICRO_HOUSEHOLDS;
    for (let k = 0; k < l3.micros; k++) l3.households.push(randInt(rng, lo, hi));
  });

  // ---- base geometry and grids -------------------------------------------------------------------------------
  const grids: DemoGrid[] = [];
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const level2Households = new Map<string, number>();
  const baseLevel3: { grid: DemoGrid; rect: Rect; unitCode: string }[] = [];
  const baseMicros: { grid: DemoGrid; rect: Rect }[] = [];
  for (const l2 of level2) {
    let seq = 0;
    let total = 0;
    for (const piece of l2.pieces) {
      const plans = get(level3ByPiece, piece);
      const rects = treemap(
        piece.rect,
        plans.map((l3) => sum(l3.households)),
      );
      plans.forEach((l3, i) => {
        seq++;
        const r3 = at(rects, i);
        const code3 = `${l2.code}${pad(seq, 3)}`;
        const base3 = `${piece.communityName}第${seq}网格`;
        const households = sum(l3.households);
        total += households;
        const grid3: DemoGrid = {
          code: code3,
          parentCode: l2.code,
          level: 3,
          kind: 'base',
          name: piece.park ? `${base3}（${piece.park.name}）` : base3,
          placeCode: piece.communityCode,
          leadUnit: null,
          polygon: rectPolygon(r3),
          households,
        };
        grids.push(grid3);
        baseLevel3.push({ grid: grid3, rect: r3, unitCode: l2.unitCode });
        const microRects = treemap(r3, l3.households);
        l3.households.forEach((hh, k) => {
          const r4 = at(microRects, k);
          const grid4: DemoGrid = {
            code: `${code3}${pad(k + 1, 2)}`,
            parentCode: code3,
            level: 4,
            kind: 'base',
            name: `${base3}第${k + 1}微网格`,
            placeCode: piece.communityCode,
            leadUnit: null,
            polygon: rectPolygon(r4),
            households: hh,
          };
          grids.push(grid4);
          baseMicros.push({ grid: grid4, rect: r4 });
        });
      });
    }
    level2Households.set(l2.code, total);
    grids.push({
      code: l2.code,
      parentCode: l2.unitCode,
      level: 2,
      kind: 'base',
      name: l2.name,
      placeCode: l2.placeCode,
      leadUnit: null,
      polygon: unionOfRects(l2.pieces.map((p) => p.rect)),
      households: total,
    });
  }
  const parksInfo: DemoGridSet['parks'] = {};
  for (const unit of units) {
    const hosted = parks.filter((p) => get(parkHost, p.code).unit.code === unit.code);
    const note = hosted.length > 0 ? `（含${hosted.map((p) => p.name).join('、')}）` : '';
    for (const park of hosted) {
      const level2Code = level2ByCommunity[get(parkHost, park.code).community.code];
      if (level2Code === undefined) throw new Error(`demo grids: park ${park.code} in no level-2 grid`);
      parksInfo[park.code] = { level1: unit.code, level2: level2Code };
    }
    grids.push({
      code: unit.code,
      parentCode: null,
      level: 1,
      kind: 'base',
      name: `${unit.name}一级网格${note}`,
      placeCode: unit.code,
      leadUnit: null,
      polygon: unionOfRects([rect(unit.code), ...hosted.map((p) => rect(p.code))]),
      households: sum(
        level2.filter((l2) => l2.unitCode === unit.code).map((l2) => get(level2Households, l2.code)),
      ),
    });
  }

  // ---- households of overlays: base micro-grid households weighted by the overlapped share of their area ----
  const microIndex = new Flatbush(baseMicros.length);
  for (const m of baseMicros) microIndex.add(m.rect.minLng, m.rect.minLat, m.rect.maxLng, m.rect.maxLat);
  microIndex.finish();
  const householdsIn = (r: Rect): number => {
    let total = 0;
    for (const i of microIndex.search(r.minLng, r.minLat, r.maxLng, r.maxLat)) {
      const m = at(baseMicros, i);
      const overlap = intersectRects(m.rect, r);
      if (!overlap) continue;
      const share =
        ((overlap.maxLng - overlap.minLng) * (overlap.maxLat - overlap.minLat)) /
        ((m.rect.maxLng - m.rect.minLng) * (m.rect.maxLat - m.rect.minLat));
      total += m.grid.households * share;
    }
    return Math.round(total);
  };
  const streetAt = (r: Rect): string => {
    const lng = (r.minLng + r.maxLng) / 2;
    const lat = (r.minLat + r.maxLat) / 2;
    const unit = unitPlaces.find((u) => rectClaims(rect(u.code), lng, lat));
    if (!unit) throw new Error('demo grids: overlay centre outside the district');
    return (unit.kind === 'park' ? get(parkHost, unit.code).unit : unit).code;
  };

  // ---- specialised: the Erqi commercial district -------------------------------------------------------------
  const cbd = commercialDistrictRect(unitPlaces, rect, district);
  const cbdStreets = unitPlaces.filter((u) => intersectRects(rect(u.code), cbd) !== null).map((u) => u.code);
  const cbdLevel2Rects = treemap(
    cbd,
    COMMERCIAL_AREAS.map(() => randRange(rng, 0.7, 1.3)),
  );
  const cbdLevel3Counts = apportion(
    COMMERCIAL_DISTRICT_COUNTS.level3,
    cbdLevel2Rects.map((r) => rectAreaM2(r)),
  );
  const cbdMicroCounts = apportion(
    COMMERCIAL_DISTRICT_COUNTS.micro,
    Array.from({ length: COMMERCIAL_DISTRICT_COUNTS.level3 }, () => randRange(rng, 0.8, 1.2)),
  );
  const specialised: DemoGrid[] = [];
  let cbdLevel3Index = 0;
  let cbdHouseholds = 0;
  cbdLevel2Rects.forEach((r2, i) => {
    const area = at(COMMERCIAL_AREAS, i);
    const code2 = `${COMMERCIAL_CODE}${pad(i + 1, 3)}`;
    const n3 = at(cbdLevel3Counts, i);
    const micros = cbdMicroCounts.slice(cbdLevel3Index, cbdLevel3Index + n3);
    cbdLevel3Index += n3;
    const rects3 = treemap(
      r2,
      micros.map((m) => m * randRange(rng, 0.8, 1.2)),
    );
    let households2 = 0;
    rects3.forEach((r3, j) => {
      const code3 = `${code2}${pad(j + 1, 3)}`;
      const base3 = `二七商圈${area}片区第${j + 1}网格`;
      const rects4 = treemap(
        r3,
        Array.from({ length: at(micros, j) }, () => randRange(rng, 0.8, 1.2)),
      );
      let households3 = 0;
      rects4.forEach((r4, k) => {
        const households4 = householdsIn(r4);
        households3 += households4;
        specialised.push({
          code: `${code3}${pad(k + 1, 2)}`,
          parentCode: code3,
          level: 4,
          kind: 'specialised',
          name: `${base3}第${k + 1}微网格`,
          placeCode: streetAt(r4),
          leadUnit: '二七商圈管委会',
          polygon: rectPolygon(r4),
          households: households4,
        });
      });
      households2 += households3;
      specialised.push({
        code: code3,
        parentCode: code2,
        level: 3,
        kind: 'specialised',
        name: base3,
        placeCode: streetAt(r3),
        leadUnit: '二七商圈管委会',
        polygon: rectPolygon(r3),
        households: households3,
      });
    });
    cbdHouseholds += households2;
    specialised.push({
      code: code2,
      parentCode: COMMERCIAL_CODE,
      level: 2,
      kind: 'specialised',
      name: `二七商圈${area}片区网格`,
      placeCode: streetAt(r2),
      leadUnit: '二七商圈管委会',
      polygon: rectPolygon(r2),
      households: households2,
    });
  });
  specialised.push({
    code: COMMERCIAL_CODE,
    parentCode: null,
    level: 1,
    kind: 'specialised',
    name: '二七商圈专属网格',
    placeCode: cbdStreets.includes(at(COMMERCIAL_STREETS, 0)) ? at(COMMERCIAL_STREETS, 0) : at(cbdStreets, 0),
    leadUnit: '二七商圈管委会',
    polygon: rectPolygon(cbd),
    households: cbdHouseholds,
  });

  // ---- specialised: schools, markets, hospitals (one each inside a distinct base level-3 grid) ---------------
  const eligible = shuffled(
    rng,
    baseLevel3.filter((l3) => intersectRects(cbd, l3.rect) === null),
  );
  const tradeTotal = TRADES.reduce((s, t) => s + t.count, 0);
  if (eligible.length < tradeTotal) throw new Error('demo grids: too few level-3 grids for the trades grids');
  const tradeNames = new Set<string>();
  const tradeRects: Rect[] = [];
  let tradeSeq = 0;
  let tradesHouseholds = 0;
  for (const trade of TRADES) {
    for (let i = 0; i < trade.count; i++) {
      const host = at(eligible, tradeSeq);
      tradeSeq++;
      const r = facilityRect(rng, host.rect);
      tradeRects.push(r);
      const facilityName = uniqueFacilityName(
        rng,
        tradeNames,
        stemOf(get(placeByCode, host.grid.placeCode).name),
        trade,
      );
      const households = householdsIn(r);
      tradesHouseholds += households;
      specialised.push({
        code: `${TRADES_CODE}000${pad(tradeSeq, 3)}`,
        parentCode: TRADES_CODE,
        level: 3,
        kind: 'specialised',
        name: `${facilityName}专属网格`,
        placeCode: host.unitCode,
        leadUnit: trade.leadUnit,
        polygon: rectPolygon(r),
        households,
      });
    }
  }
  specialised.push({
    code: TRADES_CODE,
    parentCode: null,
    level: 1,
    kind: 'specialised',
    name: '二七区行业专属网格',
    placeCode: DISTRICT_CODE,
    leadUnit: '区委政法委',
    // the facilities lie strictly inside distinct level-3 tiles, so the parts never touch: a valid MultiPolygon
    polygon: { type: 'MultiPolygon', coordinates: tradeRects.map((r) => rectPolygon(r).coordinates) },
    households: tradesHouseholds,
  });

  // ---- economic and kinship grids ----------------------------------------------------------------------------
  const overlays: DemoGrid[] = [];
  const towns = units.filter((u) => u.kind === 'town');
  const villageToCommunity = communities.find((c) => c.name === VILLAGE_TO_COMMUNITY);
  const economicAreas: DemoPlace[] = [];
  const kinshipAreas: DemoPlace[] = [];
  for (const town of towns) {
    const chosen = shuffled(
      rng,
      communitiesOf(town.code).filter((c) => c.kind === 'village'),
    )
      .slice(0, 2)
      .sort((a, b) => a.code.localeCompare(b.code));
    economicAreas.push(...chosen);
    if (chosen[0]) kinshipAreas.push(chosen[0]);
  }
  if (villageToCommunity) {
    economicAreas.push(villageToCommunity);
    kinshipAreas.push(villageToCommunity);
  }
  const economicSeq = new Map<string, number>();
  for (const area of economicAreas.sort((a, b) => a.code.localeCompare(b.code))) {
    const unitCode = area.parentCode ?? '';
    const seq = (economicSeq.get(unitCode) ?? 0) + 1;
    economicSeq.set(unitCode, seq);
    const r = rect(area.code);
    overlays.push({
      code: `${unitCode}8${pad(seq, 2)}`,
      parentCode: unitCode,
      level: 2,
      kind: 'economic',
      name: `${area.name}经济网格`,
      placeCode: unitCode,
      leadUnit: area.kind === 'village' ? `${area.name}集体经济合作社` : `${area.name}股份经济合作社`,
      polygon: rectPolygon(r),
      households: householdsIn(r),
    });
  }
  const kinshipSeq = new Map<string, number>();
  for (const area of kinshipAreas.sort((a, b) => a.code.localeCompare(b.code))) {
    const parent = level2ByCommunity[area.code];
    if (parent === undefined) throw new Error(`demo grids: no level-2 grid for ${area.code}`);
    const own = SURNAMES.find((s) => area.name.startsWith(s));
    const names = shuffled(
      rng,
      SURNAMES.filter((s) => s !== own),
    );
    const surnames = [own ?? at(names, 1), at(names, 0)];
    halves(rect(area.code)).forEach((r, i) => {
      const seq = (kinshipSeq.get(parent) ?? 0) + 1;
      kinshipSeq.set(parent, seq);
      overlays.push({
        code: `${parent}7${pad(seq, 2)}`,
        parentCode: parent,
        level: 3,
        kind: 'kinship',
        name: `${area.name}${at(surnames, i)}姓亲情网格`,
        placeCode: area.parentCode ?? '',
        leadUnit: `${stemOf(area.name)}第${cnNumber(i + 1)}${area.kind === 'village' ? '村民小组' : '居民小组'}`,
        polygon: rectPolygon(r),
        households: householdsIn(r),
      });
    });
  }

  const all = [...grids, ...specialised, ...overlays].sort(
    (a, b) => a.level - b.level || a.code.localeCompare(b.code),
  );
  return {
    grids: all,
    district: rectPolygon(district),
    level2ByCommunity,
    parks: parksInfo,
    mergedLevel2: { code: mergedA.code, communities: [mergedA.code, mergedB.code] },
    commercialDistrict: { code: COMMERCIAL_CODE, streets: cbdStreets },
  };
}

/**
 * The demo grids for `seed`, level by level and in code order within a level (so parents come before children):
 * 17 / 175 / 1,441 / 6,281 base grids, the specialised grids, the economic and kinship grids.
 */
export function generateDemoGrids(seed: number): DemoGrid[] {
  return generateDemoGridSet(seed).grids;
}

/** Union of edge-sharing rectangles as one Polygon (exact: the result keeps the input numbers). */
function unionOfRects(rects: readonly Rect[]): GridPolygon {
  const [first, ...rest] = rects;
  if (!first) throw new Error('demo grids: no rectangle');
  if (rest.length === 0) return rectPolygon(first);
  const merged = union(rectPolygon(first), ...rest.map(rectPolygon));
  if (merged?.type !== 'Polygon') throw new Error('demo grids: pieces of one grid do not form one polygon');
  return merged;
}

/**
 * The commercial district: a rectangle centred on a point where exactly three streets meet, small enough to
 * reach into no other street/town/park and to stay inside the district. Prefers points of 德化街 and the core
 * streets, then room.
 */
function commercialDistrictRect(
  units: readonly DemoPlace[],
  rect: (code: string) => Rect,
  district: Rect,
): Rect {
  const all = units.map((u) => ({ u, r: rect(u.code) }));
  const corners = new Map<string, [number, number]>();
  for (const { r } of all) {
    for (const lng of [r.minLng, r.maxLng])
      for (const lat of [r.minLat, r.maxLat]) corners.set(`${lng},${lat}`, [lng, lat]);
  }
  let best: { r: Rect; score: number } | null = null;
  for (const [lng, lat] of [...corners.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    if (lng <= district.minLng || lng >= district.maxLng || lat <= district.minLat || lat >= district.maxLat)
      continue;
    const meeting = all.filter(
      ({ r }) => lng >= r.minLng && lng <= r.maxLng && lat >= r.minLat && lat <= r.maxLat,
    );
    if (meeting.length !== 3 || meeting.some(({ u }) => u.kind !== 'street')) continue;
    // room: Chebyshev distance in metres to every other region, and to the district's edge
    let room = Math.min(
      (lng - district.minLng) * M_PER_DEG_LNG,
      (district.maxLng - lng) * M_PER_DEG_LNG,
      (lat - district.minLat) * M_PER_DEG_LAT,
      (district.maxLat - lat) * M_PER_DEG_LAT,
    );
    for (const { u, r } of all) {
      if (meeting.some((m) => m.u.code === u.code)) continue;
      const dx = Math.max(r.minLng - lng, lng - r.maxLng, 0) * M_PER_DEG_LNG;
      const dy = Math.max(r.minLat - lat, lat - r.maxLat, 0) * M_PER_DEG_LAT;
      room = Math.min(room, Math.max(dx, dy));
    }
    const scale = Math.min(
      1,
      (0.8 * room) / Math.max(COMMERCIAL_HALF_SIZE_M.lng, COMMERCIAL_HALF_SIZE_M.lat),
    );
    const core = meeting.filter(({ u }) => COMMERCIAL_STREETS.includes(u.code)).length;
    const heart = meeting.some(({ u }) => u.code === COMMERCIAL_STREETS[0]) ? 1 : 0;
    const score = heart * 100 + core * 10 + scale;
    if (scale > 0.25 && (!best || score > best.score)) {
      const hLng = (scale * COMMERCIAL_HALF_SIZE_M.lng) / M_PER_DEG_LNG;
      const hLat = (scale * COMMERCIAL_HALF_SIZE_M.lat) / M_PER_DEG_LAT;
      best = {
        score,
        r: {
          minLng: roundCoord(lng - hLng),
          minLat: roundCoord(lat - hLat),
          maxLng: roundCoord(lng + hLng),
          maxLat: roundCoord(lat + hLat),
        },
      };
    }
  }
  if (!best) throw new Error('demo grids: no point where three streets meet');
  return best.r;
}

/** A facility's rectangle strictly inside `host`: 25–50 % of each side, at most ~300 m, away from its edges. */
function facilityRect(rng: Rng, host: Rect): Rect {
  const w = host.maxLng - host.minLng;
  const h = host.maxLat - host.minLat;
  const fw = Math.min(w * randRange(rng, 0.25, 0.5), 300 / M_PER_DEG_LNG);
  const fh = Math.min(h * randRange(rng, 0.25, 0.5), 300 / M_PER_DEG_LAT);
  const minLng = roundCoord(host.minLng + w * 0.1 + rng() * (w * 0.8 - fw));
  const minLat = roundCoord(host.minLat + h * 0.1 + rng() * (h * 0.8 - fh));
  const r = { minLng, minLat, maxLng: roundCoord(minLng + fw), maxLat: roundCoord(minLat + fh) };
  if (!(
    r.minLng > host.minLng &&
    r.maxLng < host.maxLng &&
    r.minLat > host.minLat &&
    r.maxLat < host.maxLat
  )) {
    throw new Error('demo grids: facility does not fit its level-3 grid');
  }
  return r;
}

function uniqueFacilityName(rng: Rng, taken: Set<string>, stem: string, trade: Trade): string {
  for (const facility of shuffled(rng, trade.facilities)) {
    const name = `${stem}${facility}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const facility = at(trade.facilities, 0);
  for (let k = 2; ; k++) {
    const name = `${stem}第${cnNumber(k)}${facility}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

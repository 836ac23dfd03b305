import {
  COMMUNITY_STEMS,
  VILLAGE_STEMS,
  WORK_UNITS,
  BRANDS,
  PRODUCTS,
  ESTATE_STEMS,
  STAFF_COMPOUND_SUFFIXES,
  VILLAGE_COMPOUND_SUFFIXES,
} from './places.demo-names.js';
import seedrandom from 'seedrandom';
import { apportion, at, pick, shuffled, type Rng } from '../../core/demo-utils.js';

/**
 * Demo district generator: the place tree of Erqi District (二七区, Zhengzhou, 410103) at the scale the source
 * text reports — 17 towns/streets + 3 parks, 176 villages/communities, 723 compounds of which 340 are
 * unmanaged, and the buildings of every compound.
 *
 * PURE and deterministic: no database, no I/O, no clock. The same seed gives byte-identical output; another seed
 * gives another, equally valid district (other community names, compound counts, management types, geometry).
 *
 * Fixed by the source text and therefore identical for every seed: the 20 second-level units (real Erqi names,
 * codes in the statistical-code style: 0xx streets, 1xx towns, 2xx townships, 4xx parks), the number of
 * communities and villages under each of them (see UNITS), and a few real places the text names (大学路街道祥和社区
 * with its self-managed 学府花园小区; 五里堡街道二环路社区, whose 9 compounds with 42 buildings are all run by one
 * property company; 一马路街道陇海大院社区; 郭家咀社区, a village-to-community conversion).
 *
 * Distribution decisions:
 * - The 3 parks (园区) carry NO communities or compounds: in Erqi the parks are economic management zones whose
 *   residents stay registered with the surrounding towns/streets (the text counts 17 level-1 grids, one per
 *   town/street, none for the parks). They still get a region rectangle, so the 20 second-level rectangles tile
 *   the district.
 * - The 176 communities/villages: 136 communities over the 14 streets (8–12 each) and 40 under the 3 towns
 *   (马寨镇 4 + 10 villages, 侯寨乡 2 + 12, 齐礼阎乡 3 + 9): 145 communities and 31 villages in all.
 * - 723 compounds: every community/village has at least one; the rest are spread by a seeded weight (villages
 *   get fewer: their resettlement compounds). Exactly 340 are unmanaged, drawn by weighted sampling that favours
 *   the old inner-city streets; the others are professional (more likely in newer streets and towns) or
 *   self-managed.
 * - Buildings: professional 4–12, self-managed 2–8, unmanaged 1–5 per compound.
 *
 * Geometry: the district bounding box (lng 113.56–113.68, lat 34.66–34.76, WGS-84) is split recursively by
 * weight into 20 second-level rectangles, each of those into its communities' rectangles (a weighted treemap, so
 * children tile their parent exactly: every shared edge is the very same number). Community, compound and
 * building points lie strictly inside their community rectangle; buildings within ~140 m of their compound.
 * All coordinates, points and rectangle edges, are rounded to 6 decimals.
 */

export type DemoPlaceKind =
  'district' | 'street' | 'town' | 'park' | 'community' | 'village' | 'compound' | 'building';

export interface DemoPlace {
  code: string; // digits only
  parentCode: string | null;
  kind: DemoPlaceKind;
  name: string; // realistic Simplified Chinese
  address: string | null; // "郑州市二七区大学路街道长江路45号" for communities, compounds and buildings; null above
  lng: number | null; // WGS-84, 6 decimals
  lat: number | null;
  managementType: 'professional' | 'self_managed' | 'unmanaged' | null; // compounds only
}

/** One axis-aligned rectangle per street/town/park and per community/village. */
export interface DemoRegion {
  code: string;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

type ManagementType = NonNullable<DemoPlace['managementType']>;
/** Character of a second-level unit: drives area, compound density, and how old its compounds are. */
type Tier = 'core' | 'middle' | 'periphery' | 'town' | 'park';

interface PinnedCommunity {
  name: string;
  kind: 'community' | 'village';
  /** Fixed compounds, all of one management type, with a fixed total of buildings. */
  compounds?: { count: number; managementType: ManagementType; buildings: number };
  /** Fixed first compound. */
  firstCompound?: { name: string; managementType: ManagementType };
}

interface UnitSpec {
  code: string;
  name: string;
  kind: 'street' | 'town' | 'park';
  tier: Tier;
  roads: readonly string[];
  communities: number;
  villages: number;
  pinned?: readonly PinnedCommunity[];
}

const DISTRICT_CODE = '410103';
const DISTRICT_NAME = '二七区';
const CITY_PREFIX = '郑州市二七区';
const BBOX: Omit<DemoRegion, 'code'> = { minLng: 113.56, minLat: 34.66, maxLng: 113.68, maxLat: 34.76 };
const TOTAL_COMPOUNDS = 723;
const TOTAL_UNMANAGED = 340;
/** Metres per degree at the district's latitude (equirectangular approximation, ample at 10 km scale). */
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG = 111_320 * Math.cos((34.71 * Math.PI) / 180);
/** Half side of the square around a compound point where its buildings are placed (≤ 141 m radially). */
const BUILDING_SPREAD_M = 100;
/** Minimum distance of any point from its community rectangle's edges. */
const EDGE_MARGIN_M = 3;

/**
 * The 20 second-level units in LAYOUT order: the treemap keeps neighbours in this list next to each other, so the
 * rural towns and parks end up on one side of the district and the old inner-city streets on the other.
 * Places are emitted in code order, not in this order.
 */
const UNITS: readonly UnitSpec[] = [
  {
    code: '410103200',
    name: '侯寨乡',
    kind: 'town',
    tier: 'town',
    roads: ['侯寨路', '樱桃沟路', '郑密路', '南四环'],
    communities: 2,
    villages: 12,
    pinned: [{ name: '侯寨村', kind: 'village' }],
  },
  {
    code: '410103401',
    name: '樱桃沟文化旅游园区',
    kind: 'park',
    tier: 'park',
    roads: [],
    communities: 0,
    villages: 0,
  },
  {
    code: '410103100',
    name: '马寨镇',
    kind: 'town',
    tier: 'town',
    roads: ['马寨大道', '工业路', '钓鱼台路', '申河路'],
    communities: 4,
    villages: 10,
    pinned: [{ name: '马寨村', kind: 'village' }],
  },
  {
    code: '410103400',
    name: '马寨产业园区',
    kind: 'park',
    tier: 'park',
    roads: [],
    communities: 0,
    villages: 0,
  },
  {
    code: '410103201',
    name: '齐礼阎乡',
    kind: 'town',
    tier: 'town',
    roads: ['齐礼阎路', '大学南路', '南三环', '郑密路'],
    communities: 3,
    villages: 9,
    pinned: [{ name: '齐礼阎村', kind: 'village' }],
  },
  {
    code: '410103014',
    name: '人和路街道',
    kind: 'street',
    tier: 'periphery',
    roads: ['人和路', '南四环', '大学南路', '芦庄路'],
    communities: 8,
    villages: 0,
  },
  {
    code: '410103011',
    name: '嵩山路街道',
    kind: 'street',
    tier: 'periphery',
    roads: ['嵩山南路', '航海西路', '南三环', '陇西路'],
    communities: 12,
    villages: 0,
  },
  {
    code: '410103013',
    name: '长江路街道',
    kind: 'street',
    tier: 'periphery',
    roads: ['长江路', '长江东路', '大学南路', '兴华南街'],
    communities: 11,
    villages: 0,
  },
  {
    code: '410103012',
    name: '京广路街道',
    kind: 'street',
    tier: 'periphery',
    roads: ['京广南路', '航海中路', '南三环', '齐礼阎路'],
    communities: 11,
    villages: 0,
    pinned: [{ name: '郭家咀社区', kind: 'community' }],
  },
  {
    code: '410103402',
    name: '二七商贸物流园区',
    kind: 'park',
    tier: 'park',
    roads: [],
    communities: 0,
    villages: 0,
  },
  {
    code: '410103007',
    name: '大学路街道',
    kind: 'street',
    tier: 'middle',
    roads: ['大学路', '政通路', '连云路', '航海中路'],
    communities: 12,
    villages: 0,
    pinned: [
      {
        name: '祥和社区',
        kind: 'community',
        firstCompound: { name: '学府花园小区', managementType: 'self_managed' },
      },
    ],
  },
  {
    code: '410103006',
    name: '五里堡街道',
    kind: 'street',
    tier: 'middle',
    roads: ['航海中路', '南二环', '兴华南街', '汝河路'],
    communities: 10,
    villages: 0,
    pinned: [
      {
        name: '二环路社区',
        kind: 'community',
        compounds: { count: 9, managementType: 'professional', buildings: 42 },
      },
    ],
  },
  {
    code: '410103008',
    name: '建中街街道',
    kind: 'street',
    tier: 'middle',
    roads: ['建中街', '汝河路', '淮南街', '京广中路'],
    communities: 9,
    villages: 0,
  },
  {
    code: '410103005',
    name: '蜜蜂张街道',
    kind: 'street',
    tier: 'middle',
    roads: ['京广中路', '陇海中路', '幸福路', '政通路'],
    communities: 9,
    villages: 0,
  },
  {
    code: '410103001',
    name: '淮河路街道',
    kind: 'street',
    tier: 'middle',
    roads: ['淮河路', '淮河东路', '兴华南街', '伏牛路'],
    communities: 9,
    villages: 0,
  },
  {
    code: '410103009',
    name: '福华街街道',
    kind: 'street',
    tier: 'core',
    roads: ['福华街', '大同路', '正兴街', '二马路'],
    communities: 10,
    villages: 0,
  },
  {
    code: '410103003',
    name: '铭功路街道',
    kind: 'street',
    tier: 'core',
    roads: ['铭功路', '钱塘路', '敦睦路', '苑陵街'],
    communities: 10,
    villages: 0,
  },
  {
    code: '410103004',
    name: '一马路街道',
    kind: 'street',
    tier: 'core',
    roads: ['一马路', '二马路', '陇海中路', '大同路'],
    communities: 9,
    villages: 0,
    pinned: [{ name: '陇海大院社区', kind: 'community' }],
  },
  {
    code: '410103002',
    name: '解放路街道',
    kind: 'street',
    tier: 'core',
    roads: ['解放路', '大同路', '西太康路', '正兴街'],
    communities: 8,
    villages: 0,
  },
  {
    code: '410103010',
    name: '德化街街道',
    kind: 'street',
    tier: 'core',
    roads: ['德化街', '二七路', '正兴街', '解放路'],
    communities: 8,
    villages: 0,
  },
];

/** Relative area of a second-level unit's region. */
const TIER_AREA: Record<Tier, number> = { core: 0.55, middle: 0.9, periphery: 1.3, town: 2.6, park: 1.0 };
/** Relative compound density of a community in a unit of this tier. */
const TIER_COMPOUNDS: Record<Tier, number> = {
  core: 1.25,
  middle: 1.1,
  periphery: 1.0,
  town: 0.85,
  park: 1.0,
};
/** Relative propensity of a compound here to be an old, unmanaged one. */
const TIER_UNMANAGED: Record<Tier, number> = { core: 3.2, middle: 2.2, periphery: 1.2, town: 0.9, park: 1.0 };
/** Probability that a managed compound here has a professional property company rather than self-management. */
const TIER_PROFESSIONAL: Record<Tier, number> = {
  core: 0.4,
  middle: 0.5,
  periphery: 0.65,
  town: 0.55,
  park: 0.5,
};

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Chinese numeral for 1–99 (一, 十二, 二十三). */
function cnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`cnNumber: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const onesText = ones === 0 ? '' : CN_DIGITS[ones];
  if (tens === 0) return onesText ?? '';
  return `${tens === 1 ? '' : (CN_DIGITS[tens] ?? '')}十${onesText ?? ''}`;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function pad3(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`code segment out of range: ${n}`);
  return String(n).padStart(3, '0');
}

function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function randRange(rng: Rng, lo: number, hi: number): number {
  return lo + rng() * (hi - lo);
}

/**
 * A name unique in `taken`: up to 30 draws from `draw`, then the last draw with 二期, 三期 … appended.
 * Registers and returns the name.
 */
function uniqueName(taken: Set<string>, draw: () => string): string {
  let name = draw();
  for (let attempt = 0; attempt < 30 && taken.has(name); attempt++) name = draw();
  const base = name;
  for (let phase = 2; taken.has(name); phase++) name = `${base}${cnNumber(phase)}期`;
  taken.add(name);
  return name;
}

type Rect = Omit<DemoRegion, 'code'>;

/**
 * Weighted binary treemap: split the list where the prefix weight is closest to half, cut the rectangle across
 * its longer side (in metres) at that fraction, recurse. Cuts are rounded to 6 decimals and the same number is
 * used for both sides, so the leaves tile the rectangle exactly.
 */
function treemap(
  rect: Rect,
  items: readonly { code: string; weight: number }[],
  out: Map<string, Rect>,
): void {
  if (items.length === 0) return;
  if (items.length === 1) {
    out.set(at(items, 0).code, rect);
    return;
  }
  const total = items.reduce((a, b) => a + b.weight, 0);
  let prefix = 0;
  let split = 1;
  let bestPrefix = 0;
  let bestDiff = Number.POSITIVE_INFINITY;
  for (let k = 1; k < items.length; k++) {
    prefix += at(items, k - 1).weight;
    const diff = Math.abs(prefix - total / 2);
    if (diff < bestDiff) {
      bestDiff = diff;
      split = k;
      bestPrefix = prefix;
    }
  }
  const ratio = bestPrefix / total;
  const widthM = (rect.maxLng - rect.minLng) * M_PER_DEG_LNG;
  const heightM = (rect.maxLat - rect.minLat) * M_PER_DEG_LAT;
  let first: Rect;
  let second: Rect;
  if (widthM >= heightM) {
    const cut = round6(rect.minLng + ratio * (rect.maxLng - rect.minLng));
    if (!(cut > rect.minLng && cut < rect.maxLng)) throw new Error('treemap: rectangle too thin to split');
    first = { ...rect, maxLng: cut };
    second = { ...rect, minLng: cut };
  } else {
    const cut = round6(rect.minLat + ratio * (rect.maxLat - rect.minLat));
    if (!(cut > rect.minLat && cut < rect.maxLat)) throw new Error('treemap: rectangle too thin to split');
    first = { ...rect, maxLat: cut };
    second = { ...rect, minLat: cut };
  }
  treemap(first, items.slice(0, split), out);
  treemap(second, items.slice(split), out);
}

/** A point (6 decimals) uniformly inside the central `fraction` of the rectangle. */
function pointIn(rng: Rng, rect: Rect, fraction: number): { lng: number; lat: number } {
  const padLng = ((1 - fraction) / 2) * (rect.maxLng - rect.minLng);
  const padLat = ((1 - fraction) / 2) * (rect.maxLat - rect.minLat);
  return {
    lng: round6(randRange(rng, rect.minLng + padLng, rect.maxLng - padLng)),
    lat: round6(randRange(rng, rect.minLat + padLat, rect.maxLat - padLat)),
  };
}

/** A point (6 decimals) within BUILDING_SPREAD_M of `centre` along each axis, kept EDGE_MARGIN_M inside `rect`. */
function pointNear(rng: Rng, centre: { lng: number; lat: number }, rect: Rect): { lng: number; lat: number } {
  const dLng = BUILDING_SPREAD_M / M_PER_DEG_LNG;
  const dLat = BUILDING_SPREAD_M / M_PER_DEG_LAT;
  const mLng = EDGE_MARGIN_M / M_PER_DEG_LNG;
  const mLat = EDGE_MARGIN_M / M_PER_DEG_LAT;
  const lo = {
    lng: Math.max(centre.lng - dLng, rect.minLng + mLng),
    lat: Math.max(centre.lat - dLat, rect.minLat + mLat),
  };
  const hi = {
    lng: Math.min(centre.lng + dLng, rect.maxLng - mLng),
    lat: Math.min(centre.lat + dLat, rect.maxLat - mLat),
  };
  return { lng: round6(randRange(rng, lo.lng, hi.lng)), lat: round6(randRange(rng, lo.lat, hi.lat)) };
}

interface CommunityPlan {
  code: string;
  unit: UnitSpec;
  kind: 'community' | 'village';
  name: string;
  pinned: PinnedCommunity | undefined;
}

interface CompoundPlan {
  code: string;
  community: CommunityPlan;
  managementType: ManagementType | null; // null until drawn
  fixedName: string | null;
  buildings: number; // 0 until drawn
}

interface DemoDistrict {
  places: DemoPlace[];
  regions: DemoRegion[];
}

/** Street address allocator: a road of the unit and a house number not yet used in that unit. */
function addressAllocator(rng: Rng): (unit: UnitSpec) => { road: string; no: number; text: string } {
  const used = new Map<string, Set<string>>();
  return (unit) => {
    let taken = used.get(unit.code);
    if (!taken) {
      taken = new Set();
      used.set(unit.code, taken);
    }
    for (;;) {
      const road = pick(rng, unit.roads);
      const no = randInt(rng, 1, 399);
      const key = `${road}${no}`;
      if (!taken.has(key)) {
        taken.add(key);
        return { road, no, text: `${CITY_PREFIX}${unit.name}${road}${no}号` };
      }
    }
  };
}

function compoundName(
  rng: Rng,
  community: CommunityPlan,
  managementType: ManagementType,
  address: { road: string; no: number },
): string {
  const r = rng();
  if (community.kind === 'village' && r < 0.6) {
    return `${community.name.replace(/村$/, '')}${pick(rng, VILLAGE_COMPOUND_SUFFIXES)}`;
  }
  switch (managementType) {
    case 'unmanaged': {
      if (r < 0.35) return `${pick(rng, WORK_UNITS)}${pick(rng, STAFF_COMPOUND_SUFFIXES)}`;
      if (r < 0.55) return `${pick(rng, WORK_UNITS)}${cnNumber(randInt(rng, 1, 9))}号院`;
      if (r < 0.7) return `${pick(rng, WORK_UNITS)}${pick(rng, ['宿舍', '家属楼', '生活区'])}`;
      return `${address.road}${address.no}号院`;
    }
    case 'self_managed': {
      if (r < 0.4) return `${pick(rng, WORK_UNITS)}${pick(rng, STAFF_COMPOUND_SUFFIXES)}`;
      if (r < 0.8) return `${pick(rng, ESTATE_STEMS)}${pick(rng, ['小区', '花园小区', '新村'])}`;
      return `${pick(rng, ESTATE_STEMS)}${pick(rng, ['家园', '苑'])}`;
    }
    case 'professional': {
      if (r < 0.7) return `${pick(rng, BRANDS)}${pick(rng, PRODUCTS)}`;
      return `${pick(rng, ESTATE_STEMS)}${pick(rng, ['苑', '花园', '公寓', '佳园'])}`;
    }
  }
}

function buildDistrict(seed: number): DemoDistrict {
  if (!Number.isFinite(seed))
    throw new TypeError(`generateDemoPlaces: seed must be a finite number, got ${seed}`);
  const rng: Rng = seedrandom(`louyuan:demo-places:${seed}`);

  // ---- communities and villages: names and codes -------------------------------------------------------------
  const communityStems = shuffled(rng, COMMUNITY_STEMS);
  const villageStems = shuffled(rng, VILLAGE_STEMS);
  const communityNames = new Set<string>();
  for (const unit of UNITS) for (const p of unit.pinned ?? []) communityNames.add(p.name);
  const takeStem = (stems: string[], suffix: string): string => {
    for (;;) {
      const stem = stems.pop();
      if (stem === undefined) throw new Error('demo data: name pool exhausted');
      const name = `${stem}${suffix}`;
      if (!communityNames.has(name)) {
        communityNames.add(name);
        return name;
      }
    }
  };

  const communitiesByUnit = new Map<string, CommunityPlan[]>();
  for (const unit of UNITS) {
    const plans: { name: string; kind: 'community' | 'village'; pinned: PinnedCommunity | undefined }[] = [];
    const pinned = unit.pinned ?? [];
    for (const p of pinned) plans.push({ name: p.name, kind: p.kind, pinned: p });
    const pinnedOf = (kind: 'community' | 'village'): number => pinned.filter((p) => p.kind === kind).length;
    // Communities named after the unit's own roads (a third of them at most), the rest from the generic pool.
    const roadNamed = shuffled(rng, unit.roads)
      .map((road) => `${road}社区`)
      .filter((name) => !communityNames.has(name))
      .slice(0, Math.floor(unit.communities / 3));
    for (let i = pinnedOf('community'); i < unit.communities; i++) {
      const roadName = roadNamed.pop();
      if (roadName !== undefined && !communityNames.has(roadName)) {
        communityNames.add(roadName);
        plans.push({ name: roadName, kind: 'community', pinned: undefined });
      } else {
        plans.push({ name: takeStem(communityStems, '社区'), kind: 'community', pinned: undefined });
      }
    }
    for (let i = pinnedOf('village'); i < unit.villages; i++) {
      plans.push({ name: takeStem(villageStems, '村'), kind: 'village', pinned: undefined });
    }
    // Codes: residents' committees 001…, villagers' committees 200… (the statistical-code convention).
    let nextCommunity = 1;
    let nextVillage = 200;
    const ordered = [
      ...plans.filter((p) => p.kind === 'community'),
      ...plans.filter((p) => p.kind === 'village'),
    ];
    communitiesByUnit.set(
      unit.code,
      ordered.map((p) => ({
        ...p,
        unit,
        code: `${unit.code}${pad3(p.kind === 'community' ? nextCommunity++ : nextVillage++)}`,
      })),
    );
  }
  const communities = UNITS.flatMap((u) => communitiesByUnit.get(u.code) ?? []);

  // ---- geometry ----------------------------------------------------------------------------------------------
  const rects = new Map<string, Rect>();
  treemap(
    BBOX,
    UNITS.map((u) => ({ code: u.code, weight: TIER_AREA[u.tier] * randRange(rng, 0.85, 1.15) })),
    rects,
  );
  for (const unit of UNITS) {
    const unitRect = rects.get(unit.code);
    if (!unitRect) throw new Error(`no region for ${unit.code}`);
    const items = shuffled(rng, communitiesByUnit.get(unit.code) ?? []).map((c) => ({
      code: c.code,
      weight: (c.kind === 'village' ? 2.5 : 1) * randRange(rng, 0.7, 1.3),
    }));
    treemap(unitRect, items, rects);
  }
  const rectOf = (code: string): Rect => {
    const rect = rects.get(code);
    if (!rect) throw new Error(`no region for ${code}`);
    return rect;
  };

  // ---- compounds: counts and management types ----------------------------------------------------------------
  const fixedCompounds = communities.reduce((n, c) => n + (c.pinned?.compounds?.count ?? 0), 0);
  const free = communities.filter((c) => c.pinned?.compounds === undefined);
  const extra = apportion(
    TOTAL_COMPOUNDS - fixedCompounds - free.length,
    free.map((c) =>
      c.kind === 'village'
        ? randRange(rng, 0.3, 0.8)
        : randRange(rng, 0.6, 1.6) * TIER_COMPOUNDS[c.unit.tier],
    ),
  );
  const countOf = new Map<string, number>(free.map((c, i) => [c.code, 1 + at(extra, i)]));

  const compounds: CompoundPlan[] = [];
  for (const community of communities) {
    const fixed = community.pinned?.compounds;
    const count = fixed?.count ?? countOf.get(community.code) ?? 0;
    const first = compounds.length;
    for (let i = 1; i <= count; i++) {
      compounds.push({
        code: `${community.code}${pad3(i)}`,
        community,
        managementType: fixed?.managementType ?? null,
        fixedName: null,
        buildings: 0,
      });
    }
    if (fixed) {
      const mine = compounds.slice(first);
      const base = Math.floor(fixed.buildings / count);
      for (const c of mine) c.buildings = base;
      for (let left = fixed.buildings - base * count; left > 0; left--) {
        const c = pick(rng, mine);
        c.buildings++;
      }
    }
    const firstCompound = community.pinned?.firstCompound;
    const head = compounds[first];
    if (firstCompound && head) {
      head.managementType = firstCompound.managementType;
      head.fixedName = firstCompound.name;
    }
  }

  // Exactly TOTAL_UNMANAGED unmanaged compounds, weighted sampling without replacement (Efraimidis–Spirakis).
  const fixedUnmanaged = compounds.filter((c) => c.managementType === 'unmanaged').length;
  const open = compounds
    .filter((c) => c.managementType === null)
    .map((c, i) => {
      const w = TIER_UNMANAGED[c.community.unit.tier] * (c.community.kind === 'village' ? 0.5 : 1);
      return { c, i, key: Math.log(rng() || Number.MIN_VALUE) / w };
    })
    .sort((a, b) => b.key - a.key || a.i - b.i);
  open.forEach(({ c }, rank) => {
    c.managementType =
      rank < TOTAL_UNMANAGED - fixedUnmanaged
        ? 'unmanaged'
        : rng() < TIER_PROFESSIONAL[c.community.unit.tier]
          ? 'professional'
          : 'self_managed';
  });

  // ---- emit --------------------------------------------------------------------------------------------------
  const places: DemoPlace[] = [];
  places.push({
    code: DISTRICT_CODE,
    parentCode: null,
    kind: 'district',
    name: DISTRICT_NAME,
    address: null,
    lng: round6((BBOX.minLng + BBOX.maxLng) / 2),
    lat: round6((BBOX.minLat + BBOX.maxLat) / 2),
    managementType: null,
  });
  const unitsByCode = [...UNITS].sort((a, b) => a.code.localeCompare(b.code));
  for (const unit of unitsByCode) {
    const p = pointIn(rng, rectOf(unit.code), 0.5);
    places.push({
      code: unit.code,
      parentCode: DISTRICT_CODE,
      kind: unit.kind,
      name: unit.name,
      address: null,
      ...p,
      managementType: null,
    });
  }
  const allocate = addressAllocator(rng);
  const communitiesByCode = [...communities].sort((a, b) => a.code.localeCompare(b.code));
  for (const c of communitiesByCode) {
    const p = pointIn(rng, rectOf(c.code), 0.5);
    places.push({
      code: c.code,
      parentCode: c.unit.code,
      kind: c.kind,
      name: c.name,
      address: allocate(c.unit).text,
      ...p,
      managementType: null,
    });
  }

  const compoundNames = new Set<string>();
  for (const c of compounds) if (c.fixedName !== null) compoundNames.add(c.fixedName);
  const compoundsByCode = [...compounds].sort((a, b) => a.code.localeCompare(b.code));
  const compoundPoints = new Map<string, { lng: number; lat: number; address: string }>();
  for (const c of compoundsByCode) {
    const managementType = c.managementType;
    if (managementType === null) throw new Error(`compound ${c.code} without management type`);
    const address = allocate(c.community.unit);
    const name =
      c.fixedName ?? uniqueName(compoundNames, () => compoundName(rng, c.community, managementType, address));
    const rect = rectOf(c.community.code);
    const padLng = Math.min(0.15 * (rect.maxLng - rect.minLng), 60 / M_PER_DEG_LNG);
    const padLat = Math.min(0.15 * (rect.maxLat - rect.minLat), 60 / M_PER_DEG_LAT);
    const p = {
      lng: round6(randRange(rng, rect.minLng + padLng, rect.maxLng - padLng)),
      lat: round6(randRange(rng, rect.minLat + padLat, rect.maxLat - padLat)),
    };
    compoundPoints.set(c.code, { ...p, address: address.text });
    places.push({
      code: c.code,
      parentCode: c.community.code,
      kind: 'compound',
      name,
      address: address.text,
      ...p,
      managementType,
    });
    if (c.buildings === 0) {
      c.buildings =
        managementType === 'professional'
          ? randInt(rng, 4, 12)
          : managementType === 'self_managed'
            ? randInt(rng, 2, 8)
            : randInt(rng, 1, 5);
    }
  }

  for (const c of compoundsByCode) {
    const centre = compoundPoints.get(c.code);
    if (!centre) throw new Error(`compound ${c.code} not emitted`);
    const rect = rectOf(c.community.code);
    const lettered = c.managementType === 'professional' && rng() < 0.15;
    for (let i = 1; i <= c.buildings; i++) {
      const name = lettered ? `${String.fromCharCode(64 + i)}座` : `${i}号楼`;
      const p = pointNear(rng, centre, rect);
      places.push({
        code: `${c.code}${pad3(i)}`,
        parentCode: c.code,
        kind: 'building',
        name,
        address: `${centre.address}${name}`,
        ...p,
        managementType: null,
      });
    }
  }

  const regions: DemoRegion[] = [...unitsByCode, ...communitiesByCode].map((x) => ({
    code: x.code,
    ...rectOf(x.code),
  }));
  return { places, regions };
}

/**
 * The demo district's place tree: district, towns/streets/parks, communities/villages, compounds, buildings —
 * level by level, each level in code order, so every parent appears before its children.
 */
export function generateDemoPlaces(seed: number): DemoPlace[] {
  return buildDistrict(seed).places;
}

/**
 * The region rectangles behind generateDemoPlaces(seed): the 20 second-level rectangles tile the district bounding
 * box, each unit's community/village rectangles tile the unit's rectangle (parks have none). Second level first,
 * then communities, each in code order.
 */
export function demoRegions(seed: number): DemoRegion[] {
  return buildDistrict(seed).regions;
}

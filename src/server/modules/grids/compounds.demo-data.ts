import { demoRegions, generateDemoPlaces, type DemoPlace } from '../places/places.demo-data.js';
import { union, type GridPolygon, type Position } from './grids.geometry.js';

/**
 * Outlines of the demo compounds (小区/院落 轮廓). PURE and deterministic: the same seed gives the same outlines.
 *
 * The rule
 * 1. Sites: each compound's point and its buildings' points (buildings lie within ~140 m of the compound point).
 * 2. Box: the bounding box of the compound's sites, widened by MARGIN_M (20 m) on every side, then clipped to its
 *    community's rectangle (demoRegions): a compound never leaves its community.
 * 3. Conflicts: where the boxes of two compounds of the same community overlap, the disputed ground goes to the
 *    compound owning the NEAREST site (distance in metres, equirectangular at the district's latitude) — a
 *    Voronoi split between the two compounds' sites. Formally, the outline of C is
 *        box(C) ∩ ⋃_{s ∈ sites(C)} ⋂_{t ∈ sites(D), D ≠ C, box(D) ∩ box(C) ≠ ∅} { x : |x − s| < |x − t| }
 *    i.e. the union over C's own sites of the site's Voronoi cell against the rival sites, clipped to the box.
 *    Rivals are applied even where the point lies outside the rival's box, which only leaves some ground to
 *    nobody (compounds need not tile their community), never to two compounds.
 * Consequences: outlines of two compounds never overlap (a point claimed by both would be nearer to a site of
 * each than to every site of the other); every site lies strictly inside its own compound's outline (it is at
 * distance 0 from itself and ≥ MARGIN_M inside the box, unless the community edge clips: the places generator
 * keeps points 3 m inside it). An outline is usually one Polygon; when a rival's sites cut a compound's cells
 * apart it is a MultiPolygon (the parts of one compound), which the locator and the map handle alike.
 * Coordinates are rounded to 9 decimals (≈ 0.1 mm), so neighbours’ shared bisectors may differ by a tenth of a millimetre.
 */

export interface DemoCompoundOutline {
  code: string;
  polygon: GridPolygon;
}

const MARGIN_M = 20;
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG = 111_320 * Math.cos((34.71 * Math.PI) / 180);

type XY = [number, number]; // metres, relative to a community-local origin

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Sutherland–Hodgman: keep the part of a convex polygon where a·x + b·y < c (strictly closer to s than to t). */
function clipHalfPlane(poly: XY[], a: number, b: number, c: number): XY[] {
  const out: XY[] = [];
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const p = poly[i] as XY;
    const q = poly[(i + 1) % n] as XY;
    const fp = a * p[0] + b * p[1] - c;
    const fq = a * q[0] + b * q[1] - c;
    if (fp <= 0) out.push(p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** The part of the box nearer to `s` than to every rival site. */
function cell(box: Box, s: XY, rivals: readonly XY[]): XY[] {
  let poly: XY[] = [
    [box.minX, box.minY],
    [box.maxX, box.minY],
    [box.maxX, box.maxY],
    [box.minX, box.maxY],
  ];
  for (const t of rivals) {
    // |x − s|² < |x − t|²  ⇔  2(t − s)·x < |t|² − |s|²
    const a = 2 * (t[0] - s[0]);
    const b = 2 * (t[1] - s[1]);
    if (a === 0 && b === 0) continue; // the same point: no separation possible, leave it to both (never happens)
    const c = t[0] * t[0] + t[1] * t[1] - s[0] * s[0] - s[1] * s[1];
    poly = clipHalfPlane(poly, a, b, c);
    if (poly.length < 3) return [];
  }
  return poly;
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

/** The outline of every demo compound (in code order), by the rule above. */
export function generateCompoundOutlines(seed: number, places?: readonly DemoPlace[]): DemoCompoundOutline[] {
  const all = places ?? generateDemoPlaces(seed);
  const regions = new Map(demoRegions(seed).map((r) => [r.code, r]));
  const compoundsByCommunity = new Map<string, DemoPlace[]>();
  const buildingsByCompound = new Map<string, DemoPlace[]>();
  for (const p of all) {
    if (p.kind === 'compound' && p.parentCode) {
      const list = compoundsByCommunity.get(p.parentCode) ?? [];
      list.push(p);
      compoundsByCommunity.set(p.parentCode, list);
    } else if (p.kind === 'building' && p.parentCode) {
      const list = buildingsByCompound.get(p.parentCode) ?? [];
      list.push(p);
      buildingsByCompound.set(p.parentCode, list);
    }
  }
  const out: DemoCompoundOutline[] = [];
  for (const [communityCode, compounds] of compoundsByCommunity) {
    const region = regions.get(communityCode);
    if (!region) throw new Error(`compound outlines: no rectangle for community ${communityCode}`);
    const lng0 = region.minLng;
    const lat0 = region.minLat;
    const toXY = (lng: number, lat: number): XY => [
      (lng - lng0) * M_PER_DEG_LNG,
      (lat - lat0) * M_PER_DEG_LAT,
    ];
    const toLngLat = ([x, y]: XY): Position => [
      round9(lng0 + x / M_PER_DEG_LNG),
      round9(lat0 + y / M_PER_DEG_LAT),
    ];
    const [cMaxX, cMaxY] = toXY(region.maxLng, region.maxLat);
    const plans = compounds.map((compound) => {
      const sites: XY[] = [compound, ...(buildingsByCompound.get(compound.code) ?? [])]
        .filter((p) => p.lng !== null && p.lat !== null)
        .map((p) => toXY(p.lng as number, p.lat as number));
      const box: Box = {
        minX: Math.max(0, Math.min(...sites.map((s) => s[0])) - MARGIN_M),
        minY: Math.max(0, Math.min(...sites.map((s) => s[1])) - MARGIN_M),
        maxX: Math.min(cMaxX, Math.max(...sites.map((s) => s[0])) + MARGIN_M),
        maxY: Math.min(cMaxY, Math.max(...sites.map((s) => s[1])) + MARGIN_M),
      };
      return { compound, sites, box };
    });
    for (const plan of plans) {
      const rivals = plans
        .filter((other) => other !== plan && boxesOverlap(plan.box, other.box))
        .flatMap((other) => other.sites);
      const cells = plan.sites
        .map((s) => cell(plan.box, s, rivals))
        .filter((c) => c.length >= 3)
        .map((c): GridPolygon => {
          const ring = c.map(toLngLat);
          ring.push(ring[0] as Position);
          return { type: 'Polygon', coordinates: [ring] };
        });
      const polygon = union(...cells);
      if (!polygon) throw new Error(`compound outlines: ${plan.compound.code} has no area`);
      out.push({ code: plan.compound.code, polygon });
    }
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

import Flatbush from 'flatbush';
import {
  areaM2,
  asRect,
  bbox,
  difference,
  interiorPoint,
  intersectRects,
  intersection,
  polygonFromRect,
  polygonsOf,
  rectContains,
  selfIntersections,
  union,
  type BBox,
  type GridPolygon,
  type Position,
  type Rect,
} from './grids.geometry.js';

/**
 * Coverage check of a grid set (无缝覆盖: seamless, non-overlapping, each grid inside its parent). Pure.
 *
 * What is checked
 * - every grid: a valid polygon (rings closed, at least 3 distinct positions, finite numbers, some area, no
 *   self-intersection — rings crossing or touching themselves or each other), and lying inside the district;
 * - BASE grids only, per parent (the district for the roots): children sticking out of the parent, overlaps
 *   between siblings, and gaps (parent area covered by no child). Cousins need no check: when every child lies
 *   inside its parent and siblings do not overlap, no two grids of one level overlap anywhere. Overlay grids
 *   (specialised, economic, kinship) may cross administrative boundaries and overlap anything; they are checked
 *   for validity and for lying inside the district only;
 * - BASE grids only: households outside the configured range for their level (null households are not checked;
 *   overlays are not held to the base sizes).
 *
 * Invalid grids are reported and left out of the geometric checks; a parent with an invalid child is not checked
 * for gaps (the invalid child's area would show up as a gap). Pieces smaller than `minAreaM2` (default 1 m²)
 * are floating-point noise and ignored. Areas are geodesic m²; each finding carries a point inside the problem
 * area (for a self-intersection: the first crossing) to show on the map.
 *
 * Speed: rectangles (the usual grid shape) take exact shortcuts; siblings are paired through a flatbush index
 * over their bounding boxes; the gap check first compares the parent's area with the sum of its children's and
 * only clips polygons when they differ.
 */

export interface CoverageGrid {
  code: string;
  parentCode: string | null;
  level: number;
  kind: string; // 'base' | 'specialised' | 'economic' | 'kinship'
  name: string;
  polygon: GridPolygon;
  households: number | null;
}

export type FindingType =
  'gap' | 'overlap' | 'outside_parent' | 'outside_district' | 'invalid_polygon' | 'households_out_of_range';

export interface Finding {
  type: FindingType;
  /** Codes of the grids involved: gap → the parent (none for the district) then the children bordering it;
   * overlap → the two siblings; other types → the grid. */
  grids: string[];
  /** Area of the problem in m² (gap, overlap, the part outside; the grid's own area for the other types). */
  areaM2: number;
  /** [lng, lat] inside the problem area. */
  location: [number, number];
  detail: string;
}

export interface CoverageReport {
  /** Grids per "kind/level", e.g. "base/1": 17. */
  counts: Record<string, number>;
  findings: Finding[];
}

export interface CoverageOptions {
  /** Allowed households per level, inclusive, e.g. { 4: [50, 70] }; levels not listed are not checked. */
  householdRange: Record<number, [number, number]>;
  /** Ignore gaps, overlaps and outside parts smaller than this (floating-point slivers). Default 1 m². */
  minAreaM2?: number;
}

const FINDING_ORDER: readonly FindingType[] = [
  'invalid_polygon',
  'outside_district',
  'outside_parent',
  'overlap',
  'gap',
  'households_out_of_range',
];

interface Prepared {
  grid: CoverageGrid;
  box: BBox;
  rect: Rect | null;
  area: number;
}

function boxRect(box: BBox): Rect {
  return { minLng: box[0], minLat: box[1], maxLng: box[2], maxLat: box[3] };
}

function rectPolygon(r: Rect): GridPolygon {
  return polygonFromRect(r.minLng, r.minLat, r.maxLng, r.maxLat);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** Why the polygon is not a valid grid shape, and where; null when it is valid. */
export function polygonProblem(polygon: GridPolygon): { problem: string; location: Position | null } | null {
  if (
    (polygon.type !== 'Polygon' && polygon.type !== 'MultiPolygon') ||
    !Array.isArray(polygon.coordinates) ||
    polygon.coordinates.length === 0
  ) {
    return { problem: 'not a Polygon or MultiPolygon with coordinates', location: null };
  }
  for (const rings of polygonsOf(polygon)) {
    if (!Array.isArray(rings) || rings.length === 0)
      return { problem: 'a polygon without rings', location: null };
    for (const ring of rings) {
      if (!Array.isArray(ring) || !ring.every(isPosition)) {
        return { problem: 'a position is not a pair of finite numbers', location: null };
      }
      const first = ring[0];
      const last = ring[ring.length - 1];
      const distinct = new Set(ring.map((p) => `${p[0]},${p[1]}`)).size;
      if (ring.length < 4 || distinct < 3) {
        return {
          problem: `a ring has too few points (${ring.length} positions, ${distinct} distinct; at least 4 and 3 needed)`,
          location: first ?? null,
        };
      }
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
        return { problem: 'a ring is not closed (first position ≠ last)', location: first ?? null };
      }
    }
  }
  const kinks = selfIntersections(polygon);
  if (kinks.length > 0) {
    const at = kinks[0] ?? null;
    return { problem: `self-intersection (${kinks.length} crossing or touching points)`, location: at };
  }
  if (!(areaM2(polygon) > 0)) return { problem: 'the polygon encloses no area', location: null };
  return null;
}

/** Area enclosed by an invalid polygon as drawn (self-crossing rings read with the non-zero rule), 0 if none. */
function drawnArea(polygon: GridPolygon): number {
  try {
    const normalised = union(polygon);
    return normalised ? areaM2(normalised) : 0;
  } catch {
    return 0;
  }
}

function vertexMean(polygon: GridPolygon): Position {
  let n = 0;
  let sx = 0;
  let sy = 0;
  try {
    for (const rings of polygonsOf(polygon)) {
      for (const ring of rings) {
        for (const p of ring) {
          if (!isPosition(p)) continue;
          sx += p[0];
          sy += p[1];
          n++;
        }
      }
    }
  } catch {
    // malformed coordinates: no location
  }
  return n === 0 ? [Number.NaN, Number.NaN] : [sx / n, sy / n];
}

/** The part of `inner` outside `outer` (null when none), with exact shortcuts for rectangles. */
function outsidePart(inner: Prepared, outer: GridPolygon, outerRect: Rect | null): GridPolygon | null {
  if (outerRect) {
    if (rectContains(outerRect, boxRect(inner.box))) return null;
    if (!intersectRects(outerRect, boxRect(inner.box))) return inner.grid.polygon;
  }
  return difference(inner.grid.polygon, outer);
}

/** The overlap of two grids (null when none), exact for two rectangles. */
function overlapPart(a: Prepared, b: Prepared): GridPolygon | null {
  if (a.rect && b.rect) {
    const r = intersectRects(a.rect, b.rect);
    return r ? rectPolygon(r) : null;
  }
  return intersection(a.grid.polygon, b.grid.polygon);
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      FINDING_ORDER.indexOf(a.type) - FINDING_ORDER.indexOf(b.type) ||
      (a.grids[0] ?? '').localeCompare(b.grids[0] ?? '') ||
      (a.grids[1] ?? '').localeCompare(b.grids[1] ?? '') ||
      a.location[0] - b.location[0] ||
      a.location[1] - b.location[1],
  );
}

/**
 * Check a grid set against the rules above. `district` is the district's boundary (the parent of the base
 * roots). Findings come sorted by type, then grid codes.
 */
export function checkCoverage(
  grids: readonly CoverageGrid[],
  district: GridPolygon,
  options: CoverageOptions,
): CoverageReport {
  const minArea = options.minAreaM2 ?? 1;
  const findings: Finding[] = [];
  const counts: Record<string, number> = {};
  for (const g of grids) counts[`${g.kind}/${g.level}`] = (counts[`${g.kind}/${g.level}`] ?? 0) + 1;

  // ---- validity ----------------------------------------------------------------------------------------------
  const prepared = new Map<CoverageGrid, Prepared>();
  const invalid = new Set<CoverageGrid>();
  for (const grid of grids) {
    const problem = polygonProblem(grid.polygon);
    if (problem) {
      invalid.add(grid);
      const location = problem.location ?? vertexMean(grid.polygon);
      findings.push({
        type: 'invalid_polygon',
        grids: [grid.code],
        areaM2: drawnArea(grid.polygon),
        location: [location[0], location[1]],
        detail: `${grid.name}: ${problem.problem}; left out of the coverage checks`,
      });
      continue;
    }
    prepared.set(grid, {
      grid,
      box: bbox(grid.polygon),
      rect: asRect(grid.polygon),
      area: areaM2(grid.polygon),
    });
  }
  const byCode = new Map<string, CoverageGrid>();
  for (const g of grids) if (!byCode.has(g.code)) byCode.set(g.code, g);

  // ---- inside the district -----------------------------------------------------------------------------------
  const districtRect = asRect(district);
  for (const p of prepared.values()) {
    const part = outsidePart(p, district, districtRect);
    if (!part) continue;
    const a = areaM2(part);
    if (a < minArea) continue;
    findings.push({
      type: 'outside_district',
      grids: [p.grid.code],
      areaM2: a,
      location: interiorPoint(part),
      detail: `${p.grid.name}: ${Math.round(a)} m² lie outside the district`,
    });
  }

  // ---- the base tree: each parent's children ------------------------------------------------------------------
  const groups = new Map<string | null, CoverageGrid[]>();
  for (const grid of grids) {
    if (grid.kind !== 'base') continue;
    const key = grid.parentCode;
    if (key !== null && !byCode.has(key)) {
      const p = prepared.get(grid);
      if (p) {
        findings.push({
          type: 'outside_parent',
          grids: [grid.code],
          areaM2: p.area,
          location: interiorPoint(grid.polygon),
          detail: `${grid.name}: its parent ${key} does not exist`,
        });
      }
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(grid);
    else groups.set(key, [grid]);
  }

  for (const [parentCode, children] of groups) {
    const parentGrid = parentCode === null ? null : (byCode.get(parentCode) ?? null);
    const parentPrepared = parentGrid ? prepared.get(parentGrid) : undefined;
    if (parentGrid && !parentPrepared) continue; // invalid parent: already reported, nothing to measure against
    const parentPolygon = parentPrepared ? parentPrepared.grid.polygon : district;
    const parentRect = parentPrepared ? parentPrepared.rect : districtRect;
    const parentLabel = parentGrid ? parentGrid.name : 'the district';
    const valid = children.map((c) => prepared.get(c)).filter((p): p is Prepared => p !== undefined);
    let disturbed = false;

    // children sticking out of their parent (the roots' district is checked above)
    if (parentPrepared) {
      for (const child of valid) {
        const part = outsidePart(child, parentPolygon, parentRect);
        if (!part) continue;
        const a = areaM2(part);
        if (a < minArea) continue;
        disturbed = true;
        findings.push({
          type: 'outside_parent',
          grids: [child.grid.code],
          areaM2: a,
          location: interiorPoint(part),
          detail: `${child.grid.name}: ${Math.round(a)} m² lie outside its parent ${parentLabel}`,
        });
      }
    }

    // overlaps between siblings, paired through their bounding boxes
    const index = valid.length > 0 ? new Flatbush(valid.length) : null;
    if (index) {
      for (const c of valid) index.add(c.box[0], c.box[1], c.box[2], c.box[3]);
      index.finish();
      valid.forEach((a, i) => {
        for (const j of index.search(a.box[0], a.box[1], a.box[2], a.box[3])) {
          if (j <= i) continue;
          const b = valid[j];
          if (!b || !intersectRects(boxRect(a.box), boxRect(b.box))) continue; // touching only
          const part = overlapPart(a, b);
          if (!part) continue;
          const area = areaM2(part);
          if (area < minArea) continue;
          disturbed = true;
          const [first, second] = a.grid.code < b.grid.code ? [a, b] : [b, a];
          findings.push({
            type: 'overlap',
            grids: [first.grid.code, second.grid.code],
            areaM2: area,
            location: interiorPoint(part),
            detail: `${first.grid.name} and ${second.grid.name} overlap by ${Math.round(area)} m²`,
          });
        }
      });
    }

    // gaps: parent area that no child covers
    if (valid.length < children.length) continue;
    const parentArea = parentPrepared ? parentPrepared.area : areaM2(district);
    const childrenArea = valid.reduce((s, c) => s + c.area, 0);
    if (!disturbed && Math.abs(parentArea - childrenArea) < minArea) continue;
    const uncovered =
      valid.length > 0 ? difference(parentPolygon, ...valid.map((c) => c.grid.polygon)) : parentPolygon;
    if (!uncovered) continue;
    for (const rings of polygonsOf(uncovered)) {
      const piece: GridPolygon = { type: 'Polygon', coordinates: rings };
      const a = areaM2(piece);
      if (a < minArea) continue;
      const box = bbox(piece);
      const neighbours = index
        ? index
            .search(box[0], box[1], box[2], box[3])
            .map((j) => valid[j]?.grid.code)
            .filter((code): code is string => code !== undefined)
            .sort()
        : [];
      findings.push({
        type: 'gap',
        grids: parentCode === null ? neighbours : [parentCode, ...neighbours],
        areaM2: a,
        location: interiorPoint(piece),
        detail: `${Math.round(a)} m² of ${parentLabel} are covered by none of its ${valid.length} child grids`,
      });
    }
  }

  // ---- households ----------------------------------------------------------------------------------------------
  for (const grid of grids) {
    if (grid.kind !== 'base' || grid.households === null) continue;
    const range = options.householdRange[grid.level];
    if (!range) continue;
    const [lo, hi] = range;
    if (grid.households >= lo && grid.households <= hi) continue;
    const p = prepared.get(grid);
    findings.push({
      type: 'households_out_of_range',
      grids: [grid.code],
      areaM2: p ? p.area : drawnArea(grid.polygon),
      location: p ? interiorPoint(grid.polygon) : vertexMean(grid.polygon),
      detail: `${grid.name}: ${grid.households} households, outside ${lo}–${hi} for level ${grid.level}`,
    });
  }

  for (const f of findings) f.areaM2 = round(f.areaM2);
  return { counts, findings: sortFindings(findings) };
}

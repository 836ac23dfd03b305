import area from '@turf/area';
import kinks from '@turf/kinks';
import * as gcoordModule from 'gcoord';
import polygonClipping from 'polygon-clipping';

/**
 * Planar geometry for grids (网格): WGS-84 GeoJSON polygons in longitude/latitude degrees.
 *
 * - Areas are geodesic square metres (@turf/area).
 * - Boolean operations (union, difference, intersection) go through polygon-clipping; their results use the
 *   input coordinates wherever edges only meet or overlap, so axis-aligned tiles stay on their exact numbers.
 * - `pointInPolygon` is our own even-odd ray cast with a half-open boundary rule (see there), because point
 *   location is the hot path and because tiles that share an edge must never both claim a point on it.
 */

/** [lng, lat] in degrees. */
export type Position = [number, number];
/** A closed ring: first position = last position. Outer rings counter-clockwise, holes clockwise (RFC 7946). */
export type Ring = Position[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}

/** A grid's shape: a GeoJSON Polygon or MultiPolygon (WGS-84). */
export type GridPolygon = PolygonGeometry | MultiPolygonGeometry;

/** [minLng, minLat, maxLng, maxLat]. */
export type BBox = [number, number, number, number];

/** An axis-aligned rectangle in degrees. */
export interface Rect {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export type Crs = 'wgs84' | 'gcj02';

/** Metres per degree of latitude, and of longitude at the equator (spherical approximation, for local scales). */
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG_EQUATOR = 111_320;

/** The polygons of a geometry as a list (a Polygon is a list of one). */
export function polygonsOf(polygon: GridPolygon): Ring[][] {
  return polygon.type === 'Polygon' ? [polygon.coordinates] : polygon.coordinates;
}

/** Bounding box [minLng, minLat, maxLng, maxLat]; all Infinity/-Infinity for an empty geometry. */
export function bbox(polygon: GridPolygon): BBox {
  let minLng = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLng = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const rings of polygonsOf(polygon)) {
    for (const ring of rings) {
      for (const [lng, lat] of ring) {
        if (lng < minLng) minLng = lng;
        if (lng > maxLng) maxLng = lng;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** Geodesic area in m² (holes subtracted). */
export function areaM2(polygon: GridPolygon): number {
  return area(polygon);
}

/** Even-odd crossing parity of one polygon's rings (shell and holes) for a ray from (x, y) towards +x. */
function ringsParity(x: number, y: number, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    const last = ring[ring.length - 1];
    if (last === undefined) continue;
    let px = last[0];
    let py = last[1];
    for (const point of ring) {
      const qx = point[0];
      const qy = point[1];
      // Canonical orientation: (x0, y0) is the lower end, so two polygons sharing this edge evaluate the very
      // same floating-point expression and always agree on the side of the point.
      let x0 = px;
      let y0 = py;
      let x1 = qx;
      let y1 = qy;
      if (y0 > y1) {
        x0 = qx;
        y0 = qy;
        x1 = px;
        y1 = py;
      }
      // Half-open in y (lower end in, upper end out): a vertex on the ray counts once; horizontal edges never.
      // Strictly left of the upward edge: the rightward ray crosses it; a point ON the edge does not count.
      if (y0 <= y && y < y1 && (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0) > 0) inside = !inside;
      px = qx;
      py = qy;
    }
  }
  return inside;
}

/**
 * Even-odd point-in-polygon (holes and MultiPolygons included), exact for axis-aligned edges.
 *
 * Boundary rule (deterministic, half-open): a point on an edge is decided as if it were moved an infinitesimal
 * step right (+lng) and a smaller step up (+lat). For a rectangle this is [minLng, maxLng) × [minLat, maxLat):
 * inside on its left and bottom edges and its lower-left corner, outside on its right and top edges and the
 * other three corners. Hence tiles that share edges (with the same coordinates) never both claim a point, and
 * every point of their union except the union's own right/top boundary is claimed by exactly one of them. Each
 * edge is evaluated bottom-up whichever polygon it belongs to, so the rule holds in floating point too for
 * sloping shared edges.
 *
 * Hot path: no allocation, no bbox pre-check (callers prefilter with a spatial index).
 */
export function pointInPolygon(lng: number, lat: number, polygon: GridPolygon): boolean {
  if (polygon.type === 'Polygon') return ringsParity(lng, lat, polygon.coordinates);
  let inside = false;
  for (const rings of polygon.coordinates) if (ringsParity(lng, lat, rings)) inside = !inside;
  return inside;
}

interface GcoordApi {
  transform: (input: Position, from: string, to: string) => Position;
  WGS84: string;
  GCJ02: string;
}

function isGcoordApi(value: unknown): value is GcoordApi {
  return typeof value === 'object' && value !== null && 'transform' in value && 'GCJ02' in value;
}

/**
 * gcoord ships CommonJS (`module.exports = api`) with typings that declare an ES default export, so the shape
 * of the import differs between TypeScript's model and Node's CommonJS interop; accept either.
 */
const gcoord: GcoordApi = ((): GcoordApi => {
  const candidates: unknown[] = [
    gcoordModule.default,
    (gcoordModule.default as { default?: unknown }).default,
  ];
  for (const candidate of candidates) if (isGcoordApi(candidate)) return candidate;
  throw new Error('gcoord: unexpected module shape');
})();

/** A position in `crs` (WGS-84 or GCJ-02, the offset "Mars" datum of Chinese web maps and phones) → WGS-84. */
export function toWgs84(lng: number, lat: number, crs: Crs): Position {
  if (crs === 'wgs84') return [lng, lat];
  const [x, y] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84);
  return [x, y];
}

/** A WGS-84 position → `crs`. */
export function fromWgs84(lng: number, lat: number, crs: Crs): Position {
  if (crs === 'wgs84') return [lng, lat];
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02);
  return [x, y];
}

/** An axis-aligned rectangle as a Polygon, outer ring counter-clockwise from the lower-left corner. */
export function polygonFromRect(
  minLng: number,
  minLat: number,
  maxLng: number,
  maxLat: number,
): PolygonGeometry {
  if (!(minLng < maxLng && minLat < maxLat)) {
    throw new RangeError(`polygonFromRect: empty rectangle ${minLng},${minLat},${maxLng},${maxLat}`);
  }
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLng, minLat],
        [maxLng, minLat],
        [maxLng, maxLat],
        [minLng, maxLat],
        [minLng, minLat],
      ],
    ],
  };
}

/**
 * The rectangle when the geometry is exactly one axis-aligned rectangle (one polygon, no hole, four corners,
 * optionally closed), else null. Lets callers take exact shortcuts for the common case.
 */
export function asRect(polygon: GridPolygon): Rect | null {
  const polys = polygonsOf(polygon);
  if (polys.length !== 1) return null;
  const rings = polys[0];
  if (rings?.length !== 1) return null;
  const ring = rings[0];
  if (!ring) return null;
  let n = ring.length;
  const first = ring[0];
  const last = ring[n - 1];
  if (first && last && n > 1 && first[0] === last[0] && first[1] === last[1]) n--;
  if (n !== 4) return null;
  const [minLng, minLat, maxLng, maxLat] = bbox(polygon);
  if (!(minLng < maxLng && minLat < maxLat)) return null;
  let corners = 0;
  for (let i = 0; i < 4; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % 4];
    if (!p || !q) return null;
    const onX = p[0] === minLng || p[0] === maxLng;
    const onY = p[1] === minLat || p[1] === maxLat;
    if (!onX || !onY) return null;
    // consecutive corners differ in exactly one coordinate: the edges are axis-aligned
    if ((p[0] === q[0]) === (p[1] === q[1])) return null;
    corners |= (p[0] === minLng ? 1 : 2) << (p[1] === minLat ? 0 : 2);
  }
  return corners === 0b1111 ? { minLng, minLat, maxLng, maxLat } : null;
}

/** Points where the rings cross or touch themselves or each other (@turf/kinks); empty when simple. */
export function selfIntersections(polygon: GridPolygon): Position[] {
  return kinks(polygon).features.map((f) => {
    const [lng, lat] = f.geometry.coordinates;
    return [lng ?? Number.NaN, lat ?? Number.NaN];
  });
}

/** polygon-clipping's output (a list of polygons) as a geometry; null when empty. */
function fromClipping(result: Ring[][]): GridPolygon | null {
  if (result.length === 0) return null;
  if (result.length === 1 && result[0]) return { type: 'Polygon', coordinates: result[0] };
  return { type: 'MultiPolygon', coordinates: result };
}

function toClipping(polygon: GridPolygon): Ring[][] {
  return polygonsOf(polygon);
}

/** Union of the geometries (null when all are empty). Self-crossing input rings are read with the non-zero rule. */
export function union(...polygons: GridPolygon[]): GridPolygon | null {
  const [first, ...rest] = polygons;
  if (!first) return null;
  return fromClipping(polygonClipping.union(toClipping(first), ...rest.map(toClipping)));
}

/** `subject` minus all of `clips` (null when nothing is left). */
export function difference(subject: GridPolygon, ...clips: GridPolygon[]): GridPolygon | null {
  return fromClipping(polygonClipping.difference(toClipping(subject), ...clips.map(toClipping)));
}

/** Intersection of all the geometries (null when empty). */
export function intersection(first: GridPolygon, ...others: GridPolygon[]): GridPolygon | null {
  return fromClipping(polygonClipping.intersection(toClipping(first), ...others.map(toClipping)));
}

/** The rectangle's own intersection with another rectangle, or null when they share no area. */
export function intersectRects(a: Rect, b: Rect): Rect | null {
  const minLng = Math.max(a.minLng, b.minLng);
  const minLat = Math.max(a.minLat, b.minLat);
  const maxLng = Math.min(a.maxLng, b.maxLng);
  const maxLat = Math.min(a.maxLat, b.maxLat);
  return minLng < maxLng && minLat < maxLat ? { minLng, minLat, maxLng, maxLat } : null;
}

/** Whether `inner` lies within `outer` (boundaries may touch). */
export function rectContains(outer: Rect, inner: Rect): boolean {
  return (
    inner.minLng >= outer.minLng &&
    inner.minLat >= outer.minLat &&
    inner.maxLng <= outer.maxLng &&
    inner.maxLat <= outer.maxLat
  );
}

/** Shoelace area of a ring in degrees² (positive when counter-clockwise). */
function signedRingArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i];
    const q = ring[j];
    if (p && q) sum += (q[0] - p[0]) * (q[1] + p[1]);
  }
  return sum / 2;
}

/** Planar area of one polygon (shell minus holes) in degrees², for ranking parts. */
function planarArea(rings: readonly Ring[]): number {
  let total = 0;
  rings.forEach((ring, i) => {
    const a = Math.abs(signedRingArea(ring));
    total += i === 0 ? a : -a;
  });
  return total;
}

/**
 * A point strictly inside the geometry, to pin a finding on the map: in its largest polygon, along the horizontal
 * line through the middle of a band between consecutive vertex latitudes (so the line meets no vertex), the middle
 * of the widest inside stretch — the band and stretch chosen to be as square as possible. Falls back to the mean of
 * the vertices when the geometry has no area.
 */
export function interiorPoint(polygon: GridPolygon): Position {
  let best: Ring[] | undefined;
  let bestArea = 0;
  for (const rings of polygonsOf(polygon)) {
    const a = planarArea(rings);
    if (a > bestArea) {
      bestArea = a;
      best = rings;
    }
  }
  if (!best) return vertexMean(polygon);
  const ys = [...new Set(best.flatMap((ring) => ring.map((p) => p[1])))].sort((a, b) => a - b);
  const mPerDegLng = M_PER_DEG_LNG_EQUATOR * Math.cos(((ys[0] ?? 0) * Math.PI) / 180);
  const step = Math.max(1, Math.floor((ys.length - 1) / 200));
  let point: Position | null = null;
  let score = -1;
  for (let k = 0; k + 1 < ys.length; k += step) {
    const y0 = ys[k];
    const y1 = ys[k + 1];
    if (y0 === undefined || y1 === undefined) continue;
    const y = (y0 + y1) / 2;
    const xs: number[] = [];
    for (const ring of best) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const p = ring[i];
        const q = ring[j];
        if (!p || !q) continue;
        if (p[1] > y !== q[1] > y) xs.push(p[0] + ((y - p[1]) * (q[0] - p[0])) / (q[1] - p[1]));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const xa = xs[i];
      const xb = xs[i + 1];
      if (xa === undefined || xb === undefined || !(xb > xa)) continue;
      const s = Math.min((xb - xa) * mPerDegLng, (y1 - y0) * M_PER_DEG_LAT);
      if (s > score) {
        score = s;
        point = [(xa + xb) / 2, y];
      }
    }
  }
  return point ?? vertexMean(polygon);
}

function vertexMean(polygon: GridPolygon): Position {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (const rings of polygonsOf(polygon)) {
    for (const ring of rings) {
      for (const [x, y] of ring) {
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        sx += x;
        sy += y;
        n++;
      }
    }
  }
  return n === 0 ? [Number.NaN, Number.NaN] : [sx / n, sy / n];
}

/** Round to `decimals` places (6 ≈ 0.1 m); grid generators use it so shared edges are the same numbers. */
export function roundCoord(x: number, decimals = 6): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

import polygonClipping from 'polygon-clipping';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../app/api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: { 200: infer R } } ? Json<R> : never;

export type AdjustmentBody = NonNullable<
  paths['/api/grids/adjustments']['post']['requestBody']
>['content']['application/json'];
export type AdjustmentOutcome = Ok<paths['/api/grids/adjustments']['post']>;
export type GridHistory = Ok<paths['/api/grids/{code}/history']['get']>;
export type GridVersionFeature = Ok<paths['/api/grids/{code}/versions/{version}']['get']>;
export type ImportOutcome = Ok<paths['/api/grids/import']['post']>;
export type Geometry = AdjustmentBody['geometries'][number];

export function postAdjustment(body: AdjustmentBody): Promise<AdjustmentOutcome> {
  return unwrap(api.POST('/api/grids/adjustments', { body }));
}

export function fetchHistory(code: string): Promise<GridHistory> {
  return unwrap(api.GET('/api/grids/{code}/history', { params: { path: { code } } }));
}

export function fetchVersion(code: string, version: number): Promise<GridVersionFeature> {
  return unwrap(api.GET('/api/grids/{code}/versions/{version}', { params: { path: { code, version } } }));
}

export function fetchSiblings(parentCode: string) {
  return unwrap(
    api.GET('/api/grids/{code}/children', {
      params: { path: { code: parentCode }, query: { pageSize: 200 } },
    }),
  );
}

export function postImport(collection: unknown, dryRun: boolean, reason?: string): Promise<ImportOutcome> {
  return unwrap(
    api.POST('/api/grids/import', {
      params: { query: { dryRun, ...(reason ? { reason } : {}) } },
      body: collection as NonNullable<
        paths['/api/grids/import']['post']['requestBody']
      >['content']['application/json'],
    }),
  );
}

type Ring = [number, number][];

/**
 * The two parts of a polygon on either side of the straight line through a and b (extended far beyond the
 * grid): each side is a large half-plane rectangle intersected with the polygon. Null when the line misses it.
 */
export function splitByLine(
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] },
  a: [number, number],
  b: [number, number],
): [Geometry, Geometry] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const ux = dx / length;
  const uy = dy / length;
  const far = 1; // one degree: far beyond any grid
  const p0: [number, number] = [a[0] - ux * far, a[1] - uy * far];
  const p1: [number, number] = [b[0] + ux * far, b[1] + uy * far];
  const side = (sign: number): Ring => {
    const nx = -uy * far * sign;
    const ny = ux * far * sign;
    const ring: Ring = [p0, p1, [p1[0] + nx, p1[1] + ny], [p0[0] + nx, p0[1] + ny], p0];
    return sign > 0 ? ring : [...ring].reverse();
  };
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as polygonClipping.Polygon[];
  const parts = [1, -1].map((sign) => polygonClipping.intersection(polygons, [side(sign)]));
  if (parts.some((p) => p.length === 0)) return null;
  const [first, second] = parts.map((p): Geometry =>
    p.length === 1 ? { type: 'Polygon', coordinates: p[0] ?? [] } : { type: 'MultiPolygon', coordinates: p },
  );
  return first && second ? [first, second] : null;
}

/** Save a blob under a name (the browser's download). */
export function download(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

import type { paths } from '../../api/schema';
import { api, unwrap } from '../../app/api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: { 200: infer R } } ? Json<R> : never;

export type GridCollection = Ok<paths['/api/grids/geojson']['get']>;
export type GridFeature = GridCollection['features'][number];
export type GridProps = GridFeature['properties'];
export type GridKind = GridProps['kind'];
export type GridDetail = Ok<paths['/api/grids/{code}']['get']>;
export type LocateResult = Ok<paths['/api/grids/locate']['get']>;
export type Coverage = Ok<paths['/api/grids/coverage']['get']>;
export type Finding = Coverage['findings'][number];
export type FindingType = Finding['type'];

/** A map layer: a base level (1–4, 4 being the micro-grids) or one overlay kind. */
export type LayerKey = 'l1' | 'l2' | 'l3' | 'l4' | 'specialised' | 'economic' | 'kinship';

export const BASE_LAYERS = ['l1', 'l2', 'l3', 'l4'] as const satisfies readonly LayerKey[];
export const OVERLAY_LAYERS = ['specialised', 'economic', 'kinship'] as const satisfies readonly LayerKey[];
/** Drawing order: micro-grids at the bottom, coarse outlines and overlays above. */
export const DRAW_ORDER: readonly LayerKey[] = ['l4', 'l3', 'l2', 'l1', 'specialised', 'economic', 'kinship'];

export const FINDING_TYPES: readonly FindingType[] = [
  'gap',
  'overlap',
  'outside_parent',
  'outside_district',
  'invalid_polygon',
  'households_out_of_range',
];

export function layerLevel(key: LayerKey): number | undefined {
  switch (key) {
    case 'l1':
      return 1;
    case 'l2':
      return 2;
    case 'l3':
      return 3;
    case 'l4':
      return 4;
    default:
      return undefined;
  }
}

export function fetchLayer(key: LayerKey): Promise<GridCollection> {
  const level = layerLevel(key);
  const query = level === undefined ? { kind: key as GridKind } : { level, kind: 'base' as const };
  return unwrap(api.GET('/api/grids/geojson', { params: { query } }));
}

export function fetchGrid(code: string): Promise<GridDetail> {
  return unwrap(api.GET('/api/grids/{code}', { params: { path: { code } } }));
}

export function fetchLocate(lng: number, lat: number): Promise<LocateResult> {
  return unwrap(api.GET('/api/grids/locate', { params: { query: { lng, lat } } }));
}

export function fetchCoverage(): Promise<Coverage> {
  return unwrap(api.GET('/api/grids/coverage'));
}

/** Sequential blues → reds, light to dark: one colour per households class. */
export const HOUSEHOLD_COLOURS = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'];

/** Upper bounds of the households classes (quantiles of the values, rounded and distinct). */
export function householdBreaks(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const classes = HOUSEHOLD_COLOURS.length;
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const value = sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * i) / classes))] ?? 0;
    if (breaks.length === 0 || value > (breaks[breaks.length - 1] ?? 0)) breaks.push(value);
  }
  return breaks;
}

export function householdColour(value: number, breaks: readonly number[]): string {
  let index = breaks.findIndex((upper) => value < upper);
  if (index === -1) index = breaks.length;
  return HOUSEHOLD_COLOURS[Math.min(index, HOUSEHOLD_COLOURS.length - 1)] ?? '#cccccc';
}

export const LEVEL_COLOURS: Record<number, string> = {
  1: '#c0392b',
  2: '#1f5fbf',
  3: '#27ae60',
  4: '#f1c40f',
};

export const OVERLAY_COLOURS: Record<string, string> = {
  specialised: '#8e44ad',
  economic: '#e67e22',
  kinship: '#16a085',
};

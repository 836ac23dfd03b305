import Flatbush from 'flatbush';
import type { GeoJsonPolygon, GridKind } from '../../db/types.js';
import { pointInPolygon } from './grids.geometry.js';

export interface LocatorGrid {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  level: number;
  kind: GridKind;
  placePath: string;
  geometry: GeoJsonPolygon;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface LocateHit {
  /** The base micro-grid holding the point, or null when no base grid does. */
  micro: LocatorGrid | null;
  /** The micro-grid's chain upwards: level 3, 2, 1. */
  chain: LocatorGrid[];
  /** Every overlay grid (specialised, economic, kinship) holding the point. */
  overlays: LocatorGrid[];
}

/**
 * Point location in process: a flatbush index over the bounding boxes of the base micro-grids and of every
 * overlay grid, then an exact point-in-polygon test on the few candidates. Built once from all grids; rebuilt
 * when the grids change.
 */
export class GridLocator {
  private readonly index: Flatbush | null;
  private readonly byId: Map<number, LocatorGrid>;
  private readonly indexed: LocatorGrid[];

  constructor(grids: LocatorGrid[]) {
    this.byId = new Map(grids.map((g) => [g.id, g]));
    this.indexed = grids.filter((g) => g.kind !== 'base' || g.level === 4);
    if (this.indexed.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(this.indexed.length);
    for (const g of this.indexed) index.add(g.minLng, g.minLat, g.maxLng, g.maxLat);
    index.finish();
    this.index = index;
  }

  get size(): number {
    return this.indexed.length;
  }

  locate(lng: number, lat: number): LocateHit {
    const hit: LocateHit = { micro: null, chain: [], overlays: [] };
    if (!this.index) return hit;
    const candidates = this.index.search(lng, lat, lng, lat);
    for (const i of candidates) {
      const grid = this.indexed[i];
      if (!grid || !pointInPolygon(lng, lat, grid.geometry)) continue;
      if (grid.kind === 'base') {
        // Tiles never both claim a point (the boundary rule is half-open); keep the first for determinism.
        if (!hit.micro || grid.code < hit.micro.code) hit.micro = grid;
      } else hit.overlays.push(grid);
    }
    if (hit.micro) {
      let parent = hit.micro.parentId === null ? undefined : this.byId.get(hit.micro.parentId);
      while (parent) {
        hit.chain.push(parent);
        parent = parent.parentId === null ? undefined : this.byId.get(parent.parentId);
      }
    }
    hit.overlays.sort((a, b) => a.code.localeCompare(b.code));
    return hit;
  }
}

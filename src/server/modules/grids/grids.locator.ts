import Flatbush from 'flatbush';
import type { GeoJsonPolygon, GridKind } from '../../db/types.js';
import { bbox, pointInPolygon } from './grids.geometry.js';

export interface LocatorGrid {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  level: number;
  kind: GridKind;
  placePath: string;
  /** The grid's own materialized path and its place (optional: tests build grids without them). */
  path?: string;
  place?: { id: number; code: string; name: string };
  geometry: GeoJsonPolygon;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** A compound (小区/院落) with its outline, for point location. */
export interface LocatorCompound {
  id: number;
  code: string;
  name: string;
  placePath: string;
  address?: string | null;
  geometry: GeoJsonPolygon;
}

export interface LocateHit {
  /** The base micro-grid holding the point, or null when no base grid does. */
  micro: LocatorGrid | null;
  /** The micro-grid's chain upwards: level 3, 2, 1. */
  chain: LocatorGrid[];
  /** Every overlay grid (specialised, economic, kinship) holding the point. */
  overlays: LocatorGrid[];
  /** The compound whose outline holds the point, or null. */
  compound: LocatorCompound | null;
}

/**
 * Point location in process: a flatbush index over the bounding boxes of the base micro-grids and of every
 * overlay grid, then an exact point-in-polygon test on the few candidates. Built once from all grids; rebuilt
 * when the grids change.
 */
export class GridLocator {
  private readonly index: Flatbush | null;
  private readonly byId: Map<number, LocatorGrid>;
  private readonly entries: { grid: LocatorGrid; part: GeoJsonPolygon }[];
  private readonly gridCount: number;
  private readonly compoundIndex: Flatbush | null;
  private readonly compoundEntries: { compound: LocatorCompound; part: GeoJsonPolygon }[];

  constructor(grids: LocatorGrid[], compounds: readonly LocatorCompound[] = []) {
    // A second flatbush over the compound outlines (one entry per polygon part): compounds are no grids, they
    // never take part in the grid chain, and most points lie in none.
    this.compoundEntries = compounds.flatMap((compound) =>
      compound.geometry.type === 'Polygon'
        ? [{ compound, part: compound.geometry }]
        : compound.geometry.coordinates.map((rings) => ({
            compound,
            part: { type: 'Polygon' as const, coordinates: rings },
          })),
    );
    if (this.compoundEntries.length > 0) {
      const index = new Flatbush(this.compoundEntries.length);
      for (const { part } of this.compoundEntries) {
        const [minLng, minLat, maxLng, maxLat] = bbox(part);
        index.add(minLng, minLat, maxLng, maxLat);
      }
      index.finish();
      this.compoundIndex = index;
    } else this.compoundIndex = null;
    this.byId = new Map(grids.map((g) => [g.id, g]));
    const located = grids.filter((g) => g.kind !== 'base' || g.level === 4);
    this.gridCount = located.length;
    // One index entry per polygon of a MultiPolygon: a trades grid made of 500 scattered schools and markets
    // has a bounding box as large as the district, and would otherwise be tested for every point.
    this.entries = located.flatMap((grid) =>
      grid.geometry.type === 'Polygon'
        ? [{ grid, part: grid.geometry }]
        : grid.geometry.coordinates.map((rings) => ({
            grid,
            part: { type: 'Polygon' as const, coordinates: rings },
          })),
    );
    if (this.entries.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(this.entries.length);
    for (const { part } of this.entries) {
      const [minLng, minLat, maxLng, maxLat] = bbox(part);
      index.add(minLng, minLat, maxLng, maxLat);
    }
    index.finish();
    this.index = index;
  }

  /** Grids in the index: base micro-grids and every overlay grid. */
  get size(): number {
    return this.gridCount;
  }

  locate(lng: number, lat: number): LocateHit {
    const hit: LocateHit = { micro: null, chain: [], overlays: [], compound: null };
    hit.compound = this.locateCompound(lng, lat);
    if (!this.index) return hit;
    const candidates = this.index.search(lng, lat, lng, lat);
    for (const i of candidates) {
      const entry = this.entries[i];
      if (!entry || !pointInPolygon(lng, lat, entry.part)) continue;
      const grid = entry.grid;
      if (grid.kind === 'base') {
        // Tiles never both claim a point (the boundary rule is half-open); keep the first for determinism.
        if (!hit.micro || grid.code < hit.micro.code) hit.micro = grid;
      } else if (!hit.overlays.includes(grid)) hit.overlays.push(grid);
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

  /** The compound holding the point (the lowest code should two outlines touch there), or null. */
  locateCompound(lng: number, lat: number): LocatorCompound | null {
    if (!this.compoundIndex) return null;
    let found: LocatorCompound | null = null;
    for (const i of this.compoundIndex.search(lng, lat, lng, lat)) {
      const entry = this.compoundEntries[i];
      if (!entry || !pointInPolygon(lng, lat, entry.part)) continue;
      if (!found || entry.compound.code < found.code) found = entry.compound;
    }
    return found;
  }
}

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  areaM2,
  asRect,
  bbox,
  difference,
  fromWgs84,
  interiorPoint,
  intersection,
  pointInPolygon,
  polygonFromRect,
  selfIntersections,
  toWgs84,
  union,
  type GridPolygon,
  type Position,
  type Ring,
} from './grids.geometry.js';

const square = polygonFromRect(0, 0, 10, 10);

/** An L: the square [0,10]² without its upper-right quarter. */
const lShape: GridPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 5],
      [5, 5],
      [5, 10],
      [0, 10],
      [0, 0],
    ],
  ],
};

/** The square [0,10]² with the hole [3,7]². */
const holed: GridPolygon = {
  type: 'Polygon',
  coordinates: [
    square.coordinates[0] ?? [],
    [
      [3, 3],
      [3, 7],
      [7, 7],
      [7, 3],
      [3, 3],
    ],
  ],
};

/** Haversine distance in metres. */
function distanceM(a: Position, b: Position): number {
  const r = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

/** How many of the polygons claim the point. */
function claims(polygons: readonly GridPolygon[], p: Position): number {
  return polygons.filter((poly) => pointInPolygon(p[0], p[1], poly)).length;
}

describe('pointInPolygon', () => {
  it('decides points inside and outside a square', () => {
    expect(pointInPolygon(5, 5, square)).toBe(true);
    expect(pointInPolygon(0.000001, 9.999999, square)).toBe(true);
    expect(pointInPolygon(-1, 5, square)).toBe(false);
    expect(pointInPolygon(11, 5, square)).toBe(false);
    expect(pointInPolygon(5, -0.000001, square)).toBe(false);
    expect(pointInPolygon(5, 10.5, square)).toBe(false);
  });

  it('is half-open on a rectangle: left and bottom edges in, right and top edges out', () => {
    expect(pointInPolygon(0, 5, square)).toBe(true); // left edge
    expect(pointInPolygon(5, 0, square)).toBe(true); // bottom edge
    expect(pointInPolygon(10, 5, square)).toBe(false); // right edge
    expect(pointInPolygon(5, 10, square)).toBe(false); // top edge
    expect(pointInPolygon(0, 0, square)).toBe(true); // lower-left corner
    expect(pointInPolygon(10, 0, square)).toBe(false);
    expect(pointInPolygon(0, 10, square)).toBe(false);
    expect(pointInPolygon(10, 10, square)).toBe(false);
  });

  it('gives the same answer whichever way a ring runs and whether it is closed', () => {
    const ring = square.coordinates[0] ?? [];
    const clockwise: GridPolygon = { type: 'Polygon', coordinates: [[...ring].reverse()] };
    const open: GridPolygon = { type: 'Polygon', coordinates: [ring.slice(0, -1)] };
    const random = seedrandom('orientation');
    for (let i = 0; i < 500; i++) {
      const x = Math.round(random() * 24 - 2);
      const y = Math.round(random() * 24 - 2) / 2;
      const expected = pointInPolygon(x, y, square);
      expect(pointInPolygon(x, y, clockwise)).toBe(expected);
      expect(pointInPolygon(x, y, open)).toBe(expected);
    }
  });

  it('handles a concave L-shape', () => {
    expect(pointInPolygon(2, 8, lShape)).toBe(true);
    expect(pointInPolygon(8, 2, lShape)).toBe(true);
    expect(pointInPolygon(8, 8, lShape)).toBe(false); // the notch
    expect(pointInPolygon(5, 5, lShape)).toBe(false); // the inner corner: upper-right of it is the notch
    expect(pointInPolygon(4.999, 4.999, lShape)).toBe(true);
    expect(pointInPolygon(7, 5, lShape)).toBe(false); // on the notch's bottom edge (top edge of the L's arm)
    expect(pointInPolygon(5, 7, lShape)).toBe(false); // on the notch's left edge (right edge of the L's arm)
  });

  it('leaves holes out, and a filler tile in the hole shares its boundary without double claims', () => {
    expect(pointInPolygon(5, 5, holed)).toBe(false);
    expect(pointInPolygon(1, 1, holed)).toBe(true);
    expect(pointInPolygon(8, 5, holed)).toBe(true);
    const filler = polygonFromRect(3, 3, 7, 7);
    for (let t = 3; t <= 7; t += 0.5) {
      for (const p of [
        [3, t],
        [7, t],
        [t, 3],
        [t, 7],
      ] satisfies Position[]) {
        expect(claims([holed, filler], p), `(${p[0]}, ${p[1]})`).toBe(1);
      }
    }
  });

  it('handles MultiPolygons (parts and holes)', () => {
    const multi: GridPolygon = {
      type: 'MultiPolygon',
      coordinates: [holed.coordinates, polygonFromRect(20, 0, 30, 10).coordinates],
    };
    expect(pointInPolygon(1, 1, multi)).toBe(true);
    expect(pointInPolygon(5, 5, multi)).toBe(false);
    expect(pointInPolygon(25, 5, multi)).toBe(true);
    expect(pointInPolygon(15, 5, multi)).toBe(false);
    expect(pointInPolygon(20, 5, multi)).toBe(true);
    expect(pointInPolygon(30, 5, multi)).toBe(false);
  });

  it('lets exactly one of two adjacent tiles claim a point on their shared edge or vertices', () => {
    const west = polygonFromRect(113.6, 34.7, 113.61, 34.71);
    const east = polygonFromRect(113.61, 34.7, 113.62, 34.71);
    for (let k = 0; k < 100; k++) {
      const lat = 34.7 + k * 0.0001;
      expect(claims([west, east], [113.61, lat]), `lat ${lat}`).toBe(1);
    }
    expect(pointInPolygon(113.61, 34.705, east)).toBe(true);
    expect(pointInPolygon(113.61, 34.705, west)).toBe(false);
  });

  it('lets exactly one of four tiles claim the vertex they share, and every lattice point once', () => {
    const xs = [0, 1.5, 2.25, 4];
    const ys = [0, 0.75, 3, 4];
    const tiles: GridPolygon[] = [];
    for (let i = 0; i + 1 < xs.length; i++) {
      for (let j = 0; j + 1 < ys.length; j++) {
        tiles.push(polygonFromRect(xs[i] ?? 0, ys[j] ?? 0, xs[i + 1] ?? 0, ys[j + 1] ?? 0));
      }
    }
    for (const x of xs) {
      for (const y of ys) {
        const expected = x < 4 && y < 4 ? 1 : 0; // the union's right and top edges belong to no tile
        expect(claims(tiles, [x, y]), `(${x}, ${y})`).toBe(expected);
      }
    }
  });

  it('claims each point of a mesh with sloping shared edges exactly once', () => {
    // a 6×6 quad mesh whose inner vertices are jittered: shared edges slope; the outline stays a square
    const n = 6;
    const random = seedrandom('mesh');
    const vertex: Position[][] = [];
    for (let i = 0; i <= n; i++) {
      const row: Position[] = [];
      for (let j = 0; j <= n; j++) {
        const inner = i > 0 && i < n && j > 0 && j < n;
        row.push([
          113.6 + (i + (inner ? (random() - 0.5) * 0.6 : 0)) * 0.001,
          34.7 + (j + (inner ? (random() - 0.5) * 0.6 : 0)) * 0.001,
        ]);
      }
      vertex.push(row);
    }
    const v = (i: number, j: number): Position => vertex[i]?.[j] ?? [Number.NaN, Number.NaN];
    const quads: GridPolygon[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const ring: Ring = [v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1), v(i, j)];
        quads.push({ type: 'Polygon', coordinates: [ring] });
      }
    }
    const samples: Position[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        samples.push(v(i, j));
        const a = v(i, j);
        const b = v(i + 1, j);
        const c = v(i, j + 1);
        for (const t of [0.25, 0.5, 0.75]) {
          samples.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
          samples.push([a[0] + t * (c[0] - a[0]), a[1] + t * (c[1] - a[1])]);
        }
      }
    }
    for (let k = 0; k < 2000; k++) samples.push([113.6 + random() * 0.006, 34.7 + random() * 0.006]);
    for (const p of samples) expect(claims(quads, p), `(${p[0]}, ${p[1]})`).toBe(1);
  });
});

describe('area, bbox and rectangles', () => {
  it('measures a 0.01° × 0.01° rectangle at Zhengzhou within 0.5 % of its ellipsoidal area', () => {
    const rect = polygonFromRect(113.6, 34.7, 113.61, 34.71);
    // WGS-84 ellipsoid: dA = M·N·cos φ dφ dλ at the centre latitude (ample for a 1 km cell)
    const a = 6_378_137;
    const e2 = 0.00669437999014;
    const phi = (34.705 * Math.PI) / 180;
    const w = 1 - e2 * Math.sin(phi) ** 2;
    const m = (a * (1 - e2)) / w ** 1.5;
    const nRadius = a / Math.sqrt(w);
    const d = (0.01 * Math.PI) / 180;
    const expected = m * nRadius * Math.cos(phi) * d * d;
    expect(Math.abs(areaM2(rect) - expected) / expected).toBeLessThan(0.005);
    expect(areaM2(holed)).toBeLessThan(areaM2(square));
  });

  it('computes the bounding box of polygons and multipolygons', () => {
    expect(bbox(lShape)).toEqual([0, 0, 10, 10]);
    expect(
      bbox({
        type: 'MultiPolygon',
        coordinates: [square.coordinates, polygonFromRect(20, -5, 30, 1).coordinates],
      }),
    ).toEqual([0, -5, 30, 10]);
  });

  it('builds rectangles counter-clockwise and recognises them', () => {
    const rect = polygonFromRect(113.6, 34.7, 113.61, 34.71);
    expect(rect.coordinates[0]).toHaveLength(5);
    expect(asRect(rect)).toEqual({ minLng: 113.6, minLat: 34.7, maxLng: 113.61, maxLat: 34.71 });
    expect(asRect(lShape)).toBeNull();
    expect(asRect(holed)).toBeNull();
    const diamond: GridPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [1, 0],
          [2, 1],
          [1, 2],
          [0, 1],
          [1, 0],
        ],
      ],
    };
    expect(asRect(diamond)).toBeNull();
    expect(() => polygonFromRect(1, 1, 1, 2)).toThrow(RangeError);
  });
});

describe('self-intersections and clipping', () => {
  it('finds the crossing of a bow-tie and none in simple polygons', () => {
    const bowTie: GridPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    const kinks = selfIntersections(bowTie);
    expect(kinks.length).toBeGreaterThan(0);
    expect(kinks[0]?.[0]).toBeCloseTo(1);
    expect(kinks[0]?.[1]).toBeCloseTo(1);
    expect(selfIntersections(square)).toEqual([]);
    expect(selfIntersections(lShape)).toEqual([]);
    expect(selfIntersections(holed)).toEqual([]);
  });

  it('unites edge-sharing rectangles exactly and takes differences and intersections', () => {
    const a = polygonFromRect(113.6, 34.7, 113.61, 34.71);
    const b = polygonFromRect(113.61, 34.7, 113.62, 34.71);
    const ab = union(a, b);
    expect(ab?.type).toBe('Polygon');
    expect(ab && asRect(ab)).toEqual({ minLng: 113.6, minLat: 34.7, maxLng: 113.62, maxLat: 34.71 });
    expect(intersection(a, b)).toBeNull(); // touching only
    expect(ab && difference(ab, a, b)).toBeNull();
    const left = ab && difference(ab, a);
    expect(left && asRect(left)).toEqual({ minLng: 113.61, minLat: 34.7, maxLng: 113.62, maxLat: 34.71 });
    const donut = difference(square, polygonFromRect(3, 3, 7, 7));
    expect(donut?.type).toBe('Polygon');
    expect(donut?.type === 'Polygon' ? donut.coordinates.length : 0).toBe(2);
    const apart = union(polygonFromRect(0, 0, 1, 1), polygonFromRect(2, 0, 3, 1));
    expect(apart?.type).toBe('MultiPolygon');
  });

  it('finds a point inside L-shapes, holed polygons and multipolygons', () => {
    const shapes: GridPolygon[] = [
      square,
      lShape,
      holed,
      { type: 'MultiPolygon', coordinates: [polygonFromRect(0, 0, 1, 1).coordinates, holed.coordinates] },
    ];
    for (const shape of shapes) {
      const [x, y] = interiorPoint(shape);
      expect(pointInPolygon(x, y, shape), JSON.stringify(shape)).toBe(true);
    }
  });
});

describe('coordinate systems', () => {
  it('passes WGS-84 through and round-trips GCJ-02 within 1 m', () => {
    expect(toWgs84(113.63, 34.72, 'wgs84')).toEqual([113.63, 34.72]);
    const random = seedrandom('gcj');
    for (let i = 0; i < 200; i++) {
      const wgs: Position = [113.56 + random() * 0.12, 34.66 + random() * 0.1];
      const gcj = fromWgs84(wgs[0], wgs[1], 'gcj02');
      const offset = distanceM(wgs, gcj);
      expect(offset).toBeGreaterThan(100); // the datum shift is real: hundreds of metres in Zhengzhou
      expect(offset).toBeLessThan(1000);
      expect(distanceM(toWgs84(gcj[0], gcj[1], 'gcj02'), wgs)).toBeLessThan(1);
    }
  });
});

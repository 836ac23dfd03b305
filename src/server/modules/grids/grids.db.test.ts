import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeoJsonPolygon } from '../../db/types.js';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { fromWgs84, pointInPolygon } from './grids.geometry.js';
import { locatorFor } from './grids.queries.js';

let t: TestApp;
let admin: Session;
let community1: Session;

interface LocateBody {
  microGrid: { code: string; level: number } | null;
  chain: { code: string; level: number }[];
  overlays: { code: string; kind: string }[];
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
});
afterAll(() => t.close());

describe('grids', () => {
  it('holds the demo grid tree at the source text scale', async () => {
    const rows = await t.database.db
      .selectFrom('grid')
      .select(['kind', 'level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['kind', 'level'])
      .execute();
    const count = (kind: string, level: number) =>
      rows.find((r) => r.kind === kind && r.level === level)?.n ?? 0;
    expect([1, 2, 3, 4].map((l) => count('base', l))).toEqual([17, 175, 1441, 6281]);
    expect(count('specialised', 1)).toBe(2);
    expect(count('specialised', 3)).toBe(549);
  });

  it('locates every demo building to the base micro-grid that holds it, and the chain reaches level 1', async () => {
    const buildings = await t.database.db
      .selectFrom('place')
      .select(['code', 'lng', 'lat'])
      .where('kind', '=', 'building')
      .execute();
    const locator = await locatorFor(t.database.db);
    for (const b of buildings) {
      const hit = locator.locate(b.lng ?? 0, b.lat ?? 0);
      expect(hit.micro, `building ${b.code}`).not.toBeNull();
      expect(hit.chain.map((g) => g.level)).toEqual([3, 2, 1]);
    }
    expect(buildings.length).toBeGreaterThan(3000);
  });

  it('answers the same as a brute-force scan over every grid, for random points', async () => {
    const grids = await t.database.db
      .selectFrom('grid')
      .select(['code', 'kind', 'level', 'geometry'])
      .execute();
    const locator = await locatorFor(t.database.db);
    const random = seedrandom('locate');
    for (let i = 0; i < 2000; i++) {
      const lng = 113.55 + random() * 0.14;
      const lat = 34.65 + random() * 0.12;
      const hit = locator.locate(lng, lat);
      const containing = grids.filter((g) => pointInPolygon(lng, lat, g.geometry as GeoJsonPolygon));
      const micro = containing.filter((g) => g.kind === 'base' && g.level === 4).map((g) => g.code);
      const overlays = containing
        .filter((g) => g.kind !== 'base')
        .map((g) => g.code)
        .sort();
      expect(micro.length, `point ${lng},${lat}`).toBeLessThanOrEqual(1);
      expect(hit.micro?.code ?? null).toBe(micro[0] ?? null);
      expect(hit.overlays.map((g) => g.code)).toEqual(overlays);
    }
  });

  it('locates over HTTP, in WGS-84 and GCJ-02, and refuses a point outside the district', async () => {
    const building = await t.database.db
      .selectFrom('place')
      .select(['lng', 'lat'])
      .where('kind', '=', 'building')
      .where('code', 'like', `${community1.user.place.code}%`)
      .executeTakeFirstOrThrow();
    const res = await community1.request('GET', `/api/grids/locate?lng=${building.lng}&lat=${building.lat}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<LocateBody>();
    expect(body.microGrid?.level).toBe(4);
    // community staff see their own community's grids but not the street's level-1 grid
    expect(body.chain.map((g) => g.level)).toEqual([3, 2]);

    const whole = (
      await admin.request('GET', `/api/grids/locate?lng=${building.lng}&lat=${building.lat}`)
    ).json<LocateBody>();
    expect(whole.chain.map((g) => g.level)).toEqual([3, 2, 1]);

    // The same spot as a phone in China reports it (GCJ-02 is offset by a few hundred metres).
    const [gx, gy] = fromWgs84(building.lng ?? 0, building.lat ?? 0, 'gcj02');
    const viaGcj = await admin.request('GET', `/api/grids/locate?lng=${gx}&lat=${gy}&crs=gcj02`);
    expect(viaGcj.json<LocateBody>().microGrid?.code).toBe(whole.microGrid?.code);

    const outside = await admin.request('GET', '/api/grids/locate?lng=116.39&lat=39.9');
    expect(outside.statusCode).toBe(422);
    expect(outside.json<{ error: { code: string } }>().error.code).toBe('OUTSIDE_DISTRICT');

    const batch = await admin.request('POST', '/api/grids/locate', {
      points: [
        { lng: building.lng, lat: building.lat },
        { lng: 116.39, lat: 39.9 },
      ],
    });
    const results = batch.json<{ results: ({ microGrid?: { code: string } } & { error?: string })[] }>()
      .results;
    expect(results[0]?.microGrid?.code).toBe(whole.microGrid?.code);
    expect(results[1]?.error).toBe('OUTSIDE_DISTRICT');
  });

  it('lists and reads grids only within the actor subtree', async () => {
    const mine = await community1.request('GET', '/api/grids?level=3&pageSize=200');
    const items = mine.json<{ items: { code: string; place: { code: string } }[]; total: number }>();
    expect(items.total).toBeGreaterThan(0);
    for (const g of items.items) expect(g.place.code).toBe(community1.user.place.code);

    const foreign = await t.database.db
      .selectFrom('grid as g')
      .innerJoin('place as p', 'p.id', 'g.place_id')
      .select('g.code')
      .where('p.code', '=', '410103002001')
      .where('g.level', '=', 4)
      .executeTakeFirstOrThrow();
    expect((await community1.request('GET', `/api/grids/${foreign.code}`)).statusCode).toBe(404);
    const detail = await admin.request('GET', `/api/grids/${foreign.code}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<{ chain: unknown[]; geometry: { type: string } }>().chain).toHaveLength(3);
  });
});

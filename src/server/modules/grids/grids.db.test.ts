import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeoJsonPolygon } from '../../db/types.js';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { fromWgs84, pointInPolygon } from './grids.geometry.js';
import { checkGridCoverage } from './grids.check.js';
import { locatorFor } from './grids.queries.js';

let t: TestApp;
let admin: Session;
let community1: Session;

interface LocateBody {
  microGrid: { code: string; level: number } | null;
  chain: { code: string; level: number }[];
  overlays: { code: string; kind: string }[];
  compound: { code: string; name: string } | null;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
});
afterAll(() => t.close());

describe('grids', () => {
  it('carries the actions its reader may take: adjust leaf grids, assign staff', async () => {
    const micro = await t.database.db
      .selectFrom('grid as g')
      .innerJoin('place as p', 'p.id', 'g.place_id')
      .innerJoin('grid as parent', 'parent.id', 'g.parent_id')
      .select(['g.code', 'parent.code as parent_code'])
      .where('p.code', '=', community1.user.place.code)
      .where('g.kind', '=', 'base')
      .where('g.level', '=', 4)
      .orderBy('g.code')
      .executeTakeFirstOrThrow();
    const actions = async (s: Session, code: string) =>
      (await s.request('GET', `/api/grids/${code}`)).json<{ allowedActions: string[] }>().allowedActions;
    expect(await actions(community1, micro.code)).toEqual(['adjust', 'assignStaff']);
    expect(await actions(community1, micro.parent_code)).toEqual(['assignStaff']);
    const dept1 = await t.login('dept1');
    expect(await actions(dept1, micro.code)).toEqual([]);
  });

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

  it('locates every demo building to its own compound, and a point outside every compound to none', async () => {
    const rows = await t.database.db
      .selectFrom('place as b')
      .innerJoin('place as c', 'c.id', 'b.parent_id')
      .select(['b.code', 'b.lng', 'b.lat', 'c.code as compound_code', 'c.geometry'])
      .where('b.kind', '=', 'building')
      .execute();
    const locator = await locatorFor(t.database.db);
    for (const b of rows) {
      expect(b.geometry, `compound ${b.compound_code}`).not.toBeNull();
      expect(locator.locate(b.lng ?? 0, b.lat ?? 0).compound?.code, `building ${b.code}`).toBe(
        b.compound_code,
      );
    }
    const outlines = await t.database.db
      .selectFrom('place')
      .select('geometry')
      .where('kind', '=', 'compound')
      .execute();
    expect(outlines).toHaveLength(723);
    const random = seedrandom('compounds');
    let outside = 0;
    for (let i = 0; i < 500; i++) {
      const lng = 113.56 + random() * 0.12;
      const lat = 34.66 + random() * 0.1;
      const inAny = outlines.some((o) => o.geometry && pointInPolygon(lng, lat, o.geometry));
      const hit = locator.locate(lng, lat).compound;
      expect(hit !== null).toBe(inAny);
      if (!inAny) outside++;
    }
    expect(outside).toBeGreaterThan(100);
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
    expect(body.compound?.code.startsWith(community1.user.place.code)).toBe(true);
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
    expect((results[0] as { compound?: { code: string } }).compound?.code).toBe(whole.compound?.code);
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

  it('reports no gap, overlap or stray grid over the demo district, and finds a gap made by hand', async () => {
    const ranges = t.ctx.config.gridHouseholds;
    const clean = await checkGridCoverage(t.database.db, ranges);
    expect(clean.counts['base/4']).toBe(6281);
    expect(clean.geometryFindings).toBe(0);

    // Shrink one micro-grid to the left half of its box: a gap opens inside its level-3 parent.
    const micro = await t.database.db
      .selectFrom('grid as g')
      .innerJoin('grid as parent', 'parent.id', 'g.parent_id')
      .select([
        'g.id',
        'g.code',
        'parent.code as parent_code',
        'g.min_lng',
        'g.min_lat',
        'g.max_lng',
        'g.max_lat',
      ])
      .where('g.level', '=', 4)
      .where('g.kind', '=', 'base')
      .orderBy('g.code')
      .executeTakeFirstOrThrow();
    const midLng = (micro.min_lng + micro.max_lng) / 2;
    const ring: [number, number][] = [
      [micro.min_lng, micro.min_lat],
      [midLng, micro.min_lat],
      [midLng, micro.max_lat],
      [micro.min_lng, micro.max_lat],
      [micro.min_lng, micro.min_lat],
    ];
    await t.database.db
      .updateTable('grid')
      .set({ geometry: JSON.stringify({ type: 'Polygon', coordinates: [ring] }), max_lng: midLng })
      .where('id', '=', micro.id)
      .execute();
    const broken = await checkGridCoverage(t.database.db, ranges);
    const gaps = broken.findings.filter((f) => f.type === 'gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.grids[0]).toBe(micro.parent_code);
    expect(gaps[0]?.grids).toContain(micro.code);
    const [lng, lat] = gaps[0]?.location ?? [0, 0];
    expect(lng).toBeGreaterThan(midLng);
    expect(lng).toBeLessThan(micro.max_lng);
    expect(lat).toBeGreaterThan(micro.min_lat);

    // The API reports it to the district and to the community it lies in, not to another community.
    const viaApi = await admin.request('GET', '/api/grids/coverage');
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.json<{ byType: Record<string, number> }>().byType.gap).toBe(1);
    const other = await (await t.login('community3')).request('GET', '/api/grids/coverage');
    const otherBody = other.json<{ byType: Record<string, number>; findings: { grids: string[] }[] }>();
    expect(otherBody.byType.gap ?? 0).toBe(0);
    for (const f of otherBody.findings)
      for (const code of f.grids) expect(code.startsWith('410103002001')).toBe(true);
  });
});

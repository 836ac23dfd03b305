import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../testing/app.js';
import { asRect, polygonFromRect } from '../../grids/grids.geometry.js';

/** Cases sit in micro-grids: when a grid is split, its cases go to the new grids holding their points. */
let t: TestApp;
let community1: Session;

beforeAll(async () => {
  t = await createTestApp();
  community1 = await t.login('community1');
});
afterAll(() => t.close());

describe('cases follow grid adjustments', () => {
  it('a split micro-grid hands each of its cases to the half holding its point', async () => {
    const db = t.database.db;
    const grids = await db
      .selectFrom('grid as g')
      .innerJoin('place as p', 'p.id', 'g.place_id')
      .innerJoin('civic_case as c', 'c.grid_id', 'g.id')
      .select(['g.id', 'g.code', 'g.geometry', (eb) => eb.fn.count<number>('c.id').as('cases')])
      .where('p.code', '=', community1.user.place.code)
      .where('g.kind', '=', 'base')
      .where('g.level', '=', 4)
      .groupBy(['g.id', 'g.code', 'g.geometry'])
      .orderBy('cases', 'desc')
      .execute();
    const grid = grids.find((g) => asRect(g.geometry) !== null && Number(g.cases) >= 2);
    if (!grid) throw new Error('no rectangular micro-grid with cases in community1');
    const rect = asRect(grid.geometry)!;
    const mid = (rect.minLng + rect.maxLng) / 2;
    const res = await community1.request('POST', '/api/grids/adjustments', {
      kind: 'split',
      reason: '拆分网格（案件随网格）',
      codes: [grid.code],
      geometries: [
        polygonFromRect(rect.minLng, rect.minLat, mid, rect.maxLat),
        polygonFromRect(mid, rect.minLat, rect.maxLng, rect.maxLat),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [west, east] = res.json<{ created: { code: string }[] }>().created.map((c) => c.code);

    expect(await db.selectFrom('civic_case').select('id').where('grid_id', '=', grid.id).execute()).toEqual(
      [],
    );
    const moved = await db
      .selectFrom('civic_case as c')
      .innerJoin('grid as g', 'g.id', 'c.grid_id')
      .select(['c.lng', 'c.grid_path', 'g.path', 'g.code'])
      .where('g.code', 'in', [west!, east!])
      .execute();
    expect(moved).toHaveLength(Number(grid.cases));
    for (const c of moved) {
      expect(c.grid_path).toBe(c.path);
      expect(c.code).toBe(c.lng < mid ? west : east);
    }
  });
});

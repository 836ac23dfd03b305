import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { asRect, polygonFromRect, type Rect } from './grids.geometry.js';
import { locatorFor } from './grids.queries.js';

let t: TestApp;
let admin: Session;
let community1: Session;
let community3: Session;
let grid1: Session;

interface Micro {
  id: number;
  code: string;
  parentId: number;
  parentCode: string;
  rect: Rect;
}

interface Outcome {
  dryRun: boolean;
  ok: boolean;
  adjustmentId: number | null;
  findings: { type: string; grids: string[]; location: number[] }[];
  retired: string[];
  created: { code: string; name: string }[];
  updated: string[];
  moves: { total: number; items: { householdId: number; from: string | null; to: string | null }[] };
}

let micro: Micro;
const households: { id: number; lng: number; lat: number }[] = [];

async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const table of ['grid', 'grid_version', 'grid_adjustment', 'household', 'resident']) {
    const { rows } = await sql<{ n: number; h: string }>`
      SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) AS h
        FROM ${sql.table(table)} t`.execute(t.database.db);
    parts.push(`${table}:${rows[0]?.n}:${rows[0]?.h}`);
  }
  return parts.join('|');
}

const rectPolygon = (r: Rect) => polygonFromRect(r.minLng, r.minLat, r.maxLng, r.maxLat);

async function householdGrid(id: number) {
  const h = await t.database.db
    .selectFrom('household as h')
    .leftJoin('grid as g', 'g.id', 'h.grid_id')
    .select(['g.code', 'h.grid_path', 'g.path'])
    .where('h.id', '=', id)
    .executeTakeFirstOrThrow();
  const residents = await t.database.db
    .selectFrom('resident')
    .select('grid_path')
    .where('household_id', '=', id)
    .execute();
  return { code: h.code, gridPath: h.grid_path, path: h.path, residents: residents.map((r) => r.grid_path) };
}

async function gridHouseholds(code: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('grid')
    .select('households')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.households;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  community3 = await t.login('community3');
  grid1 = await t.login('grid1');
  const db = t.database.db;
  const rows = await db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .innerJoin('grid as parent', 'parent.id', 'g.parent_id')
    .select(['g.id', 'g.code', 'g.geometry', 'g.parent_id', 'parent.code as parent_code', 'g.path'])
    .where('p.code', '=', community1.user.place.code)
    .where('g.kind', '=', 'base')
    .where('g.level', '=', 4)
    .orderBy('g.code')
    .execute();
  const row = rows.find((r) => asRect(r.geometry) !== null);
  if (!row) throw new Error('no rectangular micro-grid in community1');
  const rect = asRect(row.geometry) as Rect;
  micro = { id: row.id, code: row.code, parentId: row.parent_id ?? 0, parentCode: row.parent_code, rect };
  // The micro-grid starts empty (the demo registered households there; this file's copy of the database drops
  // them) and gets four: two in its left quarter, two in its right quarter, each with a resident.
  const demoHouseholds = db.selectFrom('household').select('id').where('grid_id', '=', row.id);
  await db.deleteFrom('resident').where('household_id', 'in', demoHouseholds).execute();
  await db.deleteFrom('household').where('grid_id', '=', row.id).execute();
  const building = await db
    .selectFrom('place')
    .select(['id', 'path'])
    .where('kind', '=', 'building')
    .where('code', 'like', `${community1.user.place.code}%`)
    .executeTakeFirstOrThrow();
  const w = rect.maxLng - rect.minLng;
  const h = rect.maxLat - rect.minLat;
  const points = [
    [rect.minLng + w * 0.1, rect.minLat + h * 0.3],
    [rect.minLng + w * 0.2, rect.minLat + h * 0.7],
    [rect.minLng + w * 0.8, rect.minLat + h * 0.3],
    [rect.minLng + w * 0.9, rect.minLat + h * 0.7],
  ] as const;
  for (const [i, [lng, lat]] of points.entries()) {
    const inserted = await db
      .insertInto('household')
      .values({
        place_id: building.id,
        path: building.path,
        grid_id: micro.id,
        grid_path: row.path,
        address: `测试地址${i + 1}号`,
        lng,
        lat,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('resident')
      .values({
        household_id: inserted.id,
        path: building.path,
        grid_path: row.path,
        relation: 'head',
        name: `测试${i + 1}`,
        residence_type: 'registered',
      })
      .execute();
    households.push({ id: inserted.id, lng, lat });
  }
});
afterAll(() => t.close());

describe('grid adjustments', () => {
  let left = '';
  let right = '';

  it('splits a micro-grid in two: dry run first, then for real; households follow', async () => {
    const { rect } = micro;
    const mid = (rect.minLng + rect.maxLng) / 2;
    const body = {
      kind: 'split',
      reason: '按楼栋拆分网格',
      codes: [micro.code],
      geometries: [rectPolygon({ ...rect, maxLng: mid }), rectPolygon({ ...rect, minLng: mid })],
      names: ['西片', '东片'],
    };
    const before = await fingerprint();
    const preview = await community1.request('POST', '/api/grids/adjustments', { ...body, dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json<Outcome>();
    expect(p).toMatchObject({ dryRun: true, ok: true, adjustmentId: null, retired: [micro.code] });
    expect(p.moves.total).toBe(4);
    expect(p.created).toHaveLength(2);
    expect(await fingerprint()).toBe(before);

    const res = await community1.request('POST', '/api/grids/adjustments', body);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<Outcome>();
    expect(out.ok).toBe(true);
    expect(out.adjustmentId).toBeGreaterThan(0);
    [left, right] = out.created.map((c) => c.code) as [string, string];
    expect(left.startsWith(micro.parentCode)).toBe(true);
    expect(left.length).toBe(micro.code.length);
    expect(left > micro.code && right > left).toBe(true);
    expect(out.created.map((c) => c.name)).toEqual(['西片', '东片']);

    // the old grid vanished from lists and from the locator; the new ones answer
    expect((await admin.request('GET', `/api/grids/${micro.code}`)).statusCode).toBe(404);
    const children = await admin.request('GET', `/api/grids/${micro.parentCode}/children?pageSize=200`);
    const codes = children.json<{ items: { code: string }[] }>().items.map((i) => i.code);
    expect(codes).not.toContain(micro.code);
    expect(codes).toEqual(expect.arrayContaining([left, right]));
    const locator = await locatorFor(t.database.db);
    const [a, b, c, d] = households;
    expect(locator.locate(a?.lng ?? 0, a?.lat ?? 0).micro?.code).toBe(left);
    expect(locator.locate(d?.lng ?? 0, d?.lat ?? 0).micro?.code).toBe(right);

    // households, their residents and the counts moved with them
    for (const hh of [a, b]) {
      const g = await householdGrid(hh?.id ?? 0);
      expect(g.code).toBe(left);
      expect(g.gridPath).toBe(g.path);
      expect(g.residents).toEqual([g.path]);
    }
    for (const hh of [c, d]) expect((await householdGrid(hh?.id ?? 0)).code).toBe(right);
    expect(await gridHouseholds(left)).toBe(2);
    expect(await gridHouseholds(right)).toBe(2);
    const siblings = await t.database.db
      .selectFrom('grid')
      .select((eb) => eb.fn.sum<number>('households').as('n'))
      .where('parent_id', '=', micro.parentId)
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(await gridHouseholds(micro.parentCode)).toBe(Number(siblings.n));

    // the coverage check over the whole district is still clean
    const coverage = await admin.request('GET', '/api/grids/coverage');
    expect(coverage.json<{ geometryFindings: number }>().geometryFindings).toBe(0);
  });

  it('shows the history of the retired grid and of the new ones, and each version as GeoJSON', async () => {
    const old = await community1.request('GET', `/api/grids/${micro.code}/history`);
    expect(old.statusCode, old.body).toBe(200);
    const history = old.json<{
      retiredAt: string | null;
      versions: { version: number; current: boolean; endedBy: { kind: string; reason: string } | null }[];
    }>();
    expect(history.retiredAt).not.toBeNull();
    expect(history.versions).toHaveLength(1);
    expect(history.versions[0]).toMatchObject({ version: 1, current: false });
    expect(history.versions[0]?.endedBy).toMatchObject({ kind: 'split', reason: '按楼栋拆分网格' });
    const v1 = await community1.request('GET', `/api/grids/${micro.code}/versions/1`);
    expect(v1.statusCode).toBe(200);
    expect(asRect(v1.json<{ geometry: Parameters<typeof asRect>[0] }>().geometry)).toEqual(micro.rect);

    const created = (await community1.request('GET', `/api/grids/${left}/history`)).json<{
      versions: { version: number; current: boolean; madeBy: { kind: string; actorName: string } | null }[];
    }>();
    expect(created.versions).toHaveLength(1);
    expect(created.versions[0]?.madeBy).toMatchObject({ kind: 'split', actorName: 'community1' });
    expect((await community1.request('GET', `/api/grids/${left}/versions/2`)).statusCode).toBe(404);
  });

  it('redraws two neighbours (the shared boundary moves); codes stay, versions grow, households move', async () => {
    const { rect } = micro;
    const line = rect.minLng + (rect.maxLng - rect.minLng) * 0.85; // household d (at 0.9) stays east
    const res = await community1.request('POST', '/api/grids/adjustments', {
      kind: 'redraw',
      reason: '东西片边界东移',
      codes: [left, right],
      geometries: [rectPolygon({ ...rect, maxLng: line }), rectPolygon({ ...rect, minLng: line })],
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<Outcome>();
    expect(out.updated).toEqual([left, right]);
    expect(out.moves.items.map((m) => [m.from, m.to])).toEqual([[right, left]]);
    expect((await householdGrid(households[2]?.id ?? 0)).code).toBe(left);
    expect(await gridHouseholds(left)).toBe(3);
    expect(await gridHouseholds(right)).toBe(1);
    const history = (await admin.request('GET', `/api/grids/${left}/history`)).json<{
      versions: { version: number; current: boolean; madeBy: { kind: string } | null }[];
    }>();
    expect(history.versions.map((v) => [v.version, v.current, v.madeBy?.kind])).toEqual([
      [1, false, 'split'],
      [2, true, 'redraw'],
    ]);
    const v1 = (await admin.request('GET', `/api/grids/${left}/versions/1`)).json<{
      geometry: Parameters<typeof asRect>[0];
    }>();
    expect(asRect(v1.geometry)?.maxLng).toBe((rect.minLng + rect.maxLng) / 2);
  });

  it('refuses a redraw that opens a gap or makes an overlap, with findings, and writes nothing', async () => {
    const { rect } = micro;
    const line = rect.minLng + (rect.maxLng - rect.minLng) * 0.85;
    const before = await fingerprint();
    const gap = {
      kind: 'redraw',
      reason: '缩小',
      codes: [left],
      geometries: [rectPolygon({ ...rect, maxLng: line - (line - rect.minLng) / 2 })],
    };
    const preview = await community1.request('POST', '/api/grids/adjustments', { ...gap, dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.json<Outcome>()).toMatchObject({ ok: false, dryRun: true });
    expect(preview.json<Outcome>().findings.map((f) => f.type)).toEqual(['gap']);
    const refused = await community1.request('POST', '/api/grids/adjustments', gap);
    expect(refused.statusCode).toBe(422);
    const error = refused.json<{ error: { code: string; details: { path: string; message: string }[] } }>()
      .error;
    expect(error.code).toBe('COVERAGE_BROKEN');
    expect(error.details[0]?.path).toBe('/findings/gap');
    expect(error.details[0]?.message).toContain(micro.parentCode);

    const overlap = await community1.request('POST', '/api/grids/adjustments', {
      kind: 'redraw',
      reason: '扩大',
      codes: [left],
      geometries: [rectPolygon({ ...rect, maxLng: rect.maxLng - (rect.maxLng - line) / 2 })],
    });
    expect(overlap.statusCode).toBe(422);
    expect(
      overlap.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path),
    ).toEqual(['/findings/overlap']);

    const outside = await community1.request('POST', '/api/grids/adjustments', {
      kind: 'split',
      reason: '越界',
      codes: [right],
      geometries: [
        rectPolygon({ ...rect, minLng: line, maxLng: rect.maxLng + 0.001 }),
        rectPolygon({ ...rect, minLng: rect.maxLng + 0.001, maxLng: rect.maxLng + 0.002 }),
      ],
    });
    expect(outside.statusCode).toBe(422);
    expect(await fingerprint()).toBe(before);
  });

  it('merges the two siblings back: the lowest code survives, households gather there', async () => {
    const res = await community1.request('POST', '/api/grids/adjustments', {
      kind: 'merge',
      reason: '合并东西片',
      codes: [right, left],
      geometries: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<Outcome>();
    expect(out.updated).toEqual([left]);
    expect(out.retired).toEqual([right]);
    expect(await gridHouseholds(left)).toBe(4);
    for (const hh of households) expect((await householdGrid(hh.id)).code).toBe(left);
    const merged = await admin.request('GET', `/api/grids/${left}`);
    expect(asRect(merged.json<{ geometry: Parameters<typeof asRect>[0] }>().geometry)).toEqual(micro.rect);
    expect((await admin.request('GET', `/api/grids/${right}`)).statusCode).toBe(404);

    const list = await community1.request('GET', '/api/grids/adjustments');
    const items = list.json<{
      items: { kind: string; reason: string; actorName: string }[];
      total: number;
    }>();
    expect(items.items.map((i) => i.kind)).toEqual(['merge', 'redraw', 'split']);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where('action', 'like', 'grids.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.action}:${a.result}`)).toEqual([
      'grids.adjust.dry_run:ok',
      'grids.split:ok',
      'grids.redraw:ok',
      'grids.adjust.dry_run:ok',
      'grids.redraw:failed',
      'grids.redraw:failed',
      'grids.split:failed',
      'grids.merge:ok',
    ]);
  });

  it('refuses other subtrees (404), roles without grids.write (403) and non-leaf grids (422)', async () => {
    const body = {
      kind: 'redraw',
      reason: '越权',
      codes: [left],
      geometries: [rectPolygon(micro.rect)],
      dryRun: true,
    };
    expect((await community3.request('POST', '/api/grids/adjustments', body)).statusCode).toBe(404);
    expect((await community3.request('GET', `/api/grids/${left}/history`)).statusCode).toBe(404);
    expect((await community3.request('GET', `/api/grids/${micro.code}/versions/1`)).statusCode).toBe(404);
    const foreignList = await community3.request('GET', '/api/grids/adjustments');
    expect(foreignList.json<{ total: number }>().total).toBe(0);
    expect((await grid1.request('POST', '/api/grids/adjustments', body)).statusCode).toBe(403);
    const parent = await community1.request('POST', '/api/grids/adjustments', {
      ...body,
      codes: [micro.parentCode],
    });
    expect(parent.statusCode).toBe(422);
    expect(parent.json<{ error: { code: string } }>().error.code).toBe('INVALID_ADJUSTMENT');
  });

  it('refuses malformed geometries with a 400 naming the geometry, and writes nothing', async () => {
    const before = await fingerprint();
    const good = rectPolygon(micro.rect);
    const bad: unknown[] = [
      { type: 'Polygon', coordinates: [null, null] },
      { type: 'MultiPolygon', coordinates: [null] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [113.6, 34.7],
            [113.61, 34.7],
            ['x', 34.71],
            [113.6, 34.7],
          ],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [113.6, 34.7],
            [113.61, 34.7],
            [113.6, 34.7],
          ],
        ],
      },
      { type: 'Polygon', coordinates: [] },
    ];
    for (const geometry of bad) {
      for (const kind of ['split', 'redraw', 'merge'] as const) {
        const body = {
          kind,
          reason: '畸形几何',
          codes: kind === 'merge' ? [left, right] : [left],
          geometries: kind === 'split' ? [good, geometry] : [geometry],
          dryRun: kind !== 'redraw',
        };
        const res = await community1.request('POST', '/api/grids/adjustments', body);
        expect(res.statusCode, `${kind} ${JSON.stringify(geometry)}: ${res.body}`).toBe(400);
        const error = res.json<{ error: { details: { path: string }[] } }>().error;
        expect(error.details[0]?.path).toMatch(/^\/geometries\/\d+/);
      }
    }
    expect(await fingerprint()).toBe(before);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';

let t: TestApp;
let admin: Session;
let community1: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
});
afterAll(() => t.close());

describe('place tree', () => {
  it('answers a node with descendant counts by kind at the source text scale', async () => {
    const res = await admin.request('GET', '/api/places/410103');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ descendantCounts: Record<string, number>; allowedActions: string[] }>();
    expect((body.descendantCounts.street ?? 0) + (body.descendantCounts.town ?? 0)).toBe(17);
    expect(body.descendantCounts.park).toBe(3);
    expect((body.descendantCounts.community ?? 0) + (body.descendantCounts.village ?? 0)).toBe(176);
    expect(body.descendantCounts.compound).toBe(723);
    expect(body.allowedActions).toEqual(['view', 'update', 'createChild']);
  });

  it('pages children with child counts', async () => {
    const res = await admin.request('GET', '/api/places/410103/children?page=1&pageSize=5');
    const body = res.json<{ items: { code: string; childCount: number }[]; total: number }>();
    expect(body.total).toBe(20);
    expect(body.items).toHaveLength(5);
    expect(body.items[0]?.childCount).toBeGreaterThan(0);
  });

  it('creates, renames, moves and deletes a compound, keeping paths consistent', async () => {
    const created = await community1.request('POST', '/api/places', {
      parentCode: community1.user.place.code,
      kind: 'compound',
      name: '测试新建小区',
      managementType: 'unmanaged',
      lng: 113.6,
      lat: 34.7,
    });
    expect(created.statusCode).toBe(200);
    const compound = created.json<{ code: string; version: number; allowedActions: string[] }>();
    expect(compound.code).toMatch(new RegExp(`^${community1.user.place.code}\\d{3}$`));
    expect(compound.allowedActions).toContain('delete');

    const building = await community1.request('POST', '/api/places', {
      parentCode: compound.code,
      kind: 'building',
      name: '1号楼',
    });
    expect(building.statusCode).toBe(200);

    const found = await community1.request('GET', `/api/places?q=${encodeURIComponent('csxjxq')}`);
    expect(found.json<{ items: { code: string }[] }>().items.map((i) => i.code)).toContain(compound.code);

    const renamed = await community1.request('PATCH', `/api/places/${compound.code}`, {
      version: compound.version,
      name: '测试更名小区',
    });
    expect(renamed.statusCode).toBe(200);
    const stale = await community1.request('PATCH', `/api/places/${compound.code}`, {
      version: compound.version,
      name: '过期版本',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('VERSION_CONFLICT');

    // community1's sibling community (same street) is outside its subtree: the move target is not found
    const sibling = await admin.request('GET', '/api/places/410103001/children?pageSize=2');
    const siblingCode = sibling.json<{ items: { code: string }[] }>().items[1]?.code ?? '';
    const v = renamed.json<{ version: number }>().version;
    const outside = await community1.request('POST', `/api/places/${compound.code}/move`, {
      version: v,
      newParentCode: siblingCode,
    });
    expect(outside.statusCode).toBe(404);

    const moved = await admin.request('POST', `/api/places/${compound.code}/move`, {
      version: v,
      newParentCode: siblingCode,
    });
    expect(moved.statusCode).toBe(200);
    const paths = await t.database.db
      .selectFrom('place as c')
      .innerJoin('place as p', 'p.id', 'c.parent_id')
      .select(['c.path', 'p.path as parent_path', 'c.id', 'c.depth', 'p.depth as parent_depth'])
      .where(
        'c.path',
        'like',
        `${(await t.database.db.selectFrom('place').select('path').where('code', '=', siblingCode).executeTakeFirstOrThrow()).path}%`,
      )
      .execute();
    for (const row of paths) {
      expect(row.path).toBe(`${row.parent_path}${row.id}/`);
      expect(row.depth).toBe(row.parent_depth + 1);
    }

    const hasChildren = await admin.request(
      'DELETE',
      `/api/places/${compound.code}?version=${moved.json<{ version: number }>().version}`,
    );
    expect(hasChildren.statusCode).toBe(409);
    expect(hasChildren.json<{ error: { code: string } }>().error.code).toBe('HAS_CHILDREN');
  });

  it('changes the code of a leaf only, under its parent prefix', async () => {
    const community = (await admin.request('GET', '/api/places/410103001001')).json<{ version: number }>();
    const locked = await admin.request('PATCH', '/api/places/410103001001', {
      version: community.version,
      code: '410103001099',
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json<{ error: { code: string } }>().error.code).toBe('CODE_LOCKED');

    const compounds = await admin.request('GET', '/api/places/410103001001/children?pageSize=1');
    const compound = compounds.json<{ items: { code: string }[] }>().items[0]?.code ?? '';
    const buildings = await admin.request('GET', `/api/places/${compound}/children?pageSize=200`);
    const leaf = buildings.json<{ items: { code: string; version: number }[] }>().items[0];
    const free = `${compound}999`;
    const wrongPrefix = await admin.request('PATCH', `/api/places/${leaf?.code}`, {
      version: leaf?.version,
      code: '410103002001001999',
    });
    expect(wrongPrefix.statusCode).toBe(422);
    const ok = await admin.request('PATCH', `/api/places/${leaf?.code}`, {
      version: leaf?.version,
      code: free,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ code: string }>().code).toBe(free);
  });

  it('gives parallel creates under one parent distinct codes', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        community1.request('POST', '/api/places', {
          parentCode: community1.user.place.code,
          kind: 'compound',
          name: `并发小区${i}`,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const codes = new Set(results.map((r) => r.json<{ code: string }>().code));
    expect(codes.size).toBe(10);
  });

  it('refuses a move that would make a cycle, and writes nothing', async () => {
    const street = await admin.request('GET', '/api/places/410103001');
    const { version } = street.json<{ version: number }>();
    const before = await t.database.db.selectFrom('place').select(['path']).orderBy('id').execute();
    const res = await admin.request('POST', '/api/places/410103001/move', {
      version,
      newParentCode: '410103001001',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { code: string } }>().error.code).toMatch(/MOVE_CYCLE|INVALID_PARENT_KIND/);
    const after = await t.database.db.selectFrom('place').select(['path']).orderBy('id').execute();
    expect(after).toEqual(before);
  });

  it('answers "everything under X" from the path index (PostgreSQL and PGlite)', async () => {
    await sql`ANALYZE place`.execute(t.database.db);
    const plan = await sql<{
      'QUERY PLAN': string;
    }>`EXPLAIN SELECT count(*) FROM place WHERE path LIKE '/1/2/%'`.execute(t.database.db);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/(Index Scan using|Index Only Scan using|Bitmap Index Scan on) place_path_key/);
    expect(text).not.toMatch(/Seq Scan on place/);
  });
});

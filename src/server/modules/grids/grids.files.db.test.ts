import { sql } from 'kysely';
import shp from 'shpjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { asRect, polygonFromRect, type GridPolygon, type Rect } from './grids.geometry.js';

let t: TestApp;
let community1: Session;
let community3: Session;

interface Feature {
  type: 'Feature';
  geometry: GridPolygon;
  properties: {
    code: string;
    name: string;
    level: number;
    kind: string;
    parentCode: string | null;
    households: number;
    leadUnit: string | null;
  };
}
interface Collection {
  type: 'FeatureCollection';
  features: Feature[];
}
interface ImportResult {
  dryRun: boolean;
  ok: boolean;
  adjustmentId: number | null;
  features: number;
  unchanged: number;
  findings: { featureIndex: number | null; code: string | null; type: string; location: number[] | null }[];
  updated: string[];
  created: { code: string; name: string }[];
}

async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const table of ['grid', 'grid_version', 'grid_adjustment', 'household']) {
    const { rows } = await sql<{ n: number; h: string }>`
      SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) AS h
        FROM ${sql.table(table)} t`.execute(t.database.db);
    parts.push(`${table}:${rows[0]?.n}:${rows[0]?.h}`);
  }
  return parts.join('|');
}

const rectPolygon = (r: Rect) => polygonFromRect(r.minLng, r.minLat, r.maxLng, r.maxLat);

let micro: Collection;
let target: Feature;
let rect: Rect;

beforeAll(async () => {
  t = await createTestApp();
  community1 = await t.login('community1');
  community3 = await t.login('community3');
  micro = (await community1.request('GET', '/api/grids/export?format=geojson&level=4')).json<Collection>();
  const found = micro.features.find((f) => f.properties.kind === 'base' && asRect(f.geometry) !== null);
  if (!found) throw new Error('no rectangular micro-grid');
  target = found;
  rect = asRect(found.geometry) as Rect;
});
afterAll(() => t.close());

describe('grid files', () => {
  it('exports my subtree as GeoJSON with the agreed properties, by level', async () => {
    const res = await community1.request('GET', '/api/grids/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="grids-.*\.geojson"/);
    const all = res.json<Collection>();
    expect(all.features.length).toBeGreaterThan(micro.features.length);
    const community = community1.user.place.code;
    for (const f of all.features) {
      expect(f.properties.code.startsWith(community)).toBe(true);
      expect(Object.keys(f.properties).sort()).toEqual(
        ['code', 'households', 'kind', 'leadUnit', 'level', 'name', 'parentCode'].sort(),
      );
    }
    expect(micro.features.every((f) => f.properties.level === 4)).toBe(true);
    const other = (await community3.request('GET', '/api/grids/export?level=4')).json<Collection>();
    const mine = new Set(micro.features.map((f) => f.properties.code));
    expect(other.features.some((f) => mine.has(f.properties.code))).toBe(false);
  });

  it('exports a Shapefile zip that shpjs reads back with the same codes and Chinese names', async () => {
    const res = await community1.request('GET', '/api/grids/export?format=shapefile&level=4');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const back = (await shp(res.rawPayload)) as Collection;
    expect(back.features.map((f) => f.properties.code).sort()).toEqual(
      micro.features.map((f) => f.properties.code).sort(),
    );
    const one = back.features.find((f) => f.properties.code === target.properties.code);
    expect(one?.properties.name).toBe(target.properties.name);

    // and imported back unchanged: nothing to do, nothing written
    const before = await fingerprint();
    const again = await community1.request('POST', '/api/grids/import/shapefile', {
      zip: res.rawPayload.toString('base64'),
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<ImportResult>()).toMatchObject({
      ok: true,
      adjustmentId: null,
      unchanged: micro.features.length,
      updated: [],
      created: [],
    });
    expect(await fingerprint()).toBe(before);
  });

  it('reports findings per feature before writing: schema, invalid polygon, unknown parent, gap', async () => {
    const before = await fingerprint();
    const mid = (rect.minLng + rect.maxLng) / 2;
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'no code' }, geometry: rectPolygon(rect) },
        {
          type: 'Feature',
          properties: { code: target.properties.code },
          geometry: rectPolygon({ ...rect, maxLng: mid }),
        },
        {
          type: 'Feature',
          properties: { code: `${target.properties.parentCode}99`, parentCode: '410103999999999' },
          geometry: rectPolygon({ ...rect, minLng: mid }),
        },
        {
          type: 'Feature',
          properties: { code: `${target.properties.parentCode}98`, parentCode: target.properties.parentCode },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [rect.minLng, rect.minLat],
                [rect.maxLng, rect.maxLat],
                [rect.maxLng, rect.minLat],
                [rect.minLng, rect.maxLat],
                [rect.minLng, rect.minLat],
              ],
            ],
          },
        },
      ],
    };
    const dry = await community1.request('POST', '/api/grids/import?dryRun=true', file);
    expect(dry.statusCode, dry.body).toBe(200);
    const result = dry.json<ImportResult>();
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.featureIndex, f.type])).toEqual([
      [0, 'schema'],
      [3, 'invalid_polygon'],
      [2, 'unknown_parent'],
    ]);
    expect(result.findings[1]?.location).toHaveLength(2);

    // the valid part alone opens a gap: reported with the feature and a location
    const gap = { type: 'FeatureCollection', features: [file.features[1]] };
    const gapResult = (
      await community1.request('POST', '/api/grids/import?dryRun=true', gap)
    ).json<ImportResult>();
    expect(gapResult.findings.map((f) => [f.featureIndex, f.type])).toEqual([[0, 'gap']]);
    const refused = await community1.request('POST', '/api/grids/import?reason=test', gap);
    expect(refused.statusCode).toBe(422);
    const error = refused.json<{ error: { code: string; details: { path: string; message: string }[] } }>()
      .error;
    expect(error.code).toBe('INVALID_GEOJSON');
    expect(error.details[0]?.path).toBe('/features/0');
    expect(await fingerprint()).toBe(before);
  });

  it('imports a split (the grid redrawn to one half, a new code for the other) as one versioned adjustment', async () => {
    const mid = (rect.minLng + rect.maxLng) / 2;
    const newCode = `${target.properties.parentCode}${'9'.repeat(target.properties.code.length - (target.properties.parentCode ?? '').length)}`;
    const file = {
      type: 'FeatureCollection',
      features: [
        ...micro.features, // the rest of the export, unchanged
        {
          type: 'Feature',
          properties: { code: newCode, name: '导入的新网格', parentCode: target.properties.parentCode },
          geometry: rectPolygon({ ...rect, minLng: mid }),
        },
      ].map((f) =>
        f.properties.code === target.properties.code
          ? { ...f, geometry: rectPolygon({ ...rect, maxLng: mid }) }
          : f,
      ),
    };
    const res = await community1.request('POST', '/api/grids/import?reason=按文件拆分', file);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<ImportResult>();
    expect(out).toMatchObject({
      ok: true,
      updated: [target.properties.code],
      created: [{ code: newCode, name: '导入的新网格' }],
      unchanged: micro.features.length - 1,
    });
    expect(out.adjustmentId).toBeGreaterThan(0);
    const history = (await community1.request('GET', `/api/grids/${target.properties.code}/history`)).json<{
      versions: { version: number; madeBy: { kind: string; reason: string } | null }[];
    }>();
    expect(history.versions.at(-1)?.madeBy).toMatchObject({ kind: 'import', reason: '按文件拆分' });
    const created = await community1.request('GET', `/api/grids/${newCode}`);
    expect(created.json<{ level: number; kind: string }>()).toMatchObject({ level: 4, kind: 'base' });
    const coverage = await community1.request('GET', '/api/grids/coverage');
    expect(coverage.json<{ geometryFindings: number }>().geometryFindings).toBe(0);
  });

  it('answers 404 for a file naming grids of another subtree, and writes nothing', async () => {
    const before = await fingerprint();
    const res = await community3.request('POST', '/api/grids/import?dryRun=true', {
      type: 'FeatureCollection',
      features: [target],
    });
    expect(res.statusCode).toBe(404);
    expect(await fingerprint()).toBe(before);
  });
});

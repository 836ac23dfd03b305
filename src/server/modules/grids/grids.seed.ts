import { sql } from 'kysely';
import type { NewGrid } from '../../db/types.js';
import type { SeedContext } from '../manifest.js';
import { generateCompoundOutlines } from './compounds.demo-data.js';
import { generateDemoGrids } from './grids.demo-data.js';
import { areaM2, bbox } from './grids.geometry.js';
import { bumpGridsVersion } from './grids.queries.js';

/** Store the demo grids (the generator is pure; this resolves places and paths and writes in batches). */
export async function seedGrids(ctx: SeedContext): Promise<void> {
  const grids = generateDemoGrids(ctx.seed);
  const places = await ctx.db.selectFrom('place').select(['id', 'code']).execute();
  const placeId = new Map(places.map((p) => [p.code, p.id]));
  const byCode = new Map<string, { id: number; path: string }>();
  const rows: NewGrid[] = [];
  let nextId = 1;
  for (const grid of grids) {
    const parent = grid.parentCode ? byCode.get(grid.parentCode) : undefined;
    if (grid.parentCode && !parent) throw new Error(`demo grid ${grid.code} comes before its parent`);
    const place = placeId.get(grid.placeCode);
    if (!place) throw new Error(`demo grid ${grid.code} names an unknown place ${grid.placeCode}`);
    const id = nextId++;
    const path = `${parent?.path ?? '/'}${id}/`;
    byCode.set(grid.code, { id, path });
    const [minLng, minLat, maxLng, maxLat] = bbox(grid.polygon);
    rows.push({
      id,
      parent_id: parent?.id ?? null,
      code: grid.code,
      level: grid.level,
      kind: grid.kind,
      name: grid.name,
      place_id: place,
      path,
      lead_unit: grid.leadUnit,
      geometry: JSON.stringify(grid.polygon),
      min_lng: minLng,
      min_lat: minLat,
      max_lng: maxLng,
      max_lat: maxLat,
      area_m2: areaM2(grid.polygon),
      households: grid.households,
    } as NewGrid);
  }
  for (let i = 0; i < rows.length; i += 500) {
    await ctx.db
      .insertInto('grid')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  await sql`SELECT setval(pg_get_serial_sequence('grid', 'id'), (SELECT max(id) FROM grid))`.execute(ctx.db);
  // The compounds' outlines (place.geometry): the locator answers the compound holding a point too.
  const outlines = generateCompoundOutlines(ctx.seed);
  for (let i = 0; i < outlines.length; i += 200) {
    const batch = outlines.slice(i, i + 200).map((o) => ({ code: o.code, geometry: o.polygon }));
    await sql`UPDATE place AS p SET geometry = v.geometry
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS v(code text, geometry jsonb)
      WHERE p.code = v.code AND p.kind = 'compound'`.execute(ctx.db);
  }
  await bumpGridsVersion(ctx.db);
  ctx.log(`grids: ${rows.length} grids, ${outlines.length} compound outlines`);
}

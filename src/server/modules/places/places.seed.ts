import { sql } from 'kysely';
import type { NewPlace } from '../../db/types.js';
import type { SeedContext } from '../manifest.js';
import { generateDemoPlaces } from './places.demo-data.js';
import { pinyinOf } from '../../core/pinyin.js';

/** Write the demo district's place tree (the generator is pure; this only stores what it returns). */
export async function seedPlaces(ctx: SeedContext): Promise<void> {
  const places = generateDemoPlaces(ctx.seed);
  const idByCode = new Map<string, { id: number; path: string; depth: number }>();
  const rows: NewPlace[] = [];
  let nextId = 1;
  for (const place of places) {
    const parent = place.parentCode ? idByCode.get(place.parentCode) : undefined;
    if (place.parentCode && !parent) throw new Error(`demo place ${place.code} comes before its parent`);
    const id = nextId++;
    const path = `${parent?.path ?? '/'}${id}/`;
    const depth = parent ? parent.depth + 1 : 0;
    idByCode.set(place.code, { id, path, depth });
    const names = pinyinOf(place.name);
    rows.push({
      id,
      parent_id: parent?.id ?? null,
      kind: place.kind,
      code: place.code,
      name: place.name,
      name_pinyin: names.full,
      name_initials: names.initials,
      path,
      depth,
      address: place.address,
      lng: place.lng,
      lat: place.lat,
      management_type: place.managementType,
    } as NewPlace);
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await ctx.db
      .insertInto('place')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  await sql`SELECT setval(pg_get_serial_sequence('place', 'id'), (SELECT max(id) FROM place))`.execute(
    ctx.db,
  );
  ctx.log(`places: ${rows.length} nodes`);
}

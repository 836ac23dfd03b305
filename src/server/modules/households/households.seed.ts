import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { SeedContext } from '../manifest.js';
import { insertResidents, recomputeGridHouseholds } from './households.bulk.js';
import { generateDemoHouseholds } from './households.demo-data.js';
import type { ResidentRecord } from './households.records.js';

/** Residents per insertResidents call: whole communities, flushed once this many have gathered. */
const BATCH = 50_000;
/** Indexes the writer itself reads while loading (duplicate IDs, households by place); the rest wait. */
const KEEP_INDEXES = ['resident_pkey', 'resident_id_hash_idx', 'household_pkey', 'household_place_idx'];

/**
 * Runs `load` with the secondary indexes of household and resident dropped, then recreates them from their own
 * definitions (pg_indexes), inside the seed's transaction: one sort per index after the load is much cheaper
 * than maintaining eight indexes row by row. Only for the demo seed, on empty tables.
 */
async function withIndexesDeferred(db: Kysely<DB>, load: () => Promise<void>): Promise<void> {
  const indexes = await sql<{
    name: string;
    definition: string;
  }>`SELECT indexname AS name, indexdef AS definition
    FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('household', 'resident')
    ORDER BY indexname`.execute(db);
  const deferred = indexes.rows.filter((i) => !KEEP_INDEXES.includes(i.name));
  for (const index of deferred) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
  await load();
  for (const index of deferred) await sql.raw(index.definition).execute(db);
}

/**
 * Store the demo households and residents through the one bulk writer (the generator is pure; this resolves
 * place codes and hands records over), a batch of communities at a time, then recompute every base grid's
 * household count from the records once.
 */
export async function seedHouseholds(ctx: SeedContext): Promise<void> {
  const places = await ctx.db.selectFrom('place').select(['id', 'code']).execute();
  const placeId = new Map(places.map((p) => [p.code, p.id]));
  let batch: ResidentRecord[] = [];
  let households = 0;
  let residents = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const result = await insertResidents(ctx.db, batch, { recomputeGrids: false });
    if (result.duplicates.length > 0)
      throw new Error(`demo residents: ${result.duplicates.length} duplicate IDs`);
    households += result.householdsCreated;
    residents += result.residentsInserted;
    batch = [];
    ctx.log(`households: ${residents} residents so far`);
  };
  const load = async (): Promise<void> => {
    for (const { households: list } of generateDemoHouseholds(ctx.seed, ctx.scale)) {
      for (const household of list) {
        const id = placeId.get(household.placeCode);
        if (id === undefined) throw new Error(`demo household names an unknown place ${household.placeCode}`);
        for (const r of household.residents) {
          batch.push({
            placeId: id,
            unit: household.unit,
            room: household.room,
            address: household.address,
            lng: household.lng,
            lat: household.lat,
            housing: household.housing,
            relation: r.relation,
            name: r.name,
            idNumber: r.idNumber,
            gender: r.gender,
            birthDate: r.birthDate,
            phone: r.phone,
            residenceType: r.residenceType,
            tags: r.tags,
            note: r.note,
          });
        }
      }
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  };
  await withIndexesDeferred(ctx.db, load);
  await recomputeGridHouseholds(ctx.db);
  ctx.log(`households: ${households} households, ${residents} residents at scale ${ctx.scale}`);
}

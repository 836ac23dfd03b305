import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number.js';
import { maskIdNumber, maskPhone } from '../../../shared/masking.js';
import { decryptField, loadPersonalDataKeys, lookupHash } from '../../core/personal-data.js';
import type { Database } from '../../db/database.js';
import { openTestDatabase } from '../../testing/database.js';
import { locatorFor } from '../grids/grids.queries.js';
import { insertResidents, recomputeGridHouseholds } from './households.bulk.js';
import type { ResidentRecord } from './households.records.js';

let database: Database;
const keys = loadPersonalDataKeys({}, 'test');

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

interface BuildingRow {
  id: number;
  path: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
}

async function aBuilding(offset: number): Promise<BuildingRow> {
  return database.db
    .selectFrom('place')
    .select(['id', 'path', 'address', 'lng', 'lat'])
    .where('kind', '=', 'building')
    .orderBy('code')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
}

function record(placeId: number, over: Partial<ResidentRecord>): ResidentRecord {
  return {
    placeId,
    unit: 'T1',
    room: '901',
    address: null,
    housing: 'rented',
    relation: 'member',
    name: '张三',
    idNumber: null,
    gender: null,
    birthDate: null,
    phone: null,
    residenceType: 'registered',
    tags: [],
    note: null,
    ...over,
  };
}

/** Base grids whose households differ from their records (micro) or from the sum of their children. */
async function inconsistentGrids(): Promise<number> {
  const micro = await sql<{ n: number }>`SELECT count(*)::int AS n FROM grid g
    WHERE g.kind = 'base' AND g.level = 4
      AND g.households <> (SELECT count(*) FROM household h WHERE h.grid_id = g.id)`.execute(database.db);
  const parents = await sql<{ n: number }>`SELECT count(*)::int AS n FROM grid g
    WHERE g.kind = 'base' AND g.level < 4
      AND g.households <> (SELECT coalesce(sum(c.households), 0) FROM grid c
        WHERE c.parent_id = g.id AND c.kind = 'base')`.execute(database.db);
  return micro.rows[0]!.n + parents.rows[0]!.n;
}

/** The micro-grid holding the point counts its household records, and each ancestor sums its children. */
async function expectGridsUpToDate(lng: number, lat: number): Promise<void> {
  const hit = (await locatorFor(database.db)).locate(lng, lat);
  const micro = await database.db
    .selectFrom('grid')
    .select('households')
    .where('id', '=', hit.micro!.id)
    .executeTakeFirstOrThrow();
  const inMicro = await database.db
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('grid_id', '=', hit.micro!.id)
    .executeTakeFirstOrThrow();
  expect(micro.households).toBe(inMicro.n);
  const chain = await sql<{ households: number; sum: number }>`SELECT g.households,
      (SELECT coalesce(sum(c.households), 0)::int FROM grid c WHERE c.parent_id = g.id AND c.kind = 'base') AS sum
    FROM grid g WHERE g.id = ANY(${hit.chain.map((g) => g.id)}::bigint[])`.execute(database.db);
  expect(chain.rows).toHaveLength(3);
  for (const row of chain.rows) expect(row.households).toBe(row.sum);
}

describe('insertResidents', () => {
  it('creates the household, encrypts, hashes and masks, locates the grid and counts households', async () => {
    const building = await aBuilding(0);
    const id1 = makeIdNumber('410103', '1961-04-12', '013');
    const id2 = makeIdNumber('410102', '1965-09-30', '024');
    const phone = '13903711234';
    const records = [
      record(building.id, { name: '李建国', relation: 'member', idNumber: id2, gender: 'female' }),
      record(building.id, {
        name: '王建华',
        relation: 'head',
        housing: 'owned',
        idNumber: id1,
        gender: 'male',
        birthDate: '1961-04-12',
        phone,
        tags: ['party_member', 'veteran'],
      }),
      record(building.id, {
        name: 'John Smith',
        relation: 'tenant',
        residenceType: 'foreign',
        note: '英国护照',
      }),
    ];
    const locator = await locatorFor(database.db);
    const micro = locator.locate(building.lng!, building.lat!).micro!;
    const microBefore = await database.db
      .selectFrom('grid')
      .select(['households', 'path'])
      .where('id', '=', micro.id)
      .executeTakeFirstOrThrow();
    const progress: number[] = [];

    const result = await database.db
      .transaction()
      .execute((tx) =>
        insertResidents(tx, records, { keys, chunkSize: 2, onProgress: (done) => progress.push(done) }),
      );
    expect(result).toMatchObject({ householdsCreated: 1, residentsInserted: 3, duplicates: [] });
    expect(progress).toEqual([2, 3]);
    expect(result.gridIds).toEqual([micro.id]);

    const household = await database.db
      .selectFrom('household')
      .selectAll()
      .where('id', '=', result.householdIds[0]!)
      .executeTakeFirstOrThrow();
    // the head makes the household, although it is not the first record
    expect(household).toMatchObject({
      place_id: building.id,
      path: building.path,
      grid_id: micro.id,
      grid_path: microBefore.path,
      unit: 'T1',
      room: '901',
      address: `${building.address}T1901室`,
      housing: 'owned',
      members: 3,
    });
    expect(result.householdIds).toEqual([household.id, household.id, household.id]);

    const residents = await database.db
      .selectFrom('resident')
      .selectAll()
      .where('household_id', '=', household.id)
      .orderBy('id')
      .execute();
    expect(residents.map((r) => r.name)).toEqual(['李建国', '王建华', 'John Smith']);
    const head = residents[1]!;
    expect(head.id_number_enc).not.toContain(id1);
    expect(head.id_number_enc).not.toContain(id1.slice(-4));
    expect(decryptField(keys, head.id_number_enc!)).toBe(id1);
    expect(head.id_number_hash).toBe(lookupHash(keys, 'id', id1));
    expect(head.id_number_masked).toBe(maskIdNumber(id1));
    expect(head.id_number_masked).toMatch(/^410103\*{8}\d{3}[\dX]$/);
    expect(head.phone_enc).not.toContain(phone);
    expect(decryptField(keys, head.phone_enc!)).toBe(phone);
    expect(head.phone_hash).toBe(lookupHash(keys, 'phone', phone));
    expect(head.phone_masked).toBe(maskPhone(phone));
    expect(head.phone_masked).toBe('139****1234');
    expect(head).toMatchObject({
      path: building.path,
      grid_path: microBefore.path,
      relation: 'head',
      name_pinyin: 'wangjianhua',
      name_initials: 'wjh',
      gender: 'male',
      birth_date: '1961-04-12',
      tags: ['party_member', 'veteran'],
    });
    expect(residents[2]).toMatchObject({
      residence_type: 'foreign',
      id_number_enc: null,
      id_number_hash: null,
      id_number_masked: null,
      phone_enc: null,
      note: '英国护照',
    });

    await expectGridsUpToDate(building.lng!, building.lat!);
  });

  it('joins an existing household, reports registered and repeated ID numbers, and locates a given point', async () => {
    const building = await aBuilding(0);
    const other = await aBuilding(40);
    const already = makeIdNumber('410103', '1961-04-12', '013');
    const fresh = makeIdNumber('410181', '1990-01-02', '031');
    const records = [
      record(building.id, { name: '王重复', idNumber: already }),
      record(building.id, { name: '王小明', idNumber: fresh, phone: '13803710000' }),
      record(building.id, { name: '王小明二', idNumber: fresh }),
      // a household outside any building's point: the record's own point decides the grid
      record(building.id, {
        unit: null,
        room: null,
        address: '长江路88号',
        relation: 'head',
        name: '赵自建',
        lng: other.lng,
        lat: other.lat,
      }),
    ];
    const result = await database.db.transaction().execute((tx) => insertResidents(tx, records, { keys }));
    expect(result.duplicates).toEqual([
      { index: 0, reason: 'id_registered' },
      { index: 2, reason: 'id_repeated', firstIndex: 1 },
    ]);
    expect(result.householdsCreated).toBe(1);
    expect(result.residentsInserted).toBe(2);
    expect(result.householdIds[0]).toBeNull();
    expect(result.householdIds[2]).toBeNull();

    const joined = await database.db
      .selectFrom('household')
      .select(['members', 'version'])
      .where('id', '=', result.householdIds[1]!)
      .executeTakeFirstOrThrow();
    expect(joined).toEqual({ members: 4, version: 2 });

    const own = await database.db
      .selectFrom('household')
      .select(['grid_id', 'address', 'lng', 'lat', 'members'])
      .where('id', '=', result.householdIds[3]!)
      .executeTakeFirstOrThrow();
    const locator = await locatorFor(database.db);
    expect(own).toEqual({
      grid_id: locator.locate(other.lng!, other.lat!).micro!.id,
      address: '长江路88号',
      lng: other.lng,
      lat: other.lat,
      members: 1,
    });
    await expectGridsUpToDate(other.lng!, other.lat!);
  });

  it('recomputes the whole base tree from the records', async () => {
    await sql`UPDATE grid SET households = 12345 WHERE kind = 'base'`.execute(database.db);
    expect(await inconsistentGrids()).toBeGreaterThan(0);
    await recomputeGridHouseholds(database.db);
    expect(await inconsistentGrids()).toBe(0);
    const total = await sql<{ g: number; h: number }>`SELECT
      (SELECT sum(households)::int FROM grid WHERE kind = 'base' AND level = 1) AS g,
      (SELECT count(*)::int FROM household WHERE grid_id IS NOT NULL) AS h`.execute(database.db);
    expect(total.rows[0]!.g).toBe(total.rows[0]!.h);
  });
});

import { sql } from 'kysely';
import { personalDataKeys } from '../../core/keys.js';
import { encryptField, lookupHash } from '../../core/personal-data.js';
import { maskPhone } from '../../../shared/masking.js';
import type { SeedContext } from '../manifest.js';
import { pinyinOf } from '../../core/pinyin.js';
import { generateDemoStaff } from './staff.demo-data.js';

/** The demo accounts that are grid workers: each is linked to a person serving micro-grids of its community. */
const LINKED_ACCOUNTS = ['grid1', 'grid2'];

/** Store the demo staff (the generator is pure; this resolves grids and accounts, encrypts phones, writes). */
export async function seedStaff(ctx: SeedContext): Promise<void> {
  const grids = await ctx.db
    .selectFrom('grid as g')
    .innerJoin('place as p', 'p.id', 'g.place_id')
    .leftJoin('grid as parent', 'parent.id', 'g.parent_id')
    .select(['g.id', 'g.code', 'g.level', 'g.kind', 'p.code as placeCode', 'parent.code as parentCode'])
    .execute();
  const accounts = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('place as p', 'p.id', 'u.place_id')
    .select(['u.id', 'u.username', 'p.code as communityCode'])
    .where('u.username', 'in', LINKED_ACCOUNTS)
    .where('u.role', '=', 'grid_worker')
    .execute();
  const staff = generateDemoStaff(grids, ctx.random, accounts);
  const gridId = new Map(grids.map((g) => [g.code, g.id]));
  const userId = new Map(accounts.map((a) => [a.username, a.id]));
  const keys = personalDataKeys();

  const personRows = staff.people.map((person, index) => {
    const names = pinyinOf(person.name);
    return {
      id: index + 1,
      name: person.name,
      name_pinyin: names.full,
      name_initials: names.initials,
      phone_enc: encryptField(keys, person.phone),
      phone_hash: lookupHash(keys, 'phone', person.phone),
      phone_masked: maskPhone(person.phone),
      user_id: person.username ? (userId.get(person.username) ?? null) : null,
    };
  });
  const assignmentRows = staff.assignments.map((a) => {
    const grid = gridId.get(a.gridCode);
    if (grid === undefined) throw new Error(`demo staff names an unknown grid ${a.gridCode}`);
    return {
      staff_id: a.person + 1,
      grid_id: grid,
      role: a.role,
      agency: a.agency,
      duties: a.duties,
      started_on: a.startedOn,
    };
  });
  for (let i = 0; i < personRows.length; i += 1000) {
    await ctx.db
      .insertInto('grid_staff')
      .values(personRows.slice(i, i + 1000))
      .execute();
  }
  for (let i = 0; i < assignmentRows.length; i += 1000) {
    await ctx.db
      .insertInto('grid_staff_assignment')
      .values(assignmentRows.slice(i, i + 1000))
      .execute();
  }
  await sql`SELECT setval(pg_get_serial_sequence('grid_staff', 'id'), (SELECT max(id) FROM grid_staff))`.execute(
    ctx.db,
  );
  ctx.log(
    `staff: ${personRows.length} people, ${assignmentRows.length} assignments, ${staff.gaps.length} micro-grids without a worker`,
  );
}

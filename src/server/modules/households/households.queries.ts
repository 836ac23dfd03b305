import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Residents with their household, the household's place and micro-grid: what lists and details show. */
export function residentQuery(db: Executor) {
  return db
    .selectFrom('resident as r')
    .innerJoin('household as h', 'h.id', 'r.household_id')
    .innerJoin('place as p', 'p.id', 'h.place_id')
    .leftJoin('grid as g', 'g.id', 'h.grid_id')
    .select([
      'r.id',
      'r.name',
      'r.gender',
      'r.birth_date',
      'r.id_number_masked',
      'r.phone_masked',
      'r.relation',
      'r.residence_type',
      'r.tags',
      'r.note',
      'r.path',
      'r.grid_path',
      'r.version',
      'h.id as household_id',
      'h.address',
      'h.unit',
      'h.room',
      'p.code as place_code',
      'p.name as place_name',
      'g.code as grid_code',
      'g.name as grid_name',
    ]);
}
export type ResidentRow = Awaited<ReturnType<ReturnType<typeof residentQuery>['executeTakeFirstOrThrow']>>;

/** Households with their place, micro-grid and the name of the head of household. */
export function householdQuery(db: Executor) {
  return db
    .selectFrom('household as h')
    .innerJoin('place as p', 'p.id', 'h.place_id')
    .leftJoin('grid as g', 'g.id', 'h.grid_id')
    .select((eb) => [
      'h.id',
      'h.address',
      'h.unit',
      'h.room',
      'h.housing',
      'h.members',
      'h.path',
      'h.grid_path',
      'h.version',
      'p.code as place_code',
      'p.name as place_name',
      'g.code as grid_code',
      'g.name as grid_name',
      eb
        .selectFrom('resident as head')
        .select('head.name')
        .whereRef('head.household_id', '=', 'h.id')
        .where('head.relation', '=', 'head')
        .orderBy('head.id')
        .limit(1)
        .as('head_name'),
    ]);
}
export type HouseholdRow = Awaited<ReturnType<ReturnType<typeof householdQuery>['executeTakeFirstOrThrow']>>;

/** Whole years between a birth date ('YYYY-MM-DD') and today. */
export function ageOn(birthDate: string | null, today: Date = new Date()): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const month = today.getUTCMonth() + 1;
  const day = today.getUTCDate();
  return today.getUTCFullYear() - y - (month < m || (month === m && day < d) ? 1 : 0);
}

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { installedModules } from '../registry.js';
import { sweepRollups } from '../cases/analytics/cases.rollup.js';
import { underPath } from '../../core/sql.js';

/**
 * Scoping follows the place tree: every row carrying a copy of a place path follows a move in the same
 * transaction, for whichever module declared it (the move once rewrote a hard-coded list of three tables, and a
 * moved compound's cases stayed readable by its old community and hidden from its new one).
 */
let t: TestApp;
let street1: Session;
let community1: Session;
let community2: Session;

beforeAll(async () => {
  t = await createTestApp();
  [street1, community1, community2] = await Promise.all([
    t.login('street1'),
    t.login('community1'),
    t.login('community2'),
  ]);
});
afterAll(() => t.close());

const placeOf = (code: string) =>
  t.database.db
    .selectFrom('place')
    .select(['id', 'code', 'path', 'version'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

describe('scoped tables', () => {
  it('declares every C-collated *path column of the database in some module manifest', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name LIKE '%path' AND collation_name = 'C'
       ORDER BY table_name, column_name`.execute(t.database.db);
    expect(rows.length).toBeGreaterThan(5);
    const declared = new Set(
      installedModules().flatMap((m) =>
        (m.scopedTables ?? []).flatMap((s) =>
          [s.placePath, s.gridPath].filter(Boolean).map((c) => `${s.table}.${c}`),
        ),
      ),
    );
    const undeclared = rows.map((r) => `${r.table_name}.${r.column_name}`).filter((c) => !declared.has(c));
    expect(undeclared).toEqual([]);
    // and nothing is declared that the database does not have
    const present = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
    expect([...declared].filter((c) => !present.has(c))).toEqual([]);
  });

  it('moves a compound to another community: its cases and every path copy follow, old staff get 404', async () => {
    const db = t.database.db;
    const from = await placeOf(community1.user.place.code);
    const to = await placeOf(community2.user.place.code);
    const compound = await db
      .selectFrom('place as p')
      .innerJoin('civic_case as c', 'c.place_id', 'p.id')
      .select(['p.code', 'p.path', (eb) => eb.fn.count<number>('c.id').as('cases')])
      .where('p.kind', '=', 'compound')
      .where('p.path', 'like', underPath(from.path))
      .groupBy(['p.code', 'p.path'])
      .orderBy('cases', 'desc')
      .executeTakeFirstOrThrow();
    const caseRow = await db
      .selectFrom('civic_case')
      .select(['id'])
      .where('path', 'like', underPath(compound.path))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect((await community1.request('GET', `/api/cases/${caseRow.id}`)).statusCode).toBe(200);
    expect((await community2.request('GET', `/api/cases/${caseRow.id}`)).statusCode).toBe(404);

    // what each declared copy holds under the compound before the move
    const copies = installedModules()
      .flatMap((m) => m.scopedTables ?? [])
      .filter((s) => s.placePath && (s.follows ?? 'copy') === 'copy');
    const countUnder = async (table: string, column: string, prefix: string) => {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}
        WHERE ${sql.ref(column)} LIKE ${underPath(prefix)}`.execute(db);
      return rows[0]?.n ?? 0;
    };
    const before = new Map<string, number>();
    for (const s of copies) before.set(s.table, await countUnder(s.table, s.placePath!, compound.path));
    expect(before.get('civic_case')).toBe(Number(compound.cases));
    expect(before.get('household')).toBeGreaterThan(0);

    const current = await placeOf(compound.code);
    const moved = await street1.request('POST', `/api/places/${compound.code}/move`, {
      version: current.version,
      newParentCode: to.code,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const newPath = (await placeOf(compound.code)).path;
    expect(newPath.startsWith(to.path)).toBe(true);

    for (const s of copies) {
      expect({ table: s.table, old: await countUnder(s.table, s.placePath!, compound.path) }).toEqual({
        table: s.table,
        old: 0,
      });
      expect({ table: s.table, now: await countUnder(s.table, s.placePath!, newPath) }).toEqual({
        table: s.table,
        now: before.get(s.table),
      });
    }

    // the new community's staff read the case; the old one's get the same 404 as for a missing case
    expect((await community2.request('GET', `/api/cases/${caseRow.id}`)).statusCode).toBe(200);
    expect((await community1.request('GET', `/api/cases/${caseRow.id}`)).statusCode).toBe(404);
    const list = await community2.request('GET', `/api/cases?within=${compound.code}&pageSize=200`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ total: number }>().total).toBe(Number(compound.cases));
    expect((await community1.request('GET', `/api/cases?within=${compound.code}`)).statusCode).toBe(404);

    // the rollups are derived: once swept, each community's reported count is its cases' count again
    await sweepRollups(db);
    for (const place of [from, to]) {
      const rollup = await db
        .selectFrom('case_rollup')
        .select((eb) => eb.fn.sum<number>('reported').as('n'))
        .where('dim', '=', 'place')
        .where('node', '=', place.path)
        .where('category_id', '=', 0)
        .executeTakeFirstOrThrow();
      const direct = await countUnder('civic_case', 'path', place.path);
      expect(Number(rollup.n ?? 0)).toBe(direct);
    }
  });
});

import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Place } from '../../db/types.js';
import { installedModules } from '../registry.js';
import { underPath } from '../../core/sql.js';

type Executor = Kysely<DB> | Transaction<DB>;

export function findByCode(
  db: Executor,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<Place | undefined> {
  const query = db.selectFrom('place').selectAll().where('code', '=', code);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export function findById(db: Executor, id: number): Promise<Place | undefined> {
  return db.selectFrom('place').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Rows with their parent's code and child count, for lists. */
export function listQuery(db: Executor) {
  return db
    .selectFrom('place as p')
    .leftJoin('place as parent', 'parent.id', 'p.parent_id')
    .selectAll('p')
    .select((eb) => [
      'parent.code as parent_code',
      eb
        .selectFrom('place as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'p.id')
        .as('child_count'),
    ]);
}
export type PlaceListRow = Place & { parent_code: string | null; child_count: number | null };

export async function descendantCounts(db: Executor, path: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('place')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('path', 'like', underPath(path))
    .where('path', '<>', path)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

export function idsOfPath(path: string): number[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => Number(s));
}

export async function placesByIds(db: Executor, ids: number[]): Promise<Place[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('place').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((p): p is Place => !!p);
}

/** The next free code under a parent: parent code + 3 digits. */
export async function nextChildCode(db: Executor, parent: Place): Promise<string> {
  const row = await db
    .selectFrom('place')
    .select((eb) => eb.fn.max('code').as('max'))
    .where('code', 'like', `${parent.code}___`)
    .where('code', '~', `^${parent.code}[0-9]{3}$`)
    .executeTakeFirst();
  const last = row?.max ? Number(row.max.slice(parent.code.length)) : 0;
  return parent.code + String(last + 1).padStart(3, '0');
}

export async function countUnder(db: Executor, path: string, kinds: string[]): Promise<number> {
  const row = await db
    .selectFrom('place')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', 'in', kinds as Place['kind'][])
    .where('path', 'like', underPath(path))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Rewrite the paths of a subtree after a move, in one statement. */
export async function rewriteSubtreePaths(
  trx: Transaction<DB>,
  oldPrefix: string,
  newPrefix: string,
  depthDelta: number,
): Promise<number> {
  const result = await sql`UPDATE place
      SET path = ${newPrefix} || substr(path, ${oldPrefix.length + 1}),
          depth = depth + ${depthDelta},
          updated_at = now()
    WHERE path LIKE ${underPath(oldPrefix)}`.execute(trx);
  // every table whose rows carry a copy of their place's path (households, cases, imports … as the modules
  // declare them) follows in the same transaction
  for (const { table, placePath, follows = 'copy' } of installedModules().flatMap(
    (m) => m.scopedTables ?? [],
  )) {
    if (!placePath || follows !== 'copy') continue;
    const column = sql.ref(placePath);
    await sql`UPDATE ${sql.table(table)}
        SET ${column} = ${newPrefix} || substr(${column}, ${oldPrefix.length + 1})
      WHERE ${column} LIKE ${underPath(oldPrefix)}`.execute(trx);
  }
  return Number(result.numAffectedRows ?? 0);
}

/** The ancestors of a place path ('/1/5/9/' → ids 1, 5, 9) with their kinds, nearest last. */
export async function placeChain(db: Executor, path: string) {
  const ids = path.split('/').filter(Boolean).map(Number);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('place')
    .select(['id', 'kind', 'code', 'name', 'path'])
    .where('id', 'in', ids)
    .execute();
  return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
}

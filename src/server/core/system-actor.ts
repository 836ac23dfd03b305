import type { Kysely, Transaction } from 'kysely';
import type { DB, Role } from '../db/types.js';
import type { Actor } from '../policy/actor.js';

/**
 * An actor without an account — the command line, the overdue sweep, an anonymous reporter, an Open311 client —
 * bound to the root of the place tree (or to `placeCode`): user id 0, audited by `username` (`cli:<OS user>`,
 * `public:<masked phone>`, `open311:<client>`). One function, so every such actor says `via` truly and none is
 * taken for a logged-in session.
 */
export async function systemActor(
  db: Kysely<DB> | Transaction<DB>,
  options: { username: string; displayName?: string; role: Role; via: 'cli' | 'public'; placeCode?: string },
): Promise<Actor> {
  let query = db.selectFrom('place').select(['id', 'code', 'name', 'path']);
  query = options.placeCode
    ? query.where('code', '=', options.placeCode)
    : query.where('parent_id', 'is', null).orderBy('id');
  const place = await query.executeTakeFirst();
  if (!place) {
    throw new Error(
      options.placeCode
        ? `No place with code ${options.placeCode}`
        : 'The place tree is empty: run louyuan seed or create the district first',
    );
  }
  return {
    userId: 0,
    username: options.username,
    displayName: options.displayName ?? options.username,
    role: options.role,
    placeId: place.id,
    placeCode: place.code,
    placeName: place.name,
    placePath: place.path,
    via: options.via,
  };
}

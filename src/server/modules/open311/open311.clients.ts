import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { appendAudit } from '../../core/audit-trail.js';

/**
 * Open311 clients and their API keys. A key is `o311_` + 32 base64url characters (24 random bytes), shown once
 * when it is made; the table keeps its sha256 (hex) and its first 12 characters (the prefix that names it in
 * lists and revocation). Making and revoking keys are audited like the CLI's other writes (`cli:<os user>`).
 */

export const KEY_PREFIX = 'o311_';
const PREFIX_LENGTH = 12;

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface Open311Client {
  id: number;
  name: string;
}

/** The client a key belongs to, if the key is known and not revoked. */
export async function clientByKey(db: Kysely<DB>, key: string | undefined): Promise<Open311Client | null> {
  if (!key || !key.startsWith(KEY_PREFIX) || key.length > 100) return null;
  const row = await db
    .selectFrom('open311_client')
    .select(['id', 'name'])
    .where('key_hash', '=', hashKey(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/** Make a client and its key; the key is returned once and never stored. */
export async function addClient(
  db: Kysely<DB>,
  name: string,
  actorName: string,
): Promise<{ id: number; name: string; key: string; prefix: string }> {
  const clean = name.trim();
  if (clean.length < 1 || clean.length > 50) throw new Error('NAME: 1–50 characters');
  const key = KEY_PREFIX + randomBytes(24).toString('base64url');
  const prefix = key.slice(0, PREFIX_LENGTH);
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('open311_client')
      .values({ name: clean, key_hash: hashKey(key), key_prefix: prefix })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorId: null,
      actorName,
      actorRole: null,
      action: 'open311.client.create',
      subjectType: 'open311_client',
      subjectId: String(inserted.id),
      result: 'ok',
      details: { name: clean, prefix, via: 'cli' },
    });
    return inserted;
  });
  return { id: row.id, name: clean, key, prefix };
}

export async function listClients(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('open311_client as k')
    .select((eb) => [
      'k.id',
      'k.name',
      'k.key_prefix',
      'k.created_at',
      'k.revoked_at',
      eb
        .selectFrom('civic_case as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.open311_client_id', '=', 'k.id')
        .as('requests'),
    ])
    .orderBy('k.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.key_prefix,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    requests: Number(r.requests ?? 0),
  }));
}

/** Revoke the live key with this prefix; refuses a prefix that names no live key or several. */
export async function revokeClient(db: Kysely<DB>, prefix: string, actorName: string) {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('open311_client')
      .select(['id', 'name', 'key_prefix'])
      .where('key_prefix', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`)
      .where('revoked_at', 'is', null)
      .execute();
    if (rows.length === 0) throw new Error(`No live Open311 key starts with ${prefix}`);
    if (rows.length > 1) {
      throw new Error(
        `${rows.length} live keys start with ${prefix}: ${rows.map((r) => r.key_prefix).join(', ')}`,
      );
    }
    const row = rows[0]!;
    await trx
      .updateTable('open311_client')
      .set({ revoked_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, {
      actorId: null,
      actorName,
      actorRole: null,
      action: 'open311.client.revoke',
      subjectType: 'open311_client',
      subjectId: String(row.id),
      result: 'ok',
      details: { name: row.name, prefix: row.key_prefix, via: 'cli' },
    });
    return { id: row.id, name: row.name, prefix: row.key_prefix };
  });
}

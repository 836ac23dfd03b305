import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditResult, DB } from '../db/types.js';

/** One line of the trail. `details` must never hold a secret or a full ID number. */
export interface AuditEntry {
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  result: AuditResult;
  ip?: string | null;
  requestId?: string | null;
  placePath?: string | null;
  details?: Record<string, unknown>;
}

type Executor = Kysely<DB> | Transaction<DB>;

/** Append an entry. Inside a command pass its transaction, so the entry commits or rolls back with the change. */
export async function appendAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      actor_role: entry.actorRole,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      result: entry.result,
      ip: entry.ip ?? null,
      request_id: entry.requestId ?? null,
      place_path: entry.placePath ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/**
 * The canonical text of an entry, produced by the database itself so both backends and the verifier see the
 * same bytes (the session runs with TimeZone=UTC). Everything but the seal columns is covered.
 */
const canonical = sql<string>`json_build_array(a.id, a.occurred_at, a.actor_id, a.actor_name, a.actor_role,
  a.action, a.subject_type, a.subject_id, a.result, a.ip, a.request_id, a.place_path, a.details)::text`;

export function chainHash(prevHash: string, seq: number, canonicalText: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${canonicalText}`).digest('hex');
}

const SEAL_LOCK_KEY = 4101030001;
const SEAL_BATCH = 2000;

/**
 * Chain entries after they commit. Writers never wait on a global lock: they append unsealed rows in their own
 * transactions; one sealer at a time (an advisory lock, so several processes on one PostgreSQL are safe) gives
 * each committed row the next sequence number and the hash of its predecessor. Returns how many rows it sealed.
 */
export async function sealPending(db: Kysely<DB>, options: { wait?: boolean } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction().execute(async (trx) => {
      // A background sealer skips when another holds the lock (that one will seal); a verifier waits for it.
      const got = options.wait
        ? await sql<{
            ok: boolean;
          }>`SELECT pg_advisory_xact_lock(${SEAL_LOCK_KEY}) IS NOT NULL AS ok`.execute(trx)
        : await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) AS ok`.execute(trx);
      if (!got.rows[0]?.ok) return -1;
      const head = await trx
        .selectFrom('audit_seal_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const rows = await trx
        .selectFrom('audit_log as a')
        .select(['a.id', canonical.as('canonical')])
        .where('a.seal_seq', 'is', null)
        .orderBy('a.id')
        .limit(SEAL_BATCH)
        .execute();
      if (rows.length === 0) return 0;
      let { seq, hash } = head;
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        seq += 1;
        const next = chainHash(hash, seq, row.canonical);
        ids.push(row.id);
        seqs.push(seq);
        prevs.push(hash);
        hashes.push(next);
        hash = next;
      }
      await sql`UPDATE audit_log AS a SET seal_seq = u.seq, prev_hash = u.prev, hash = u.hash
        FROM unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[]) AS u(id, seq, prev, hash)
        WHERE a.id = u.id`.execute(trx);
      await trx.updateTable('audit_seal_head').set({ seq, hash }).where('id', '=', 1).execute();
      return rows.length;
    });
    if (sealed <= 0) return total;
    total += sealed;
    if (sealed < SEAL_BATCH) return total;
  }
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  unsealed: number;
  headSeq: number;
  /** The first broken link, if any. */
  firstBroken: null | { seq: number; id: number | null; reason: string };
}

/** Walk the chain in order and recompute every hash. Seals pending entries first. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<VerifyReport> {
  await sealPending(db, { wait: true });
  // One snapshot for the head and every row: a sealer (this process's or another's) committing while the walk
  // is under way must not look like a chain longer than its head.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => walkChain(trx));
}

async function walkChain(db: Executor): Promise<VerifyReport> {
  const head = await db
    .selectFrom('audit_seal_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const unsealedRow = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seal_seq', 'is', null)
    .executeTakeFirstOrThrow();
  let prevHash = 'genesis';
  let expectedSeq = 1;
  let checked = 0;
  const broken = (seq: number, id: number | null, reason: string): VerifyReport => ({
    ok: false,
    checked,
    unsealed: unsealedRow.n,
    headSeq: head.seq,
    firstBroken: { seq, id, reason },
  });
  for (;;) {
    const rows = await db
      .selectFrom('audit_log as a')
      .select(['a.id', 'a.seal_seq', 'a.prev_hash', 'a.hash', canonical.as('canonical')])
      .where('a.seal_seq', '>=', expectedSeq)
      .orderBy('a.seal_seq')
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = row.seal_seq ?? 0;
      if (seq !== expectedSeq) return broken(expectedSeq, null, `entry ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return broken(seq, row.id, 'link to the previous entry does not match');
      const recomputed = chainHash(prevHash, seq, row.canonical);
      if (recomputed !== row.hash) return broken(seq, row.id, 'content was altered after sealing');
      prevHash = recomputed;
      expectedSeq += 1;
      checked += 1;
    }
  }
  if (head.seq !== checked)
    return broken(checked + 1, null, `the chain ends at ${checked}, the head says ${head.seq}`);
  if (head.hash !== prevHash && head.seq > 0) return broken(head.seq, null, 'the head hash does not match');
  return { ok: true, checked, unsealed: unsealedRow.n, headSeq: head.seq, firstBroken: null };
}

/** Seals in the background shortly after writes, and on a timer for writes made by other processes. */
export class AuditSealer {
  private timer: NodeJS.Timeout | undefined;
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly db: Kysely<DB>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(periodMs = 5000): void {
    this.interval = setInterval(() => this.kick(), periodMs);
    this.interval.unref();
  }

  /** Ask for a seal soon; many calls in a burst make one run. */
  kick(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => sealPending(this.db)).catch(this.onError);
    }, 25);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

import type { Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import { AppError } from '../http/errors.js';
import { appendAudit } from './audit-trail.js';
import type { RequestContext } from './context.js';

/** The acting account's id for the audit trail; null for the CLI and for public (account-less) callers. */
export function accountOf(ctx: RequestContext): number | null {
  return ctx.actor.via === 'cli' || ctx.actor.via === 'public' ? null : ctx.actor.userId;
}

export interface CommandResult<T> {
  value: T;
  /** What the audit entry records about the change (never secrets). */
  audit: {
    subjectType: string;
    subjectId: string;
    placePath?: string | null;
    details?: Record<string, unknown>;
  };
}

/**
 * A write: one transaction holding the change and its audit entry. A failed command records a 'failed' or
 * 'denied' entry outside the rolled-back transaction, so refused attempts leave a trace too.
 */
export async function runCommand<T>(
  ctx: RequestContext,
  action: string,
  body: (trx: Transaction<DB>) => Promise<CommandResult<T>>,
  /** What the command acts on, known before it runs: a refused or failed attempt records it too. */
  target?: { subjectType: string; subjectId: string },
): Promise<T> {
  const { db } = ctx.app.database;
  try {
    const result = await db.transaction().execute(async (trx) => {
      const outcome = await body(trx);
      await appendAudit(trx, {
        actorId: accountOf(ctx),
        actorName: ctx.actor.username,
        actorRole: ctx.actor.role,
        action,
        subjectType: outcome.audit.subjectType,
        subjectId: outcome.audit.subjectId,
        result: 'ok',
        ip: ctx.ip,
        requestId: ctx.requestId,
        placePath: outcome.audit.placePath ?? null,
        details: outcome.audit.details ?? {},
      });
      return outcome.value;
    });
    ctx.app.sealer.kick();
    return result;
  } catch (error) {
    const denied = error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND');
    await appendAudit(db, {
      actorId: accountOf(ctx),
      actorName: ctx.actor.username,
      actorRole: ctx.actor.role,
      action,
      result: denied ? 'denied' : 'failed',
      subjectType: target?.subjectType ?? null,
      subjectId: target?.subjectId ?? null,
      ip: ctx.ip,
      requestId: ctx.requestId,
      details: { error: error instanceof AppError ? error.code : 'INTERNAL' },
    }).catch(() => undefined);
    ctx.app.sealer.kick();
    if (error instanceof AppError) error.audited = true;
    throw error;
  }
}

/** Map a unique-violation from the database to a clear 409, whichever backend raised it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return !!e && e.code === '23505' && (!constraint || e.constraint === constraint);
}

/**
 * A read of personal data leaves a trace (PIPL; 等保 2.0): who looked at which list or record, with which
 * filters and how many rows — never the data itself. Written outside any transaction; the sealer chains it.
 */
export async function auditRead(
  ctx: RequestContext,
  action: string,
  subject: { subjectType: string; subjectId?: string | null; placePath?: string | null },
  details: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(ctx.app.database.db, {
    actorId: accountOf(ctx),
    actorName: ctx.actor.username,
    actorRole: ctx.actor.role,
    action,
    subjectType: subject.subjectType,
    subjectId: subject.subjectId ?? null,
    result: 'ok',
    ip: ctx.ip,
    requestId: ctx.requestId,
    placePath: subject.placePath ?? null,
    details,
  });
  ctx.app.sealer.kick();
}

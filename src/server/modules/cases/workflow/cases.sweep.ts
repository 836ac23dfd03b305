import { systemActor } from '../../../core/system-actor.js';
import { sql, type Transaction } from 'kysely';
import type { AppContext, RequestContext } from '../../../core/context.js';
import type { DB } from '../../../db/types.js';
import { AppError } from '../../../http/errors.js';
import { appendAudit } from '../../../core/audit-trail.js';
import { CASE_LEVELS, OPEN_STATUSES } from '../../../../shared/case-workflow.js';
import { deadlineState, type WorkCalendar } from '../../../../shared/working-time.js';
import { calendarFor } from './cases.calendar.js';
import { announce, handlerRecipients, type CaseSnapshot } from './cases.notify.js';
import { notify } from '../../notifications/notifications.service.js';
import { caseQuery, type CaseRow } from '../cases.queries.js';
import { applyTransition } from './cases.transitions.js';

/**
 * The overdue sweep. One transaction per run, guarded by a transaction-scoped advisory lock: of several
 * processes (or overlapping timers) exactly one sweeps, the others return at once (`skipped`). The rows are also
 * locked (FOR UPDATE OF c SKIP LOCKED), so a case a person is changing right now is left for the next run.
 *
 * A case is due for the sweep when it is open, its current deadline has passed, and it was not swept since that
 * deadline was set (`overdue_swept_at` null or before `current_due_at` — a granted extension moves the deadline
 * and clears the mark). For each: the mark is set, an 'overdue' timeline step is written by the system, the
 * handler and dispatchers hear of it (announce: inbox + webhooks), and — when its category escalates overdue
 * cases and it is dispatched or in progress below the district — it is escalated one level ('超时自动上报').
 */
export const SWEEP_LOCK_KEY = 4101030007;
export const SWEEP_BATCH = 200;
export const SWEEP_ACTOR = 'system:sweep';

export interface SweepResult {
  /** Another sweep held the lock: nothing was done. */
  skipped: boolean;
  overdue: number;
  escalated: number;
  /** Cases the escalation refused (no unit above, a state that changed): marked and announced only. */
  failed: number;
  /** Cases that reached 80 % of their working time (yellow) and whose handler was told once. */
  warned: number;
}

async function systemContext(app: AppContext, trx: Transaction<DB>): Promise<RequestContext> {
  return {
    app,
    actor: await systemActor(trx, {
      username: SWEEP_ACTOR,
      displayName: '系统（超时巡检）',
      role: 'district_admin',
      via: 'cli',
    }),
    lang: 'zh-CN',
    ip: 'system',
    requestId: `sweep-${process.pid}-${Date.now()}`,
  };
}

const ESCALATE_FROM: ReadonlySet<string> = new Set(['dispatched', 'in_progress']);

function escalates(row: CaseRow): boolean {
  return row.escalate_when_overdue && ESCALATE_FROM.has(row.status) && row.level !== CASE_LEVELS.at(-1);
}

export async function sweepOverdue(app: AppContext, now: Date = new Date()): Promise<SweepResult> {
  const { db } = app.database;
  const calendar = await calendarFor(db);
  const result = await db.transaction().execute(async (trx) => {
    const lock = await sql<{
      locked: boolean;
    }>`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) AS locked`.execute(trx);
    if (!lock.rows[0]?.locked) return { skipped: true, overdue: 0, escalated: 0, failed: 0, warned: 0 };
    const rows = await caseQuery(trx)
      .where('c.status', 'in', [...OPEN_STATUSES])
      .where('c.current_due_at', '<', now)
      .where((eb) =>
        eb.or([
          eb('c.overdue_swept_at', 'is', null),
          eb('c.overdue_swept_at', '<', eb.ref('c.current_due_at')),
        ]),
      )
      .orderBy('c.current_due_at')
      .orderBy('c.id')
      .limit(SWEEP_BATCH)
      .forUpdate(['c'])
      .skipLocked()
      .execute();
    const counts: SweepResult = { skipped: false, overdue: 0, escalated: 0, failed: 0, warned: 0 };
    counts.warned = await warnNearDeadline(trx, now, calendar);
    if (rows.length === 0) return counts;
    const ctx = await systemContext(app, trx);
    for (const row of rows) {
      const dueAt = row.current_due_at!;
      await trx.updateTable('civic_case').set({ overdue_swept_at: now }).where('id', '=', row.id).execute();
      await trx
        .insertInto('case_event')
        .values({
          case_id: row.id,
          at: now,
          actor_id: null,
          actor_name: ctx.actor.displayName,
          actor_role: null,
          action: 'overdue',
          from_status: row.status,
          to_status: row.status,
          note: null,
          public: false,
          details: JSON.stringify({ dueAt: dueAt.toISOString(), level: row.level }),
        })
        .execute();
      await announce(trx, snapshotOf(row), 'overdue', `期限 ${dueAt.toISOString()}`);
      const audit = {
        actorId: null,
        actorName: SWEEP_ACTOR,
        actorRole: null,
        subjectType: 'case',
        subjectId: String(row.id),
        ip: 'system',
        requestId: ctx.requestId,
        placePath: row.path,
      };
      await appendAudit(trx, {
        ...audit,
        action: 'case.overdue',
        result: 'ok',
        details: { code: row.code, status: row.status, dueAt: dueAt.toISOString() },
      });
      counts.overdue++;
      if (!escalates(row)) continue;
      try {
        const outcome = await applyTransition(
          ctx,
          trx,
          row,
          { action: 'escalate', version: row.version, note: '超时自动上报' },
          calendar,
          null,
          { system: true },
        );
        await appendAudit(trx, {
          ...audit,
          action: 'case.escalate',
          result: 'ok',
          details: { ...outcome.audit.details, automatic: true },
        });
        counts.escalated++;
      } catch (error) {
        // refused before any statement failed (no unit above, version moved): the transaction is intact
        if (!(error instanceof AppError)) throw error;
        await appendAudit(trx, {
          ...audit,
          action: 'case.escalate',
          result: 'failed',
          details: { code: row.code, error: error.code, automatic: true },
        });
        counts.failed++;
      }
    }
    return counts;
  });
  if (result.overdue > 0) app.sealer.kick();
  return result;
}

function snapshotOf(row: CaseRow): CaseSnapshot {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    categoryName: row.category_name,
    address: row.address,
    path: row.path,
    handler_kind: row.handler_kind,
    handler_place_id: row.handler_place_id,
    handler_user_id: row.handler_user_id,
    handler_department_id: row.handler_department_id,
    place_id: row.place_id,
  };
}

/** How many open cases with a running deadline the yellow-warning pass looks at per run, nearest first. */
export const WARNING_SCAN = 1000;

/**
 * The yellow warning: once per deadline, when 80 % of the working time allowed has gone (deadlineState), the
 * handler's inbox gets a 'case.warning' notice and the timeline a non-public 'deadline_warning' step whose
 * details name the deadline (the flag: a moved deadline is warned about again). No webhook: it is a nudge.
 */
async function warnNearDeadline(trx: Transaction<DB>, now: Date, calendar: WorkCalendar): Promise<number> {
  const rows = await caseQuery(trx)
    .where('c.status', 'in', [...OPEN_STATUSES])
    .where('c.current_due_at', '>=', now)
    .where('c.current_started_at', 'is not', null)
    .orderBy('c.current_due_at')
    .limit(WARNING_SCAN)
    .execute();
  const yellow = rows.filter(
    (r) => deadlineState(r.current_started_at!, r.current_due_at!, now, calendar) === 'warning',
  );
  if (yellow.length === 0) return 0;
  const warned = await trx
    .selectFrom('case_event')
    .select(['case_id', sql<string>`details->>'dueAt'`.as('due')])
    .where('action', '=', 'deadline_warning')
    .where(
      'case_id',
      'in',
      yellow.map((r) => r.id),
    )
    .execute();
  const done = new Set(warned.map((w) => `${w.case_id}|${w.due}`));
  let count = 0;
  for (const row of yellow) {
    const dueAt = row.current_due_at!.toISOString();
    if (done.has(`${row.id}|${dueAt}`)) continue;
    await trx
      .insertInto('case_event')
      .values({
        case_id: row.id,
        at: now,
        actor_id: null,
        actor_name: '系统（超时巡检）',
        actor_role: null,
        action: 'deadline_warning',
        from_status: row.status,
        to_status: row.status,
        note: null,
        public: false,
        details: JSON.stringify({ dueAt }),
      })
      .execute();
    await notify(trx, {
      event: 'case.warning',
      subject: { type: 'case', id: row.id, path: row.path },
      recipients: await handlerRecipients(trx, snapshotOf(row)),
      title: {
        'zh-CN': `${row.code} ${row.category_name}：即将超时`,
        en: `${row.code} ${row.category_name}: due soon`,
      },
      body: `${row.address} · 期限 ${dueAt}`,
    });
    count++;
  }
  return count;
}

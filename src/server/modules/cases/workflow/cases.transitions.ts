import type { Transaction, Updateable } from 'kysely';
import { runCommand } from '../../../core/command.js';
import type { RequestContext } from '../../../core/context.js';
import type { CivicCaseTable, DB } from '../../../db/types.js';
import { AppError } from '../../../http/errors.js';
import { gridScopeOf, type GridScope } from '../../../policy/grid-scope.js';
import {
  ACTION_LABELS,
  CASE_LEVELS,
  NOTE_REQUIRED,
  STATUS_LABELS,
  TRANSITIONS,
  canLeave,
  nextLevel,
  type CaseAction,
  type CaseLevel,
  type ClosureReason,
  type HandlerKind,
  type RatingReason,
} from '../../../../shared/case-workflow.js';
import {
  addWorkingMinutes,
  limitMinutes,
  workingMinutesBetween,
  type LimitUnit,
  type WorkCalendar,
} from '../../../../shared/working-time.js';
import { calendarFor } from './cases.calendar.js';
import { announce } from './cases.notify.js';
import { allowedActions, isReporter } from './cases.policy.js';
import { caseQuery, caseVisible, type CaseRow } from '../cases.queries.js';
import { placeChain } from '../../places/places.queries.js';
import { actorAccount, dueAfter, getCase, requireReader } from '../cases.service.js';

export interface TransitionInput {
  action: CaseAction;
  /** The version the actor saw: a case changed since then is a 409. */
  version: number;
  note?: string;
  /** dispatch: who handles (default: the category's default handler). */
  handler?: { kind: HandlerKind; userId?: number; departmentCode?: string };
  /** whistle: the departments summoned, the first is the lead unless `lead` names another. */
  departments?: string[];
  lead?: string;
  closureReason?: ClosureReason;
  rating?: number;
  ratingReasons?: RatingReason[];
  /** request_extension: how much more time. */
  extension?: { limit: number; unit: LimitUnit };
  /** merge: the code of the case this one duplicates. */
  mergeInto?: string;
  /** comment by staff: show it to the reporter too. */
  public?: boolean;
  /** Photos already uploaded to this case, attached to this step. */
  photoIds?: number[];
}

/** Steps the reporter sees on the public timeline. */
const PUBLIC_ACTIONS: ReadonlySet<CaseAction> = new Set([
  'accept',
  'reject',
  'dispatch',
  'whistle',
  'handle',
  'close',
  'rate',
  'confirm',
  'not_fixed',
  'reopen',
  'merge',
]);

const LEVEL_OF_KIND: Partial<Record<HandlerKind, CaseLevel>> = {
  grid_worker: 'grid',
  community: 'community',
  property: 'community',
  street: 'street',
  district: 'district',
};

function required(field: string): AppError {
  return new AppError('FIELD_REQUIRED', { field }, [{ path: `/${field}`, message: '' }]);
}

/**
 * Take one step on a case: the policy decides whether this actor may, the state machine whether the case is in
 * a state that allows it (409 with the reason when not), and the version check makes concurrent steps safe —
 * of several people acting on one version, exactly one wins; the others get 409 VERSION_CONFLICT.
 */
export async function transitionCase(ctx: RequestContext, id: number, input: TransitionInput) {
  requireReader(ctx.actor);
  const { db } = ctx.app.database;
  const gridScope = await gridScopeOf(db, ctx.actor);
  const calendar = await calendarFor(db);
  await runCommand(
    ctx,
    `case.${input.action}`,
    async (trx) => {
      const row = await caseQuery(trx).where('c.id', '=', id).executeTakeFirst();
      if (!row || !caseVisible(ctx.actor, gridScope, row)) throw new AppError('NOT_FOUND');
      return applyTransition(ctx, trx, row, input, calendar, gridScope);
    },
    { subjectType: 'case', subjectId: String(id) },
  );
  return getCase(ctx, id);
}

/** What a step has to work with, and what it fills in: the patch of the case row, the timeline details. */
interface StepContext {
  ctx: RequestContext;
  trx: Transaction<DB>;
  row: CaseRow;
  input: TransitionInput;
  calendar: WorkCalendar;
  gridScope: GridScope;
  now: Date;
  note: string | null;
  patch: Updateable<CivicCaseTable>;
  details: Record<string, unknown>;
  options: { system?: boolean };
  /** The departments a dispatch or a whistle sends the case to (case_department rows), if any. */
  departments: { id: number; lead: boolean }[] | null;
}
type Step = (s: StepContext) => void | Promise<void>;

/** The handling clock runs again from the handling deadline (a start, a rework). */
const handleClock = ({ patch, row, now }: StepContext) => ({
  current_due_at: patch.handle_due_at ?? row.handle_due_at,
  current_started_at: row.dispatched_at ?? now,
});

/**
 * What each workflow step writes beyond its status (the state machine and its labels are src/shared/case-workflow.ts):
 * one entry per action, run in the step's transaction after the checks every step shares.
 */
const STEPS: Record<Exclude<CaseAction, 'fail_verification' | 'deny_extension'>, Step> = {
  accept: ({ row, calendar, now, patch }: StepContext) => {
    const due = dueAfter(now, row.dispatch_limit, row.dispatch_unit, calendar);
    Object.assign(patch, {
      accepted_at: now,
      dispatch_due_at: due,
      current_due_at: due,
      current_started_at: now,
    });
  },
  reject: ({ note, patch }: StepContext) => {
    Object.assign(patch, { rejection_reason: note, current_due_at: null, current_started_at: null });
  },
  dispatch: async (s: StepContext) => {
    const { ctx, trx, row, input, calendar, now, patch, details } = s;
    const handler = await resolveHandler(trx, row, input.handler);
    Object.assign(patch, handler.patch);
    if (patch.handler_kind === 'department') patch.level = higherLevel(row.level, ctx.actor.role);
    s.departments = handler.departments;
    details.handler = handler.label;
    startHandleClock(row, patch, now, calendar);
  },
  whistle: async (s: StepContext) => {
    const { ctx, trx, row, input, calendar, now, patch, details } = s;
    const codes = input.departments ?? [];
    if (codes.length === 0) throw required('departments');
    const found = await trx
      .selectFrom('department')
      .select(['id', 'code'])
      .where('code', 'in', codes)
      .execute();
    if (found.length !== new Set(codes).size) throw required('departments');
    const leadCode = input.lead ?? codes[0]!;
    const lead = found.find((d) => d.code === leadCode);
    if (!lead) throw required('lead');
    s.departments = found.map((d) => ({ id: d.id, lead: d.id === lead.id }));
    Object.assign(patch, {
      handler_kind: 'department',
      handler_department_id: lead.id,
      handler_user_id: null,
      handler_place_id: null,
      level: higherLevel(row.level, ctx.actor.role),
    });
    details.departments = codes;
    details.lead = leadCode;
    startHandleClock(row, patch, now, calendar);
  },
  start: (s: StepContext) => {
    const { patch } = s;
    Object.assign(patch, handleClock(s));
  },
  return: ({ row, calendar, now, patch }: StepContext) => {
    Object.assign(patch, {
      returned_count: row.returned_count + 1,
      handler_kind: null,
      handler_user_id: null,
      handler_place_id: null,
      handler_department_id: null,
      dispatch_due_at: dueAfter(now, row.dispatch_limit, row.dispatch_unit, calendar),
      pending_request: null,
      pending_detail: null,
    });
    patch.current_due_at = patch.dispatch_due_at;
    patch.current_started_at = now;
  },
  handle: async ({ ctx, trx, row, calendar, now, patch }: StepContext) => {
    if (row.photo_after) {
      const photos = await trx
        .selectFrom('case_photo')
        .select('id')
        .where('case_id', '=', row.id)
        .where('stage', '=', 'after')
        .execute();
      if (photos.length === 0)
        throw new AppError('EVIDENCE_REQUIRED', { stage: ctx.lang === 'en' ? 'after' : '处置后' });
    }
    const due = row.handle_due_at;
    Object.assign(patch, {
      handled_at: now,
      handled_on_time: due ? now <= due : true,
      handling_minutes: Math.round(
        workingMinutesBetween(row.dispatched_at ?? row.reported_at, now, calendar),
      ),
      current_due_at: null,
      current_started_at: null,
      pending_request: null,
      pending_detail: null,
    });
  },
  verify: ({ now, patch }: StepContext) => {
    patch.verified_at = now;
  },
  not_fixed: (s: StepContext) => {
    const { row, patch } = s;
    Object.assign(patch, { rework_count: row.rework_count + 1, verified_at: null, closed_at: null });
    if (row.status === 'closed') Object.assign(patch, { closure_reason: null, closed_on_time: null });
    Object.assign(patch, handleClock(s));
  },
  close: ({ row, input, now, patch }: StepContext) => {
    if (!input.closureReason) throw required('closureReason');
    const due = row.handle_due_at;
    Object.assign(patch, {
      closed_at: now,
      closure_reason: input.closureReason,
      closed_on_time: due ? now <= due : true,
      current_due_at: null,
      current_started_at: null,
    });
  },
  rate: ({ ctx, row, input, now, note, patch, details, options }: StepContext) => {
    if (!input.rating) throw required('rating');
    Object.assign(patch, {
      rating: input.rating,
      rating_reasons: input.ratingReasons ?? [],
      rating_comment: note,
      rated_at: now,
    });
    details.rating = input.rating;
    details.reasons = input.ratingReasons ?? [];
    details.by = isReporter(ctx.actor, row) || options.system ? 'reporter' : 'callback';
  },
  confirm: () => {},
  escalate: async ({ ctx, trx, row, calendar, now, patch, details }: StepContext) => {
    const level = nextLevel(row.level);
    if (!level)
      throw new AppError('ILLEGAL_TRANSITION', {
        status: row.level,
        action: ACTION_LABELS.escalate[ctx.lang],
      });
    const unit = await unitHolding(trx, row.path, level);
    Object.assign(patch, {
      level,
      handler_kind: level === 'grid' ? 'grid_worker' : level,
      handler_place_id: unit.id,
      handler_user_id: null,
      handler_department_id: null,
      escalation_count: row.escalation_count + 1,
      dispatched_at: row.dispatched_at ?? now,
    });
    details.level = level;
    details.unit = unit.name;
    startHandleClock(row, patch, now, calendar);
  },
  request_extension: ({ input, patch, details }: StepContext) => {
    if (!input.extension) throw required('extension');
    Object.assign(patch, { pending_request: 'extension', pending_detail: JSON.stringify(input.extension) });
    details.extension = input.extension;
  },
  grant_extension: ({ row, input, calendar, now, patch, details }: StepContext) => {
    const asked = (row.pending_detail ?? {}) as { limit?: number; unit?: LimitUnit };
    const extension = input.extension ?? { limit: asked.limit ?? 1, unit: asked.unit ?? 'days' };
    const from = row.handle_due_at && row.handle_due_at > now ? row.handle_due_at : now;
    const due = addWorkingMinutes(from, limitMinutes(extension.limit, extension.unit), calendar);
    Object.assign(patch, {
      handle_due_at: due,
      current_due_at: due,
      extension_count: row.extension_count + 1,
      pending_request: null,
      pending_detail: null,
      overdue_swept_at: null,
    });
    details.extension = extension;
    details.newDueAt = due.toISOString();
  },
  deny_deferral: ({ patch }: StepContext) => {
    Object.assign(patch, { pending_request: null, pending_detail: null });
  },
  request_deferral: ({ note, patch }: StepContext) => {
    Object.assign(patch, { pending_request: 'deferral', pending_detail: JSON.stringify({ reason: note }) });
  },
  approve_deferral: ({ now, patch }: StepContext) => {
    Object.assign(patch, {
      pending_request: null,
      pending_detail: JSON.stringify({ pausedAt: now.toISOString() }),
      current_due_at: null,
      current_started_at: null,
    });
  },
  resume: ({ row, calendar, now, patch, details }: StepContext) => {
    // the clock stood still while the case was deferred: the deadline moves by the working time paused
    const pausedAt = new Date(
      String((row.pending_detail as { pausedAt?: string } | null)?.pausedAt ?? now.toISOString()),
    );
    const paused = workingMinutesBetween(pausedAt, now, calendar);
    const due = row.handle_due_at ? addWorkingMinutes(row.handle_due_at, paused, calendar) : null;
    Object.assign(patch, {
      pending_detail: null,
      handle_due_at: due,
      current_due_at: due,
      current_started_at: row.dispatched_at ?? now,
    });
    details.pausedMinutes = Math.round(paused);
  },
  supervise: ({ patch }: StepContext) => {
    patch.supervised = true;
  },
  reopen: ({ row, calendar, now, patch }: StepContext) => {
    Object.assign(patch, {
      closed_at: null,
      closure_reason: null,
      closed_on_time: null,
      rejection_reason: null,
      handler_kind: null,
      handler_user_id: null,
      handler_place_id: null,
      handler_department_id: null,
      dispatch_due_at: dueAfter(now, row.dispatch_limit, row.dispatch_unit, calendar),
      accepted_at: row.accepted_at ?? now,
    });
    patch.current_due_at = patch.dispatch_due_at;
    patch.current_started_at = now;
  },
  merge: async ({ ctx, trx, row, input, gridScope, patch, details }: StepContext) => {
    if (!input.mergeInto) throw required('mergeInto');
    const target = await caseQuery(trx).where('c.code', '=', input.mergeInto).executeTakeFirst();
    if (!target || !caseVisible(ctx.actor, gridScope, target)) throw new AppError('NOT_FOUND');
    if (target.id === row.id || target.status === 'merged') {
      throw new AppError('CANNOT_MERGE', { reason: target.id === row.id ? 'self' : 'merged' });
    }
    Object.assign(patch, { merged_into_id: target.id, current_due_at: null, current_started_at: null });
    details.mergedInto = target.code;
    await trx
      .insertInto('case_event')
      .values({
        case_id: target.id,
        actor_id: actorAccount(ctx.actor),
        actor_name: ctx.actor.displayName,
        actor_role: ctx.actor.role,
        action: 'merged_from',
        note: `${row.code}`,
        details: JSON.stringify({ from: row.code }),
      })
      .execute();
  },
  comment: () => {},
};

/** Steps that write what another writes: a failed verification is a rework as "not fixed" is; a denial clears the request. */
const STEP_OF: Record<CaseAction, Step> = {
  ...STEPS,
  fail_verification: STEPS.not_fixed,
  deny_extension: STEPS.deny_deferral,
};

/** The step itself, inside the caller's transaction (also used by the overdue sweep and public feedback). */
export async function applyTransition(
  ctx: RequestContext,
  trx: Transaction<DB>,
  row: CaseRow,
  input: TransitionInput,
  calendar: WorkCalendar,
  gridScope: GridScope,
  options: { system?: boolean } = {},
) {
  const { action } = input;
  if (!canLeave(action, row.status)) {
    throw new AppError('ILLEGAL_TRANSITION', {
      status: STATUS_LABELS[row.status][ctx.lang],
      action: ACTION_LABELS[action][ctx.lang],
    });
  }
  // A stale version first: what the caller may do was decided on the version it saw, and another step may have
  // changed that since (a second supervision is no longer offered) — it must hear "reload", not "forbidden".
  if (input.version !== row.version) throw new AppError('VERSION_CONFLICT');
  if (!options.system && !allowedActions(ctx.actor, row, gridScope).includes(action)) {
    throw new AppError('FORBIDDEN');
  }
  const note = input.note?.trim() || null;
  if (NOTE_REQUIRED.has(action) && !note) throw required('note');

  const now = new Date();
  const to = TRANSITIONS[action].to;
  const patch: Updateable<CivicCaseTable> = { updated_at: now };
  if (to) patch.status = to;
  const details: Record<string, unknown> = {};

  const step: StepContext = {
    ctx,
    trx,
    row,
    input,
    calendar,
    gridScope,
    now,
    note,
    patch,
    details,
    options,
    departments: null,
  };
  await STEP_OF[action](step);
  const { departments } = step;

  const updated = await trx
    .updateTable('civic_case')
    .set({ ...patch, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returning(['id', 'status'])
    .executeTakeFirst();
  if (!updated) throw new AppError('VERSION_CONFLICT');

  if (departments) {
    for (const d of departments) {
      await trx
        .insertInto('case_department')
        .values({ case_id: row.id, department_id: d.id, lead: d.lead })
        .onConflict((oc) => oc.columns(['department_id', 'case_id']).doUpdateSet({ lead: d.lead }))
        .execute();
    }
  }
  const publicStep =
    PUBLIC_ACTIONS.has(action) ||
    (action === 'comment' && (isReporter(ctx.actor, row) || !!input.public || ctx.actor.via === 'public'));
  const event = await trx
    .insertInto('case_event')
    .values({
      case_id: row.id,
      at: now,
      actor_id: actorAccount(ctx.actor),
      actor_name: ctx.actor.displayName,
      actor_role: ctx.actor.role,
      action,
      from_status: row.status,
      to_status: to ?? row.status,
      note,
      public: publicStep,
      details: JSON.stringify(details),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.photoIds?.length) {
    await trx
      .updateTable('case_photo')
      .set({ event_id: event.id })
      .where('case_id', '=', row.id)
      .where('id', 'in', input.photoIds)
      .where('event_id', 'is', null)
      .execute();
  }
  const handlerPatch = patch as Partial<CaseRow>;
  await announce(
    trx,
    {
      id: row.id,
      code: row.code,
      status: updated.status,
      categoryName: row.category_name,
      address: row.address,
      path: row.path,
      handler_kind: handlerPatch.handler_kind !== undefined ? handlerPatch.handler_kind : row.handler_kind,
      handler_place_id:
        handlerPatch.handler_place_id !== undefined ? handlerPatch.handler_place_id : row.handler_place_id,
      handler_user_id:
        handlerPatch.handler_user_id !== undefined ? handlerPatch.handler_user_id : row.handler_user_id,
      handler_department_id:
        handlerPatch.handler_department_id !== undefined
          ? handlerPatch.handler_department_id
          : row.handler_department_id,
      place_id: row.place_id,
    },
    action,
    note,
  );
  return {
    value: row.id,
    audit: {
      subjectType: 'case',
      subjectId: String(row.id),
      placePath: row.path,
      details: { code: row.code, from: row.status, to: to ?? row.status, ...details },
    },
  };
}

/** The handle clock starts at the first dispatch; later dispatches keep the deadline already running. */
function startHandleClock(
  row: CaseRow,
  patch: Updateable<CivicCaseTable>,
  now: Date,
  calendar: WorkCalendar,
) {
  const due = row.handle_due_at ?? dueAfter(now, row.handle_limit, row.handle_unit, calendar);
  Object.assign(patch, {
    dispatched_at: row.dispatched_at ?? now,
    handle_due_at: due,
    current_due_at: due,
    current_started_at: row.dispatched_at ?? now,
  });
}

/** Who a dispatch hands the case to: the named handler, or the category's default. */
async function resolveHandler(
  trx: Transaction<DB>,
  row: CaseRow,
  requested: TransitionInput['handler'],
): Promise<{
  patch: Updateable<CivicCaseTable>;
  departments: { id: number; lead: boolean }[] | null;
  label: string;
}> {
  const kind = requested?.kind ?? row.default_handler;
  const base = {
    handler_kind: kind,
    handler_user_id: null,
    handler_place_id: null,
    handler_department_id: null,
  };
  if (kind === 'department') {
    const department = requested?.departmentCode
      ? await trx
          .selectFrom('department')
          .select(['id', 'name'])
          .where('code', '=', requested.departmentCode)
          .executeTakeFirst()
      : row.default_department_id
        ? await trx
            .selectFrom('department')
            .select(['id', 'name'])
            .where('id', '=', row.default_department_id)
            .executeTakeFirst()
        : undefined;
    if (!department) throw required('handler');
    return {
      patch: { ...base, handler_department_id: department.id },
      departments: [{ id: department.id, lead: true }],
      label: department.name,
    };
  }
  if (kind === 'grid_worker') {
    // the named worker, else the worker whose account serves the case's micro-grid now
    const worker = await trx
      .selectFrom('grid_staff as s')
      .innerJoin('grid_staff_assignment as a', 'a.staff_id', 's.id')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.display_name'])
      .where('a.grid_id', '=', row.grid_id ?? -1)
      .where('a.ended_on', 'is', null)
      .where('a.role', '=', 'worker')
      .where('u.disabled', '=', false)
      .$if(!!requested?.userId, (q) => q.where('u.id', '=', requested!.userId!))
      .orderBy('u.id')
      .executeTakeFirst();
    if (requested?.userId && !worker) throw new AppError('NO_SUCH_HANDLER', { handler: 'grid_worker' });
    return {
      patch: { ...base, level: 'grid', handler_user_id: worker?.id ?? null },
      departments: null,
      label: worker?.display_name ?? 'grid',
    };
  }
  const unit = await unitHolding(trx, row.path, kind);
  const level = LEVEL_OF_KIND[kind];
  return {
    patch: {
      ...base,
      handler_place_id: unit.id,
      ...(level && level !== row.level && rank(level) > rank(row.level) ? { level } : {}),
    },
    departments: null,
    label: unit.name,
  };
}

/** A case sent to a department stays with the level that sent it: escalating goes on from there. */
function higherLevel(level: CaseLevel, role: string): CaseLevel {
  const own: CaseLevel | null =
    role === 'community_staff'
      ? 'community'
      : role === 'street_staff'
        ? 'street'
        : role === 'district_admin'
          ? 'district'
          : null;
  return own && rank(own) > rank(level) ? own : level;
}

function rank(level: CaseLevel): number {
  return CASE_LEVELS.indexOf(level);
}

/**
 * The unit above a case's place that handles it at a level: the district (the root), its street (or town or
 * park), or its community (or village; also the relay to a property company). 422 when the tree has none.
 */
async function unitHolding(
  trx: Transaction<DB>,
  path: string,
  level: 'community' | 'property' | 'street' | 'district' | 'grid',
) {
  const chain = await placeChain(trx, path);
  const unit =
    level === 'district'
      ? chain[0]
      : level === 'street'
        ? chain.find((p) => p.kind === 'street' || p.kind === 'town' || p.kind === 'park')
        : chain.find((p) => p.kind === 'community' || p.kind === 'village');
  if (!unit) throw new AppError('NO_SUCH_HANDLER', { handler: level });
  return unit;
}

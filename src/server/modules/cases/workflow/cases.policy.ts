import type { Role } from '../../../db/types.js';
import type { Actor } from '../../../policy/actor.js';
import { can } from '../../../policy/capabilities.js';
import type { GridScope } from '../../../policy/grid-scope.js';
import {
  CASE_ACTIONS,
  CASE_LEVELS,
  canLeave,
  type CaseAction,
  type CaseLevel,
} from '../../../../shared/case-workflow.js';
import type { CaseRow } from '../cases.queries.js';

/**
 * Who may take which step on one case (the state machine itself is src/shared/case-workflow.ts):
 *
 * - the dispatcher — community, street or district staff whose node holds the case and whose level is at least
 *   the case's level — accepts, rejects, dispatches, decides extensions and deferrals, escalates, merges,
 *   reopens; it verifies and closes with `cases.verify`; a street or district dispatcher also whistles
 *   (吹哨报到: several departments, one lead);
 * - the handler — the grid worker, the unit (community / street / district staff at the handler's node; the
 *   community relays to a property company) or the lead department — starts, returns, handles, asks for more
 *   time or deferral, and escalates what it cannot solve;
 * - the reporter (a resident's own account) confirms, says it is not fixed, rates and comments;
 * - street and district staff supervise (督办) cases under them.
 */
const ROLE_LEVEL: Partial<Record<Role, number>> = {
  community_staff: 1,
  street_staff: 2,
  district_admin: 3,
};
const LEVEL_RANK: Record<CaseLevel, number> = { grid: 0, community: 1, street: 2, district: 3 };

export const UNIT_ROLE: Record<'community' | 'street' | 'district' | 'property', Role> = {
  community: 'community_staff',
  property: 'community_staff',
  street: 'street_staff',
  district: 'district_admin',
};

export function isDispatcher(actor: Actor, row: CaseRow): boolean {
  const rank = ROLE_LEVEL[actor.role];
  return (
    rank !== undefined &&
    can(actor.role, 'cases.dispatch') &&
    row.path.startsWith(actor.placePath) &&
    rank >= LEVEL_RANK[row.level]
  );
}

export function isHandler(actor: Actor, row: CaseRow, gridScope: GridScope): boolean {
  if (!can(actor.role, 'cases.handle')) return false;
  switch (row.handler_kind) {
    case 'grid_worker':
      if (actor.role !== 'grid_worker') return false;
      if (row.handler_user_id !== null) return row.handler_user_id === actor.userId;
      return gridScope !== null && !!row.grid_path && gridScope.some((p) => row.grid_path!.startsWith(p));
    case 'department':
      return (
        actor.role === 'department_staff' &&
        !!actor.departmentId &&
        actor.departmentId === row.handler_department_id
      );
    case 'community':
    case 'property':
    case 'street':
    case 'district':
      return actor.role === UNIT_ROLE[row.handler_kind] && actor.placeId === row.handler_place_id;
    default:
      return false;
  }
}

export function isReporter(actor: Actor, row: CaseRow): boolean {
  return actor.role === 'resident' && row.reporter_user_id === actor.userId;
}

const DISPATCHER_ACTIONS: ReadonlySet<CaseAction> = new Set([
  'accept',
  'reject',
  'dispatch',
  'escalate',
  'grant_extension',
  'deny_extension',
  'approve_deferral',
  'deny_deferral',
  'resume',
  'merge',
  'reopen',
  'rate',
  'comment',
]);
const HANDLER_ACTIONS: ReadonlySet<CaseAction> = new Set([
  'start',
  'return',
  'handle',
  'request_extension',
  'request_deferral',
  'escalate',
  'comment',
]);
const REPORTER_ACTIONS: ReadonlySet<CaseAction> = new Set(['confirm', 'not_fixed', 'rate', 'comment']);

/** The steps this actor may take on this case now (state and role both allow them). */
export function allowedActions(actor: Actor, row: CaseRow, gridScope: GridScope): CaseAction[] {
  const dispatcher = isDispatcher(actor, row);
  const handler = isHandler(actor, row, gridScope);
  const reporter = isReporter(actor, row);
  const staffReader = can(actor.role, 'cases.read') && actor.role !== 'resident';
  return CASE_ACTIONS.filter((action) => {
    if (!canLeave(action, row.status)) return false;
    if (action === 'rate' && row.rating !== null) return false;
    if (action === 'escalate' && row.level === CASE_LEVELS.at(-1)) return false;
    if (
      (action === 'grant_extension' || action === 'deny_extension') &&
      row.pending_request !== 'extension'
    ) {
      return false;
    }
    if ((action === 'approve_deferral' || action === 'deny_deferral') && row.pending_request !== 'deferral') {
      return false;
    }
    if ((action === 'request_extension' || action === 'request_deferral') && row.pending_request !== null) {
      return false;
    }
    if (action === 'whistle') return dispatcher && (ROLE_LEVEL[actor.role] ?? 0) >= 2;
    if (action === 'verify' || action === 'fail_verification' || action === 'close') {
      return dispatcher && can(actor.role, 'cases.verify');
    }
    if (action === 'supervise') {
      return can(actor.role, 'cases.supervise') && row.path.startsWith(actor.placePath) && !row.supervised;
    }
    if (action === 'comment' && staffReader) return true;
    return (
      (dispatcher && DISPATCHER_ACTIONS.has(action)) ||
      (handler && HANDLER_ACTIONS.has(action)) ||
      (reporter && REPORTER_ACTIONS.has(action))
    );
  });
}

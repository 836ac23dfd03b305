import type { Actor } from '../../policy/actor.js';
import { can } from '../../policy/capabilities.js';

export const ASSIGNMENT_ACTIONS = ['end'] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

/** What the reader may do to an assignment it can see: end it while it is current. */
export function assignmentActions(actor: Actor, row: { ended_on: string | Date | null }): AssignmentAction[] {
  return can(actor.role, 'grids.staff') && row.ended_on === null ? ['end'] : [];
}

/** What the reader may do on a grid's staff list: assign someone. */
export function gridStaffActions(actor: Actor): 'assign'[] {
  return can(actor.role, 'grids.staff') ? ['assign'] : [];
}

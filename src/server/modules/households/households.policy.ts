import type { Actor } from '../../policy/actor.js';
import { can } from '../../policy/capabilities.js';

export const RESIDENT_ACTIONS = ['update', 'reveal'] as const;
export type ResidentAction = (typeof RESIDENT_ACTIONS)[number];

/** What the reader may do to a resident it can see: change the record, reveal the full ID number or phone. */
export function residentActions(actor: Actor): ResidentAction[] {
  const actions: ResidentAction[] = [];
  if (can(actor.role, 'residents.write')) actions.push('update');
  if (can(actor.role, 'residents.reveal')) actions.push('reveal');
  return actions;
}

/** Whether the reader sees sensitive tags (health, key groups: PIPL art. 28). */
export const seesSensitiveTags = (actor: Actor): boolean => can(actor.role, 'residents.sensitive');

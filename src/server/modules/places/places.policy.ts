import { CHILD_KINDS } from '../../../shared/place-kinds.js';
import type { PlaceKind } from '../../db/types.js';
import type { Actor } from '../../policy/actor.js';
import { belowScope, inScope } from '../../policy/authorize.js';
import { can } from '../../policy/capabilities.js';

export const PLACE_ACTIONS = ['view', 'update', 'createChild', 'move', 'delete'] as const;
export type PlaceAction = (typeof PLACE_ACTIONS)[number];

/**
 * What the actor may do to one node. Writers edit their own node and everything below it, but move or delete
 * only what lies strictly below their own node (a community's staff cannot delete their community).
 */
export function placeActions(actor: Actor, place: { path: string; kind: PlaceKind }): PlaceAction[] {
  if (!can(actor.role, 'places.read') || !inScope(actor, place)) return [];
  const actions: PlaceAction[] = ['view'];
  if (!can(actor.role, 'places.write')) return actions;
  actions.push('update');
  if (CHILD_KINDS[place.kind].length > 0) actions.push('createChild');
  if (belowScope(actor, place) && place.kind !== 'district') actions.push('move', 'delete');
  return actions;
}

export function mayPlace(
  actor: Actor,
  place: { path: string; kind: PlaceKind },
  action: PlaceAction,
): boolean {
  return placeActions(actor, place).includes(action);
}

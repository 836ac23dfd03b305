import type { Actor } from '../../policy/actor.js';
import { can } from '../../policy/capabilities.js';

export const GRID_ACTIONS = ['adjust', 'assignStaff'] as const;
export type GridAction = (typeof GRID_ACTIONS)[number];

/**
 * What the reader may do to a grid it can see: adjust it (split, merge, redraw — leaf grids only, the adjustment
 * checks the rest) and assign its staff.
 */
export function gridActions(actor: Actor, grid: { childCount: number; retired?: boolean }): GridAction[] {
  const actions: GridAction[] = [];
  if (grid.retired) return actions;
  if (can(actor.role, 'grids.write') && grid.childCount === 0) actions.push('adjust');
  if (can(actor.role, 'grids.staff')) actions.push('assignStaff');
  return actions;
}

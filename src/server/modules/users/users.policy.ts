import type { Role } from '../../db/types.js';
import type { Actor } from '../../policy/actor.js';
import { inScope } from '../../policy/authorize.js';
import { ADMIN_ROLES, can } from '../../policy/capabilities.js';

export const USER_ACTIONS = ['view', 'update', 'changeRole', 'resetPassword', 'unlock'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/**
 * Accounts are managed by the separated administrators: the system administrator edits profiles and disables
 * accounts, the security administrator changes roles and bindings, resets passwords and unlocks. No one edits
 * their own account here (that is /auth/password), and administrator accounts are provisioned by the CLI only.
 */
export function userActions(
  actor: Actor,
  user: { id: number; role: Role; place_path: string },
): UserAction[] {
  if (!can(actor.role, 'users.read') || !inScope(actor, { path: user.place_path })) return [];
  const actions: UserAction[] = ['view'];
  if (user.id === actor.userId || ADMIN_ROLES.includes(user.role)) return actions;
  if (can(actor.role, 'users.update')) actions.push('update');
  if (can(actor.role, 'users.security')) actions.push('changeRole', 'resetPassword', 'unlock');
  return actions;
}

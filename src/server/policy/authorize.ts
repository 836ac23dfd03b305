import { AppError } from '../http/errors.js';
import type { Actor } from './actor.js';
import { can, type Capability } from './capabilities.js';

/**
 * The one policy layer. A subject is anything that lives at a place: its path decides scope.
 * - the role lacks the capability → 403 FORBIDDEN
 * - the subject is outside the actor's subtree → 404 NOT_FOUND, the same answer as a missing record
 */
export interface Scoped {
  path: string;
}

export function inScope(actor: Actor, subject: Scoped): boolean {
  return subject.path.startsWith(actor.placePath);
}

/** Strictly below the actor's own node (its own node is in scope but not below it). */
export function belowScope(actor: Actor, subject: Scoped): boolean {
  return subject.path.length > actor.placePath.length && subject.path.startsWith(actor.placePath);
}

export function requireCapability(actor: Actor, capability: Capability): void {
  if (!can(actor.role, capability)) throw new AppError('FORBIDDEN');
}

/** Throws unless the actor may `capability` on `subject`; an out-of-scope subject is indistinguishable from none. */
export function authorize<T extends Scoped>(
  actor: Actor,
  capability: Capability,
  subject: T | undefined | null,
): T {
  requireCapability(actor, capability);
  if (!subject || !inScope(actor, subject)) throw new AppError('NOT_FOUND');
  return subject;
}

/** The prefix every list query filters on: `path LIKE prefix || '%'`. */
export function scopePrefix(actor: Actor): string {
  return actor.placePath;
}

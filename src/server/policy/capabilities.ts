import type { Role } from '../db/types.js';

/**
 * What each role may do at all, before the subtree check. Each module declares its own capabilities and the roles
 * that hold them in `<module>.capabilities.ts` (`defineCapabilities`), names them in its manifest
 * (`capabilities`) and adds their names to `CapabilityRegistry` by declaration merging; the module list registers
 * them at start. The three administrators of 等保 2.0 level 3 are separated: the system administrator runs
 * accounts, the security administrator runs credentials and access, the audit administrator reads the trail —
 * and none of them edits business data.
 */
export interface CapabilityDefinition {
  /** What holding it lets one do (English; the OpenAPI document shows it). */
  description: string;
  roles: readonly Role[];
}

export const defineCapabilities = <T extends Record<string, CapabilityDefinition>>(definitions: T): T =>
  definitions;

/** Capability names, as types: each module adds its own by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface CapabilityRegistry {}
export type CapabilitiesOf<T> = { [K in keyof T]: true };
export type Capability = Extract<keyof CapabilityRegistry, string>;

const registered = new Map<string, CapabilityDefinition>();
const byRole = new Map<Role, Capability[]>();

/** Make a module's capabilities known at run time (the module list does this for every manifest). */
export function registerCapabilities(definitions: Record<string, CapabilityDefinition>, owner: string): void {
  for (const [name, definition] of Object.entries(definitions)) {
    if (registered.has(name) && registered.get(name) !== definition) {
      throw new Error(`Capability ${name} of ${owner} is declared twice`);
    }
    registered.set(name, definition);
  }
  byRole.clear();
}

/** Every registered capability name, in registration order. */
export function allCapabilities(): Capability[] {
  return [...registered.keys()] as Capability[];
}

/** What a role may do at all. */
export function capabilitiesOf(role: Role): readonly Capability[] {
  let list = byRole.get(role);
  if (!list) {
    list = [...registered].filter(([, d]) => d.roles.includes(role)).map(([name]) => name as Capability);
    byRole.set(role, list);
  }
  return list;
}

export function can(role: Role, capability: Capability): boolean {
  if (!registered.has(capability)) {
    // a capability nobody registered is a wiring mistake (a module missing from the list), never a silent 403
    throw new Error(`Unknown capability ${capability}: is its module in the module list?`);
  }
  return capabilitiesOf(role).includes(capability);
}

export const STAFF_ROLES: readonly Role[] = [
  'district_admin',
  'street_staff',
  'community_staff',
  'grid_worker',
  'department_staff',
];
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];
export const ALL_ROLES: readonly Role[] = [...STAFF_ROLES, 'resident', ...ADMIN_ROLES];
/** Roles an administrator may give through the API; administrator accounts come from the CLI. */
export const MANAGED_ROLES: readonly Role[] = [...STAFF_ROLES, 'resident'];

import type { Role } from '../db/types.js';

/**
 * What each role may do at all, before the subtree check. The three administrators of 等保 2.0 level 3 are
 * separated: the system administrator runs accounts, the security administrator runs credentials and access,
 * the audit administrator reads the trail — and none of them edits business data.
 */
export const CAPABILITIES = [
  'places.read',
  'places.write',
  'grids.read',
  /** Assign people to grids and end their assignments (grid workers, leaders, specialised teams). */
  'grids.staff',
  /** Adjust grids (split, merge, redraw, import) within the subtree. */
  'grids.write',
  'residents.read',
  'residents.write',
  /** See a resident's full ID number or phone through the audited reveal action. */
  'residents.reveal',
  /** See and filter by sensitive tags (health, key groups: PIPL art. 28). */
  'residents.sensitive',
  'residents.import',
  /** See cases in the subtree (department accounts: the cases dispatched to their unit; residents: their own). */
  'cases.read',
  /** File a case (console, grid worker's phone, resident's phone). */
  'cases.report',
  /** Accept, reject, dispatch, return handling, escalate, decide extensions and deferrals, merge, reopen. */
  'cases.dispatch',
  /** Work on a case dispatched to oneself, one's unit or one's department. */
  'cases.handle',
  /** Verify handled work and close cases. */
  'cases.verify',
  /** Issue supervision notices (督办). */
  'cases.supervise',
  /** Edit the category catalogue, the working-time calendar, webhooks and Open311 keys. */
  'cases.configure',
  /** Import 12345 hotline work orders. */
  'cases.import',
  /** Open the command dashboard (驾驶舱) of one's area: figures, map, rankings, big screen. */
  'dashboard.read',
  'users.read',
  'users.create',
  'users.update',
  'users.security',
  'audit.read',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const BUSINESS_WRITER: Capability[] = [
  'places.read',
  'places.write',
  'grids.read',
  'grids.staff',
  'grids.write',
  'residents.read',
  'cases.read',
  'cases.report',
  'cases.dispatch',
  'cases.handle',
  'cases.verify',
];
/** Street and district levels supervise, and take in the hotline's work orders. */
const OVERSEER: Capability[] = ['cases.supervise', 'cases.import'];

/**
 * Residents' personal data goes to those who serve the people themselves: community staff and grid workers
 * register, reveal (audited) and see sensitive tags; street and district staff see the registry masked and
 * without sensitive tags, which is all their figures need.
 */
const REGISTRY_KEEPER: Capability[] = [
  'residents.write',
  'residents.reveal',
  'residents.sensitive',
  'residents.import',
];

export const roleCapabilities: Record<Role, readonly Capability[]> = {
  district_admin: [...BUSINESS_WRITER, ...OVERSEER, 'cases.configure', 'dashboard.read'],
  street_staff: [...BUSINESS_WRITER, ...OVERSEER, 'dashboard.read'],
  community_staff: [...BUSINESS_WRITER, ...REGISTRY_KEEPER, 'dashboard.read'],
  grid_worker: [
    'places.read',
    'grids.read',
    'residents.read',
    ...REGISTRY_KEEPER,
    'cases.read',
    'cases.report',
    'cases.handle',
    'dashboard.read',
  ],
  department_staff: ['places.read', 'grids.read', 'cases.read', 'cases.handle'],
  resident: ['cases.report'],
  system_admin: ['places.read', 'users.read', 'users.create', 'users.update'],
  security_admin: ['places.read', 'users.read', 'users.security'],
  audit_admin: ['audit.read'],
};

export function can(role: Role, capability: Capability): boolean {
  return roleCapabilities[role].includes(capability);
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

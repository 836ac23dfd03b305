import { defineCapabilities, type CapabilitiesOf } from '../../policy/capabilities.js';

/**
 * What the cases module lets each role do.
 * Street and district levels supervise and take in the hotline's work orders; only the district configures.
 */
export const casesCapabilities = defineCapabilities({
  'cases.read': {
    description:
      'See cases in the subtree (department accounts: the cases dispatched to their unit; residents: their own)',
    roles: ['district_admin', 'street_staff', 'community_staff', 'grid_worker', 'department_staff'],
  },
  'cases.report': {
    description: "File a case (console, grid worker's phone, resident's phone)",
    roles: ['district_admin', 'street_staff', 'community_staff', 'grid_worker', 'resident'],
  },
  'cases.dispatch': {
    description:
      'Accept, reject, dispatch, return handling, escalate, decide extensions and deferrals, merge, reopen',
    roles: ['district_admin', 'street_staff', 'community_staff'],
  },
  'cases.handle': {
    description: "Work on a case dispatched to oneself, one's unit or one's department",
    roles: ['district_admin', 'street_staff', 'community_staff', 'grid_worker', 'department_staff'],
  },
  'cases.verify': {
    description: 'Verify handled work and close cases',
    roles: ['district_admin', 'street_staff', 'community_staff'],
  },
  'cases.supervise': {
    description: 'Issue supervision notices (督办)',
    roles: ['district_admin', 'street_staff'],
  },
  'cases.configure': {
    description: 'Edit the category catalogue, the working-time calendar, webhooks and Open311 keys',
    roles: ['district_admin'],
  },
  'cases.import': {
    description: 'Import 12345 hotline work orders',
    roles: ['district_admin', 'street_staff'],
  },
});

declare module '../../policy/capabilities.js' {
  interface CapabilityRegistry extends CapabilitiesOf<typeof casesCapabilities> {}
}

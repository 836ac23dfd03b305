import { defineCapabilities, type CapabilitiesOf } from '../../policy/capabilities.js';

/**
 * What the households module lets each role do.
 * Residents' personal data goes to those who serve the people themselves: community staff and grid workers
 * register, reveal (audited) and see sensitive tags; street and district staff see the registry masked and
 * without sensitive tags, which is all their figures need.
 */
export const householdsCapabilities = defineCapabilities({
  'residents.read': {
    description: 'See the household registry of the subtree, masked',
    roles: ['district_admin', 'street_staff', 'community_staff', 'grid_worker'],
  },
  'residents.write': {
    description: 'Register and change households and residents',
    roles: ['community_staff', 'grid_worker'],
  },
  'residents.reveal': {
    description: "See a resident's full ID number or phone through the audited reveal action",
    roles: ['community_staff', 'grid_worker'],
  },
  'residents.sensitive': {
    description: 'See and filter by sensitive tags (health, key groups: PIPL art. 28)',
    roles: ['community_staff', 'grid_worker'],
  },
  'residents.import': {
    description: 'Import residents from spreadsheets',
    roles: ['community_staff', 'grid_worker'],
  },
});

declare module '../../policy/capabilities.js' {
  interface CapabilityRegistry extends CapabilitiesOf<typeof householdsCapabilities> {}
}

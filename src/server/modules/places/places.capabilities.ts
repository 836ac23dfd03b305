import { defineCapabilities, type CapabilitiesOf } from '../../policy/capabilities.js';

/**
 * What the places module lets each role do.
 */
export const placesCapabilities = defineCapabilities({
  'places.read': {
    description: 'See the place tree in the subtree',
    roles: [
      'district_admin',
      'street_staff',
      'community_staff',
      'grid_worker',
      'department_staff',
      'system_admin',
      'security_admin',
    ],
  },
  'places.write': {
    description: 'Create, rename, move and delete places in the subtree',
    roles: ['district_admin', 'street_staff', 'community_staff'],
  },
});

declare module '../../policy/capabilities.js' {
  interface CapabilityRegistry extends CapabilitiesOf<typeof placesCapabilities> {}
}

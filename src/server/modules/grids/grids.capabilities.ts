import { defineCapabilities, type CapabilitiesOf } from '../../policy/capabilities.js';

/**
 * What the grids module lets each role do.
 */
export const gridsCapabilities = defineCapabilities({
  'grids.read': {
    description: 'See grids, their staff and the coverage check in the subtree',
    roles: ['district_admin', 'street_staff', 'community_staff', 'grid_worker', 'department_staff'],
  },
  'grids.staff': {
    description:
      'Assign people to grids and end their assignments (grid workers, leaders, specialised teams)',
    roles: ['district_admin', 'street_staff', 'community_staff'],
  },
  'grids.write': {
    description: 'Adjust grids (split, merge, redraw, import) within the subtree',
    roles: ['district_admin', 'street_staff', 'community_staff'],
  },
});

declare module '../../policy/capabilities.js' {
  interface CapabilityRegistry extends CapabilitiesOf<typeof gridsCapabilities> {}
}

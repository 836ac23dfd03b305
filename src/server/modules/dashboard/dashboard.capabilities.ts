import { defineCapabilities, type CapabilitiesOf } from '../../policy/capabilities.js';

/**
 * What the dashboard module lets each role do.
 */
export const dashboardCapabilities = defineCapabilities({
  'dashboard.read': {
    description: "Open the command dashboard (驾驶舱) of one's area: figures, map, rankings, big screen",
    roles: ['district_admin', 'street_staff', 'community_staff', 'grid_worker'],
  },
});

declare module '../../policy/capabilities.js' {
  interface CapabilityRegistry extends CapabilitiesOf<typeof dashboardCapabilities> {}
}

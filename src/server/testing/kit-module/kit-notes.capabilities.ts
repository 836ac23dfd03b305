import { defineCapabilities, type CapabilitiesOf } from '../../policy/capabilities.js';

export const kitNotesCapabilities = defineCapabilities({
  'kitNotes.read': {
    description: 'See the notes pinned to places in the subtree',
    roles: ['district_admin', 'street_staff', 'community_staff'],
  },
  'kitNotes.write': { description: 'Pin notes to places in the subtree', roles: ['community_staff'] },
});

declare module '../../policy/capabilities.js' {
  interface CapabilityRegistry extends CapabilitiesOf<typeof kitNotesCapabilities> {}
}

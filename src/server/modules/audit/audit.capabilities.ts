import { defineCapabilities, type CapabilitiesOf } from '../../policy/capabilities.js';

/**
 * What the audit module lets each role do.
 */
export const auditCapabilities = defineCapabilities({
  'audit.read': {
    description: 'Read and verify the audit trail',
    roles: ['audit_admin'],
  },
});

declare module '../../policy/capabilities.js' {
  interface CapabilityRegistry extends CapabilitiesOf<typeof auditCapabilities> {}
}

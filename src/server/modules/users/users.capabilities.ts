import { defineCapabilities, type CapabilitiesOf } from '../../policy/capabilities.js';

/**
 * What the users module lets each role do.
 * The separated administrators of 等保 2.0 level 3: the system administrator runs accounts, the security
 * administrator credentials and access; neither edits business data.
 */
export const usersCapabilities = defineCapabilities({
  'users.read': {
    description: 'See accounts',
    roles: ['system_admin', 'security_admin'],
  },
  'users.create': {
    description: 'Create accounts',
    roles: ['system_admin'],
  },
  'users.update': {
    description: 'Change accounts',
    roles: ['system_admin'],
  },
  'users.security': {
    description: 'Roles, bindings, password resets and unlocks',
    roles: ['security_admin'],
  },
});

declare module '../../policy/capabilities.js' {
  interface CapabilityRegistry extends CapabilitiesOf<typeof usersCapabilities> {}
}

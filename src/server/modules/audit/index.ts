import type { ModuleManifest } from '../manifest.js';
import { auditRoutes } from './audit.routes.js';
import { auditCapabilities } from './audit.capabilities.js';
import { auditCli } from './audit.cli.js';

export const auditModule: ModuleManifest = {
  name: 'audit',
  capabilities: auditCapabilities,
  routes: auditRoutes,
  cli: auditCli,
  // where the act happened, as it was then: the trail is append-only
  scopedTables: [{ table: 'audit_log', placePath: 'place_path', follows: 'history' }],
};

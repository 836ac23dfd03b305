import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { AuditSealer } from './audit-trail.js';
import type { Actor } from '../policy/actor.js';
import type { Lang } from '../http/messages.js';
import type { SmsSender } from './sms.js';

/** What the whole process shares. */
export interface AppContext {
  config: Config;
  database: Database;
  sealer: AuditSealer;
  startedAt: Date;
  /** Outgoing text messages; unset: the sender LOUYUAN_SMS selects (core/sms.ts). Tests inject one. */
  sms?: SmsSender;
}

/** What one request carries into a service call. */
export interface RequestContext {
  app: AppContext;
  actor: Actor;
  lang: Lang;
  ip: string;
  requestId: string;
}

import type { ModuleManifest } from '../manifest.js';
import * as migration from './notifications.migration.js';
import { notificationsRoutes } from './notifications.routes.js';

/**
 * Notifications (消息): every module's notices to staff, through `notify(trx, …)` in the writing transaction,
 * and the inbox that reads them (`/api/notifications`). Webhooks and the live feed are the cases module's.
 */
export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  migrations: { '20261208_notifications': migration },
  // a notice is scoped with its subject's place
  scopedTables: [{ table: 'notification', placePath: 'subject_path' }],
  routes: notificationsRoutes,
};

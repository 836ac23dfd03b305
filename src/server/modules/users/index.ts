import { underPath } from '../../core/sql.js';
import type { ModuleManifest } from '../manifest.js';
import { seedDemoAccounts } from './users.demo.js';
import { usersRoutes } from './users.routes.js';
import { usersCapabilities } from './users.capabilities.js';
import { usersErrors } from './users.errors.js';
import { usersCli } from './users.cli.js';

export const usersModule: ModuleManifest = {
  name: 'users',
  capabilities: usersCapabilities,
  errors: usersErrors,
  routes: usersRoutes,
  cli: usersCli,
  seed: { order: 20, run: seedDemoAccounts },
  stats: [
    {
      key: 'users.accounts',
      label: { 'zh-CN': '账号', en: 'Accounts' },
      capability: 'users.read',
      compute: async (db, actor) => {
        const row = await db
          .selectFrom('app_user as u')
          .innerJoin('place as p', 'p.id', 'u.place_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('p.path', 'like', underPath(actor.placePath))
          .executeTakeFirstOrThrow();
        return row.n;
      },
    },
  ],
};

import type { AppContext, RequestContext } from '../core/context.js';
import { systemActor } from '../core/system-actor.js';
import type { Role } from '../db/types.js';

/**
 * Test data through the real commands. Each module keeps its factories in `<module>.factories.ts` (places,
 * users, …) and builds with them what its tests need — its own street, community, compound, accounts — so a
 * test reads no identifier of the demo district and files can run in any order. This is the context they act in:
 * an account-less actor at the district root, audited as `test:factory`.
 */
export async function factoryContext(
  app: AppContext,
  role: Role = 'district_admin',
): Promise<RequestContext> {
  return {
    app,
    actor: await systemActor(app.database.db, { username: 'test:factory', role, via: 'cli' }),
    lang: 'zh-CN',
    ip: '127.0.0.1',
    requestId: `factory-${process.pid}`,
  };
}

let counter = 0;
/** A name no other test of this process uses (for names that must be unique in the district). */
export const uniqueName = (stem: string): string =>
  `${stem}${process.pid.toString(36)}${(counter++).toString(36)}`;

import type { Role } from '../../db/types.js';
import type { Session, TestApp } from '../../testing/app.js';
import { factoryContext, uniqueName } from '../../testing/factories.js';
import { createUser } from './users.service.js';

export const FACTORY_PASSWORD = 'Factory-Pass-2026';

/** An account with `role` bound to `placeCode`, made by the user.create command, and its logged-in session. */
export async function buildAccount(
  t: TestApp,
  input: { role: Role; placeCode: string; departmentCode?: string },
): Promise<Session> {
  const ctx = await factoryContext(t.ctx, 'system_admin');
  const username = uniqueName('t').toLowerCase();
  await createUser(ctx, {
    username,
    displayName: username,
    role: input.role,
    placeCode: input.placeCode,
    password: FACTORY_PASSWORD,
    ...(input.departmentCode ? { departmentCode: input.departmentCode } : {}),
  });
  return t.login(username, FACTORY_PASSWORD);
}

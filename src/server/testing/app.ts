import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import type { AppContext } from '../core/context.js';
import type { Database } from '../db/database.js';
import { buildApp } from '../http/app.js';
import { SESSION_COOKIE } from '../http/request-context.js';
import { AuditSealer } from '../core/audit-trail.js';
import { DEMO_PASSWORD } from '../modules/users/users.demo.js';
import { openTestDatabase } from './database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { ModuleManifest } from '../modules/manifest.js';

export interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
  user: { id: number; role: string; place: { code: string } };
  /** A request as this user: cookie and CSRF header set, JSON body. */
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  ctx: AppContext;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

/** The whole API over this file's own database, driven with app.inject (real routing, validation, hooks). */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { modules?: readonly ModuleManifest[] } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  // stored files (case photos) go to a directory of this test app's own, removed on close
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-files-'));
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test' }),
    loginRatePerMinute: 10_000,
    filesDir,
    ...overrides,
  };
  const sealer = new AuditSealer(database.db, () => {});
  const ctx: AppContext = { config, database, sealer, startedAt: new Date() };
  // a test's own module: buildApp installs the longer list, then its migrations run over this file's database
  const app = await buildApp(ctx, options.modules ? { modules: options.modules } : {});
  if (options.modules) await migrateToLatest(database);
  await app.ready();

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error('no session cookie');
    const body = res.json<{ csrfToken: string; user: Session['user'] }>();
    const cookieHeader = `${SESSION_COOKIE}=${cookie.value}`;
    return {
      username,
      cookie: cookieHeader,
      csrfToken: body.csrfToken,
      user: body.user,
      request: (method, url, payload, headers = {}) =>
        app.inject({
          method,
          url,
          headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken, ...headers },
          ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
        }),
    };
  }

  return {
    app,
    database,
    ctx,
    login,
    close: async () => {
      await app.close();
      await sealer.stop();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { personalDataKeys } from './core/keys.js';
import type { AppContext } from './core/context.js';
import { openDatabase, targetFromConfig, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { buildApp } from './http/app.js';
import { AuditSealer } from './core/audit-trail.js';
import { modules } from './modules/index.js';
import { listDemoAccounts, type DemoAccount } from './modules/users/users.demo.js';
import { WEB_DIST } from './paths.js';
import { isEmpty, seedDemo } from './seed.js';

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  seeded: boolean;
  readyMs: number;
  stop(): Promise<void>;
}

/** Open the database, migrate, seed the demo district on first run, and serve API + web. */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<Running> {
  const started = performance.now();
  personalDataKeys(config); // refuses (throws) in production without LOUYUAN_SECRET_KEY, before anything opens
  const database = await openDatabase(targetFromConfig(config));
  let seeded = false;
  try {
    await migrateToLatest(database);
    if (config.seedDemoOnFirstRun && (await isEmpty(database))) {
      log('首次启动：正在生成演示区（二七区）数据… / First run: seeding the demo district…');
      await seedDemo(database, config.demoSeed, (m) => log(`  ${m}`), config.demoScale);
      seeded = true;
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const sealer = new AuditSealer(database.db, (error) => log(`audit sealer: ${String(error)}`));
  sealer.start();
  const ctx: AppContext = { config, database, sealer, startedAt: new Date() };
  const app = await buildApp(ctx, { webDir: WEB_DIST });
  await app.listen({ port: config.port, host: config.host });
  // the modules' timers (overdue sweep, webhook sender) run only in a listening server
  const background = modules.flatMap((m) => (m.background ? [m.background(ctx)] : []));
  const readyMs = Math.round(performance.now() - started);
  const url = `http://localhost:${config.port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.allSettled(background.map((b) => b.stop()));
    await app.close();
    await sealer.stop();
    await database.close();
  };
  return { app, database, url, seeded, readyMs, stop };
}

export function describeStart(running: Running, accounts: DemoAccount[]): string {
  const lines = [
    '',
    `楼院 Louyuan is ready at ${running.url}  (API docs: ${running.url}/api/docs)`,
    running.database.kind === 'pglite'
      ? `Data: embedded PostgreSQL (PGlite) in ${running.database.location} — for one machine and evaluation; use DATABASE_URL for production.`
      : `Data: PostgreSQL at ${running.database.location}`,
    `Ready in ${running.readyMs} ms${running.seeded ? ' (including the first-run demo seed)' : ''}.`,
  ];
  if (accounts.length > 0) {
    lines.push('', 'Demo accounts (演示账号) — initial password for all: ' + (accounts[0]?.password ?? ''));
    for (const a of accounts) {
      lines.push(`  ${a.username.padEnd(11)} ${a.role.padEnd(17)} ${a.nodeCode.padEnd(16)} ${a.nodeName}`);
    }
  }
  lines.push('', 'Stop with Ctrl+C.');
  return lines.join('\n');
}

export { listDemoAccounts };

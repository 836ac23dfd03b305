import os from 'node:os';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { openDatabase, targetFromConfig, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { CliKit } from '../modules/manifest.js';
import { AuditSealer } from './audit-trail.js';
import { systemActor } from './system-actor.js';

/** What `louyuan`'s commands share, the modules' included (they get it through their manifest's `cli`). */
export function cliKit(program: Command, config: Config): CliKit {
  return {
    config,
    async withDatabase(fn, migrate = true) {
      const database = await openDatabase(targetFromConfig(config));
      try {
        if (migrate) await migrateToLatest(database);
        return await fn(database);
      } finally {
        // the lock on a PGlite data directory is released on every path
        await database.close();
      }
    },
    async cliContext(database: Database, options = {}) {
      return {
        app: { config, database, sealer: new AuditSealer(database.db, () => {}), startedAt: new Date() },
        actor: await systemActor(database.db, {
          username: `cli:${os.userInfo().username}`,
          displayName: 'command line',
          role: options.role ?? 'district_admin',
          via: 'cli',
          ...(options.placeCode ? { placeCode: options.placeCode } : {}),
        }),
        lang: options.lang ?? 'zh-CN',
        ip: '127.0.0.1',
        requestId: `cli-${process.pid}-${Date.now()}`,
      };
    },
    group(name, description) {
      return (
        program.commands.find((c) => c.name() === name) ?? program.command(name).description(description)
      );
    },
  };
}

import { Command } from 'commander';
import { loadConfig, scaleFrom } from './config.js';
import { cliKit } from './core/cli-kit.js';
import { backupDatabase, BackupError, restoreDatabase } from './db/backup.js';
import { DataDirLockedError } from './db/lock.js';
import { currentMigration } from './db/migrate.js';
import { modules } from './modules/index.js';
import { listDemoAccounts } from './modules/users/users.demo.js';
import { seedDemo } from './seed.js';
import { describeStart, startServer } from './server.js';

/**
 * `louyuan`: the commands of the whole platform (start, migrate, seed, backup, restore) here, and each module's
 * own (grids, import, audit, stats, open311, user, demo-accounts) from its manifest's `cli`.
 */
const config = loadConfig();
// `louyuan … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const program = new Command('louyuan')
  .description('Louyuan (楼院) — community governance platform')
  .showHelpAfterError();

const kit = cliKit(program, config);
const { withDatabase } = kit;

program
  .command('start')
  .description('Migrate, seed the demo district on first run, serve API and web (PORT, default 3000)')
  .action(async () => {
    const running = await startServer(config);
    const accounts = await listDemoAccounts(running.database.db);
    console.log(describeStart(running, accounts));
    const shutdown = (signal: string) => {
      console.log(`\n${signal}: stopping…`);
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply pending migrations')
  .action(async () => {
    await withDatabase(async (database) => {
      console.log(
        `Database at migration ${(await currentMigration(database)) ?? 'none'} (${database.location})`,
      );
    });
  });

program
  .command('seed')
  .description('Seed demo data into an empty database')
  .option('--demo', 'the demo district (Erqi, 410103) at the source text’s scale')
  .option('--seed <number>', 'seed number: the same number gives the same district', String(config.demoSeed))
  .option(
    '--scale <share>',
    'share of the source text’s households and residents, 0 < share ≤ 1 (1 = about a million residents)',
    String(config.demoScale),
  )
  .action(async (options: { demo?: boolean; seed: string; scale: string }) => {
    if (!options.demo) throw new Error('Say what to seed: louyuan seed --demo');
    const seed = Number(options.seed);
    if (!Number.isInteger(seed)) throw new Error('--seed takes an integer');
    const scale = scaleFrom(options.scale, 1, '--scale');
    await withDatabase(async (database) => {
      const started = Date.now();
      await seedDemo(database, seed, (m) => console.log(`  ${m}`), scale);
      console.log(`Demo district seeded with seed ${seed}, scale ${scale}, in ${Date.now() - started} ms.`);
    });
  });

program
  .command('backup <file>')
  .description('Write a logical backup (gzip’d JSON lines) of every table')
  .action(async (file: string) => {
    await withDatabase(async (database) => {
      const started = Date.now();
      const result = await backupDatabase(database, file);
      console.log(
        `Backed up ${result.rows} rows of ${result.tables} tables to ${file} in ${Date.now() - started} ms.`,
      );
    });
  });

program
  .command('restore <file>')
  .description('Replace all data with a backup’s (the database must be at the same migration)')
  .action(async (file: string) => {
    await withDatabase(async (database) => {
      const started = Date.now();
      const result = await restoreDatabase(database, file);
      console.log(
        `Restored ${result.rows} rows of ${result.tables} tables from ${file} in ${Date.now() - started} ms.`,
      );
    });
  });

// every module adds its own commands (grids, import, audit, stats, open311, user …)
for (const module of modules) module.cli?.(program, kit);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof DataDirLockedError || error instanceof BackupError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

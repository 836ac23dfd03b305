import { randomBytes } from 'node:crypto';
import os from 'node:os';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { loadConfig, scaleFrom } from './config.js';
import { openDatabase, targetFromConfig, type Database } from './db/database.js';
import { DataDirLockedError } from './db/lock.js';
import { backupDatabase, BackupError, restoreDatabase } from './db/backup.js';
import { currentMigration, migrateToLatest } from './db/migrate.js';
import fs from 'node:fs';
import type { RequestContext } from './core/context.js';
import { checkGridCoverage } from './modules/grids/grids.check.js';
import {
  exportFeatureCollection,
  exportShapefile,
  importGrids,
  shapefileToGeoJson,
} from './modules/grids/grids.files.js';
import { AuditSealer } from './core/audit-trail.js';
import type { Actor } from './policy/actor.js';
import { importResidentsCli } from './modules/imports/imports.cli.js';
import { importHotline } from './modules/cases/cases.hotline.js';
import { appendAudit, sealPending, verifyAuditChain } from './core/audit-trail.js';
import { assertStrongPassword, hashPassword } from './modules/auth/auth.service.js';
import { findByCode } from './modules/places/places.queries.js';
import { ALL_ROLES } from './policy/capabilities.js';
import type { Role } from './db/types.js';
import { listDemoAccounts } from './modules/users/users.demo.js';
import { rebuildRollups } from './modules/cases/cases.rollup.js';
import { seedDemo } from './seed.js';
import { describeStart, startServer } from './server.js';

const config = loadConfig();
// `louyuan … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const program = new Command('louyuan')
  .description('Louyuan (楼院) — community governance platform')
  .showHelpAfterError();

/** Open the configured database and always close it; the lock on a PGlite dir is released on every path. */
async function withDatabase<T>(fn: (database: Database) => Promise<T>, migrate = true): Promise<T> {
  const database = await openDatabase(targetFromConfig(config));
  try {
    if (migrate) await migrateToLatest(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

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
  .command('demo-accounts')
  .description('List the demo accounts (username, password, role, node code)')
  .option('--json', 'print JSON for scripts')
  .action(async (options: { json?: boolean }) => {
    await withDatabase(async (database) => {
      const accounts = await listDemoAccounts(database.db);
      if (options.json) {
        console.log(
          JSON.stringify(
            accounts.map(({ username, password, role, nodeCode }) => ({
              username,
              password,
              role,
              nodeCode,
            })),
            null,
            2,
          ),
        );
        return;
      }
      for (const a of accounts)
        console.log(`${a.username}\t${a.password}\t${a.role}\t${a.nodeCode}\t${a.nodeName}`);
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

const user = program.command('user').description('Accounts');
user
  .command('add <username>')
  .description(
    'Create an account — the only way to create the system, security and audit administrators. The password ' +
      'comes from LOUYUAN_PASSWORD, or a strong one is generated and printed once; it must be changed at first login.',
  )
  .requiredOption('--role <role>', `one of: ${ALL_ROLES.join(', ')}`)
  .requiredOption('--place <code>', 'code of the place-tree node the account is bound to')
  .option('--name <displayName>', 'display name (defaults to the username)')
  .action(async (username: string, options: { role: string; place: string; name?: string }) => {
    if (!(ALL_ROLES as readonly string[]).includes(options.role))
      throw new Error(`Unknown role ${options.role}`);
    if (!/^[a-z0-9][a-z0-9._-]{2,39}$/.test(username)) throw new Error('Username: 3–40 of a-z 0-9 . _ -');
    const generated = !process.env.LOUYUAN_PASSWORD;
    const password = process.env.LOUYUAN_PASSWORD ?? `Ly-${randomBytes(12).toString('base64url')}1a`;
    assertStrongPassword(password);
    await withDatabase(async (database) => {
      await database.db.transaction().execute(async (trx) => {
        const place = await findByCode(trx, options.place);
        if (!place) throw new Error(`No place with code ${options.place}`);
        const row = await trx
          .insertInto('app_user')
          .values({
            username,
            display_name: options.name ?? username,
            role: options.role as Role,
            place_id: place.id,
            password_hash: await hashPassword(password),
            must_change_password: true,
          })
          .returning(['id'])
          .executeTakeFirstOrThrow();
        await appendAudit(trx, {
          actorId: null,
          actorName: `cli:${os.userInfo().username}`,
          actorRole: null,
          action: 'user.create',
          subjectType: 'user',
          subjectId: String(row.id),
          result: 'ok',
          placePath: place.path,
          details: { username, role: options.role, place: place.code, via: 'cli' },
        });
      });
      await sealPending(database.db);
    });
    console.log(`Created ${username} (${options.role}) at ${options.place}.`);
    if (generated) console.log(`Initial password (shown once; change it at first login): ${password}`);
  });

const grids = program.command('grids').description('Grids');
grids
  .command('check')
  .description(
    'Coverage check: gaps and overlaps between siblings, children outside their parent, grids outside the ' +
      'district, invalid polygons, household counts out of range. Exit 1 when the map itself is wrong.',
  )
  .option('--json', 'print the whole report as JSON (counts per kind/level and every finding)')
  .action(async (options: { json?: boolean }) => {
    await withDatabase(async (database) => {
      const report = await checkGridCoverage(database.db, config.gridHouseholds);
      if (options.json) {
        console.log(JSON.stringify(report, null, 2));
      } else {
        console.log('Grids by kind/level:');
        for (const [key, n] of Object.entries(report.counts).sort()) console.log(`  ${key.padEnd(14)} ${n}`);
        console.log(`Findings (${report.findings.length}, checked in ${report.ms} ms):`);
        if (report.findings.length === 0) console.log('  none');
        for (const [type, n] of Object.entries(report.byType)) {
          const first = report.findings.find((f) => f.type === type);
          console.log(
            `  ${type.padEnd(24)} ${String(n).padStart(5)}   e.g. ${first?.grids.join(', ')}: ${first?.detail} ` +
              `(${first?.areaM2} m² at ${first?.location.join(', ')})`,
          );
        }
      }
      if (report.geometryFindings > 0) process.exitCode = 1;
    });
  });

/**
 * The command line acts as the district administrator at the root of the place tree, audited as `cli:<os user>`
 * (no account: actor id 0, recorded as none on the adjustment).
 */
async function cliContext(database: Database): Promise<RequestContext> {
  const root = await database.db
    .selectFrom('place')
    .select(['id', 'code', 'name', 'path'])
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  if (!root) throw new Error('The place tree is empty: run louyuan seed or create the district first');
  const actor: Actor = {
    userId: 0,
    username: `cli:${os.userInfo().username}`,
    displayName: 'command line',
    role: 'district_admin',
    placeId: root.id,
    placeCode: root.code,
    placeName: root.name,
    placePath: root.path,
    via: 'session',
  };
  const sealer = new AuditSealer(database.db, () => {});
  return {
    app: { config, database, sealer, startedAt: new Date() },
    actor,
    lang: 'zh-CN',
    ip: '127.0.0.1',
    requestId: `cli-${process.pid}`,
  };
}

grids
  .command('export')
  .description('Write the grids as a GeoJSON FeatureCollection or an ESRI Shapefile zip')
  .option('--format <format>', 'geojson or shapefile', 'geojson')
  .requiredOption('--out <file>', 'the file to write')
  .option('--level <n>', 'only this level (1–4)')
  .option('--kind <kind>', 'only this kind: base, specialised, economic or kinship')
  .action(async (options: { format: string; out: string; level?: string; kind?: string }) => {
    if (!['geojson', 'shapefile'].includes(options.format)) throw new Error('--format: geojson or shapefile');
    const level = options.level === undefined ? undefined : Number(options.level);
    if (level !== undefined && ![1, 2, 3, 4].includes(level)) throw new Error('--level: 1, 2, 3 or 4');
    if (options.kind && !['base', 'specialised', 'economic', 'kinship'].includes(options.kind))
      throw new Error('--kind: base, specialised, economic or kinship');
    const filter = {
      ...(level ? { level } : {}),
      ...(options.kind ? { kind: options.kind as 'base' } : {}),
    };
    await withDatabase(async (database) => {
      const ctx = await cliContext(database);
      if (options.format === 'shapefile') {
        const zip = await exportShapefile(database.db, ctx.actor, filter);
        fs.writeFileSync(options.out, zip);
        console.log(`Wrote ${options.out} (Shapefile zip, ${zip.length} bytes).`);
      } else {
        const fc = await exportFeatureCollection(database.db, ctx.actor, filter);
        fs.writeFileSync(options.out, JSON.stringify(fc));
        console.log(`Wrote ${options.out}: ${fc.features.length} grids.`);
      }
    });
  });

grids
  .command('import <file>')
  .description(
    'Import a GeoJSON FeatureCollection (or a Shapefile .zip) as one versioned adjustment: known leaf grids are ' +
      'redrawn, new codes added under their parentCode. Everything is checked first; exit 1 with the findings.',
  )
  .option('--dry-run', 'check only: print the findings and the households that would move')
  .option('--reason <text>', 'why (recorded with the adjustment)')
  .option('--json', 'print the whole result as JSON')
  .action(async (file: string, options: { dryRun?: boolean; reason?: string; json?: boolean }) => {
    const raw = fs.readFileSync(file);
    const shapefile = file.toLowerCase().endsWith('.zip');
    await withDatabase(async (database) => {
      const ctx = await cliContext(database);
      let input: unknown;
      if (shapefile) input = await shapefileToGeoJson(raw);
      else {
        try {
          input = JSON.parse(raw.toString('utf8'));
        } catch (error) {
          throw new Error(`${file}: not JSON (${(error as Error).message})`);
        }
      }
      let result;
      try {
        result = await importGrids(ctx, input, {
          dryRun: options.dryRun ?? false,
          source: shapefile ? 'shapefile' : 'geojson',
          ...(options.reason ? { reason: options.reason } : {}),
        });
      } catch (error) {
        const e = error as { code?: string; fields?: { path: string; message: string }[] };
        if (e.code === 'INVALID_GEOJSON' || e.code === 'COVERAGE_BROKEN') {
          console.log(`Refused: nothing was changed. Findings (${e.fields?.length ?? 0}):`);
          for (const f of e.fields ?? []) console.log(`  ${f.path.padEnd(16)} ${f.message}`);
          process.exitCode = 1;
          return;
        }
        throw error;
      } finally {
        await ctx.app.sealer.stop();
        await sealPending(database.db);
      }
      if (options.json) console.log(JSON.stringify(result, null, 2));
      else {
        console.log(
          `${result.dryRun ? 'Dry run' : 'Imported'}: ${result.features} features, ${result.unchanged} unchanged, ` +
            `${result.updated.length} redrawn, ${result.created.length} new, ${result.moves.total} households moving` +
            (result.adjustmentId ? ` (adjustment #${result.adjustmentId})` : ''),
        );
        if (result.findings.length > 0) console.log(`Findings (${result.findings.length}):`);
        for (const f of result.findings) {
          console.log(
            `  feature ${String(f.featureIndex ?? '-').padEnd(6)} ${(f.code ?? '-').padEnd(18)} ${f.type}: ${f.reason}` +
              (f.location ? ` @ ${f.location.map((x) => x.toFixed(6)).join(', ')}` : ''),
          );
        }
      }
      if (!result.ok) process.exitCode = 1;
    });
  });
const importCommand = program.command('import').description('Import registry data from spreadsheets');
importCommand
  .command('residents <file>')
  .description(
    'Import residents from an .xlsx or .csv (UTF-8 or GBK) in the console template’s columns: every row is ' +
      'checked first (findings by row and column), then written in one audited transaction',
  )
  .option('--place <code>', 'act as a registry keeper of this node (default: the district root)')
  .option(
    '--mode <mode>',
    'all: only a file without findings, all rows or none; valid: the valid rows',
    'all',
  )
  .option('--dry-run', 'check and report only; write nothing')
  .option('--lang <lang>', 'language of findings and messages: zh-CN or en', 'zh-CN')
  .option('--show <n>', 'findings to print', '50')
  .action(
    async (
      file: string,
      options: { place?: string; mode: string; dryRun?: boolean; lang: string; show: string },
    ) => {
      if (options.mode !== 'all' && options.mode !== 'valid') throw new Error('--mode takes all or valid');
      if (options.lang !== 'zh-CN' && options.lang !== 'en') throw new Error('--lang takes zh-CN or en');
      const show = Number(options.show);
      if (!Number.isInteger(show) || show < 0) throw new Error('--show takes a whole number');
      await withDatabase(async (database) => {
        process.exitCode = await importResidentsCli(config, database, file, {
          ...(options.place ? { place: options.place } : {}),
          mode: options.mode as 'all' | 'valid',
          dryRun: options.dryRun === true,
          lang: options.lang as 'zh-CN' | 'en',
          show,
        });
      });
    },
  );

importCommand
  .command('hotline <file>')
  .description(
    'Import 12345 hotline work orders from a CSV (UTF-8 or GBK; columns 工单编号, 受理时间, 诉求类别, 诉求内容, ' +
      '地址, 经度, 纬度, 来电人, 联系电话): each valid row becomes a hotline case; repeats and bad rows are listed',
  )
  .option('--lang <lang>', 'language of the messages: zh-CN or en', 'zh-CN')
  .action(async (file: string, options: { lang: string }) => {
    if (options.lang !== 'zh-CN' && options.lang !== 'en') throw new Error('--lang takes zh-CN or en');
    const bytes = fs.readFileSync(file);
    await withDatabase(async (database) => {
      const base = await cliContext(database);
      const ctx: RequestContext = {
        ...base,
        lang: options.lang as 'zh-CN' | 'en',
        actor: { ...base.actor, via: 'cli' },
      };
      try {
        const result = await importHotline(ctx, bytes);
        console.log(`Imported ${result.imported} cases, skipped ${result.skipped.length} rows.`);
        for (const c of result.cases) console.log(`  row ${c.row}: ${c.externalRef} → case ${c.code}`);
        for (const s of result.skipped) console.log(`  row ${s.row} skipped: ${s.reason}`);
        for (const f of result.findings) console.log(`  row ${f.row} ${f.column}: ${f.message}`);
        if (result.imported === 0 && result.skipped.length > 0) process.exitCode = 1;
      } finally {
        await ctx.app.sealer.stop();
        await sealPending(database.db);
      }
    });
  });

const audit = program.command('audit').description('The audit trail');
audit
  .command('verify')
  .description('Recompute the hash chain; exit 1 and name the first broken link if it was altered')
  .option('--json', 'print JSON')
  .action(async (options: { json?: boolean }) => {
    await withDatabase(async (database) => {
      const report = await verifyAuditChain(database.db);
      if (options.json) console.log(JSON.stringify(report, null, 2));
      else if (report.ok) console.log(`Audit chain intact: ${report.checked} entries verified.`);
      else {
        const b = report.firstBroken;
        console.log(
          `Audit chain BROKEN at entry #${b?.seq} (row id ${b?.id ?? '?'}): ${b?.reason}. ${report.checked} entries before it verify.`,
        );
      }
      if (!report.ok) process.exitCode = 1;
    });
  });

// Case figures: the daily rollups are kept by the sweep; this rebuilds them from the case rows alone.
const stats = program.command('stats').description('Dashboard figures (case rollups)');
stats
  .command('rebuild')
  .description('Recompute every daily case rollup from the case rows, month by month, with progress')
  .action(async () => {
    await withDatabase(async (database) => {
      const bar = new cliProgress.SingleBar(
        { format: 'rollups {bar} {value}/{total} months', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      let started = false;
      const t0 = performance.now();
      // a bar only on a terminal (cli-progress writes to stderr); logs and pipes get the summary line alone
      const interactive = process.stderr.isTTY === true;
      const result = await rebuildRollups(database.db, (done, total) => {
        if (!interactive) return;
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      });
      if (started) bar.stop();
      console.log(
        `Rebuilt ${result.rows} rollup rows over ${result.days} days in ${Math.round(performance.now() - t0)} ms.`,
      );
    });
  });

// Open311 API keys (open311_client): shown once, stored as sha256; making and revoking are audited as cli:<user>.
const open311Key = program
  .command('open311')
  .description('Open311 GeoReport v2 clients')
  .command('key')
  .description('API keys of the clients allowed to POST requests');
open311Key
  .command('add <name>')
  .description('Make a client and its key (printed once: give it to the client, it cannot be shown again)')
  .action(async (name: string) => {
    const { addClient } = await import('./modules/open311/open311.clients.js');
    const created = await withDatabase(async (database) => {
      const result = await addClient(database.db, name, `cli:${os.userInfo().username}`);
      await sealPending(database.db);
      return result;
    });
    console.log(`Open311 client #${created.id} "${created.name}", key prefix ${created.prefix}.`);
    console.log(`API key (shown once): ${created.key}`);
  });
open311Key
  .command('list')
  .description('Clients, key prefixes, when made or revoked, and how many requests each filed')
  .action(async () => {
    const { listClients } = await import('./modules/open311/open311.clients.js');
    const rows = await withDatabase((database) => listClients(database.db));
    if (rows.length === 0) console.log('No Open311 clients.');
    for (const r of rows) {
      console.log(
        `#${r.id}  ${r.prefix}  ${r.name}  made ${r.createdAt.toISOString()}  ` +
          `${r.revokedAt ? `REVOKED ${r.revokedAt.toISOString()}` : 'live'}  requests ${r.requests}`,
      );
    }
  });
open311Key
  .command('revoke <prefix>')
  .description('Revoke the live key starting with this prefix (as `key list` shows it)')
  .action(async (prefix: string) => {
    const { revokeClient } = await import('./modules/open311/open311.clients.js');
    const revoked = await withDatabase(async (database) => {
      const result = await revokeClient(database.db, prefix, `cli:${os.userInfo().username}`);
      await sealPending(database.db);
      return result;
    });
    console.log(`Revoked the key ${revoked.prefix}… of client #${revoked.id} "${revoked.name}".`);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof DataDirLockedError || error instanceof BackupError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

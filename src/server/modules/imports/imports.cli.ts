import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import type { AppContext, RequestContext } from '../../core/context.js';
import type { Database } from '../../db/database.js';
import type { ImportMode } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import { errorMessage, type Lang } from '../../http/messages.js';
import { AuditSealer, sealPending } from '../../core/audit-trail.js';
import { systemActor } from '../../core/system-actor.js';
import type { CliKit } from '../manifest.js';
import {
  commitImport,
  getImport,
  startImport,
  waitForValidation,
  type ImportJobView,
  type ProgressListener,
} from './imports.service.js';

export interface ImportCliOptions {
  place?: string;
  mode: 'all' | 'valid';
  dryRun: boolean;
  lang: Lang;
  /** Findings printed (the rest are counted). */
  show: number;
}

const TEXT = {
  'zh-CN': {
    reading: '读取文件',
    checking: '校验',
    writing: '写入',
    rows: '行',
    findings: '发现问题',
    none: '未发现问题。',
    more: (n: number) => `……另有 ${n} 处问题未显示`,
    header: ['行', '列', '原因', '值'],
    summary: (j: ImportJobView) =>
      `共 ${j.totalRows} 行：有效 ${j.validRows} 行，有问题 ${j.invalidRows} 行，问题 ${j.findingCount} 处。`,
    done: (r: NonNullable<ImportJobView['result']>, ms: number) =>
      `已导入 ${r.residentsInserted} 人，新建 ${r.householdsCreated} 户，跳过 ${r.skipped} 人（写入用时 ${ms} ms）。`,
    dry: '试运行：未写入任何数据。',
    validated: (ms: number) => `校验用时 ${ms} ms。`,
  },
  en: {
    reading: 'Reading',
    checking: 'Checking',
    writing: 'Writing',
    rows: 'rows',
    findings: 'Findings',
    none: 'No findings.',
    more: (n: number) => `… and ${n} more findings`,
    header: ['Row', 'Column', 'Reason', 'Value'],
    summary: (j: ImportJobView) =>
      `${j.totalRows} rows: ${j.validRows} valid, ${j.invalidRows} with findings, ${j.findingCount} findings.`,
    done: (r: NonNullable<ImportJobView['result']>, ms: number) =>
      `Imported ${r.residentsInserted} residents, ${r.householdsCreated} new households, ${r.skipped} skipped ` +
      `(written in ${ms} ms).`,
    dry: 'Dry run: nothing was written.',
    validated: (ms: number) => `Validated in ${ms} ms.`,
  },
} as const;

/** Display width: CJK characters take two columns in a terminal. */
const widthOf = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const padTo = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - widthOf(s)));

export function findingsTable(job: ImportJobView, lang: Lang, show: number): string[] {
  const text = TEXT[lang];
  const items = job.findings.items.slice(0, show);
  if (items.length === 0) return [text.none];
  const rows = [[...text.header], ...items.map((f) => [String(f.row), f.column, f.message, f.value ?? ''])];
  const widths = [0, 1, 2].map((i) => Math.min(60, Math.max(...rows.map((r) => widthOf(r[i] ?? '')))));
  const lines = rows.map((r) => r.map((cell, i) => (i < 3 ? padTo(cell, widths[i] ?? 0) : cell)).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  ') + '  ----');
  if (job.findingCount > items.length) lines.push(text.more(job.findingCount - items.length));
  return lines;
}

/**
 * The request context the CLI imports in: a system actor with a registry keeper's capabilities at `placeCode`
 * (default: the district root), named `cli:<OS user>` in the audit entries, and its own audit sealer (stop it
 * when done).
 */
export async function importContext(
  config: Config,
  database: Database,
  placeCode: string | undefined,
  lang: Lang,
): Promise<{ ctx: RequestContext; sealer: AuditSealer }> {
  const sealer = new AuditSealer(database.db, () => {});
  const app: AppContext = { config, database, sealer, startedAt: new Date() };
  const ctx: RequestContext = {
    app,
    // The CLI acts with a registry keeper's capabilities at --place; it has no account.
    actor: await systemActor(database.db, {
      username: `cli:${os.userInfo().username}`,
      role: 'community_staff',
      via: 'cli',
      ...(placeCode ? { placeCode } : {}),
    }),
    lang,
    ip: 'cli',
    requestId: `cli-${process.pid}-${Date.now()}`,
  };
  return { ctx, sealer };
}

/**
 * `louyuan import residents FILE`: the same validation and writer as the console, as a system actor bound to
 * --place (default: the district root); the audit entries name `cli:<OS user>`. Exit code 0 when written (or a
 * clean dry run), 2 when findings stopped an all-or-nothing import or a dry run found problems.
 */
export async function importResidentsCli(
  config: Config,
  database: Database,
  file: string,
  options: ImportCliOptions,
): Promise<number> {
  const { db } = database;
  const { ctx, sealer } = await importContext(config, database, options.place, options.lang);
  const text = TEXT[options.lang];
  const bars = new cliProgress.MultiBar(
    {
      format: ' {phase} [{bar}] {percentage}% {value}/{total} ' + text.rows,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | null = null;
  let barPhase = '';
  // Bars only on a terminal (cli-progress writes to stderr); logs and pipes get the summary lines alone.
  const interactive = process.stderr.isTTY === true;
  const progress: ProgressListener = (phase, processed, total) => {
    if (!interactive || total === null) return; // reading: the row count is not known until the sheet has been read
    if (barPhase !== phase) {
      bar?.update(bar.getTotal());
      barPhase = phase;
      bar = bars.create(total, 0, { phase: padTo(text[phase], 8) });
    }
    bar?.update(processed);
  };
  try {
    const started = Date.now();
    const bytes = fs.readFileSync(file);
    const job = await startImport(ctx, { fileName: path.basename(file), bytes }, progress);
    await waitForValidation(ctx, job.id);
    const validatedMs = Date.now() - started;
    let view = await getImport(ctx, job.id, 1, options.show);
    bars.stop();
    bar = null;
    barPhase = '';
    if (view.status === 'failed') {
      console.error(view.error);
      return 1;
    }
    console.log(text.validated(validatedMs));
    if (view.findingCount > 0) {
      console.log(`${text.findings}:`);
      for (const line of findingsTable(view, options.lang, options.show)) console.log(`  ${line}`);
    }
    console.log(text.summary(view));
    if (options.dryRun) {
      console.log(text.dry);
      return view.findingCount > 0 ? 2 : 0;
    }
    const mode: ImportMode = options.mode === 'all' ? 'all_or_nothing' : 'valid_only';
    const writeStarted = Date.now();
    try {
      view = await commitImport(ctx, job.id, mode, progress);
    } catch (error) {
      bars.stop();
      if (error instanceof AppError) {
        console.error(errorMessage(error.code, options.lang, error.params));
        return error.code === 'IMPORT_HAS_FINDINGS' || error.code === 'IMPORT_CONFLICT' ? 2 : 1;
      }
      throw error;
    }
    bars.stop();
    if (view.result) console.log(text.done(view.result, Date.now() - writeStarted));
    return 0;
  } finally {
    bars.stop();
    await sealer.stop();
    await sealPending(db);
  }
}

/** `louyuan import residents FILE`. */
export function importsCli(_program: Command, kit: CliKit): void {
  const importCommand = kit.group('import', 'Import registry data from spreadsheets');
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
        await kit.withDatabase(async (database) => {
          process.exitCode = await importResidentsCli(kit.config, database, file, {
            ...(options.place ? { place: options.place } : {}),
            mode: options.mode as 'all' | 'valid',
            dryRun: options.dryRun === true,
            lang: options.lang as 'zh-CN' | 'en',
            show,
          });
        });
      },
    );
}

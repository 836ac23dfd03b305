import fs from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { sealPending } from '../../core/audit-trail.js';
import type { CliKit } from '../manifest.js';
import { importHotline } from './intake/cases.hotline.js';
import { rebuildRollups } from './analytics/cases.rollup.js';

/** `louyuan import hotline FILE` and `louyuan stats rebuild`. */
export function casesCli(program: Command, kit: CliKit): void {
  const importCommand = kit.group('import', 'Import registry data from spreadsheets');
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
      await kit.withDatabase(async (database) => {
        const ctx = await kit.cliContext(database, { lang: options.lang as 'zh-CN' | 'en' });
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

  // Case figures: the daily rollups are kept by the sweep; this rebuilds them from the case rows alone.
  const stats = program.command('stats').description('Dashboard figures (case rollups)');
  stats
    .command('rebuild')
    .description('Recompute every daily case rollup from the case rows, month by month, with progress')
    .action(async () => {
      await kit.withDatabase(async (database) => {
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
}

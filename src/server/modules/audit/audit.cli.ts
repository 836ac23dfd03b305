import type { Command } from 'commander';
import { verifyAuditChain } from '../../core/audit-trail.js';
import type { CliKit } from '../manifest.js';

/** `louyuan audit verify`. */
export function auditCli(program: Command, kit: CliKit): void {
  const audit = program.command('audit').description('The audit trail');
  audit
    .command('verify')
    .description('Recompute the hash chain; exit 1 and name the first broken link if it was altered')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await kit.withDatabase(async (database) => {
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
}

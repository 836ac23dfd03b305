import type { Command } from 'commander';
import type { CliKit } from '../../modules/manifest.js';

/** `louyuan kit-notes count`: how many notes the database holds. */
export function kitNotesCli(program: Command, kit: CliKit): void {
  program
    .command('kit-notes')
    .description('Notes pinned to places (the module kit demonstration)')
    .command('count')
    .action(async () => {
      const n = await kit.withDatabase(async (database) => {
        const row = await database.db
          .selectFrom('kit_note')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      });
      console.log(`${n} notes`);
    });
}

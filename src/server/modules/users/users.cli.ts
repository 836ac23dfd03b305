import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { sealPending } from '../../core/audit-trail.js';
import { runCommand } from '../../core/command.js';
import type { Role } from '../../db/types.js';
import { ALL_ROLES } from '../../policy/capabilities.js';
import { assertStrongPassword, hashPassword } from '../auth/auth.service.js';
import type { CliKit } from '../manifest.js';
import { findByCode } from '../places/places.queries.js';
import { listDemoAccounts } from './users.demo.js';

/** `louyuan demo-accounts` and `louyuan user add`. */
export function usersCli(program: Command, kit: CliKit): void {
  program
    .command('demo-accounts')
    .description('List the demo accounts (username, password, role, node code)')
    .option('--json', 'print JSON for scripts')
    .action(async (options: { json?: boolean }) => {
      await kit.withDatabase(async (database) => {
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
      await kit.withDatabase(async (database) => {
        const ctx = await kit.cliContext(database);
        try {
          // a command like any other write: the account and its audit entry in one transaction
          await runCommand(ctx, 'user.create', async (trx) => {
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
            return {
              value: row.id,
              audit: {
                subjectType: 'user',
                subjectId: String(row.id),
                placePath: place.path,
                details: { username, role: options.role, place: place.code, via: 'cli' },
              },
            };
          });
        } finally {
          await ctx.app.sealer.stop();
          await sealPending(database.db);
        }
      });
      console.log(`Created ${username} (${options.role}) at ${options.place}.`);
      if (generated) console.log(`Initial password (shown once; change it at first login): ${password}`);
    });
}

import os from 'node:os';
import type { Command } from 'commander';
import { sealPending } from '../../core/audit-trail.js';
import type { CliKit } from '../manifest.js';

/** `louyuan open311 key add | list | revoke`. */
export function open311Cli(program: Command, kit: CliKit): void {
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
      const { addClient } = await import('./open311.clients.js');
      const created = await kit.withDatabase(async (database) => {
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
      const { listClients } = await import('./open311.clients.js');
      const rows = await kit.withDatabase((database) => listClients(database.db));
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
      const { revokeClient } = await import('./open311.clients.js');
      const revoked = await kit.withDatabase(async (database) => {
        const result = await revokeClient(database.db, prefix, `cli:${os.userInfo().username}`);
        await sealPending(database.db);
        return result;
      });
      console.log(`Revoked the key ${revoked.prefix}… of client #${revoked.id} "${revoked.name}".`);
    });
}

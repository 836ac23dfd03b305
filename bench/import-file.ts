/**
 * Writes a resident sheet for import measurements: N valid rows (default 100,000) spread over the buildings
 * under --place (default: the whole district), with GB 11643 ID numbers from makeIdNumber in a region code the
 * demo does not use, so no row collides with a seeded resident.
 *
 *   node --import tsx bench/import-file.ts /tmp/residents-100k.xlsx [rows] [--place CODE]
 *   node --import tsx bench/import-file.ts /tmp/residents-100k.csv 100000
 */
import fs from 'node:fs';
import { loadConfig } from '../src/server/config.js';
import { openDatabase, targetFromConfig } from '../src/server/db/database.js';
import { writeResidentFile } from './resident-rows.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out) throw new Error('usage: bench/import-file.ts OUT.xlsx|OUT.csv [rows] [--place CODE]');
const rows = Number(args[1] && !args[1].startsWith('--') ? args[1] : 100_000);
const placeAt = args.indexOf('--place');
const place = placeAt >= 0 ? args[placeAt + 1] : undefined;

const database = await openDatabase(targetFromConfig(loadConfig()));
const buildings = await database.db
  .selectFrom('place')
  .select('code')
  .where('kind', '=', 'building')
  .where('code', 'like', `${place ?? ''}%`)
  .orderBy('code')
  .execute();
await database.close();
if (buildings.length === 0) throw new Error('no buildings there');

const started = Date.now();
await writeResidentFile(out, rows, buildings);
console.log(
  `${rows} rows over ${buildings.length} buildings → ${out} (${(fs.statSync(out).size / 1048576).toFixed(1)} MiB) ` +
    `in ${Date.now() - started} ms`,
);

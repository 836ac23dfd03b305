/**
 * Writes a resident sheet for import measurements: N valid rows (default 100,000) spread over the buildings
 * under --place (default: the whole district), with GB 11643 ID numbers from makeIdNumber in a region code the
 * demo does not use, so no row collides with a seeded resident.
 *
 *   node --import tsx bench/import-file.ts /tmp/residents-100k.xlsx [rows] [--place CODE]
 *   node --import tsx bench/import-file.ts /tmp/residents-100k.csv 100000
 */
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { loadConfig } from '../src/server/config.js';
import { writeXlsx, type XlsxColumn } from '../src/server/core/xlsx-export.js';
import { openDatabase, targetFromConfig } from '../src/server/db/database.js';
import { IMPORT_COLUMNS } from '../src/server/modules/imports/imports.columns.js';
import { makeIdNumber } from '../src/shared/id-number.js';

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

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英';
const TAGS = ['', '', '', '党员', '志愿者', '独居老人', '退役军人、党员'];
const DAY = 86_400_000;
const FIRST = Date.UTC(1940, 0, 1);
const DAYS = 25_000; // 1940 … 2008
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Row {
  [key: string]: string;
}
function* people(): Generator<Row> {
  for (let i = 0; i < rows; i++) {
    const building = buildings[i % buildings.length]?.code ?? '';
    const birth = iso(FIRST + (i % DAYS) * DAY);
    const seq = String(Math.floor(i / DAYS) * 2 + 1 + (i % 2)).padStart(3, '0');
    const household = Math.floor(i / 3);
    yield {
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`,
      idNumber: makeIdNumber('410199', birth, seq),
      gender: '',
      birthDate: '',
      phone: i % 4 === 0 ? '' : `13${String(800_000_000 + i).padStart(9, '0')}`,
      relation: i % 3 === 0 ? '户主' : '家庭成员',
      residenceType: i % 10 === 0 ? '流动' : '户籍',
      housing: i % 10 === 0 ? '租赁' : '自有',
      buildingCode: building,
      compoundName: '',
      buildingName: '',
      unit: String(1 + (household % 4)),
      room: String(101 + (household % 18)),
      address: '',
      tags: TAGS[i % TAGS.length] ?? '',
      note: '',
    };
  }
}

const started = Date.now();
if (out.endsWith('.csv')) {
  const lines = [IMPORT_COLUMNS.map((c) => c.header['zh-CN']).join(',')];
  for (const p of people()) lines.push(IMPORT_COLUMNS.map((c) => p[c.key] ?? '').join(','));
  fs.writeFileSync(out, `\ufeff${lines.join('\r\n')}\r\n`);
} else {
  const columns: XlsxColumn<Row>[] = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    value: (r) => r[c.key] || null,
    text: true,
  }));
  const stream = fs.createWriteStream(out);
  await writeXlsx(stream, 'zh-CN', [
    { name: { 'zh-CN': '居民信息', en: 'Residents' }, columns, rows: people() },
  ]);
  await finished(stream);
}
console.log(
  `${rows} rows over ${buildings.length} buildings → ${out} (${(fs.statSync(out).size / 1048576).toFixed(1)} MiB) ` +
    `in ${Date.now() - started} ms`,
);

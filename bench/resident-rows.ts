/**
 * Resident sheets for import measurements (bench/import-file.ts, the `residents` bench suite): N valid rows
 * spread over the given buildings, with GB 11643 ID numbers from makeIdNumber in a region code the demo does not
 * use, so no row collides with a seeded resident. Every third row starts a household.
 */
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { writeXlsx, type XlsxColumn } from '../src/server/core/xlsx-export.js';
import { IMPORT_COLUMNS } from '../src/server/modules/imports/imports.columns.js';
import { makeIdNumber } from '../src/shared/id-number.js';

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
function* people(rows: number, buildings: { code: string }[]): Generator<Row> {
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

/** Write `rows` residents over `buildings` to `out` (.csv: UTF-8 with BOM; else .xlsx). */
export async function writeResidentFile(
  out: string,
  rows: number,
  buildings: { code: string }[],
): Promise<void> {
  if (buildings.length === 0) throw new Error('no buildings to spread the residents over');
  if (out.endsWith('.csv')) {
    const lines = [IMPORT_COLUMNS.map((c) => c.header['zh-CN']).join(',')];
    for (const p of people(rows, buildings)) lines.push(IMPORT_COLUMNS.map((c) => p[c.key] ?? '').join(','));
    fs.writeFileSync(out, `\ufeff${lines.join('\r\n')}\r\n`);
    return;
  }
  const columns: XlsxColumn<Row>[] = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    value: (r) => r[c.key] || null,
    text: true,
  }));
  const stream = fs.createWriteStream(out);
  await writeXlsx(stream, 'zh-CN', [
    { name: { 'zh-CN': '居民信息', en: 'Residents' }, columns, rows: people(rows, buildings) },
  ]);
  await finished(stream);
}

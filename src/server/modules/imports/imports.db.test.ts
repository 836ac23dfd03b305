import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number.js';
import type { DB } from '../../db/types.js';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import {
  csvOf,
  encodeGbk,
  multipartBody,
  uploadAndValidate,
  xlsxOf,
  type ImportJobAnswer,
  type SheetCell,
} from '../../testing/sheets.js';
import { importResidentsCli } from './imports.cli.js';

let t: TestApp;
let db: Kysely<DB>;
let c1: Session;
let c3: Session;
/** Buildings of community1's community (410103001001) and one of community3's. */
let own: { code: string; name: string; compound: string }[];
let foreignCode: string;

const HEADER = [
  '姓名',
  '公民身份号码',
  '性别',
  '联系电话',
  '与户主关系',
  '人员类型',
  '楼栋编码',
  '单元',
  '房号',
  '标签',
];
let serial = 100;
/** A valid ID number no demo resident has (Beijing Dongcheng, born 1936). */
const newId = (sex: 'male' | 'female' = 'male') => {
  serial += 2;
  const seq = String(serial + (sex === 'male' ? 1 : 0)).padStart(3, '0');
  return makeIdNumber('110101', `1936-0${1 + (serial % 9)}-1${serial % 10}`, seq);
};

const residentCount = async () =>
  (
    await db
      .selectFrom('resident')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  c1 = await t.login('community1');
  c3 = await t.login('community3');
  own = await db
    .selectFrom('place as b')
    .innerJoin('place as c', 'c.id', 'b.parent_id')
    .select(['b.code', 'b.name', 'c.name as compound'])
    .where('b.kind', '=', 'building')
    .where('b.code', 'like', '410103001001%')
    .orderBy('b.code')
    .limit(5)
    .execute();
  const foreign = await db
    .selectFrom('place')
    .select('code')
    .where('kind', '=', 'building')
    .where('code', 'like', '410103002001%')
    .orderBy('code')
    .limit(1)
    .executeTakeFirstOrThrow();
  foreignCode = foreign.code;
});
afterAll(() => t?.close());

const findingsAt = (job: ImportJobAnswer, row: number) =>
  job.findings.items.filter((f) => f.row === row).map((f) => `${f.column}:${f.reason}`);

describe('the template', () => {
  it('is an .xlsx with the columns, an example row, my buildings and the tag names', async () => {
    const res = await c1.request('GET', '/api/residents/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('居民导入模板.xlsx')}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [residents, buildings, tags] = book.worksheets;
    expect(residents?.getRow(1).values).toEqual(
      expect.arrayContaining(['姓名', '公民身份号码', '楼栋编码', '标签']),
    );
    expect(residents?.rowCount).toBe(2);
    const codes: string[] = [];
    buildings?.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c.startsWith('410103001001'))).toBe(true);
    expect(codes).toContain(own[0]?.code);
    expect(tags?.getColumn(1).values).toContain('独居老人');
  });

  it('is refused to a role that cannot import', async () => {
    const admin = await t.login('admin');
    expect((await admin.request('GET', '/api/residents/import-template')).statusCode).toBe(403);
  });
});

describe('an .xlsx with problems', () => {
  let job: ImportJobAnswer;
  let countBefore = 0;
  const ids = { good1: '', good2: '', dup: '', badCheck: '' };

  beforeAll(async () => {
    ids.good1 = newId();
    ids.good2 = newId('female');
    ids.dup = ids.good1;
    const right = newId();
    ids.badCheck = right.slice(0, 17) + (right[17] === '1' ? '2' : '1'); // a wrong check digit
    const a = own[0]?.code ?? '';
    const rows: SheetCell[][] = [
      HEADER,
      ['王一', ids.good1, '男', '13800138000', '户主', '户籍', a, '1', '101', '党员'], // row 2: good
      ['王二', ids.badCheck, '', '', '家庭成员', '户籍', a, '1', '101', ''], // row 3: check digit
      ['李四', ids.good2, '女', '', '户主', '户籍', a, '2', '202', '独居老人、志愿者'], // row 4: good
      ['赵五', 410103199001010000, '', '', '户主', '户籍', a, '3', '301', ''], // row 5: ID lost digits
      ['钱六', newId(), '', '', '户主', '户籍', foreignCode, '1', '101', ''], // row 6: other community
      ['孙七', ids.dup, '', '', '户主', '户籍', a, '4', '401', ''], // row 7: duplicate of row 2
      ['周八', newId(), '', '123', '户主', '流动', a, '5', '501', '不存在的标签'], // row 8: phone + tag
      [null, null, null, null, null, null, null, null, null, null], // blank: skipped
      ['', newId(), '', '', '户主', '户籍', '', '', '', ''], // row 10: no name, no building
    ];
    countBefore = await residentCount();
    job = await uploadAndValidate(c1, '居民台账.xlsx', await xlsxOf(rows));
  });

  it('reports every problem by row and column before anything is written', async () => {
    expect(job.status).toBe('validated');
    expect(job.totalRows).toBe(8);
    expect(job.validRows).toBe(2);
    expect(job.invalidRows).toBe(6);
    expect(job.processed).toBe(job.total);
    expect(findingsAt(job, 2)).toEqual([]);
    expect(findingsAt(job, 3)).toEqual(['公民身份号码:id_check_digit']);
    expect(findingsAt(job, 5)).toEqual(['公民身份号码:id_digits_lost']);
    expect(findingsAt(job, 6)).toEqual(['楼栋编码:building_not_found']);
    expect(findingsAt(job, 7)).toEqual(['公民身份号码:id_duplicate_in_file']);
    expect(findingsAt(job, 8).sort()).toEqual(['标签:unknown_tag', '联系电话:phone_format']);
    expect(findingsAt(job, 10).sort()).toEqual(['姓名:required', '楼栋编码:building_required']);
    const messages = job.findings.items.map((f) => f.message);
    expect(messages.every((m) => /[\u4e00-\u9fff]/.test(m))).toBe(true);
    expect(await residentCount()).toBe(countBefore);
  });

  it('never shows a full ID number in the findings', async () => {
    const res = await c1.request('GET', `/api/residents/imports/${job.id}?pageSize=200`);
    for (const id of Object.values(ids)) expect(res.body).not.toContain(id);
    expect(res.json<ImportJobAnswer>().findings.items.find((f) => f.row === 7)?.value).toMatch(
      /^\*+\d{3}[\dX]$/,
    );
  });

  it('answers in English when asked', async () => {
    const res = await c1.request('GET', `/api/residents/imports/${job.id}`, undefined, {
      'accept-language': 'en',
    });
    const first = res.json<ImportJobAnswer>().findings.items[0];
    expect(first?.message).toMatch(/^[A-Z]/);
    expect(first?.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('is invisible to another community', async () => {
    expect((await c3.request('GET', `/api/residents/imports/${job.id}`)).statusCode).toBe(404);
    const commit = await c3.request('POST', `/api/residents/imports/${job.id}/commit`, {
      mode: 'valid_only',
    });
    expect(commit.statusCode).toBe(404);
  });

  it('all or nothing writes nothing when one row is bad', async () => {
    const before = await residentCount();
    const res = await c1.request('POST', `/api/residents/imports/${job.id}/commit`, {
      mode: 'all_or_nothing',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('IMPORT_HAS_FINDINGS');
    expect(await residentCount()).toBe(before);
  });

  it('valid only writes the good rows, audited without personal data', async () => {
    const before = await residentCount();
    const res = await c1.request('POST', `/api/residents/imports/${job.id}/commit`, { mode: 'valid_only' });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json<ImportJobAnswer>();
    expect(done.status).toBe('done');
    expect(done.result).toMatchObject({ residentsInserted: 2, skipped: 0 });
    expect(await residentCount()).toBe(before + 2);
    const written = await db
      .selectFrom('resident')
      .select(['name', 'path', 'tags'])
      .where('name', 'in', ['王一', '李四'])
      .execute();
    expect(written.map((r) => r.name).sort()).toEqual(['李四', '王一']);
    expect(written.find((r) => r.name === '李四')?.tags.sort()).toEqual(['elderly_alone', 'volunteer']);
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_name', 'details', 'result'])
      .where('action', '=', 'residents.import')
      .where('subject_id', '=', String(job.id))
      .where('result', '=', 'ok')
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('community1');
    expect(audit.details).toMatchObject({
      fileName: '居民台账.xlsx',
      residentsInserted: 2,
      mode: 'valid_only',
    });
    const text = JSON.stringify(audit.details);
    for (const id of Object.values(ids)) expect(text).not.toContain(id);
    // a second commit is refused
    const again = await c1.request('POST', `/api/residents/imports/${job.id}/commit`, { mode: 'valid_only' });
    expect(again.statusCode).toBe(409);
  });

  it('the same people uploaded again are reported as registered', async () => {
    const again = await uploadAndValidate(
      c1,
      'again.xlsx',
      await xlsxOf([
        HEADER,
        ['王一', ids.good1, '男', '', '户主', '户籍', own[0]?.code ?? '', '1', '101', ''],
      ]),
    );
    expect(findingsAt(again, 2)).toEqual(['公民身份号码:id_registered']);
  });
});

describe('CSV files', () => {
  it('UTF-8 with BOM and English headers, by compound and building name; all or nothing writes every row', async () => {
    const b = own[1] ?? own[0];
    const rows: SheetCell[][] = [
      ['Name', 'ID number', 'Phone', 'Relation', 'Compound', 'Building', 'Unit', 'Room', 'Birth date'],
      [
        'Amy 王',
        newId('female'),
        '0371-66668888',
        'head',
        b?.compound ?? '',
        b?.name ?? '',
        '1',
        '102',
        null,
      ],
      ['Bob 李', newId(), '', 'member', b?.compound ?? '', b?.name ?? '', '1', '102', null],
    ];
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(rows))]);
    const job = await uploadAndValidate(c1, 'people.csv', bytes);
    expect(job.findings.items).toEqual([]);
    expect(job.validRows).toBe(2);
    const before = await residentCount();
    const res = await c1.request('POST', `/api/residents/imports/${job.id}/commit`, {
      mode: 'all_or_nothing',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportJobAnswer>().result).toMatchObject({ residentsInserted: 2 });
    expect(await residentCount()).toBe(before + 2);
  });

  it('GBK as Excel in China saves it, findings in the file’s own headers', async () => {
    const a = own[2] ?? own[0];
    const rows: SheetCell[][] = [
      ['居民信息登记表'],
      ['姓名', '身份证号', '性别', '人员类型', '楼栋编码', '房号', '备注'],
      ['张三丰', newId(), '男', '户籍', a?.code ?? '', '601', '武当山下'],
      ['郭靖', newId(), '女', '户籍', a?.code ?? '', '602', ''],
      ['黄蓉', '4.10103E+17', '女', '户籍', a?.code ?? '', '603', ''],
    ];
    const job = await uploadAndValidate(c1, 'gbk.csv', encodeGbk(csvOf(rows)));
    expect(job.status).toBe('validated');
    expect(job.totalRows).toBe(3);
    expect(findingsAt(job, 3)).toEqual([]);
    expect(findingsAt(job, 4)).toEqual(['性别:gender_mismatch']);
    expect(findingsAt(job, 5)).toEqual(['身份证号:id_digits_lost']);
  });
});

describe('louyuan import residents', () => {
  it('dry run reports findings as a table and writes nothing; then imports the valid rows as cli:<user>', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-cli-')), '台账.csv');
    const code = own[3]?.code ?? own[0]?.code ?? '';
    fs.writeFileSync(
      file,
      encodeGbk(
        csvOf([
          HEADER,
          ['命令甲', newId(), '', '', '户主', '户籍', code, '7', '701', ''],
          ['命令乙', '12345', '', '', '户主', '户籍', code, '7', '702', ''],
        ]),
      ),
    );
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.join(' '));
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const options = { place: '410103001001', lang: 'zh-CN' as const, show: 10 };
      const before = await residentCount();
      expect(
        await importResidentsCli(t.ctx.config, t.database, file, { ...options, mode: 'all', dryRun: true }),
      ).toBe(2);
      expect(lines.join('\n')).toMatch(/3\s+公民身份号码\s+身份号码应为 18 位/);
      expect(lines.join('\n')).toContain('共 2 行：有效 1 行，有问题 1 行');
      expect(await residentCount()).toBe(before);
      // all or nothing refuses the file; valid rows go in
      expect(
        await importResidentsCli(t.ctx.config, t.database, file, { ...options, mode: 'all', dryRun: false }),
      ).toBe(2);
      expect(await residentCount()).toBe(before);
      expect(
        await importResidentsCli(t.ctx.config, t.database, file, {
          ...options,
          mode: 'valid',
          dryRun: false,
        }),
      ).toBe(0);
      expect(await residentCount()).toBe(before + 1);
      expect(lines.join('\n')).toContain('已导入 1 人');
    } finally {
      log.mockRestore();
      errors.mockRestore();
    }
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_name', 'place_path'])
      .where('action', '=', 'residents.import')
      .where('result', '=', 'ok')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBeNull();
    expect(audit.actor_name).toBe(`cli:${os.userInfo().username}`);
  });
});

describe('refusals', () => {
  it('JSON instead of a file: 415; a file of the wrong type: 415; nothing written', async () => {
    const json = await c1.request('POST', '/api/residents/imports', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json<{ error: { code: string } }>().error.code).toBe('MULTIPART_EXPECTED');
    const body = multipartBody('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    const xls = await c1.request('POST', '/api/residents/imports', body.payload, body.headers);
    expect(xls.statusCode).toBe(415);
    expect(xls.json<{ error: { code: string; message: string } }>().error.message).toContain('.xlsx');
  });

  it('a file without a header row fails with a reason', async () => {
    const job = await uploadAndValidate(c1, 'nothing.csv', Buffer.from('a,b,c\r\n1,2,3\r\n'));
    expect(job.status).toBe('failed');
    expect(job.error).toContain('表头');
  });

  it('a role without the import capability gets 403', async () => {
    const admin = await t.login('admin');
    const body = multipartBody('x.csv', Buffer.from(csvOf([HEADER])));
    const res = await admin.request('POST', '/api/residents/imports', body.payload, body.headers);
    expect(res.statusCode).toBe(403);
  });
});

describe('place export', () => {
  it('streams the filtered place list as .xlsx, only within my subtree', async () => {
    const res = await c1.request('GET', '/api/places/export?kind=building');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('编码');
    const codes: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    const expected = await db
      .selectFrom('place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'building')
      .where('code', 'like', '410103001001%')
      .executeTakeFirstOrThrow();
    expect(codes.length).toBe(expected.n);
    expect(codes.every((c) => c.startsWith('410103001001'))).toBe(true);
    const en = await c1.request('GET', '/api/places/export?kind=compound', undefined, {
      'accept-language': 'en',
    });
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(enBook.worksheets[0]?.getRow(1).getCell(1).value).toBe('Code');
  });
});

import { describe, expect, it } from 'vitest';
import { csvOf, encodeGbk, xlsxOf } from '../../testing/sheets.js';
import { columnForHeader, headerMapOf } from './imports.columns.js';
import { decodeCsv, readCsv, readSheet, readXlsx, sheetFormat, SheetReadError } from './imports.read.js';

describe('headers', () => {
  it('reads Chinese headers, English aliases and hints in brackets', () => {
    expect(columnForHeader('公民身份号码')).toBe('idNumber');
    expect(columnForHeader('身份证号')).toBe('idNumber');
    expect(columnForHeader(' ID Number ')).toBe('idNumber');
    expect(columnForHeader('人员类型（户籍/流动/境外）')).toBe('residenceType');
    expect(columnForHeader('*姓名')).toBe('name');
    expect(columnForHeader('籍贯')).toBeUndefined();
  });

  it('a header row names 姓名 and two more known columns', () => {
    expect(headerMapOf(['序号', '姓名', '身份证号', '楼栋编码'])).toMatchObject({
      name: { index: 1, header: '姓名' },
      idNumber: { index: 2 },
      buildingCode: { index: 3 },
    });
    expect(headerMapOf(['居民信息登记表'])).toBeNull();
    expect(headerMapOf(['姓名', '备注'])).toBeNull();
  });
});

describe('CSV', () => {
  const rows = [
    ['姓名', '身份证号', '楼栋编码'],
    ['张三', '410103199001010019', '410103001001001001'],
  ];

  it('decodes UTF-8 with and without BOM, and GBK', () => {
    const text = csvOf(rows);
    expect(decodeCsv(Buffer.from(text))).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    const gbk = encodeGbk(text);
    expect(gbk.length).toBeLessThan(Buffer.byteLength(text)); // two bytes per character, not three
    expect(decodeCsv(gbk)).toBe(text);
  });

  it('finds the header below a title row and numbers rows as Excel does', () => {
    const sheet = readCsv(Buffer.from(csvOf([['居民信息登记表'], [], ...rows, [], ['李四', '', '']])));
    expect(sheet.headerRow).toBe(3);
    expect(sheet.rows.map((r) => r.row)).toEqual([4, 6]);
    expect(sheet.rows[0]?.cells).toEqual(['张三', '410103199001010019', '410103001001001001']);
  });

  it('refuses a file without a header', () => {
    expect(() => readCsv(Buffer.from('a,b\n1,2\n'))).toThrow(SheetReadError);
  });
});

describe('xlsx', () => {
  it('keeps every Chinese character however the zip chunks fall (exceljs decodes chunk by chunk)', async () => {
    const names = ['欧阳娜娜', '家庭成员', '独居老人、志愿者', '阿依古丽·买买提'];
    const body = Array.from({ length: 4000 }, (_, i) => [
      names[i % 4] ?? '',
      names[(i + 1) % 4] ?? '',
      `${'楼'.repeat(i % 7)}${i}`,
    ]);
    const bytes = await xlsxOf([['姓名', '与户主关系', '标签'], ...body]);
    const sheet = await readXlsx(bytes);
    expect(sheet.rows).toHaveLength(4000);
    const text = sheet.rows.flatMap((r) => r.cells).join('');
    expect(text).not.toContain('\ufffd');
    expect(sheet.rows[3999]?.cells).toEqual(body[3999]);
  });

  it('gives numbers and dates as Excel stored them, and reads the first sheet only', async () => {
    const bytes = await xlsxOf(
      [
        ['姓名', '公民身份号码', '出生日期', '房号'],
        ['张三', 410103199001010000, new Date(Date.UTC(1990, 0, 1)), 101],
      ],
      {
        楼栋列表: [
          ['姓名', '公民身份号码', '楼栋编码'],
          ['x', 'y', 'z'],
        ],
      },
    );
    const sheet = await readSheet('a.xlsx', bytes);
    expect(sheet.rows).toHaveLength(1);
    const cells = sheet.rows[0]?.cells ?? [];
    expect(cells[1]).toBe(410103199001010000);
    expect(cells[2]).toBeInstanceOf(Date);
    expect(cells[3]).toBe(101);
  });

  it('tells the format by content, and refuses what is neither', () => {
    expect(sheetFormat('data.bin', Buffer.from('PK\u0003\u0004'))).toBe('xlsx');
    expect(sheetFormat('people.CSV', Buffer.from('姓名'))).toBe('csv');
    expect(sheetFormat('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toBeNull();
    expect(sheetFormat('fake.xlsx', Buffer.from('name,id'))).toBeNull();
  });
});

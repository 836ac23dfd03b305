import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../testing/app.js';
import { csvOf, encodeGbk, multipartBody } from '../../../testing/sheets.js';
import { HOTLINE_COLUMNS, parseLocalTime } from './cases.hotline.js';

let t: TestApp;
let admin: Session;
let community1: Session;
let dir = '';
let file = '';

interface HotlineAnswer {
  imported: number;
  cases: { row: number; code: string; externalRef: string }[];
  skipped: { row: number; reason: string }[];
  findings: { row: number; column: string; message: string }[];
}

async function upload(who: Session, bytes: Buffer, headers: Record<string, string> = {}) {
  const body = multipartBody('12345.csv', bytes);
  return who.request('POST', '/api/cases/import-hotline', body.payload, { ...body.headers, ...headers });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  community1 = await t.login('community1');
  const home = await t.database.db
    .selectFrom('household')
    .select(['lng', 'lat'])
    .where('lng', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  // the hotline's export as a file on disk, in GBK as Excel in China saves CSV
  const rows = [
    [...HOTLINE_COLUMNS],
    [
      'HL2026112000001',
      '2026-11-20 09:15',
      '1001',
      '小区内有居民飞线充电',
      '某小区3号楼',
      String(home.lng),
      String(home.lat),
      '王女士',
      '13812345678',
    ],
    [
      'HL2026112000001',
      '2026-11-20 09:30',
      '1002',
      '同一工单再次出现',
      '',
      String(home.lng),
      String(home.lat),
      '',
      '',
    ],
    [
      'HL2026112000002',
      '2026-11-20 10:00',
      '杂物堆积',
      '天安门广场有杂物',
      '北京',
      '116.3975',
      '39.9087',
      '李先生',
      '',
    ],
    [
      'HL2026112000003',
      '2026-11-20 10:30',
      '9999',
      '类别不存在',
      '',
      String(home.lng),
      String(home.lat),
      '',
      '',
    ],
    ['HL2026112000004', '2026-11-20 11:00', '1002', '没有坐标的工单', '某路口', '', '', '', ''],
  ];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'louyuan-hotline-'));
  file = path.join(dir, '12345工单.csv');
  fs.writeFileSync(file, encodeGbk(csvOf(rows)));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

describe('12345 hotline import', () => {
  it('imports the good row as a hotline case and reports the repeat, the point outside, the bad category and the missing coordinates', async () => {
    const res = await upload(admin, fs.readFileSync(file));
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<HotlineAnswer>();
    expect(answer.imported).toBe(1);
    expect(answer.cases).toEqual([{ row: 2, code: expect.any(String), externalRef: 'HL2026112000001' }]);
    expect(answer.skipped.map((x) => x.row)).toEqual([3, 4, 5, 6]);
    expect(answer.skipped[0]!.reason).toContain('重复');
    expect(answer.skipped[1]!.reason).toContain('不在本区');
    expect(answer.findings).toEqual(
      expect.arrayContaining([
        { row: 4, column: '经度', message: expect.stringContaining('不在本区') },
        { row: 5, column: '诉求类别', message: '未知的诉求类别：9999' },
        { row: 6, column: '经度', message: '没有坐标' },
      ]),
    );

    const row = await t.database.db
      .selectFrom('civic_case')
      .selectAll()
      .where('external_ref', '=', 'HL2026112000001')
      .executeTakeFirstOrThrow();
    expect(row.code).toBe(answer.cases[0]!.code);
    expect(row.channel).toBe('hotline');
    expect(row.reported_at.toISOString()).toBe('2026-11-20T01:15:00.000Z');
    expect(row.reporter_name).toBe('王女士');
    expect(row.reporter_phone_masked).toBe('138****5678');
    expect(row.reporter_phone_enc).not.toContain('13812345678');
    expect(row.grid_id).not.toBeNull();
    expect(row.address).toBe('某小区3号楼');
    const events = await t.database.db
      .selectFrom('case_event')
      .selectAll()
      .where('case_id', '=', row.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['report']);
  });

  it('skips work orders imported before, with messages in the request language', async () => {
    const res = await upload(admin, fs.readFileSync(file), { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<HotlineAnswer>();
    expect(answer.imported).toBe(0);
    expect(answer.skipped[0]).toEqual({ row: 2, reason: 'work order HL2026112000001 was already imported' });
    expect(answer.findings).toEqual(
      expect.arrayContaining([{ row: 6, column: '经度', message: 'no coordinates' }]),
    );
    const count = await t.database.db
      .selectFrom('civic_case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('external_ref', 'like', 'HL%')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses a file holding NUL as not a text table: a 400, not a 500 from the database', async () => {
    const bytes = Buffer.from(
      '工单编号,受理时间,诉求类别,诉求内容\nHL\u00009,2026-11-20 08:00,1006,噪音\n',
      'utf8',
    );
    const res = await upload(admin, bytes);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { code: string; details: { path: string }[] } }>().error.details[0]!.path).toBe(
      '/file',
    );
  });

  it('offers a template that names the columns, and refuses those without cases.import or a file', async () => {
    const template = await admin.request('GET', '/api/cases/import-hotline/template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('text/csv');
    const [header, example] = template.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(header!.split(',')).toEqual([...HOTLINE_COLUMNS]);
    expect(example!.split(',')[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    expect((await upload(community1, fs.readFileSync(file))).statusCode).toBe(403);
    expect((await community1.request('GET', '/api/cases/import-hotline/template')).statusCode).toBe(403);
    const json = await admin.request('POST', '/api/cases/import-hotline', { file: 'x' });
    expect(json.statusCode).toBe(415);
    const headless = await upload(admin, Buffer.from('a,b\r\n1,2\r\n'));
    expect(headless.statusCode).toBe(400);
  });

  it('reads local times as Asia/Shanghai', () => {
    expect(parseLocalTime('2026-01-02 08:05')?.toISOString()).toBe('2026-01-02T00:05:00.000Z');
    expect(parseLocalTime('2026/1/2 8:05:30')?.toISOString()).toBe('2026-01-02T00:05:30.000Z');
    expect(parseLocalTime('2026-13-02 08:05')).toBeNull();
    expect(parseLocalTime('yesterday')).toBeNull();
  });
});

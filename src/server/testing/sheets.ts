import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Session } from './app.js';

/** Spreadsheets and uploads for import tests. */

export type SheetCell = string | number | Date | null;

/** An .xlsx whose first sheet holds the rows (the first row is usually the header). */
export async function xlsxOf(
  rows: SheetCell[][],
  extraSheets: Record<string, SheetCell[][]> = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('居民信息');
  for (const row of rows) sheet.addRow(row);
  for (const [name, extra] of Object.entries(extraSheets)) {
    const other = workbook.addWorksheet(name);
    for (const row of extra) other.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV text: fields quoted when they need it, CRLF line ends as Excel writes them. */
export function csvOf(rows: SheetCell[][]): string {
  const field = (v: SheetCell) => {
    const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

let gbkTable: Map<string, [number, number]> | null = null;

/**
 * Encodes text as GBK, the way Excel in China saves CSV. The table is built by decoding every two-byte GBK code
 * with the platform's own decoder, so the test encodes exactly what the server is to decode.
 */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`encodeGbk: ${ch} has no GBK code`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** A multipart/form-data body with one file, as a browser sends it. */
export function multipartBody(
  fileName: string,
  bytes: Buffer,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----louyuan${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export interface ImportJobAnswer {
  id: number;
  status: string;
  processed: number;
  total: number | null;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  findingCount: number;
  findings: {
    items: { row: number; column: string; reason: string; message: string; value?: string }[];
    total: number;
  };
  result: { residentsInserted: number; householdsCreated: number; skipped: number } | null;
  error: string | null;
}

/** Uploads a file as `session` and waits for validation to finish; returns the job's last answer. */
export async function uploadAndValidate(
  session: Session,
  fileName: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
): Promise<ImportJobAnswer> {
  const body = multipartBody(fileName, bytes);
  const res = await session.request('POST', '/api/residents/imports', body.payload, {
    ...body.headers,
    ...headers,
  });
  if (res.statusCode !== 200) throw new Error(`upload ${fileName}: ${res.statusCode} ${res.body}`);
  let job = res.json<ImportJobAnswer>();
  const deadline = Date.now() + 60_000;
  while (job.status === 'validating') {
    if (Date.now() > deadline) throw new Error(`import ${job.id} still validating`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const next = await session.request(
      'GET',
      `/api/residents/imports/${job.id}?pageSize=200`,
      undefined,
      headers,
    );
    job = next.json<ImportJobAnswer>();
  }
  return job;
}

/** Uploads a one-row sheet (a foreign resident, no ID number) into `buildingCode` as a job fixture; its id. */
export async function uploadFixture(session: Session, buildingCode: string): Promise<number> {
  const rows = [
    ['姓名', '人员类型', '楼栋编码'],
    ['夹具', '境外', buildingCode],
  ];
  const upload = multipartBody('fixture.csv', Buffer.from(csvOf(rows)));
  const res = await session.request('POST', '/api/residents/imports', upload.payload, upload.headers);
  if (res.statusCode !== 200) throw new Error(`fixture upload: ${res.statusCode} ${res.body}`);
  return res.json<{ id: number }>().id;
}

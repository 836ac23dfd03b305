/**
 * 12345 hotline import: the city hotline's work orders (a CSV export, UTF-8 or GBK) become cases with channel
 * 'hotline' and the work-order number as `external_ref`. Each row goes through createCase (located, deadlines,
 * first timeline step, audited) as the importing user; rows that cannot be imported are reported, not fatal.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { RequestContext } from '../../../core/context.js';
import { AppError } from '../../../http/errors.js';
import { errorMessage, type Lang } from '../../../http/messages.js';
import { requireCapability } from '../../../policy/authorize.js';
import { parsePhone } from '../../../../shared/phone.js';
import { decodeCsv } from '../../../core/text-decoding.js';
import { createCase } from '../cases.service.js';

/** The hotline's columns, in the template's order. */
export const HOTLINE_COLUMNS = [
  '工单编号',
  '受理时间',
  '诉求类别',
  '诉求内容',
  '地址',
  '经度',
  '纬度',
  '来电人',
  '联系电话',
] as const;
type Column = (typeof HOTLINE_COLUMNS)[number];

export const HOTLINE_EXAMPLE: Record<Column, string> = {
  工单编号: '2026112000001',
  受理时间: '2026-11-20 09:15',
  诉求类别: '1001',
  诉求内容: '市民反映小区内有居民从窗户飞线给电动车充电，存在安全隐患',
  地址: '二七区大学路街道某小区3号楼',
  经度: '113.6310',
  纬度: '34.7310',
  来电人: '王女士',
  联系电话: '13800000000',
};

/** At most this many rows per file (each becomes one audited case). */
export const MAX_HOTLINE_ROWS = 5_000;
export const HOTLINE_FILE_LIMIT = 5 * 1024 * 1024;

const TEXT = {
  'zh-CN': {
    duplicateFile: (ref: string) => `工单编号 ${ref} 在文件中重复`,
    duplicateDb: (ref: string) => `工单编号 ${ref} 已导入`,
    required: '必填',
    noRef: '缺少工单编号',
    time: '时间格式应为 YYYY-MM-DD HH:mm',
    category: (v: string) => `未知的诉求类别：${v}`,
    noCoordinates: '没有坐标',
    coordinates: '坐标无效',
    phone: '电话号码无效，未导入该号码',
    tooLong: (n: number) => `超过 ${n} 字`,
    invalid: '该行有问题，未导入',
    noHeader: '未找到表头（需含“工单编号”列）',
    binary: '文件含有无法保存的控制字符（NUL），不是文本表格',
    missingColumns: (c: string) => `缺少列：${c}`,
    tooMany: (n: number) => `行数超过 ${n}`,
  },
  en: {
    duplicateFile: (ref: string) => `work order ${ref} appears twice in the file`,
    duplicateDb: (ref: string) => `work order ${ref} was already imported`,
    required: 'required',
    noRef: 'no work-order number',
    time: 'the time must read YYYY-MM-DD HH:mm',
    category: (v: string) => `unknown category: ${v}`,
    noCoordinates: 'no coordinates',
    coordinates: 'coordinates are not valid',
    phone: 'the phone number is not valid and was left out',
    tooLong: (n: number) => `longer than ${n} characters`,
    invalid: 'the row has findings and was not imported',
    noHeader: 'no header row (it needs a 工单编号 column)',
    binary: 'the file holds a character that cannot be stored (NUL): not a text table',
    missingColumns: (c: string) => `missing columns: ${c}`,
    tooMany: (n: number) => `more than ${n} rows`,
  },
} as const;

export interface HotlineResult {
  imported: number;
  cases: { row: number; code: string; externalRef: string }[];
  skipped: { row: number; reason: string }[];
  findings: { row: number; column: string; message: string }[];
}

/** 'YYYY-MM-DD HH:mm[:ss]' (or with '/') in Asia/Shanghai local time. */
export function parseLocalTime(text: string): Date | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(
    `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h!.padStart(2, '0')}:${mi}:${s ?? '00'}+08:00`,
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The template: the header and one example row, UTF-8 with a BOM so Excel opens it right. */
export function hotlineTemplate(): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\ufeff${HOTLINE_COLUMNS.join(',')}\r\n${HOTLINE_COLUMNS.map((c) => quote(HOTLINE_EXAMPLE[c])).join(',')}\r\n`;
}

function messageOf(error: unknown, lang: Lang): string {
  if (error instanceof AppError) {
    return errorMessage(error.code, lang, error.params);
  }
  throw error;
}

export async function importHotline(ctx: RequestContext, bytes: Buffer): Promise<HotlineResult> {
  requireCapability(ctx.actor, 'cases.import');
  requireCapability(ctx.actor, 'cases.report');
  const text = TEXT[ctx.lang];
  const { db } = ctx.app.database;
  const decoded = decodeCsv(bytes);
  // PostgreSQL text cannot hold NUL: a file with one is not a sheet of text (found by the fuzz proof as a 500)
  if (decoded.includes('\u0000')) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/file', message: text.binary }]);
  }
  let records: string[][];
  try {
    records = parseCsv(decoded, {
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/file', message: text.noHeader }]);
  }
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() === '工单编号'));
  if (headerIndex < 0 || headerIndex > 10) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/file', message: text.noHeader }]);
  }
  const header = records[headerIndex]!.map((c) => c.trim());
  const index = new Map<Column, number>();
  for (const column of HOTLINE_COLUMNS) {
    const i = header.indexOf(column);
    if (i >= 0) index.set(column, i);
  }
  const missing = (['工单编号', '受理时间', '诉求类别', '诉求内容'] as const).filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/file', message: text.missingColumns(missing.join('、')) },
    ]);
  }
  const dataRows = records
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(headerIndex + 1)
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (dataRows.length > MAX_HOTLINE_ROWS) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/file', message: text.tooMany(MAX_HOTLINE_ROWS) }]);
  }

  const categories = await db
    .selectFrom('case_category')
    .select(['code', 'name', 'name_en'])
    .where('parent_code', 'is not', null)
    .where('active', '=', true)
    .execute();
  const categoryOf = (value: string): string | null => {
    const v = value.trim();
    const hit = categories.find(
      (c) => c.code === v || c.name === v || c.name_en.toLowerCase() === v.toLowerCase(),
    );
    return hit?.code ?? null;
  };
  const refs = dataRows.map((r) => (r.cells[index.get('工单编号')!] ?? '').trim()).filter(Boolean);
  const known = new Set(
    refs.length === 0
      ? []
      : (
          await db.selectFrom('civic_case').select('external_ref').where('external_ref', 'in', refs).execute()
        ).map((r) => r.external_ref),
  );

  const result: HotlineResult = { imported: 0, cases: [], skipped: [], findings: [] };
  const seen = new Set<string>();
  for (const { row, cells } of dataRows) {
    const cell = (c: Column) => (index.has(c) ? (cells[index.get(c)!] ?? '').trim() : '');
    const findings: HotlineResult['findings'] = [];
    const finding = (column: Column, message: string) => findings.push({ row, column, message });
    const ref = cell('工单编号');
    if (!ref) {
      result.skipped.push({ row, reason: text.noRef });
      continue;
    }
    if (seen.has(ref)) {
      result.skipped.push({ row, reason: text.duplicateFile(ref) });
      continue;
    }
    seen.add(ref);
    if (known.has(ref)) {
      result.skipped.push({ row, reason: text.duplicateDb(ref) });
      continue;
    }
    if (ref.length > 60) finding('工单编号', text.tooLong(60));
    const reportedAt = parseLocalTime(cell('受理时间'));
    if (!reportedAt) finding('受理时间', cell('受理时间') ? text.time : text.required);
    const rawCategory = cell('诉求类别');
    const categoryCode = rawCategory ? categoryOf(rawCategory) : null;
    if (!categoryCode) finding('诉求类别', rawCategory ? text.category(rawCategory) : text.required);
    const description = cell('诉求内容');
    if (!description) finding('诉求内容', text.required);
    else if (description.length > 2000) finding('诉求内容', text.tooLong(2000));
    const lngText = cell('经度');
    const latText = cell('纬度');
    const lng = Number(lngText);
    const lat = Number(latText);
    if (!lngText || !latText) finding(lngText ? '纬度' : '经度', text.noCoordinates);
    else if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      finding('经度', text.coordinates);
    }
    const phoneText = cell('联系电话');
    const phone = phoneText && parsePhone(phoneText).ok ? phoneText : undefined;
    const rowFindings = [...findings];
    if (phoneText && !phone) rowFindings.push({ row, column: '联系电话', message: text.phone });
    result.findings.push(...rowFindings);
    if (findings.length > 0) {
      result.skipped.push({ row, reason: findings.map((f) => `${f.column}: ${f.message}`).join('; ') });
      continue;
    }
    try {
      const created = await createCase(
        ctx,
        {
          categoryCode: categoryCode!,
          description,
          lng,
          lat,
          externalRef: ref,
          reportedAt: reportedAt!,
          ...(cell('地址') ? { address: cell('地址').slice(0, 200) } : {}),
          ...(cell('来电人') ? { reporterName: cell('来电人').slice(0, 50) } : {}),
          ...(phone ? { reporterPhone: phone } : {}),
        },
        'hotline',
      );
      result.imported++;
      result.cases.push({ row, code: created.case.code, externalRef: ref });
    } catch (error) {
      const message = messageOf(error, ctx.lang);
      if (error instanceof AppError && error.code === 'OUTSIDE_DISTRICT') {
        result.findings.push({ row, column: '经度', message });
      }
      result.skipped.push({ row, reason: message });
    }
  }
  return result;
}

import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import type { Lang } from '../http/messages.js';

export type XlsxValue = string | number | boolean | Date | null | undefined;

/** One column of an exported sheet: its header in both languages and how a row gives its value. */
export interface XlsxColumn<T> {
  header: Record<Lang, string>;
  value: (row: T) => XlsxValue;
  /** Width in characters (default 14). */
  width?: number;
  /**
   * Store as text, never as a number: ID numbers, phones and codes (Excel would round an 18-digit number
   * and drop leading zeros).
   */
  text?: boolean;
}

export interface XlsxSheet<T> {
  name: Record<Lang, string>;
  columns: readonly XlsxColumn<T>[];
  /** Any iterable or async iterable: a query's stream, a paged reader, an array. */
  rows: AsyncIterable<T> | Iterable<T>;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 200 answer of a route that sends a spreadsheet (for the OpenAPI document). */
export const XlsxFile = Type.String({
  format: 'binary',
  description: `An .xlsx workbook (${XLSX_CONTENT_TYPE})`,
});

/**
 * Content-Disposition for a download with a Chinese name: an ASCII fallback plus the RFC 5987 UTF-8 form,
 * which every current browser prefers.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Writes sheets to a stream with exceljs' streaming WorkbookWriter: each row is committed as it comes, so
 * memory stays flat however long the list (rows are never held as a workbook DOM).
 */
export async function writeXlsx(
  stream: Writable,
  lang: Lang,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- sheets of different row types in one book
  sheets: readonly XlsxSheet<any>[],
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c, i) => ({
      key: String(i),
      width: c.width ?? 14,
      ...(c.text ? { style: { numFmt: '@' } } : {}),
    }));
    const header = worksheet.addRow(sheet.columns.map((c) => c.header[lang]));
    header.font = { bold: true };
    header.commit();
    for await (const row of sheet.rows) {
      worksheet
        .addRow(
          sheet.columns.map((c) => {
            const value = c.value(row);
            if (value === null || value === undefined) return null;
            return c.text ? String(value) : value;
          }),
        )
        .commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/**
 * Sends sheets as an .xlsx download. The workbook is produced while it is sent; a failure half way ends the
 * download (the client sees a broken transfer, never a stack trace) and is logged.
 */
export function sendXlsx(
  reply: FastifyReply,
  fileName: string,
  lang: Lang,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- sheets of different row types in one book
  sheets: readonly XlsxSheet<any>[],
): FastifyReply {
  const body = new PassThrough();
  writeXlsx(body, lang, sheets).catch((error: unknown) => {
    reply.log.error({ err: error }, 'xlsx export failed');
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply
    .type(XLSX_CONTENT_TYPE)
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(body);
}

/** Reads a keyset-paged query as one async iterable (export of long lists without OFFSET scans). */
export async function* pagedRows<T, K>(
  fetch: (after: K | null, limit: number) => Promise<T[]>,
  keyOf: (row: T) => K,
  pageSize = 2000,
): AsyncGenerator<T> {
  let after: K | null = null;
  for (;;) {
    const rows = await fetch(after, pageSize);
    yield* rows;
    if (rows.length < pageSize) return;
    after = keyOf(rows[rows.length - 1] as T);
  }
}

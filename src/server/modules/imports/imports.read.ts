import { decodeCsv } from '../../core/text-decoding.js';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { headerMapOf, type HeaderMap } from './imports.columns.js';

/** A cell as the file gives it: text, a number (Excel keeps numbers as doubles), a date, or nothing. */
export type Cell = string | number | Date | null;

export interface SheetRow {
  /** The row number as the user sees it in Excel (the first line of the file is row 1). */
  row: number;
  cells: Cell[];
}

export interface ReadSheet {
  header: HeaderMap;
  /** Row number of the header line. */
  headerRow: number;
  rows: SheetRow[];
}

export type ReadFailure = 'file_type' | 'no_header' | 'too_many_rows' | 'unreadable';

export class SheetReadError extends Error {
  constructor(readonly reason: ReadFailure) {
    super(reason);
    this.name = 'SheetReadError';
  }
}

/** At most this many data rows per file: a community's ledger is a few thousand, a street's a few hundred thousand. */
export const MAX_IMPORT_ROWS = 200_000;
/** The header row is looked for among the first lines (ledgers often carry a title row or two above it). */
const HEADER_SEARCH_ROWS = 10;

export type SheetFormat = 'xlsx' | 'csv';

/** By content first (an xlsx is a zip: "PK"), then by name; anything else is refused. */
export function sheetFormat(fileName: string, head: Buffer): SheetFormat | null {
  if (head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return null; // claims xlsx, is not a zip
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}

const isBlank = (cells: readonly Cell[]) =>
  cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** Feeds rows in order: finds the header among the first lines, then keeps the data rows that are not blank. */
class SheetCollector {
  header: HeaderMap | null = null;
  headerRow = 0;
  rows: SheetRow[] = [];

  add(row: number, cells: Cell[], onRow?: (n: number) => void): void {
    if (!this.header) {
      if (row > HEADER_SEARCH_ROWS) throw new SheetReadError('no_header');
      const map = headerMapOf(cells.map((c) => (c === null ? null : String(c))));
      if (map) {
        this.header = map;
        this.headerRow = row;
      }
      return;
    }
    if (isBlank(cells)) return;
    if (this.rows.length >= MAX_IMPORT_ROWS) throw new SheetReadError('too_many_rows');
    this.rows.push({ row, cells });
    onRow?.(this.rows.length);
  }

  done(): ReadSheet {
    if (!this.header) throw new SheetReadError('no_header');
    return { header: this.header, headerRow: this.headerRow, rows: this.rows };
  }
}

export function readCsv(bytes: Buffer): ReadSheet {
  const text = decodeCsv(bytes);
  // Excel writes ';' in some locales and tabs for "Unicode text": take whichever separates the first line most.
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', '\t', ';'].sort(
    (a, b) => firstLine.split(b).length - firstLine.split(a).length,
  )[0] as string;
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch {
    throw new SheetReadError('unreadable');
  }
  const collector = new SheetCollector();
  records.forEach((cells, i) =>
    collector.add(
      i + 1,
      cells.map((c) => (c === '' ? null : c)),
    ),
  );
  return collector.done();
}

type ExcelValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { richText?: { text: string }[]; text?: string; result?: unknown; error?: string; formula?: string };

/** An exceljs value as a cell: rich text and hyperlinks as their text, formulas as their cached result. */
function cellOf(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
  if (typeof value.text === 'string') return value.text;
  if ('result' in value) return cellOf(value.result as ExcelValue);
  return null;
}

async function* decodeChunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

interface ReaderInternals {
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: number): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
}

/**
 * exceljs 4.4's streaming reader decodes each zip chunk on its own (utils/parse-sax.js), so a Chinese character
 * straddling two chunks turns into U+FFFD (家庭成员 → 家庭���员). Its parser passes strings through untouched:
 * hand it text decoded across chunk boundaries, for the sheets and for the shared strings.
 */
function decodeAcrossChunks(reader: object): void {
  const internals = reader as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseWorksheet = (chunks, sheetNo) => parseWorksheet(decodeChunks(chunks), sheetNo);
  internals._parseSharedStrings = (entry) => {
    const text = new PassThrough({ encoding: 'utf8' });
    entry.pipe(text);
    return parseSharedStrings(text);
  };
}

/** The first worksheet of an .xlsx, streamed (the whole sheet is never a DOM in memory). */
export async function readXlsx(bytes: Buffer, onRow?: (n: number) => void): Promise<ReadSheet> {
  const collector = new SheetCollector();
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    decodeAcrossChunks(reader);
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as ExcelValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
        collector.add(row.number, cells, onRow);
      }
      break; // the first sheet only: the template's other sheets are reference lists
    }
  } catch (error) {
    if (error instanceof SheetReadError) throw error;
    throw new SheetReadError('unreadable');
  }
  return collector.done();
}

export async function readSheet(
  fileName: string,
  bytes: Buffer,
  onRow?: (n: number) => void,
): Promise<ReadSheet> {
  const format = sheetFormat(fileName, bytes.subarray(0, 4));
  if (!format) throw new SheetReadError('file_type');
  return format === 'xlsx' ? readXlsx(bytes, onRow) : readCsv(bytes);
}

export { decodeCsv };

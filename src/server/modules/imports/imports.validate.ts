import { sql, type Kysely, type Transaction } from 'kysely';
import { lookupHash, type PersonalDataKeys } from '../../core/personal-data.js';
import type { DB, PlaceKind, StoredFinding } from '../../db/types.js';
import type { Lang } from '../../http/messages.js';
import {
  normalizeResident,
  type FindingReason,
  type ResidentInput,
  type ResidentRecord,
} from '../households/households.records.js';
import { underPath } from '../../core/sql.js';
import { IMPORT_COLUMNS, type ImportColumnKey } from './imports.columns.js';
import type { Cell, ReadSheet } from './imports.read.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Reasons beyond the record's own (households.records.ts): where the row lives and whether the person is new. */
export type ImportReason =
  | FindingReason
  | 'building_required'
  | 'building_not_found'
  | 'building_ambiguous'
  | 'id_digits_lost'
  | 'id_duplicate_in_file'
  | 'id_registered';

export const IMPORT_REASONS: readonly ImportReason[] = [
  'required',
  'too_long',
  'id_format',
  'id_region',
  'id_birth_date',
  'id_check_digit',
  'id_required',
  'phone_format',
  'phone_extension',
  'bad_choice',
  'bad_date',
  'birth_date_mismatch',
  'gender_mismatch',
  'unknown_tag',
  'building_required',
  'building_not_found',
  'building_ambiguous',
  'id_digits_lost',
  'id_duplicate_in_file',
  'id_registered',
];

export interface ImportFinding extends StoredFinding {
  reason: ImportReason;
}

export interface ValidationResult {
  /** The valid rows' records, in file order, and the sheet row of each. */
  records: ResidentRecord[];
  recordRows: number[];
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** Every finding up to MAX_FINDINGS_KEPT, in row order; findingCount counts them all. */
  findings: ImportFinding[];
  findingCount: number;
}

/** Findings kept in memory per job (a file of garbage must not cost gigabytes). */
export const MAX_FINDINGS_KEPT = 20_000;
const HOUSEHOLD_KINDS: readonly PlaceKind[] = ['building', 'compound', 'community', 'village'];

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as the text normalizeResident reads. */
function textOf(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return isoDate(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return cell;
}

/** Dates: an Excel date, a day serial in an unformatted cell, 19900101, or text normalizeResident reads. */
function dateText(cell: Cell | undefined): string | null {
  if (typeof cell === 'number' && cell > 0 && cell < 80_000) {
    return isoDate(new Date(EXCEL_EPOCH + Math.round(cell) * 86_400_000));
  }
  const text = textOf(cell)?.trim() ?? null;
  if (text && /^\d{8}$/.test(text)) return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`;
  return text;
}

/** An ID number Excel turned into a number (or its text 4.10103E+17) has lost its last digits. */
function idLostDigits(cell: Cell | undefined): boolean {
  if (typeof cell === 'number') return Math.abs(cell) >= 1e15 || !Number.isInteger(cell);
  return typeof cell === 'string' && /^\s*\d(\.\d+)?e\+?\d+\s*$/i.test(cell);
}

const maskTail = (value: string) =>
  value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;

interface PlaceTarget {
  id: number;
  code: string;
  kind: PlaceKind;
  name: string;
  parentId: number | null;
}

/** The places a row may name, in the actor's subtree: by code, and by compound name + building name. */
export async function placeIndex(db: Executor, scopePath: string) {
  const rows = await db
    .selectFrom('place')
    .select(['id', 'code', 'kind', 'name', 'parent_id'])
    .where('path', 'like', underPath(scopePath))
    .where('kind', 'in', HOUSEHOLD_KINDS)
    .execute();
  const byCode = new Map<string, PlaceTarget>();
  const byId = new Map<number, PlaceTarget>();
  for (const r of rows) {
    const target = { id: r.id, code: r.code, kind: r.kind, name: r.name, parentId: r.parent_id };
    byCode.set(r.code, target);
    byId.set(r.id, target);
  }
  /** "compound\0building" and "compound\0" → ids (more than one: the name is ambiguous in the subtree). */
  const byName = new Map<string, number[]>();
  const addName = (key: string, id: number) => byName.set(key, [...(byName.get(key) ?? []), id]);
  for (const t of byId.values()) {
    if (t.kind === 'building') {
      const compound = t.parentId === null ? undefined : byId.get(t.parentId);
      if (compound) addName(`${compound.name}\u0000${t.name}`, t.id);
    } else if (t.kind === 'compound') addName(`${t.name}\u0000`, t.id);
  }
  return { byCode, byName };
}

export type PlaceIndex = Awaited<ReturnType<typeof placeIndex>>;

const EXAMPLE = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.example]));
/** The template's example row, left in a filled template: not a person, not a finding. */
const isTemplateExample = (name: string | null, id: string | null) =>
  name === EXAMPLE.name && id === EXAMPLE.idNumber;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks every row before anything is written: the record's own fields (normalizeResident), where the
 * household lives (a place in the actor's subtree, by code or by compound + building name), and that each ID
 * number occurs once in the file and is not yet in the registry. Findings carry the row as Excel shows it, the
 * column header as the file spells it, a reason key and a masked value.
 */
export async function validateSheet(
  db: Executor,
  keys: PersonalDataKeys,
  sheet: ReadSheet,
  scopePath: string,
  lang: Lang,
  onProgress?: (processed: number, total: number) => void,
): Promise<ValidationResult> {
  const { header } = sheet;
  const total = sheet.rows.length;
  const places = await placeIndex(db, scopePath);
  const today = new Date();
  const columnName = (key: ImportColumnKey) =>
    header[key]?.header ?? IMPORT_COLUMNS.find((c) => c.key === key)?.header[lang] ?? key;
  const cellOf = (cells: Cell[], key: ImportColumnKey): Cell | undefined => {
    const at = header[key]?.index;
    return at === undefined ? undefined : cells[at];
  };
  const text = (cells: Cell[], key: ImportColumnKey) => textOf(cellOf(cells, key))?.trim() || null;

  const findings: ImportFinding[] = [];
  let findingCount = 0;
  const add = (finding: ImportFinding) => {
    findingCount++;
    if (findings.length < MAX_FINDINGS_KEPT) findings.push(finding);
  };

  // First pass: each row on its own. Candidates keep their ID number for the duplicate checks.
  const candidates: { row: number; record: ResidentRecord; bad: boolean }[] = [];
  const rowFindings = new Map<number, ImportFinding[]>();
  let skipped = 0;
  for (let i = 0; i < total; i++) {
    const { row, cells } = sheet.rows[i] as ReadSheet['rows'][number];
    if (isTemplateExample(text(cells, 'name'), text(cells, 'idNumber'))) {
      skipped++;
      continue;
    }
    const here: ImportFinding[] = [];
    const idCell = cellOf(cells, 'idNumber');
    const lost = idLostDigits(idCell);
    const input: ResidentInput = {
      name: text(cells, 'name'),
      idNumber: lost ? null : text(cells, 'idNumber'),
      gender: text(cells, 'gender'),
      birthDate: dateText(cellOf(cells, 'birthDate')),
      phone: text(cells, 'phone'),
      relation: text(cells, 'relation'),
      residenceType: text(cells, 'residenceType'),
      housing: text(cells, 'housing'),
      unit: text(cells, 'unit'),
      room: text(cells, 'room'),
      address: text(cells, 'address'),
      tags: text(cells, 'tags'),
      note: text(cells, 'note'),
    };
    if (lost) {
      here.push({
        row,
        column: columnName('idNumber'),
        reason: 'id_digits_lost',
        value: maskTail(textOf(idCell ?? null) ?? ''),
      });
    }
    const normalized = normalizeResident(input, today);
    if (!normalized.ok) {
      for (const f of normalized.findings) {
        if (lost && f.field === 'idNumber') continue;
        here.push({
          row,
          column: columnName(f.field),
          reason: f.reason,
          ...(f.value === undefined ? {} : { value: f.value }),
        });
      }
    }

    // Where the household lives.
    let placeId: number | null = null;
    const code = text(cells, 'buildingCode');
    const compoundName = text(cells, 'compoundName');
    const buildingName = text(cells, 'buildingName');
    if (code) {
      const target = places.byCode.get(code);
      if (target) placeId = target.id;
      else here.push({ row, column: columnName('buildingCode'), reason: 'building_not_found', value: code });
    } else if (compoundName) {
      const ids = places.byName.get(`${compoundName}\u0000${buildingName ?? ''}`) ?? [];
      const column = columnName(buildingName ? 'buildingName' : 'compoundName');
      const value = buildingName ? `${compoundName} ${buildingName}` : compoundName;
      if (ids.length === 1) placeId = ids[0] as number;
      else
        here.push({ row, column, reason: ids.length ? 'building_ambiguous' : 'building_not_found', value });
    } else {
      here.push({ row, column: columnName('buildingCode'), reason: 'building_required' });
    }

    if (normalized.ok && placeId !== null) {
      candidates.push({ row, record: { ...normalized.value, placeId }, bad: here.length > 0 });
    }
    if (here.length > 0) rowFindings.set(row, here);
    if (i % 2000 === 1999) {
      onProgress?.(i + 1, total);
      await yieldToLoop();
    }
  }

  /** A finding on a candidate's ID number, found after the row's own checks. */
  const flagId = (c: (typeof candidates)[number], reason: ImportReason) => {
    c.bad = true;
    const list = rowFindings.get(c.row) ?? [];
    list.push({
      row: c.row,
      column: columnName('idNumber'),
      reason,
      value: maskTail(c.record.idNumber ?? ''),
    });
    rowFindings.set(c.row, list);
  };

  // Duplicates within the file: the second and later rows with one ID number.
  const firstRowOf = new Map<string, number>();
  for (const c of candidates) {
    const id = c.record.idNumber;
    if (!id) continue;
    const first = firstRowOf.get(id);
    if (first === undefined) firstRowOf.set(id, c.row);
    else flagId(c, 'id_duplicate_in_file');
  }

  // Already registered: by the keyed hash, in batches.
  const withId = candidates.filter((c) => c.record.idNumber && !c.bad);
  const hashes = withId.map((c) => lookupHash(keys, 'id', c.record.idNumber as string));
  const registered = new Set<string>();
  for (let start = 0; start < hashes.length; start += 5000) {
    const batch = hashes.slice(start, start + 5000);
    // One array parameter, not 5,000: PGlite prepares every statement, and its cost grows with parameters.
    const found = await db
      .selectFrom('resident')
      .select('id_number_hash')
      .where('id_number_hash', '=', sql<string>`ANY(${batch}::text[])`)
      .execute();
    for (const f of found) if (f.id_number_hash) registered.add(f.id_number_hash);
  }
  withId.forEach((c, i) => {
    if (registered.has(hashes[i] as string)) flagId(c, 'id_registered');
  });

  for (const row of [...rowFindings.keys()].sort((a, b) => a - b)) {
    for (const f of rowFindings.get(row) ?? []) add(f);
  }
  const good = candidates.filter((c) => !c.bad && !rowFindings.has(c.row));
  onProgress?.(total, total);
  return {
    records: good.map((c) => c.record),
    recordRows: good.map((c) => c.row),
    totalRows: total - skipped,
    validRows: good.length,
    invalidRows: rowFindings.size,
    findings,
    findingCount,
  };
}

import { parseIdNumber } from '../../../shared/id-number.js';
import { parsePhone } from '../../../shared/phone.js';
import {
  HOUSING_TYPES,
  RELATIONS,
  RESIDENCE_TYPES,
  RESIDENT_TAG_KEYS,
  type ResidentTag,
} from '../../../shared/resident-tags.js';
import type { Housing, Relation, ResidenceType } from '../../db/types.js';

/**
 * One resident as every writer hands it over — the create route, the Excel/CSV import and the demo seeder —
 * after validation and before encryption. The bulk writer (households.bulk.ts) turns these into rows:
 * it finds or creates the household (place + unit + room), encrypts and hashes the ID number and phone, stores
 * the masked forms, the pinyin of the name, and the micro-grid located from the household's point.
 */
export interface ResidentRecord {
  /** Where the household lives: a building (usually), a compound or a community, by place id. */
  placeId: number;
  unit: string | null;
  room: string | null;
  /** Full address of the household; the writer uses the place's address + unit + room when null. */
  address: string | null;
  housing: Housing;
  relation: Relation;
  name: string;
  /** Normalized (parseIdNumber(...).value) or null (foreign residents may have none). */
  idNumber: string | null;
  /** From the ID number when there is one. */
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  /** Normalized (parsePhone(...).value) or null. */
  phone: string | null;
  residenceType: ResidenceType;
  tags: ResidentTag[];
  note: string | null;
  /** The household's point (WGS-84) when known; the writer uses the place's point when absent. */
  lng?: number | null;
  lat?: number | null;
}

/** The raw text of one resident as a form or a spreadsheet row gives it (keys are the import columns). */
export interface ResidentInput {
  name?: string | null;
  idNumber?: string | null;
  gender?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  relation?: string | null;
  residenceType?: string | null;
  housing?: string | null;
  unit?: string | null;
  room?: string | null;
  address?: string | null;
  tags?: string | readonly string[] | null;
  note?: string | null;
}

export type ResidentField = keyof ResidentInput;

/** Reasons are message keys (http/messages.ts `finding.*`), so findings read in the user's language. */
export type FindingReason =
  | 'required'
  | 'too_long'
  | 'id_format'
  | 'id_region'
  | 'id_birth_date'
  | 'id_check_digit'
  | 'id_required'
  | 'phone_format'
  | 'phone_extension'
  | 'bad_choice'
  | 'bad_date'
  | 'birth_date_mismatch'
  | 'gender_mismatch'
  | 'unknown_tag';

export interface FieldFinding {
  field: ResidentField;
  reason: FindingReason;
  /** The offending value, masked when it may be personal data (never a full ID or phone). */
  value?: string;
}

/** Chinese spellings accepted for the choice columns, besides the English keys. */
const CHOICES = {
  relation: { 户主: 'head', 家庭成员: 'member', 成员: 'member', 租户: 'tenant', 租住: 'tenant' },
  residenceType: {
    户籍: 'registered',
    户籍人口: 'registered',
    流动: 'migrant',
    流动人口: 'migrant',
    境外: 'foreign',
    境外人员: 'foreign',
  },
  housing: {
    自有: 'owned',
    自住: 'owned',
    租赁: 'rented',
    出租: 'rented',
    公房: 'public',
    公租房: 'public',
    其他: 'other',
  },
  gender: { 男: 'male', 女: 'female' },
} as const;

function choose<T extends string>(value: string, keys: readonly T[], zh: Record<string, string>): T | null {
  if ((keys as readonly string[]).includes(value)) return value as T;
  const mapped = zh[value];
  return mapped && (keys as readonly string[]).includes(mapped) ? (mapped as T) : null;
}

function text(value: string | null | undefined): string {
  return (value ?? '').split(String.fromCharCode(0)).join('').trim();
}

function maskForFinding(value: string): string {
  return value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/** Chinese tag names accepted in spreadsheets (the console sends keys). */
export const TAG_NAMES_ZH: Record<ResidentTag, string> = {
  elderly_alone: '独居老人',
  elderly_80: '高龄老人',
  left_behind_child: '留守儿童',
  disability: '残疾人',
  chronic_illness: '慢性病',
  low_income: '低保',
  party_member: '党员',
  veteran: '退役军人',
  five_elders: '五老',
  volunteer: '志愿者',
  key_group: '重点人群',
  community_correction: '社区矫正',
};

const TAG_BY_NAME = new Map<string, ResidentTag>([
  ...RESIDENT_TAG_KEYS.map((k) => [k, k] as [string, ResidentTag]),
  ...Object.entries(TAG_NAMES_ZH).map(([k, zh]) => [zh, k as ResidentTag] as [string, ResidentTag]),
]);

/**
 * Validates one resident's fields, without the place (the caller resolves where the household lives).
 * Returns the record's fields or every finding at once, so a spreadsheet row lists all its problems.
 */
export function normalizeResident(
  input: ResidentInput,
  today: Date = new Date(),
): { ok: true; value: Omit<ResidentRecord, 'placeId'> } | { ok: false; findings: FieldFinding[] } {
  const findings: FieldFinding[] = [];
  const name = text(input.name);
  if (!name) findings.push({ field: 'name', reason: 'required' });
  else if (name.length > 50) findings.push({ field: 'name', reason: 'too_long' });

  const residenceRaw = text(input.residenceType) || 'registered';
  const residenceType = choose(residenceRaw, RESIDENCE_TYPES, CHOICES.residenceType);
  if (!residenceType) findings.push({ field: 'residenceType', reason: 'bad_choice', value: residenceRaw });

  let idNumber: string | null = null;
  let gender: 'male' | 'female' | null = null;
  let birthDate: string | null = null;
  const idRaw = text(input.idNumber);
  if (idRaw) {
    const parsed = parseIdNumber(idRaw, today);
    if (parsed.ok) {
      idNumber = parsed.value;
      gender = parsed.sex;
      birthDate = parsed.birthDate;
    } else {
      findings.push({ field: 'idNumber', reason: `id_${parsed.reason}`, value: maskForFinding(idRaw) });
    }
  } else if (residenceType !== 'foreign') {
    findings.push({ field: 'idNumber', reason: 'id_required' });
  }

  const genderRaw = text(input.gender);
  if (genderRaw) {
    const given = choose(genderRaw, ['male', 'female'] as const, CHOICES.gender);
    if (!given) findings.push({ field: 'gender', reason: 'bad_choice', value: genderRaw });
    else if (gender && given !== gender)
      findings.push({ field: 'gender', reason: 'gender_mismatch', value: genderRaw });
    else gender ??= given;
  }

  const birthRaw = text(input.birthDate)
    .replace(/[./年月]/g, '-')
    .replace(/日$/, '');
  if (birthRaw) {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(birthRaw);
    const iso = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : null;
    const valid =
      iso !== null &&
      !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) &&
      new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
    if (!valid) findings.push({ field: 'birthDate', reason: 'bad_date', value: text(input.birthDate) });
    else if (birthDate && iso !== birthDate)
      findings.push({ field: 'birthDate', reason: 'birth_date_mismatch' });
    else birthDate ??= iso;
  }

  let phone: string | null = null;
  const phoneRaw = text(input.phone);
  if (phoneRaw) {
    const parsed = parsePhone(phoneRaw);
    if (parsed.ok) phone = parsed.value;
    else findings.push({ field: 'phone', reason: `phone_${parsed.reason}`, value: maskForFinding(phoneRaw) });
  }

  const relationRaw = text(input.relation) || 'member';
  const relation = choose(relationRaw, RELATIONS, CHOICES.relation);
  if (!relation) findings.push({ field: 'relation', reason: 'bad_choice', value: relationRaw });

  const housingRaw = text(input.housing) || 'owned';
  const housing = choose(housingRaw, HOUSING_TYPES, CHOICES.housing);
  if (!housing) findings.push({ field: 'housing', reason: 'bad_choice', value: housingRaw });

  const unit = text(input.unit) || null;
  if (unit && unit.length > 20) findings.push({ field: 'unit', reason: 'too_long' });
  const room = text(input.room) || null;
  if (room && room.length > 20) findings.push({ field: 'room', reason: 'too_long' });
  const address = text(input.address) || null;
  if (address && address.length > 200) findings.push({ field: 'address', reason: 'too_long' });
  const note = text(input.note) || null;
  if (note && note.length > 500) findings.push({ field: 'note', reason: 'too_long' });

  const tagList =
    typeof input.tags === 'string' ? input.tags.split(/[,，、;；\s]+/) : [...(input.tags ?? [])];
  const tags: ResidentTag[] = [];
  for (const raw of tagList.map((t) => t.trim()).filter(Boolean)) {
    const tag = TAG_BY_NAME.get(raw);
    if (!tag) findings.push({ field: 'tags', reason: 'unknown_tag', value: raw });
    else if (!tags.includes(tag)) tags.push(tag);
  }

  if (findings.length > 0 || !residenceType || !relation || !housing) return { ok: false, findings };
  return {
    ok: true,
    value: {
      unit,
      room,
      address,
      housing,
      relation,
      name,
      idNumber,
      gender,
      birthDate,
      phone,
      residenceType,
      tags,
      note,
    },
  };
}

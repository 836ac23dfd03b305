/**
 * Citizen identity numbers (公民身份号码), GB 11643-1999: 18 characters —
 * a 6-digit address code (GB/T 2260), an 8-digit birth date YYYYMMDD, a 3-digit sequence
 * (odd for men, even for women) and a check character (ISO 7064 MOD 11-2: 0–9 or X).
 *
 * Runs in the browser and on the server, so no Node APIs here.
 *
 * Region validation is province-level only: the first two digits must be a province-level
 * GB/T 2260 code. Validating the county-level code (digits 3–6) would need the full GB/T 2260
 * table, including codes retired since a number was issued (numbers keep the code of the place and
 * year of first registration), so it is deliberately not attempted.
 */

export type IdNumberFailure = 'format' | 'region' | 'birth_date' | 'check_digit';

export type ParsedIdNumber =
  | {
      ok: true;
      /** Normalized: 18 characters, check character upper-case X. */
      value: string;
      /** YYYY-MM-DD. */
      birthDate: string;
      sex: 'male' | 'female';
      /** The 6-digit address code (only its province part is validated). */
      regionCode: string;
    }
  | { ok: false; reason: IdNumberFailure };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level GB/T 2260 codes. 71 Taiwan, 81 Hong Kong, 82 Macao.
 * 83 is not a GB/T 2260 code but is the prefix (830000) of residence permits for Taiwan residents
 * (台湾居民居住证), which carry GB 11643 numbers just as those for Hong Kong (810000) and Macao (820000)
 * residents do, so it is accepted too.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

const EARLIEST_BIRTH_YEAR = 1900;

/** Full-width digits and Ｘ/ｘ (as typed with a Chinese IME) to their ASCII forms. */
function toHalfWidth(input: string): string {
  return input.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idNumberCheckChar: expected exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Today's date as YYYY-MM-DD in the local time zone. */
function localIsoDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** A YYYYMMDD string that is a real calendar date, as YYYY-MM-DD; otherwise null. */
function calendarDate(yyyymmdd: string): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Validates and normalizes an 18-character citizen ID number.
 * Leading and trailing whitespace is ignored, full-width digits are accepted and a lower-case x is
 * upper-cased. The 15-digit numbers issued before 1999 are rejected ('format'): they have no check
 * character and have not been valid documents since 2013.
 *
 * Checks run in the order format → region → birth_date → check_digit, and the first failure is
 * reported.
 *
 * @param today the date against which "born in the future" is judged; a Date (its local date is used)
 *   or a YYYY-MM-DD string. Defaults to now.
 */
export function parseIdNumber(input: string, today: Date | string = new Date()): ParsedIdNumber {
  const value = toHalfWidth(input.trim()).toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'format' };

  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, reason: 'region' };

  const birthDate = calendarDate(value.slice(6, 14));
  const todayIso = typeof today === 'string' ? today : localIsoDate(today);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(todayIso)) throw new Error('parseIdNumber: today must be YYYY-MM-DD');
  if (birthDate === null || Number(birthDate.slice(0, 4)) < EARLIEST_BIRTH_YEAR || birthDate > todayIso) {
    return { ok: false, reason: 'birth_date' };
  }

  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'check_digit' };

  return {
    ok: true,
    value,
    birthDate,
    sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: value.slice(0, 6),
  };
}

/**
 * Builds a well-formed ID number for test and demo data: the given parts plus the computed check
 * character. It checks only the shape of its arguments (and that the date is a real one), not the
 * region; the result is fictitious unless the parts happen to belong to a real person.
 *
 * @param regionCode6 6 digits, e.g. '410103' (郑州市二七区)
 * @param birthDate YYYY-MM-DD
 * @param sequence3 3 digits; odd for a man, even for a woman
 */
export function makeIdNumber(regionCode6: string, birthDate: string, sequence3: string): string {
  if (!/^\d{6}$/.test(regionCode6)) throw new Error('makeIdNumber: regionCode6 must be 6 digits');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || calendarDate(birthDate.replace(/-/g, '')) === null) {
    throw new Error('makeIdNumber: birthDate must be a real date as YYYY-MM-DD');
  }
  if (!/^\d{3}$/.test(sequence3)) throw new Error('makeIdNumber: sequence3 must be 3 digits');
  const first17 = `${regionCode6}${birthDate.replace(/-/g, '')}${sequence3}`;
  return first17 + idNumberCheckChar(first17);
}

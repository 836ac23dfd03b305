/**
 * Mainland China phone numbers: mobile and fixed-line (座机). Runs in the browser and on the server.
 *
 * Normalized forms (what is stored, hashed for lookup and masked):
 *   mobile    11 digits, e.g. '13800138000'
 *   landline  area code, '-', subscriber number, e.g. '0371-12345678', '010-12345678'
 *
 * Accepted input: spaces, dashes, dots and parentheses (ASCII or full-width) anywhere; full-width
 * digits; a +86 / 0086 country prefix (and a bare 86 before a mobile number). Area codes: 010 and
 * 020–029 have three digits, every other one four (0xxx with x ≥ 3), which makes an unseparated
 * '037112345678' unambiguous. Subscriber numbers have 7 or 8 digits and do not start with 0 (real ones start with 2–8;
 * a leading 1 is tolerated so that placeholder-like but plausible entries are not refused).
 *
 * Extensions (分机, '转', 'ext', '#', or a third dash-separated group) are rejected with reason
 * 'extension': a resident's number is a personal number, and one canonical form per number keeps
 * the exact-match lookup hash reliable. The form should ask for the direct number instead.
 */

export type PhoneFailure = 'format' | 'extension';

export type ParsedPhone =
  | { ok: true; kind: 'mobile'; value: string }
  | { ok: true; kind: 'landline'; value: string; areaCode: string; subscriber: string }
  | { ok: false; reason: PhoneFailure };

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(0(?:10|2\d)|0[3-9]\d{2})([1-9]\d{6,7})$/;
const SEPARATORS = /[\s\-.()（）\u2010-\u2015\u2212\uFF0D]/g;
const EXTENSION = /^(.*?)\s*(?:转|分机|ext\.?|x|#|-)\s*\d{1,6}$/i;

/** Full-width digits and '+' to ASCII. */
function toHalfWidth(input: string): string {
  return input.replace(/[\uFF10-\uFF19\uFF0B]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Parses digits (and a leading '+') with separators already removed; no extension handling. */
function parseCompact(compact: string): ParsedPhone {
  let national = compact;
  let international = false;
  if (national.startsWith('+86')) {
    national = national.slice(3);
    international = true;
  } else if (national.startsWith('0086')) {
    national = national.slice(4);
    international = true;
  } else if (/^861\d{10}$/.test(national)) {
    national = national.slice(2);
  }
  if (!/^\d+$/.test(national)) return { ok: false, reason: 'format' };

  if (MOBILE.test(national)) return { ok: true, kind: 'mobile', value: national };

  // After a country prefix the trunk 0 of the area code is dropped (+86 371 …); tolerate it either way.
  if (international && !national.startsWith('0')) national = `0${national}`;
  const landline = LANDLINE.exec(national);
  if (landline) {
    const areaCode = landline[1]!;
    const subscriber = landline[2]!;
    return { ok: true, kind: 'landline', value: `${areaCode}-${subscriber}`, areaCode, subscriber };
  }
  return { ok: false, reason: 'format' };
}

function compactOf(input: string): string {
  return input.replace(SEPARATORS, '');
}

/** Validates and normalizes a mainland mobile or fixed-line number. */
export function parsePhone(input: string): ParsedPhone {
  const text = toHalfWidth(input.trim());
  const parsed = parseCompact(compactOf(text));
  if (parsed.ok) return parsed;

  // Only report 'extension' when what precedes the marker is itself a valid landline number.
  const ext = EXTENSION.exec(text);
  if (ext) {
    const head = parseCompact(compactOf(ext[1]!));
    if (head.ok && head.kind === 'landline') return { ok: false, reason: 'extension' };
  }
  return parsed;
}

/**
 * Default display of personal data (PIPL): masked everywhere unless a user takes the explicit,
 * audited reveal action. Runs in the browser and on the server.
 *
 * Every function fails closed: input of an unexpected shape is masked more, never less.
 */
import { parsePhone } from './phone.js';

const STAR = '*';

/**
 * 18-character ID number → first 6 (address code) + 8 stars + last 4, keeping the length:
 * '410103199003071237' → '410103********1237'. The birth date is hidden.
 * Anything that is not 18 characters (after trimming) is fully masked.
 */
export function maskIdNumber(value: string): string {
  const id = value.trim();
  if (id.length !== 18) return STAR.repeat(Math.max(id.length, 1));
  return `${id.slice(0, 6)}${STAR.repeat(8)}${id.slice(14)}`;
}

/**
 * Mobile → first 3 + '****' + last 4: '13800138000' → '138****8000'.
 * Landline → area code + '-****' + last 2: '0371-12345678' → '0371-****78'. A fixed four stars for
 * the 7- or 8-digit subscriber number, so the mask does not tell its length; only two digits are
 * shown because the area code already narrows the number down to a city.
 * Input that does not parse as a phone number is fully masked except its last 2 characters when it
 * has at least 7 (e.g. a foreign number stored before validation existed).
 */
export function maskPhone(value: string): string {
  const parsed = parsePhone(value);
  if (parsed.ok && parsed.kind === 'mobile') {
    return `${parsed.value.slice(0, 3)}${STAR.repeat(4)}${parsed.value.slice(7)}`;
  }
  if (parsed.ok) return `${parsed.areaCode}-${STAR.repeat(4)}${parsed.subscriber.slice(-2)}`;
  const raw = value.trim();
  return raw.length >= 7 ? `${STAR.repeat(4)}${raw.slice(-2)}` : STAR.repeat(4);
}

/**
 * Names, by character (code point, so rare characters outside the BMP count once):
 *   1 character        → '*'                  (showing it would show the whole name)
 *   2–3 characters     → first + stars        '张三' → '张*', '李小明' → '李**', '欧阳修' → '欧**'
 *   4 or more          → first 2 + stars      '欧阳娜娜' → '欧阳**', '爱新觉罗溥仪' → '爱新****'
 * Separators in minority and foreign names ('·', '•', '.', spaces) stay visible so the mask keeps
 * its shape: '阿依古丽·买买提' → '阿依**·***'. Compound surnames are not looked up: for 3 characters
 * only one is kept (the safer side), for 4+ two are kept whatever the surname is.
 */
export function maskName(value: string): string {
  const chars = Array.from(value.trim());
  const isSeparator = (ch: string): boolean => /^[\s·•・.\u00B7\u2027]$/u.test(ch);
  const letters = chars.filter((ch) => !isSeparator(ch)).length;
  if (letters === 0) return '';
  const keep = letters <= 1 ? 0 : letters <= 3 ? 1 : 2;
  let kept = 0;
  return chars
    .map((ch) => {
      if (isSeparator(ch)) return ch;
      if (kept < keep) {
        kept++;
        return ch;
      }
      return STAR;
    })
    .join('');
}

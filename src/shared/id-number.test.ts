import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, makeIdNumber, parseIdNumber } from './id-number.js';

const TODAY = '2025-06-15';

describe('idNumberCheckChar (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('matches check characters computed by hand', () => {
    // 11010519491231002X — the sample number printed in GB 11643-1999 itself.
    //   digits  1 1  0 1 0 5 1 9 4 9 1 2  3 1 0 0 2
    //   weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    //   7 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 0 + 0 + 4 = 167
    //   167 mod 11 = 2 → "10X98765432"[2] = 'X'
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    // 410103199003071237 — 郑州市二七区, born 1990-03-07, sequence 123 (odd: male).
    //   digits  4 1  0 1 0 3 1 9 9 0 0 3  0 7 1 2 3
    //   28 + 9 + 0 + 5 + 0 + 12 + 2 + 9 + 54 + 0 + 0 + 27 + 0 + 35 + 8 + 8 + 6 = 203
    //   203 mod 11 = 5 → "10X98765432"[5] = '7'
    expect(idNumberCheckChar('41010319900307123')).toBe('7');
  });

  it('rejects anything but 17 digits', () => {
    expect(() => idNumberCheckChar('4101031990030712')).toThrow();
    expect(() => idNumberCheckChar('4101031990030712X')).toThrow();
  });
});

describe('makeIdNumber', () => {
  it('appends the check character', () => {
    expect(makeIdNumber('110105', '1949-12-31', '002')).toBe('11010519491231002X');
    expect(makeIdNumber('410103', '1990-03-07', '123')).toBe('410103199003071237');
  });

  it('is deterministic and its output parses', () => {
    const id = makeIdNumber('440305', '1985-11-20', '371');
    expect(makeIdNumber('440305', '1985-11-20', '371')).toBe(id);
    expect(parseIdNumber(id, TODAY)).toMatchObject({ ok: true, value: id, birthDate: '1985-11-20' });
  });

  it.each([
    ['41010', '1990-03-07', '123'],
    ['410103', '19900307', '123'],
    ['410103', '1990-02-30', '123'],
    ['410103', '1990-03-07', '12'],
  ])('rejects malformed parts %s %s %s', (region, birth, sequence) => {
    expect(() => makeIdNumber(region, birth, sequence)).toThrow(/makeIdNumber/);
  });
});

describe('parseIdNumber', () => {
  it('accepts the GB 11643 sample number', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
  });

  it('accepts a Zhengzhou number and reads sex from the 17th digit', () => {
    expect(parseIdNumber('410103199003071237', TODAY)).toEqual({
      ok: true,
      value: '410103199003071237',
      birthDate: '1990-03-07',
      sex: 'male',
      regionCode: '410103',
    });
    const woman = makeIdNumber('410103', '1990-03-07', '124');
    expect(parseIdNumber(woman, TODAY)).toMatchObject({ ok: true, sex: 'female' });
  });

  it.each(['110000', '650102', '710000', '810000', '820000', '830000'])(
    'accepts province code of %s',
    (region) => {
      expect(parseIdNumber(makeIdNumber(region, '2001-01-01', '001'), TODAY).ok).toBe(true);
    },
  );

  it('accepts a lower-case x and normalizes it', () => {
    expect(parseIdNumber('11010519491231002x', TODAY)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('trims surrounding whitespace', () => {
    expect(parseIdNumber('  410103199003071237\n', TODAY)).toMatchObject({
      ok: true,
      value: '410103199003071237',
    });
    expect(parseIdNumber('\u3000410103199003071237\t', TODAY)).toMatchObject({ ok: true });
  });

  it('accepts full-width digits typed with a Chinese IME', () => {
    expect(parseIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it.each([
    ['410103900307123', '15-digit pre-1999 number'],
    ['', 'empty'],
    ['41010319900307123', '17 characters'],
    ['4101031990030712370', '19 characters'],
    ['4101031990030712X7', 'X not last'],
    ['410103 199003071237', 'inner space'],
    ['41010319900307123Y', 'other letter'],
  ])('%s → format (%s)', (input) => {
    expect(parseIdNumber(input, TODAY)).toEqual({ ok: false, reason: 'format' });
  });

  it.each(['000000', '100000', '160000', '240000', '470000', '550000', '660000', '720000', '910000'])(
    'province code of %s → region',
    (region) => {
      expect(parseIdNumber(makeIdNumber(region, '1990-03-07', '123'), TODAY)).toEqual({
        ok: false,
        reason: 'region',
      });
    },
  );

  it.each([
    ['1990-02-29', true], // 1990 is not a leap year
    ['1900-02-29', true], // divisible by 100, not by 400
    ['2000-02-29', false], // divisible by 400
    ['2024-02-29', false],
    ['1899-12-31', true], // before 1900
    ['1900-01-01', false],
    ['2025-06-15', false], // born today
    ['2025-06-16', true], // tomorrow
  ])('birth date %s → rejected: %s', (birthDate, rejected) => {
    const first17 = `410103${birthDate.replace(/-/g, '')}123`;
    // Build with a correct check character even for impossible dates, so only the date is wrong.
    const id = first17 + idNumberCheckChar(first17);
    const result = parseIdNumber(id, TODAY);
    if (rejected) expect(result).toEqual({ ok: false, reason: 'birth_date' });
    else expect(result).toMatchObject({ ok: true, birthDate });
  });

  it.each(['19901307', '19900001', '19900431', '19900100'])('impossible date %s → birth_date', (yyyymmdd) => {
    const first17 = `410103${yyyymmdd}123`;
    expect(parseIdNumber(first17 + idNumberCheckChar(first17), TODAY)).toEqual({
      ok: false,
      reason: 'birth_date',
    });
  });

  it('takes today as a Date too (its local date)', () => {
    const id = makeIdNumber('410103', '2025-06-15', '123');
    expect(parseIdNumber(id, new Date(2025, 5, 15, 23, 59)).ok).toBe(true);
    expect(parseIdNumber(id, new Date(2025, 5, 14, 23, 59))).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('defaults today to now', () => {
    expect(parseIdNumber('410103199003071237').ok).toBe(true);
    expect(parseIdNumber(makeIdNumber('410103', '2999-01-01', '123'))).toEqual({
      ok: false,
      reason: 'birth_date',
    });
  });

  it('rejects a malformed today', () => {
    expect(() => parseIdNumber('410103199003071237', '2025/06/15')).toThrow(/today/);
  });

  it.each(['410103199003071230', '410103199003071238', '41010319900307123X', '110105194912310020'])(
    '%s → check_digit',
    (input) => {
      expect(parseIdNumber(input, TODAY)).toEqual({ ok: false, reason: 'check_digit' });
    },
  );

  it('detects a single mistyped digit and a swap of adjacent digits', () => {
    expect(parseIdNumber('410103199003071337', TODAY)).toEqual({ ok: false, reason: 'check_digit' });
    expect(parseIdNumber('410103199003072137', TODAY)).toEqual({ ok: false, reason: 'check_digit' });
  });
});

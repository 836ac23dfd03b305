import { describe, expect, it } from 'vitest';
import { parsePhone } from './phone.js';

describe('parsePhone: mobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['  19912345678 ', '19912345678'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['86 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['＋86 138 0013 8000', '13800138000'],
  ])('%s → %s', (input, value) => {
    expect(parsePhone(input)).toEqual({ ok: true, kind: 'mobile', value });
  });

  it.each([
    '12800138000', // 12x is not a mobile prefix
    '10086',
    '1380013800', // 10 digits
    '138001380001', // 12 digits
    '23800138000',
    '+1 415 555 0100',
    '+85 13800138000',
    '138 0013 800O', // letter O
    '',
    '   ',
  ])('%s → format', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('parsePhone: landline', () => {
  it.each([
    ['0371-12345678', '0371', '12345678'], // Zhengzhou
    ['0371 6888 1234', '0371', '68881234'],
    ['037168881234', '0371', '68881234'],
    ['(0371)68881234', '0371', '68881234'],
    ['（0371）6888-1234', '0371', '68881234'],
    ['0371.6888.1234', '0371', '68881234'],
    ['0379-6123456', '0379', '6123456'], // 7-digit subscriber number
    ['010-62345678', '010', '62345678'], // Beijing: 3-digit area code
    ['01062345678', '010', '62345678'],
    ['021 6234 5678', '021', '62345678'],
    ['029-88812345', '029', '88812345'],
    ['+86 371 6888 1234', '0371', '68881234'], // trunk 0 dropped after the country code
    ['+86 (0)371 6888 1234', '0371', '68881234'],
    ['0086 10 62345678', '010', '62345678'],
    ['０３７１－６８８８１２３４', '0371', '68881234'],
  ])('%s → %s-%s', (input, areaCode, subscriber) => {
    expect(parsePhone(input)).toEqual({
      ok: true,
      kind: 'landline',
      value: `${areaCode}-${subscriber}`,
      areaCode,
      subscriber,
    });
  });

  it.each([
    '0371-01234567', // subscriber number starting with 0
    '0371-123456', // 6 digits
    '0371-123456789', // 9 digits
    '011-62345678', // no 01x area code other than 010
    '371-68881234', // no trunk 0 without a country code
    '86 371 68881234', // a bare 86 is only understood before a mobile number
  ])('%s → format', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason: 'format' });
  });

  it('splits by the area-code rule, not by where the separators are', () => {
    // 02x area codes have three digits, so this is 020 (Guangzhou) + 16234567.
    expect(parsePhone('0201-6234567')).toMatchObject({ ok: true, value: '020-16234567' });
  });

  it.each([
    '0371-68881234-801',
    '0371-68881234 转 801',
    '0371-68881234转801',
    '0371-68881234 分机801',
    '0371-68881234 ext. 801',
    '0371-68881234 x801',
    '0371-68881234#801',
    '010-62345678-1',
  ])('%s → extension (rejected)', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason: 'extension' });
  });

  it('does not call a mobile number with trailing digits an extension', () => {
    expect(parsePhone('13800138000-801')).toEqual({ ok: false, reason: 'format' });
  });
});

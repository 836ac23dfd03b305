import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number.js';
import { maskIdNumber, maskName, maskPhone } from './masking.js';

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 and the length of 18', () => {
    const masked = maskIdNumber('410103199003071237');
    expect(masked).toBe('410103********1237');
    expect(masked).toHaveLength(18);
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('hides the birth date', () => {
    const id = makeIdNumber('410103', '1987-05-23', '456');
    expect(maskIdNumber(id)).not.toContain('19870523');
    expect(maskIdNumber(id).slice(6, 14)).toBe('********');
  });

  it('fully masks anything that is not 18 characters', () => {
    expect(maskIdNumber('410103900307123')).toBe('*'.repeat(15));
    expect(maskIdNumber('12')).toBe('**');
    expect(maskIdNumber('')).toBe('*');
  });
});

describe('maskPhone', () => {
  it('mobile: first 3 + **** + last 4', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('19912345678')).toBe('199****5678');
  });

  it('masks unnormalized input the same way', () => {
    expect(maskPhone('+86 138 0013 8000')).toBe('138****8000');
  });

  it('landline: area code + -**** + last 2, whatever the subscriber length', () => {
    expect(maskPhone('0371-68881234')).toBe('0371-****34');
    expect(maskPhone('0379-6123456')).toBe('0379-****56');
    expect(maskPhone('010-62345678')).toBe('010-****78');
  });

  it('fails closed on anything else', () => {
    expect(maskPhone('+1 415 555 0100')).toBe('****00');
    expect(maskPhone('0371-68881234-801')).toBe('****01');
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone('')).toBe('****');
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['李小明', '李**'],
    ['欧阳修', '欧**'],
    ['欧阳娜娜', '欧阳**'],
    ['爱新觉罗溥仪', '爱新****'],
    ['张', '*'],
    ['  王五 ', '王*'],
    ['', ''],
    ['阿依古丽·买买提', '阿依**·***'],
    ['𠀾三', '𠀾*'], // a character outside the BMP counts once
    ['John Smith', 'Jo** *****'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

import { describe, expect, it } from 'vitest';
import { isStrongPassword, passwordClasses } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['Abcdefg1', true],
    ['abcdefg1!', true],
    ['ABCDEFG1!', true],
    ['abcdefgh', false],
    ['abcdefg1', false],
    ['Ab1!', false],
    ['二七区二七区Aa1', true],
  ])('%s → %s', (password, strong) => {
    expect(isStrongPassword(password)).toBe(strong);
  });

  it('counts classes', () => {
    expect(passwordClasses('aA1!')).toBe(4);
    expect(passwordClasses('aaaa')).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { ARRAY_OIDS, parseArray, parseInt8, TYPE_OIDS, typeParsers } from './parsers.js';

describe('parseInt8', () => {
  it('reads safe integers and refuses anything that would lose digits', () => {
    expect(parseInt8('0')).toBe(0);
    expect(parseInt8('-9007199254740991')).toBe(-9007199254740991);
    expect(parseInt8('9007199254740991')).toBe(9007199254740991);
    expect(() => parseInt8('9007199254740992')).toThrow(RangeError);
    expect(() => parseInt8('-9223372036854775808')).toThrow(/safe integer range/);
  });
});

describe('parseArray', () => {
  const id = (v: string) => v;

  it('reads flat, empty, nested and NULL-holding arrays', () => {
    expect(parseArray('{}', id)).toEqual([]);
    expect(parseArray('{1,2,3}', Number)).toEqual([1, 2, 3]);
    expect(parseArray('{1,NULL,3}', Number)).toEqual([1, null, 3]);
    expect(parseArray('{{1,2},{3,4}}', Number)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(parseArray('{{},{}}', id)).toEqual([[], []]);
  });

  it('reads quoted elements with escapes, and a quoted "NULL" as text', () => {
    expect(parseArray('{"a b","c,d","e\\"f","g\\\\h","NULL",null}', id)).toEqual([
      'a b',
      'c,d',
      'e"f',
      'g\\h',
      'NULL',
      null,
    ]);
    expect(parseArray('{"{\\"x\\": 1}"}', (v) => JSON.parse(v) as unknown)).toEqual([{ x: 1 }]);
    expect(parseArray('{楼院,二七区}', id)).toEqual(['楼院', '二七区']);
  });

  it('skips explicit bounds', () => {
    expect(parseArray('[0:1]={7,8}', Number)).toEqual([7, 8]);
  });

  it('refuses malformed text instead of looping or guessing', () => {
    for (const bad of ['', '1,2', '{1,2', '{"open}', '{1}x{', '{1;2}x']) {
      expect(() => parseArray(bad, id), bad).toThrow(SyntaxError);
    }
  });

  it('passes every element through the element parser', () => {
    expect(() => parseArray('{1,9007199254740993}', parseInt8)).toThrow(RangeError);
  });
});

describe('typeParsers', () => {
  it('covers each scalar type and its array type', () => {
    for (const name of Object.keys(TYPE_OIDS) as (keyof typeof TYPE_OIDS)[]) {
      expect(typeParsers[TYPE_OIDS[name]], name).toBeTypeOf('function');
      expect(typeParsers[ARRAY_OIDS[name]], `${name}[]`).toBeTypeOf('function');
    }
    expect(typeParsers[ARRAY_OIDS.numeric]?.('{12345678901234.5678,0.1}')).toEqual([
      '12345678901234.5678',
      '0.1',
    ]);
    expect(typeParsers[ARRAY_OIDS.date]?.('{2026-02-28,NULL}')).toEqual(['2026-02-28', null]);
    expect(typeParsers[ARRAY_OIDS.timestamptz]?.('{"2026-03-04 05:06:07.891+00"}')).toEqual([
      new Date('2026-03-04T05:06:07.891Z'),
    ]);
    expect(typeParsers[ARRAY_OIDS.interval]?.('{P1D,PT2H}')).toEqual(['P1D', 'PT2H']);
    expect(typeParsers[TYPE_OIDS.jsonb]?.('{"a":[1,2]}')).toEqual({ a: [1, 2] });
  });
});

import postgresDate from 'postgres-date';

// A CommonJS function whose typings claim an ES default export; under NodeNext the import is the function.
const parseDate = postgresDate as unknown as (value: string) => Date | number | null;

/**
 * One set of type parsers for both drivers, so a query returns the same JavaScript values on PGlite and on
 * PostgreSQL. Keys are PostgreSQL type OIDs.
 */
export const TYPE_OIDS = {
  int8: 20,
  numeric: 1700,
  timestamptz: 1184,
  timestamp: 1114,
  date: 1082,
  interval: 1186,
  json: 114,
  jsonb: 3802,
} as const;

/** int8 → number; counts and ids stay far below 2^53, and an unsafe value is an error, never a silent loss. */
export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return n;
}

function parseTimestamp(value: string): Date | string {
  const parsed = parseDate(value);
  return parsed instanceof Date ? parsed : value;
}

/** Array types of the above, which must parse the same way element by element on both drivers. */
export const ARRAY_OIDS = {
  int8: 1016,
  numeric: 1231,
  timestamptz: 1185,
  timestamp: 1115,
  date: 1182,
  interval: 1187,
  json: 199,
  jsonb: 3807,
} as const;

/**
 * PostgreSQL's text form of an array ('{1,2,NULL}', '{"a \\"b\\"",c}', '{{1,2},{3,4}}', '[0:1]={1,2}') → nested
 * arrays, each element through `element`. pg would otherwise apply its own element parsers (numeric through a
 * float, date to a local-midnight Date), unlike PGlite.
 */
export function parseArray(text: string, element: (value: string) => unknown): unknown[] {
  let i = text.startsWith('[') ? text.indexOf('=') + 1 : 0;
  const fail = (): never => {
    throw new SyntaxError(`malformed array literal: ${text.slice(0, 80)}`);
  };
  const level = (): unknown[] => {
    if (text[i] !== '{') fail();
    i++;
    const out: unknown[] = [];
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      if (i >= text.length) fail();
      if (text[i] === '{') out.push(level());
      else if (text[i] === '"') {
        let value = '';
        for (i++; text[i] !== '"'; i++) {
          if (text[i] === '\\') i++;
          if (i >= text.length) fail();
          value += text[i];
        }
        i++;
        out.push(element(value));
      } else {
        let end = i;
        while (end < text.length && text[end] !== ',' && text[end] !== '}') end++;
        const raw = text.slice(i, end);
        i = end;
        out.push(raw.toUpperCase() === 'NULL' ? null : element(raw));
      }
      if (text[i] === ',') i++;
      else if (text[i] === '}') {
        i++;
        return out;
      } else fail();
    }
  };
  const result = level();
  if (i !== text.length) fail();
  return result;
}

const scalarParsers: Record<keyof typeof TYPE_OIDS, (value: string) => unknown> = {
  int8: parseInt8,
  // numeric stays a decimal string: money and areas must not pass through binary floating point.
  numeric: (v) => v,
  timestamptz: parseTimestamp,
  // timestamp without time zone is not used by the schema; read it as UTC if it ever appears.
  timestamp: (v) => parseTimestamp(`${v}+00`),
  // a calendar date is a date, not an instant: keep 'YYYY-MM-DD'.
  date: (v) => v,
  // intervals come back in ISO 8601 form (the session sets IntervalStyle), e.g. 'P1DT2H'.
  interval: (v) => v,
  json: (v) => JSON.parse(v) as unknown,
  jsonb: (v) => JSON.parse(v) as unknown,
};

export const typeParsers: Record<number, (value: string) => unknown> = Object.fromEntries(
  (Object.keys(TYPE_OIDS) as (keyof typeof TYPE_OIDS)[]).flatMap((name) => {
    const element = scalarParsers[name];
    return [
      [TYPE_OIDS[name], element],
      [ARRAY_OIDS[name], (v: string) => parseArray(v, element)],
    ];
  }),
);

/** Session settings both backends run with, so text output (audit hashing, intervals) is identical. */
export const SESSION_SETTINGS: Record<string, string> = {
  TimeZone: 'UTC',
  IntervalStyle: 'iso_8601',
  DateStyle: 'ISO, YMD',
};

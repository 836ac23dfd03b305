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

export const typeParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.int8]: parseInt8,
  // numeric stays a decimal string: money and areas must not pass through binary floating point.
  [TYPE_OIDS.numeric]: (v) => v,
  [TYPE_OIDS.timestamptz]: parseTimestamp,
  // timestamp without time zone is not used by the schema; read it as UTC if it ever appears.
  [TYPE_OIDS.timestamp]: (v) => parseTimestamp(`${v}+00`),
  // a calendar date is a date, not an instant: keep 'YYYY-MM-DD'.
  [TYPE_OIDS.date]: (v) => v,
  // intervals come back in ISO 8601 form (the session sets IntervalStyle), e.g. 'P1DT2H'.
  [TYPE_OIDS.interval]: (v) => v,
  [TYPE_OIDS.json]: (v) => JSON.parse(v) as unknown,
  [TYPE_OIDS.jsonb]: (v) => JSON.parse(v) as unknown,
};

/** Session settings both backends run with, so text output (audit hashing, intervals) is identical. */
export const SESSION_SETTINGS: Record<string, string> = {
  TimeZone: 'UTC',
  IntervalStyle: 'iso_8601',
  DateStyle: 'ISO, YMD',
};

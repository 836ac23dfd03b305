import fc from 'fast-check';

/**
 * Requests generated from the OpenAPI document: fast-check arbitraries for the JSON Schemas of a route's path
 * parameters, query string and body — values the schema allows, and values it does not (wrong types, missing
 * required fields, unknown fields, huge and odd strings, numbers out of range, broken JSON, any JSON at all).
 * Pure: the fuzz test (http/fuzz.db.test.ts) sends them and judges the answers.
 */

export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export interface Operation {
  method: string;
  /** The OpenAPI path, e.g. /api/cases/{id}. */
  path: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema; example?: unknown }> };
}

/** Every operation of an OpenAPI document. */
export function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      out.push({ method: method.toUpperCase(), path, ...(op as Omit<Operation, 'method' | 'path'>) });
    }
  }
  return out;
}

/** `/api/cases/{id}` → `/api/cases/:id`, the form of app.routeTable. */
export const routeUrlOf = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/** Strings that break things: empty, huge, control characters, NUL, other scripts, emoji, RTL, injections. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\r\n',
  'x'.repeat(10_000),
  '楼'.repeat(5_000),
  '💥🏠👩‍👩‍👧‍👦',
  '\u202eRTL\u202c',
  '\ud800',
  "' OR 1=1 --",
  "'; DROP TABLE place; --",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '${7*7}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '99999999999999999999999',
  '1e309',
  '2026-13-45T99:99:99Z',
  'true',
  'null',
  '[]',
  '{}',
];

/** Numbers at and beyond the edges. */
export const NASTY_NUMBERS: readonly number[] = [
  -1,
  0,
  0.5,
  -0,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-300,
];

/** Any JSON value that is probably wrong somewhere: the junk pool for mutations. */
export const junk = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...NASTY_STRINGS),
    fc.constantFrom(...NASTY_NUMBERS),
    fc.constantFrom(null, true, false, [], {}, [null], { '': 1 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.jsonValue({ maxDepth: 3 }),
  );

const typesOf = (s: Schema): string[] =>
  s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];

function stringArb(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, Math.max(min, 200));
  if (s.format === 'date-time' || s.format === 'date') {
    const iso = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
    return s.format === 'date' ? iso.map((v) => v.slice(0, 10)) : iso;
  }
  if (s.pattern) {
    return fc
      .stringMatching(new RegExp(s.pattern))
      .filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    fc.string({ minLength: min, maxLength: max, unit: 'binary' }),
  );
}

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : s.minimum;
  const hi = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : s.maximum;
  if (integer) {
    const min = Math.ceil(lo ?? -(2 ** 31));
    const max = Math.floor(hi ?? 2 ** 31 - 1);
    // small values are the ones that name real records (ids, versions, pages)
    return fc.oneof(fc.integer({ min, max: Math.min(max, Math.max(min, 50)) }), fc.integer({ min, max }));
  }
  return fc.double({ min: lo ?? -1e9, max: hi ?? 1e9, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema allows (as far as JSON Schema says: a service may still refuse them). */
export function validOf(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || Object.keys(s).length === 0) return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validOf(a, depth + 1)));
  if (s.allOf?.length === 1) return validOf(s.allOf[0], depth);
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((type) => validOf({ ...s, type }, depth)));
  switch (types[0] ?? (s.properties ? 'object' : undefined)) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'string':
      return stringArb(s);
    case 'array': {
      const item = validOf(s.items, depth + 1);
      const constraints = { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 8) };
      return s.uniqueItems
        ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(item, constraints);
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(props)) model[key] = validOf(sub, depth + 1);
      const required = (s.required ?? []).filter((k) => k in props);
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value of the wrong JSON type for the schema, or out of its range. */
export function wrongOf(s: Schema | undefined): fc.Arbitrary<unknown> {
  const types = s ? typesOf(s) : [];
  const picks: fc.Arbitrary<unknown>[] = [junk()];
  if (types.includes('string')) picks.push(fc.constantFrom(12345, true, ['x'], { a: 1 }, null));
  if (types.includes('integer') || types.includes('number')) {
    picks.push(fc.constantFrom('abc', '1', 1.5, -1, 2 ** 53 + 1, null, [1]));
  }
  if (s?.maxLength !== undefined) picks.push(fc.constant('y'.repeat(s.maxLength + 1)));
  if (s?.minimum !== undefined) picks.push(fc.constant(s.minimum - 1));
  if (s?.maximum !== undefined) picks.push(fc.constant(s.maximum + 1));
  if (s?.enum) picks.push(fc.constant('not-in-the-enum'));
  return fc.oneof(...picks);
}

/** An object body with one thing wrong: a field of the wrong type, a required field missing, an unknown field. */
export function mutatedOf(s: Schema, base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(s.properties ?? {});
  const required = s.required ?? [];
  const options: fc.Arbitrary<unknown>[] = [
    fc.tuple(base, junk()).map(([b, j]) => ({ ...(b as object), unexpectedField: j })),
  ];
  if (keys.length > 0) {
    options.push(
      fc
        .tuple(base, fc.constantFrom(...keys))
        .chain(([b, key]) => wrongOf(s.properties?.[key]).map((w) => ({ ...(b as object), [key]: w }))),
    );
  }
  if (required.length > 0) {
    options.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([b, key]) => {
        const copy = { ...(b as Record<string, unknown>) };
        delete copy[key];
        return copy;
      }),
    );
  }
  return fc.oneof(...options);
}

/**
 * A body for an operation: most often allowed by the schema (the route's example with some fields generated,
 * or generated whole), else one thing wrong, any JSON at all, or a text that is not JSON.
 */
export function bodyOf(schema: Schema, example: unknown): fc.Arbitrary<{ json?: unknown; raw?: string }> {
  const generated = validOf(schema);
  const fromExample =
    example && typeof example === 'object' && !Array.isArray(example) && schema.properties
      ? fc.tuple(generated, fc.subarray(Object.keys(example as object))).map(([g, keep]) => {
          const out: Record<string, unknown> = { ...(g as Record<string, unknown>) };
          for (const key of keep) out[key] = (example as Record<string, unknown>)[key];
          return out;
        })
      : generated;
  const valid = fc.oneof(fromExample, generated);
  return fc.oneof(
    { weight: 5, arbitrary: valid.map((json) => ({ json })) },
    { weight: 3, arbitrary: mutatedOf(schema, valid).map((json) => ({ json })) },
    { weight: 1, arbitrary: junk().map((json) => ({ json })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 80 }),
          fromExample.map((e) => JSON.stringify(e).slice(0, -2)),
          fc.constant('{"a":'),
        )
        .map((raw) => ({ raw })),
    },
  );
}

/** A query parameter's value as text: allowed values stringified (arrays repeat the name), or junk. */
export function queryOf(
  params: { name: string; required?: boolean; schema?: Schema }[],
): fc.Arbitrary<[string, string][]> {
  if (params.length === 0) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant<[string, string][]>([]) },
      { weight: 1, arbitrary: fc.constant<[string, string][]>([['zzz', '1']]) },
    );
  }
  const one = (p: { name: string; required?: boolean; schema?: Schema }) =>
    fc
      .oneof({ weight: 4, arbitrary: validOf(p.schema) }, { weight: 1, arbitrary: wrongOf(p.schema) })
      .map((v): [string, string][] =>
        Array.isArray(v) ? v.map((x) => [p.name, text(x)]) : v === undefined ? [] : [[p.name, text(v)]],
      );
  return fc
    .tuple(
      ...params.map((p) =>
        p.required ? one(p) : fc.option(one(p), { nil: [] as [string, string][], freq: 2 }),
      ),
      fc.option(fc.constant([['zzz', 'extra']] as [string, string][]), { nil: [], freq: 6 }),
    )
    .map((parts) => parts.flat());
}

/** Percent-encoding that takes any string (a lone surrogate becomes U+FFFD, as a browser would send it). */
export const encode = (v: string): string =>
  encodeURIComponent(
    v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );

const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** A path parameter: the fixture (a real record) most often, else generated from the schema, else junk. */
export function pathParamOf(schema: Schema | undefined, fixture: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(encode(fixture)) },
    { weight: 2, arbitrary: validOf(schema).map((v) => encode(text(v))) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom(...NASTY_STRINGS).map(encode),
        fc.constantFrom('%E0%A4%A', '%', '..', '%2e%2e', '-1', '0', '1.5', '99999999999999999999'),
      ),
    },
  );
}

/** A file for a multipart upload: random bytes, or the first bytes of a real format followed by noise. */
export const fileOf = (): fc.Arbitrary<{ name: string; bytes: Buffer }> =>
  fc
    .tuple(
      fc.constantFrom('a.csv', 'a.xlsx', 'a.png', 'a.jpg', 'a.zip', 'a', '../../x.csv', '楼院.csv', 'a.xls'),
      fc.constantFrom(
        Buffer.alloc(0),
        Buffer.from('\x89PNG\r\n\x1a\n'),
        Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
        Buffer.from('PK\x03\x04'),
        Buffer.from('工单编号,受理时间,诉求类别,诉求内容\r\n'),
        Buffer.from('姓名,公民身份号码,人员类型,楼栋编码\r\n'),
      ),
      fc.uint8Array({ maxLength: 3000 }),
    )
    .map(([name, head, tail]) => ({ name, bytes: Buffer.concat([head, Buffer.from(tail)]) }));

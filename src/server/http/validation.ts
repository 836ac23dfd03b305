import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldIssue } from './errors.js';
import { keywordMessage, type Lang } from './messages.js';

// ajv-formats ships CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    // Unknown fields are an error, never silently dropped: schemas say additionalProperties: false.
    removeAdditional: false,
    useDefaults: true,
    // Bodies are JSON and must carry the right types; query strings and paths are text and are coerced.
    coerceTypes: coerce ? 'array' : false,
  });
  addFormats(ajv);
  // PostgreSQL text cannot hold NUL, and its json/jsonb refuse an unpaired surrogate (JSON "\ud800", which is
  // how an audit entry's details or a geometry would carry it): refuse both here as a field error instead of
  // failing in the database.
  ajv.addKeyword({
    keyword: 'storableText',
    type: 'string',
    schemaType: 'boolean',
    validate: (on: boolean, data: string) => !on || (!data.includes('\u0000') && !LONE_SURROGATE.test(data)),
  });
  return ajv;
}

const LITERAL_KEYWORDS = new Set(['examples', 'default', 'enum', 'const', 'required']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/**
 * The schema as validated: every string refuses NUL and unpaired surrogates, and every integer without bounds is held to the safe range,
 * so an id like 99999999999999999999 is a 400 rather than a bigint overflow in the database. A copy: the route's
 * own schema (and so the OpenAPI document) is left as declared.
 */
export function hardenSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(hardenSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (LITERAL_KEYWORDS.has(key)) out[key] = value;
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, hardenSchema(sub)]));
    } else out[key] = hardenSchema(value);
  }
  const types = Array.isArray(out.type) ? (out.type as unknown[]) : [out.type];
  if (types.includes('string')) out.storableText = true;
  if (types.includes('integer')) {
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) {
      out.maximum = Number.MAX_SAFE_INTEGER;
    }
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) {
      out.minimum = -Number.MAX_SAFE_INTEGER;
    }
  }
  return out;
}

const bodyAjv = makeAjv(false);
const textAjv = makeAjv(true);
const caches = new Map<Ajv, WeakMap<object, ValidateFunction>>([
  [bodyAjv, new WeakMap()],
  [textAjv, new WeakMap()],
]);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  const key = schema as object;
  const cache = caches.get(ajv) as WeakMap<object, ValidateFunction>;
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(hardenSchema(schema) as object);
    cache.set(key, validate);
  }
  // Returned as is: Fastify reads ajv's `.errors` and passes parentData so query coercion works.
  return validate;
};

/** AJV errors → field issues with messages in the request's language. */
export function fieldIssues(errors: ErrorObject[], lang: Lang, part: string | undefined): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const e of errors) {
    let path = e.instancePath || '';
    const params = { ...(e.params as Record<string, unknown>) };
    if (e.keyword === 'required') path += `/${String(params.missingProperty)}`;
    if (e.keyword === 'additionalProperties') path += `/${String(params.additionalProperty)}`;
    if (e.keyword === 'enum') params.allowed = (params.allowedValues as unknown[]).join(', ');
    if (e.keyword === 'const') params.allowed = String(params.allowedValue);
    const full = part && part !== 'body' ? `/${part}${path}` : path || '/';
    // anyOf branches repeat the same field; report each field once, preferring the first reason.
    if (seen.has(full)) continue;
    seen.add(full);
    issues.push({ path: full, message: keywordMessage(e.keyword, lang, params) });
  }
  return issues;
}

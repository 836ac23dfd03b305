import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldIssue } from './errors.js';
import { keywordMessage, type Lang } from './messages.js';

// ajv-formats ships CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

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
  return ajv;
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
    validate = ajv.compile(schema as object);
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

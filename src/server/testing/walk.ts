import type { LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { RouteEntry } from '../http/request-context.js';

/**
 * What the route walks share (access, scope matrix, bad input, fuzz): reading app.routeTable, fingerprinting the
 * business tables, and checking that an error answer is exactly the one error shape.
 */

export interface JsonSchema {
  type?: unknown;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  examples?: unknown[];
}

export const routeName = (route: RouteEntry): string => `${route.method} ${route.url}`;
export const pathParams = (url: string): string[] => [...url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
export const part = (route: RouteEntry, name: 'body' | 'querystring' | 'params'): JsonSchema | undefined =>
  route.schema?.[name] as JsonSchema | undefined;

/** A server-sent event stream never ends, so inject cannot read it. */
export const isStream = (route: RouteEntry): boolean =>
  ((route.schema?.produces as string[] | undefined) ?? []).includes('text/event-stream');

/** A file upload (multipart/form-data). */
export const isMultipartRoute = (route: RouteEntry): boolean =>
  ((route.schema?.consumes as string[] | undefined) ?? []).includes('multipart/form-data');

/** The value under the longest key of `table` that `url` starts with. */
export function longestPrefix<T>(table: Record<string, T>, url: string): T | undefined {
  const key = Object.keys(table)
    .filter((p) => url.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return key === undefined ? undefined : table[key];
}

/** The tables that hold business data: what a refused request must leave as it was. */
export const BUSINESS_TABLES = [
  'place',
  'app_user',
  'api_token',
  'grid_staff',
  'grid_staff_assignment',
  'grid',
  'household',
  'resident',
  'civic_case',
  'case_event',
  'case_category',
  'work_calendar_day',
] as const;

/** Row count and a content hash per table: equal before and after means nothing was written. */
export async function fingerprint(
  db: Kysely<DB>,
  tables: readonly string[] = BUSINESS_TABLES,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number; h: string }>`
      SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h
        FROM ${sql.table(table)} t`.execute(db);
    out[table] = `${rows[0]?.n}:${rows[0]?.h}`;
  }
  return out;
}

/** A stack frame or a server file path: never in an answer. */
export const STACK = /\bat\s+\S+\s+\(|^\s*at\s|\/(?:work|home|usr|tmp|app)\/|node_modules|\.[cm]?[jt]s:\d+/m;

/**
 * Problems with an error body, or [] when it is exactly { error: { code, message, details: [{ path, message }] } }
 * and holds no stack trace.
 */
export function errorShapeProblems(res: LightMyRequestResponse | { body: string }): string[] {
  const problems: string[] = [];
  if (STACK.test(res.body)) problems.push('stack trace or file path in the body');
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return [...problems, `not JSON: ${res.body.slice(0, 120)}`];
  }
  const outer = body as Record<string, unknown> | null;
  if (!outer || typeof outer !== 'object' || Object.keys(outer).join() !== 'error') {
    return [...problems, `not the error shape: ${res.body.slice(0, 160)}`];
  }
  const error = outer.error as Record<string, unknown> | null;
  if (!error || typeof error !== 'object') return [...problems, 'error is not an object'];
  if (Object.keys(error).sort().join() !== 'code,details,message') {
    problems.push(`error keys: ${Object.keys(error).join()}`);
  }
  if (typeof error.code !== 'string' || typeof error.message !== 'string') {
    problems.push('code/message not strings');
  }
  if (!Array.isArray(error.details)) return [...problems, 'details not an array'];
  for (const d of error.details as Record<string, unknown>[]) {
    if (
      !d ||
      typeof d !== 'object' ||
      Object.keys(d).sort().join() !== 'message,path' ||
      typeof d.path !== 'string' ||
      typeof d.message !== 'string'
    ) {
      problems.push(`detail shape ${JSON.stringify(d)}`);
    }
  }
  return problems;
}

/** The error code of an answer, or '-'. */
export function errorCode(res: { body: string }): string {
  try {
    return (JSON.parse(res.body) as { error?: { code?: string } }).error?.code ?? '-';
  } catch {
    return '-';
  }
}

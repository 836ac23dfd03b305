import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/types.js';
import { createTestApp, type Session, type TestApp } from '../testing/app.js';
import {
  bodyOf,
  encode,
  fileOf,
  operationsOf,
  pathParamOf,
  queryOf,
  routeUrlOf,
  type Operation,
  type Schema,
} from '../testing/fuzz.js';
import { proveReport } from '../testing/prove-report.js';
import { formWith, loadSubtree, paramFixture, type Subtree } from '../testing/subtrees.js';
import { countWrites, writtenBetween, type WriteCounter } from '../testing/writes.js';
import {
  errorCode,
  errorShapeProblems,
  isMultipartRoute,
  longestPrefix,
  pathParams,
  routeName,
} from '../testing/walk.js';
import type { RouteEntry } from './request-context.js';

/**
 * Property-based requests from the OpenAPI document (/api/openapi.json) against EVERY route: path parameters,
 * query strings and bodies generated from their JSON Schemas, allowed and not (testing/fuzz.ts), sent as a
 * logged-in actor with the console's CSRF header (and one in five as a resident, who may do almost nothing).
 * Every answer: no 5xx; every 4xx exactly the error shape without a stack trace; a refused request writes no row
 * (a trigger counts the rows written to every table, read before and after each request) — except what the
 * product writes for a refusal by design, each named below.
 *
 * Quick form (npm test, CI): PROVE_FUZZ_RUNS requests per route (default 12) from a fixed seed; `npm run prove --
 * fuzz` sets more runs and a fresh seed (PROVE_FUZZ_SEED reproduces a run).
 */

const RUNS = Number(process.env.PROVE_FUZZ_RUNS ?? 12);
const SEED = Number(process.env.PROVE_FUZZ_SEED ?? 410103);

/** Routes that cannot be fuzzed, and why. */
const SKIPPED: Record<string, string> = {
  'GET /api/cases/feed':
    'a text/event-stream answer never ends, so a request cannot be judged (cases.webhooks.db.test.ts reads it)',
  'POST /api/auth/logout':
    'takes no input (no body, parameters or query) and ends the session the other requests use',
};

/** Who sends, by URL prefix (longest match): an actor with the capability, so generated input reaches the service. */
const ACTOR_BY_PREFIX: Record<string, string> = {
  '/api/users': 'sysadmin',
  '/api/audit': 'auditor',
  '/api/residents': 'community1',
  '/api/households': 'community1',
  // a password change must not lock the other actors out of their sessions
  '/api/auth/password': 'community2',
  '/api/': 'admin',
};
const LOW_ROLE = 'resident1';

/**
 * What a refused request writes by design (every other table must stay as it was):
 * - audit_log: refused and failed commands and denied requests are audited ('denied'/'failed', never 'ok');
 * - user_session: reading a session refreshes its last-seen time at most once a minute, whatever the answer;
 * - app_user, for a failed login: the failed-login count and the lockout (auth.service.ts);
 * - otp_challenge, for a wrong one-time code: the attempt count that ends the code after five tries.
 */
const WRITES_ON_REFUSAL: Record<string, string[]> = {
  '*': ['audit_log', 'user_session'],
  'POST /api/auth/login': ['app_user'],
  'POST /api/public/reports': ['otp_challenge'],
  'POST /api/public/cases/:token/feedback': ['otp_challenge'],
};

/** The login route's example names admin: its wrong passwords would lock the fuzzing actor out. */
const EXAMPLE_OVERRIDES: Record<string, Record<string, unknown>> = {
  'POST /api/auth/login': { username: 'street2' },
};

interface Request {
  route: RouteEntry;
  actor: string | null;
  url: string;
  body?: { json?: unknown; raw?: string; form?: { payload: Buffer; headers: Record<string, string> } };
}

let t: TestApp;
let db: Kysely<DB>;
let side: Subtree;
let counter: WriteCounter;
let operations: Operation[];
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp({ publicRatePerMinute: 1_000_000, gridFileLimit: 2 * 1024 * 1024 });
  db = t.database.db;
  for (const name of ['admin', 'sysadmin', 'auditor', 'community1', 'community2', LOW_ROLE]) {
    sessions[name] = await t.login(name);
  }
  const c1 = sessions.community1 as Session;
  side = await loadSubtree(db, 'community1', c1.user.place.code, 'grid1', c1);
  counter = await countWrites(db);
  const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  operations = operationsOf(doc.json());
});
afterAll(() => t?.close());

const operationOf = (route: RouteEntry): Operation | undefined =>
  operations.find((o) => o.method === route.method && routeUrlOf(o.path) === route.url);

const fuzzed = () => t.app.routeTable.filter((r) => !SKIPPED[routeName(r)]);

/** The arbitrary of one route's requests. */
function requestsOf(route: RouteEntry): fc.Arbitrary<Request> {
  const op = operationOf(route);
  const params = op?.parameters ?? [];
  const pathArbs = pathParams(route.url).map((name) =>
    pathParamOf(
      params.find((p) => p.in === 'path' && p.name === name)?.schema,
      paramFixture(route, name, side).value,
    ),
  );
  const query = queryOf(params.filter((p) => p.in === 'query'));
  const json = op?.requestBody?.content?.['application/json'];
  const example = json?.example
    ? { ...(json.example as object), ...EXAMPLE_OVERRIDES[routeName(route)] }
    : undefined;
  const body: fc.Arbitrary<Request['body']> = isMultipartRoute(route)
    ? fc
        .tuple(fileOf(), fc.constantFrom('before', 'after', 'update', 'x', ''), fc.boolean())
        .map(([file, stage, withStage]) => ({
          form: formWith(withStage ? { stage } : {}, file.name, file.bytes),
        }))
    : json?.schema
      ? bodyOf(json.schema as Schema, example)
      : fc.constant(undefined);
  const primary = route.public ? null : (longestPrefix(ACTOR_BY_PREFIX, route.url) ?? 'admin');
  const actor = primary
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constant(primary) },
        { weight: 1, arbitrary: fc.constant(LOW_ROLE) },
      )
    : fc.constant(null);
  return fc.tuple(fc.tuple(...pathArbs), query, body, actor).map(([values, q, b, who]) => {
    let url = route.url;
    pathParams(route.url).forEach((name, i) => (url = url.replace(`:${name}`, values[i] ?? '')));
    const qs = q.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
    return { route, actor: who, url: qs ? `${url}?${qs}` : url, ...(b ? { body: b } : {}) };
  });
}

async function send(req: Request): Promise<LightMyRequestResponse> {
  const method = req.route.method as InjectOptions['method'];
  const headers: Record<string, string> = {};
  let payload: InjectOptions['payload'];
  if (req.body?.form) {
    Object.assign(headers, req.body.form.headers);
    payload = req.body.form.payload;
  } else if (req.body && 'raw' in req.body) {
    headers['content-type'] = 'application/json';
    payload = req.body.raw;
  } else if (req.body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(req.body.json);
  }
  if (!req.actor) {
    return t.app.inject({ method, url: req.url, headers, ...(payload === undefined ? {} : { payload }) });
  }
  let session = sessions[req.actor] as Session;
  let res = await session.request(method, req.url, payload, headers);
  if (res.statusCode === 401 && req.route.url !== '/api/auth/password') {
    // a generated request may end its own session (a password change, a revoked token): log in again once
    session = sessions[req.actor] = await t.login(req.actor);
    res = await session.request(method, req.url, payload, headers);
  }
  return res;
}

/**
 * A resident import validates (and a commit writes) after answering: wait until its row says so — the job's
 * answer runs ahead of the row — so its writes are not counted against the next request.
 */
async function settle(req: Request, res: LightMyRequestResponse): Promise<void> {
  if (!req.route.url.startsWith('/api/residents/imports') || res.statusCode !== 200) return;
  const id = res.json<{ id?: number }>().id;
  if (!id) return;
  for (let i = 0; i < 1000; i++) {
    const row = await db.selectFrom('import_job').select('status').where('id', '=', id).executeTakeFirst();
    if (!row || !['validating', 'importing'].includes(row.status)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const describeRequest = (req: Request): string => {
  const body = req.body?.form
    ? '[multipart]'
    : req.body && 'raw' in req.body
      ? `raw ${JSON.stringify(req.body.raw).slice(0, 120)}`
      : req.body
        ? JSON.stringify(req.body.json)?.slice(0, 160)
        : '';
  return `${req.route.method} ${req.url.slice(0, 160)} as ${req.actor ?? 'anonymous'} ${body}`;
};

describe('fuzz: every route with generated input', () => {
  it('every route in the route table is in the OpenAPI document or an upload, and every operation is a route', () => {
    const routes = new Set(t.app.routeTable.map(routeName));
    const undocumented = fuzzed().filter(
      (r) => !operationOf(r) && !isMultipartRoute(r) && r.url !== '/api/openapi.json',
    );
    expect(undocumented.map(routeName)).toEqual([]);
    const unrouted = operations.filter((o) => !routes.has(`${o.method} ${routeUrlOf(o.path)}`));
    expect(unrouted.map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it(
    'answers no 5xx, every 4xx in the error shape, and a refused request writes nothing',
    async () => {
      const problems: string[] = [];
      const statuses: Record<string, number> = {};
      let sent = 0;
      for (const route of fuzzed()) {
        const requests = fc.sample(requestsOf(route), { numRuns: RUNS, seed: SEED + sent });
        for (const req of requests) {
          const before = await counter.counts();
          const head = await sql<{
            id: number;
          }>`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`.execute(db);
          const res = await send(req);
          await settle(req, res);
          sent++;
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          const where = `${describeRequest(req)} → ${res.statusCode} ${errorCode(res)}`;
          if (res.statusCode >= 500) {
            problems.push(`${where}: ${res.body.slice(0, 200)}`);
            continue;
          }
          if (res.statusCode < 400) continue;
          for (const p of errorShapeProblems(res)) problems.push(`${where}: ${p}`);
          const written = writtenBetween(before, await counter.counts());
          const allowed = [...(WRITES_ON_REFUSAL['*'] ?? []), ...(WRITES_ON_REFUSAL[routeName(route)] ?? [])];
          const wrong = Object.keys(written).filter((table) => !allowed.includes(table));
          if (wrong.length > 0) {
            problems.push(
              `${where}: a refused request wrote ${wrong.map((w) => `${w} (${written[w]})`).join(', ')}`,
            );
          }
          const audited = await sql<{ result: string; action: string }>`
            SELECT result, action FROM audit_log WHERE id > ${head.rows[0]?.id ?? 0} AND result = 'ok'`.execute(
            db,
          );
          if (audited.rows.length > 0) {
            problems.push(
              `${where}: a refused request audited ${audited.rows.map((r) => r.action).join(', ')} as ok`,
            );
          }
        }
      }
      proveReport('fuzz', {
        requests: sent,
        routes: fuzzed().length,
        runsPerRoute: RUNS,
        seed: SEED,
        statuses,
        skipped: SKIPPED,
        problems: problems.length,
      });
      expect(problems, `seed ${SEED}:\n${problems.slice(0, 40).join('\n')}`).toEqual([]);
      expect(sent).toBe(fuzzed().length * RUNS);
    },
    30 * 60_000,
  );
});

import ExcelJS from 'exceljs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/types.js';
import { createTestApp, type Session, type TestApp } from '../testing/app.js';
import { csvOf, multipartBody, uploadFixture, type ImportJobAnswer } from '../testing/sheets.js';
import type { RouteEntry } from './app.js';

/**
 * Walks EVERY route in app.routeTable as actors who must not reach another subtree. Nothing here lists routes:
 * a route added later is walked too, and the walk fails until it has fixtures (path parameters, required query
 * parameters, a body example).
 */

interface JsonSchema {
  type?: unknown;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  examples?: unknown[];
}

/** One community's subtree as fixtures: what an actor outside it must not reach. */
interface Subtree {
  label: string;
  streetCode: string;
  communityCode: string;
  communityName: string;
  /** A building with no children and no bound accounts: a delete of it would go through if policy failed. */
  leafCode: string;
  leafVersion: number;
  /** A staff account bound in the community. */
  userId: number;
  userVersion: number;
  username: string;
  /** A personal API token of an account bound in the subtree. */
  tokenId: number;
  tokenName: string;
  tokenSecret: string;
  /** A base micro-grid of the community, and a point inside it. */
  gridCode: string;
  point: [number, number];
  /** A resident and a household registered in the community (the demo seeds these communities always). */
  residentId: number;
  householdId: number;
  /** A current staff assignment on a grid of the community. */
  staffAssignmentId: number;
  /** A resident import job uploaded by the community's staff. */
  importId: number;
  /** A case filed by the community's staff at `point`. */
  caseId: number;
  caseVersion: number;
  caseToken: string;
  /** A photo of that case, and a notice in the inbox of `tokenOwner` (the community's staff). */
  photoId: number;
  notificationId: number;
  /** Codes, unique names and usernames that must never appear in an outsider's answer. */
  identifiers: string[];
}

interface Fixture {
  value: string;
  version?: number;
}

/**
 * Path parameter fixtures, by parameter name and then by URL prefix: a new route with a parameter needs its own
 * entry (the walk fails with "add a fixture for :param" until it has one).
 */
const PARAM_FIXTURES: Record<string, Record<string, (s: Subtree) => Fixture>> = {
  code: {
    '/api/places/': (s) => ({ value: s.leafCode, version: s.leafVersion }),
    '/api/grids/': (s) => ({ value: s.gridCode }),
    // categories are district-wide reference data: only cases.configure may change them
    '/api/case-categories/': () => ({ value: '1001', version: 1 }),
  },
  id: {
    '/api/cases/': (s) => ({ value: String(s.caseId), version: s.caseVersion }),
    '/api/notifications/': (s) => ({ value: String(s.notificationId) }),
    // webhooks are district-wide configuration: only cases.configure reaches them, whichever id
    '/api/webhooks/': () => ({ value: '1' }),
    '/api/users/': (s) => ({ value: String(s.userId), version: s.userVersion }),
    '/api/auth/tokens/': (s) => ({ value: String(s.tokenId) }),
    '/api/residents/': (s) => ({ value: String(s.residentId) }),
    '/api/households/': (s) => ({ value: String(s.householdId) }),
    '/api/grid-staff/': (s) => ({ value: String(s.staffAssignmentId) }),
    '/api/residents/imports/': (s) => ({ value: String(s.importId) }),
  },
  photoId: {
    '/api/cases/': (s) => ({ value: String(s.photoId) }),
    '/api/public/cases/': (s) => ({ value: String(s.photoId) }),
  },
  // the reporter's public link to its case (public routes: only the coverage check reads these)
  token: { '/api/public/cases/': (s) => ({ value: s.caseToken }) },
  // every grid has its version 1 (a grid never adjusted answers its current row as version 1)
  version: { '/api/grids/': () => ({ value: '1' }) },
};

/** A file upload (multipart/form-data): its "body" is a spreadsheet whose rows name the other subtree. */
const isMultipartRoute = (route: RouteEntry) =>
  ((route.schema?.consumes as string[] | undefined) ?? []).includes('multipart/form-data');

/** A resident sheet whose one row lives in `target`'s leaf building. */
function uploadInto(target: Subtree): { payload: Buffer; headers: Record<string, string> } {
  const rows = [
    ['姓名', '公民身份号码', '人员类型', '楼栋编码'],
    ['越界测试', '', '境外', target.leafCode],
  ];
  return multipartBody('outside.csv', Buffer.from(csvOf(rows)));
}

/** The body as text: the cells of a spreadsheet download, else the body itself. */
async function bodyText(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type'] ?? '').includes('spreadsheetml')) return res.body;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  }
  return cells.join('\n');
}

const CODE_PATTERN = '^[0-9]{6,24}$';
/** A body field naming a place or grid (not, say, a four-digit case category code). */
const isCodeProperty = (name: string, schema: JsonSchema | undefined) =>
  (/code$/i.test(name) && (!schema?.pattern || schema.pattern === CODE_PATTERN)) ||
  schema?.pattern === CODE_PATTERN;

const part = (route: RouteEntry, name: 'body' | 'querystring' | 'params'): JsonSchema | undefined =>
  route.schema?.[name] as JsonSchema | undefined;

const routeName = (route: RouteEntry) => `${route.method} ${route.url}`;
const pathParams = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
/** GET without path parameters: may answer 200, but only with what lies in the caller's subtree. */
const isListRoute = (route: RouteEntry) =>
  (route.method === 'GET' || route.readOnly) && pathParams(route.url).length === 0;

function paramFixture(route: RouteEntry, param: string, subtree: Subtree): Fixture {
  const byPrefix = PARAM_FIXTURES[param] ?? {};
  const prefix = Object.keys(byPrefix)
    .filter((p) => route.url.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  const make = prefix ? byPrefix[prefix] : undefined;
  if (!make) throw new Error(`add a fixture for :${param} (${routeName(route)})`);
  return make(subtree);
}

interface Call {
  label: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The calls that try to reach `target` through one route. */
function callsFor(route: RouteEntry, own: Subtree, target: Subtree): Call[] {
  const build = (paramsFrom: Subtree) => {
    let url = route.url;
    let version: number | undefined;
    for (const param of pathParams(route.url)) {
      const fixture = paramFixture(route, param, paramsFrom);
      url = url.replace(`:${param}`, encodeURIComponent(fixture.value));
      version ??= fixture.version;
    }
    return { url, version };
  };

  const bodySchema = part(route, 'body');
  const example = bodySchema?.examples?.[0];
  if (route.hasBody && (!example || typeof example !== 'object')) {
    throw new Error(`add examples[0] to the body schema of ${routeName(route)}`);
  }
  const bodyFor = (
    version: number | undefined,
  ): { body: Record<string, unknown> | undefined; hasCodes: boolean } => {
    if (!example) return { body: undefined, hasCodes: false };
    const body: Record<string, unknown> = { ...(example as Record<string, unknown>) };
    let hasCodes = false;
    for (const key of Object.keys(body)) {
      if (isCodeProperty(key, bodySchema?.properties?.[key])) {
        body[key] = target.communityCode;
        hasCodes = true;
      } else if (key === 'version' && version !== undefined) body[key] = version;
      else if (key === 'points') body[key] = [{ lng: target.point[0], lat: target.point[1] }];
      else if (key === 'lng' || key === 'lat') body[key] = target.point[key === 'lng' ? 0 : 1];
    }
    return { body, hasCodes };
  };

  const query = part(route, 'querystring');
  const queryVariants = (version: number | undefined): { label: string; params: URLSearchParams }[] => {
    const base = new URLSearchParams();
    for (const name of query?.required ?? []) {
      if (name === 'version' && version !== undefined) base.set(name, String(version));
      else if (name === 'lng' || name === 'lat') base.set(name, String(target.point[name === 'lng' ? 0 : 1]));
      else if (name === 'year') base.set(name, '2026');
      else if (name === 'section') base.set(name, 'overview');
      else throw new Error(`add a fixture for ?${name} (${routeName(route)})`);
    }
    const props = query?.properties ?? {};
    const variants: { label: string; params: URLSearchParams }[] = [];
    if ('within' in props) {
      const p = new URLSearchParams(base);
      p.set('within', target.communityCode);
      variants.push({ label: 'within', params: p });
    }
    if ('q' in props) {
      for (const q of [target.communityName, target.leafCode, target.username]) {
        const p = new URLSearchParams(base);
        p.set('q', q);
        variants.push({ label: `q=${q}`, params: p });
      }
    }
    if (variants.length === 0) variants.push({ label: 'plain', params: base });
    return variants;
  };

  const calls: Call[] = [];
  if (isMultipartRoute(route)) {
    const upload = uploadInto(target);
    return [
      {
        label: 'upload naming the other subtree',
        url: build(target).url,
        body: upload.payload,
        headers: upload.headers,
      },
    ];
  }
  const foreign = build(target);
  const { body } = bodyFor(foreign.version);
  for (const v of queryVariants(foreign.version)) {
    const qs = v.params.toString();
    calls.push({ label: `foreign params, ${v.label}`, url: qs ? `${foreign.url}?${qs}` : foreign.url, body });
  }
  // The caller's own node, but a body that points into the other subtree (a move target, a new parent).
  if (pathParams(route.url).length > 0) {
    const mine = build(own);
    const withCodes = bodyFor(mine.version);
    if (withCodes.hasCodes) {
      calls.push({ label: 'own params, foreign body codes', url: mine.url, body: withCodes.body });
    }
  }
  return calls;
}

/** Row count and a content hash per business table: equal before and after means nothing was written. */
async function fingerprint(
  db: Kysely<DB>,
  tables = [
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
  ],
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

/** Problems with the error body, or [] when it is exactly { error: { code, message, details } }. */
function errorShapeProblems(res: LightMyRequestResponse): string[] {
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return [`not JSON: ${res.body.slice(0, 120)}`];
  }
  const problems: string[] = [];
  const outer = body as Record<string, unknown>;
  if (!outer || typeof outer !== 'object' || Object.keys(outer).join() !== 'error') {
    return [`shape: ${res.body.slice(0, 160)}`];
  }
  const error = outer.error as Record<string, unknown>;
  if (Object.keys(error).sort().join() !== 'code,details,message') {
    problems.push(`error keys: ${Object.keys(error).join()}`);
  }
  if (typeof error.code !== 'string' || typeof error.message !== 'string') {
    problems.push('code/message not strings');
  }
  if (!Array.isArray(error.details)) problems.push('details not an array');
  return problems;
}

const errorCode = (res: LightMyRequestResponse): string => {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code ?? '-';
  } catch {
    return '-';
  }
};

let t: TestApp;
let db: Kysely<DB>;
const sessions: Record<string, Session> = {};
let sideA: Subtree; // community1's community, in street 410103001
let sideB: Subtree; // community3's community, in street 410103002

async function loadSubtree(
  label: string,
  communityCode: string,
  staff: string,
  tokenOwner: Session,
): Promise<Subtree> {
  const community = await db
    .selectFrom('place')
    .select(['id', 'name', 'path', 'parent_id'])
    .where('code', '=', communityCode)
    .executeTakeFirstOrThrow();
  const street = await db
    .selectFrom('place')
    .select(['code', 'name'])
    .where('id', '=', community.parent_id ?? -1)
    .executeTakeFirstOrThrow();
  const leaf = await db
    .selectFrom('place as p')
    .select(['p.code', 'p.version'])
    .where('p.path', 'like', `${community.path}%`)
    .where('p.kind', '=', 'building')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('place as c').select('c.id').whereRef('c.parent_id', '=', 'p.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('app_user as u').select('u.id').whereRef('u.place_id', '=', 'p.id'))),
    )
    .orderBy('p.code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'version', 'username'])
    .where('username', '=', staff)
    .executeTakeFirstOrThrow();
  const micro = await db
    .selectFrom('grid')
    .select(['code', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('place_id', '=', community.id)
    .where('level', '=', 4)
    .where('kind', '=', 'base')
    .orderBy('code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const resident = await db
    .selectFrom('resident')
    .select(['id', 'household_id'])
    .where('path', 'like', `${community.path}%`)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const gridCodes = await db.selectFrom('grid').select('code').where('place_id', '=', community.id).execute();
  const assignment = await db
    .selectFrom('grid_staff_assignment as a')
    .innerJoin('grid as g', 'g.id', 'a.grid_id')
    .select('a.id')
    .where('g.place_id', '=', community.id)
    .where('a.ended_on', 'is', null)
    .orderBy('a.id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const tokenName = `token-of-${tokenOwner.username}`;
  const created = await tokenOwner.request('POST', '/api/auth/tokens', { name: tokenName });
  expect(created.statusCode, created.body).toBe(200);
  const { token: tokenSecret, apiToken } = created.json<{ token: string; apiToken: { id: number } }>();
  const tokenId = apiToken.id;
  const importId = await uploadFixture(tokenOwner, leaf.code);
  const point: [number, number] = [(micro.min_lng + micro.max_lng) / 2, (micro.min_lat + micro.max_lat) / 2];
  const filed = await tokenOwner.request('POST', '/api/cases', {
    categoryCode: '1002',
    description: `access fixture of ${tokenOwner.username}`,
    lng: point[0],
    lat: point[1],
  });
  expect(filed.statusCode, filed.body).toBe(200);
  const filedCase = filed.json<{ case: { id: number; code: string; version: number } }>().case;
  const caseToken = filed.json<{ publicToken: string }>().publicToken;
  const photo = await db
    .insertInto('case_photo')
    .values({
      case_id: filedCase.id,
      stage: 'before',
      storage_key: `cases/${filedCase.id}/access-fixture`,
      mime: 'image/png',
      bytes: 1,
      width: 1,
      height: 1,
      sha256: 'access-fixture',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const notice = await db
    .selectFrom('notification')
    .select('id')
    .where('user_id', '=', tokenOwner.user.id)
    .where('case_id', '=', filedCase.id)
    .executeTakeFirstOrThrow();

  // Everything an outsider must not see: codes of the street, the community and its compounds, names that are
  // unique in the district (so they cannot occur in the outsider's own data), usernames bound in the subtree.
  const places = await db
    .selectFrom('place')
    .select(['code', 'name', 'kind'])
    .where((eb) => eb.or([eb('path', 'like', `${community.path}%`), eb('code', '=', street.code)]))
    .where('kind', '<>', 'building')
    .execute();
  const names = new Set(
    (
      await db
        .selectFrom('place')
        .select('name')
        .where(
          'name',
          'in',
          places.map((p) => p.name),
        )
        .groupBy('name')
        .having((eb) => eb.fn.countAll(), '=', 1)
        .execute()
    ).map((r) => r.name),
  );
  const usernames = await db
    .selectFrom('app_user as u')
    .innerJoin('place as p', 'p.id', 'u.place_id')
    .select('u.username')
    .where((eb) => eb.or([eb('p.path', 'like', `${community.path}%`), eb('p.code', '=', street.code)]))
    .execute();
  const identifiers = [
    ...places.map((p) => p.code),
    ...places.map((p) => p.name).filter((n) => names.has(n)),
    ...usernames.map((u) => u.username),
    leaf.code,
    tokenName,
    ...gridCodes.map((g) => g.code),
    filedCase.code,
  ];
  return {
    label,
    streetCode: street.code,
    communityCode,
    communityName: community.name,
    leafCode: leaf.code,
    leafVersion: leaf.version,
    userId: user.id,
    userVersion: user.version,
    username: user.username,
    tokenId,
    tokenName,
    tokenSecret,
    gridCode: micro.code,
    residentId: resident.id,
    householdId: resident.household_id,
    // the centre of a rectangle-ish micro-grid lies inside it; the grids test checks location exactly
    point,
    staffAssignmentId: assignment.id,
    importId,
    caseId: filedCase.id,
    caseVersion: filedCase.version,
    caseToken,
    photoId: photo.id,
    notificationId: notice.id,
    identifiers: [...new Set(identifiers)],
  };
}

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  for (const name of ['community1', 'community2', 'community3', 'grid1', 'grid2', 'resident1']) {
    sessions[name] = await t.login(name);
  }
  const c1 = sessions.community1 as Session;
  const c3 = sessions.community3 as Session;
  sideA = await loadSubtree('community1 (410103001001)', c1.user.place.code, 'grid1', c1);
  sideB = await loadSubtree('community3 (410103002001)', c3.user.place.code, 'grid2', c3);
});
afterAll(() => t?.close());

/** A server-sent event stream never ends, so inject cannot read it: its scope is checked over a real socket
 * (cases.webhooks.db.test.ts, the live feed). */
const isStream = (r: RouteEntry) =>
  ((r.schema?.produces as string[] | undefined) ?? []).includes('text/event-stream');
const routes = () => t.app.routeTable.filter((r) => !r.public && !r.self && !isStream(r));

describe('route table coverage', () => {
  it('has a fixture for every path parameter and required query parameter, and an example for every body', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const route of t.app.routeTable) {
      try {
        callsFor(route, sideA, sideB);
      } catch (error) {
        missing.push((error as Error).message);
      }
    }
    expect(missing).toEqual([]);
  });
});

interface WalkSpec {
  actor: string;
  own: () => Subtree;
  target: () => Subtree;
  /** An actor without any business capability: 403 on every route, never 404 (it learns nothing about scope). */
  onlyForbidden?: boolean;
  /**
   * Routes this actor may use anywhere, so the walk does not call them: a resident files a case wherever the
   * problem is and lists its own reports wherever they are (cases.db.test.ts checks it sees only its own), and
   * reads the category catalogue, which is reference data for the reporting pages.
   */
  exempt?: string[];
  /** URL prefixes of records this actor may hold its own of: another's answers 404 like a missing one. */
  ownRecords?: string[];
}

const WALKS: WalkSpec[] = [
  { actor: 'community1', own: () => sideA, target: () => sideB },
  { actor: 'grid2', own: () => sideB, target: () => sideA },
  {
    actor: 'resident1',
    own: () => sideA,
    target: () => sideB,
    onlyForbidden: true,
    exempt: ['POST /api/cases', 'GET /api/cases', 'GET /api/case-categories'],
    ownRecords: ['/api/cases/'],
  },
];

describe.each(WALKS)('every non-public, non-self route as $actor', (spec) => {
  it('is refused or filtered, writes nothing, and audits denied writes', async () => {
    const session = sessions[spec.actor] as Session;
    const own = spec.own();
    const target = spec.target();
    const before = await fingerprint(db);
    const problems: string[] = [];
    let calls = 0;
    for (const route of routes()) {
      if (spec.exempt?.includes(routeName(route))) {
        calls++;
        continue;
      }
      for (const call of callsFor(route, own, target)) {
        calls++;
        const where = `${route.method} ${call.url} [${call.label}]`;
        const auditHead = await sql<{
          id: number;
        }>`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`.execute(db);
        const res = await session.request(
          route.method as InjectOptions['method'],
          call.url,
          call.body,
          call.headers,
        );
        if (res.statusCode === 200 && isMultipartRoute(route) && !spec.onlyForbidden) {
          // An upload is accepted, but none of its rows may land in the other subtree.
          let job = res.json<ImportJobAnswer>();
          while (job.status === 'validating') {
            await new Promise((resolve) => setTimeout(resolve, 20));
            job = (await session.request('GET', `/api/residents/imports/${job.id}`)).json<ImportJobAnswer>();
          }
          const reasons = job.findings.items.map((f) => `${f.column}:${f.reason}`);
          if (job.validRows !== 0 || reasons.join() !== '楼栋编码:building_not_found') {
            problems.push(
              `${where}: upload into the other subtree gave ${job.validRows} valid rows, ${reasons}`,
            );
          }
          continue;
        }
        if (res.statusCode === 200 && isListRoute(route) && !spec.onlyForbidden) {
          const text = await bodyText(res);
          const leaked = target.identifiers.filter((id) => text.includes(id));
          if (leaked.length > 0) problems.push(`${where}: 200 leaks ${leaked.slice(0, 5).join(', ')}`);
          continue;
        }
        if (res.statusCode === 200 && isListRoute(route) && spec.onlyForbidden) {
          // A list that answers a capability-less actor at all may hold no records: every list in it is empty.
          const leaked = target.identifiers.filter((id) => res.body.includes(id));
          const lists = Object.entries(res.json() as Record<string, unknown>).filter(
            ([, v]) => Array.isArray(v) && v.length > 0,
          );
          if (leaked.length > 0 || lists.length > 0) {
            problems.push(
              `${where}: 200 for ${spec.actor} shows ${[...leaked, ...lists.map(([k]) => k)].join(', ')}`,
            );
          }
          continue;
        }
        const own = spec.ownRecords?.some((prefix) => route.url.startsWith(prefix));
        const allowed = spec.onlyForbidden && !own ? [403] : [403, 404];
        if (!allowed.includes(res.statusCode)) {
          problems.push(`${where}: ${res.statusCode} ${errorCode(res)} (expected ${allowed.join(' or ')})`);
          continue;
        }
        for (const p of errorShapeProblems(res)) problems.push(`${where}: ${p}`);
        if (route.method !== 'GET') {
          const denied = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM audit_log
             WHERE id > ${auditHead.rows[0]?.id ?? 0} AND actor_name = ${spec.actor} AND result = 'denied'`.execute(
            db,
          );
          if (!denied.rows[0]?.n) problems.push(`${where}: refused write left no 'denied' audit entry`);
        }
      }
    }
    const after = await fingerprint(db);
    for (const table of Object.keys(before)) {
      if (after[table] !== before[table]) problems.push(`table ${table} changed during the walk`);
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(routes().length);
  });
});

describe('scope filtering still lets an actor reach its own subtree', () => {
  it('community1 reads its community, lists its compounds and finds them by name', async () => {
    const c1 = sessions.community1 as Session;
    const own = await c1.request('GET', `/api/places/${sideA.communityCode}`);
    expect(own.statusCode).toBe(200);
    expect(own.json<{ code: string; allowedActions: string[] }>()).toMatchObject({
      code: sideA.communityCode,
    });

    const children = await c1.request('GET', `/api/places/${sideA.communityCode}/children`);
    expect(children.statusCode).toBe(200);
    const page = children.json<{ items: { code: string; kind: string; name: string }[]; total: number }>();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((i) => i.kind === 'compound' && i.code.startsWith(sideA.communityCode))).toBe(
      true,
    );

    const first = page.items[0];
    const found = await c1.request('GET', `/api/places?q=${encodeURIComponent(first?.name ?? '')}`);
    expect(found.json<{ items: { code: string }[] }>().items.map((i) => i.code)).toContain(first?.code);
    const within = await c1.request('GET', `/api/places?within=${sideA.communityCode}&kind=compound`);
    expect(within.json<{ total: number }>().total).toBe(page.total);
  });

  it('grid2 reads its own community but may not write to it', async () => {
    const g2 = sessions.grid2 as Session;
    expect((await g2.request('GET', `/api/places/${sideB.communityCode}`)).statusCode).toBe(200);
    const write = await g2.request('PATCH', `/api/places/${sideB.communityCode}`, {
      version: 1,
      name: '不许改',
    });
    expect(write.statusCode).toBe(403);
  });

  it('a foreign search returns an empty list rather than a 404 or the records', async () => {
    const c1 = sessions.community1 as Session;
    const res = await c1.request('GET', `/api/places?q=${encodeURIComponent(sideB.communityName)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: unknown[]; total: number }>()).toMatchObject({ items: [], total: 0 });
  });
});

describe('self routes act only on the caller', () => {
  const tokenRow = (id: number) =>
    db
      .selectFrom('api_token')
      .select(['user_id', 'revoked_at', 'name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const passwordHashes = async (except: string) =>
    (
      await db
        .selectFrom('app_user')
        .select(['username', 'password_hash'])
        .where('username', '<>', except)
        .orderBy('id')
        .execute()
    ).map((r) => `${r.username}:${r.password_hash}`);

  /** One check per self route; a new self route fails the test until it has one. */
  const SELF_CHECKS: Record<string, () => Promise<void>> = {
    'GET /api/auth/me': async () => {
      const c1 = sessions.community1 as Session;
      const res = await c1.request('GET', '/api/auth/me');
      expect(res.statusCode).toBe(200);
      expect(res.json<{ user: { username: string } }>().user.username).toBe('community1');
      expect(sideB.identifiers.filter((id) => res.body.includes(id))).toEqual([]);
    },
    'GET /api/auth/tokens': async () => {
      const c1 = sessions.community1 as Session;
      const res = await c1.request('GET', '/api/auth/tokens');
      expect(res.statusCode).toBe(200);
      const ids = res.json<{ id: number }[]>().map((x) => x.id);
      expect(ids).toContain(sideA.tokenId);
      expect(ids).not.toContain(sideB.tokenId);
      expect(res.body).not.toContain(sideB.tokenName);
    },
    'POST /api/auth/tokens': async () => {
      const c1 = sessions.community1 as Session;
      const before = await fingerprint(db, ['place', 'app_user']);
      const res = await c1.request('POST', '/api/auth/tokens', { name: 'self-check' });
      expect(res.statusCode).toBe(200);
      const row = await tokenRow(res.json<{ apiToken: { id: number } }>().apiToken.id);
      expect(row.user_id).toBe(c1.user.id);
      expect(await fingerprint(db, ['place', 'app_user'])).toEqual(before);
    },
    'DELETE /api/auth/tokens/:id': async () => {
      const c1 = sessions.community1 as Session;
      const res = await c1.request('DELETE', `/api/auth/tokens/${sideB.tokenId}`);
      expect(res.statusCode).toBe(404);
      expect(errorShapeProblems(res)).toEqual([]);
      expect((await tokenRow(sideB.tokenId)).revoked_at).toBeNull();
      // and it is not vacuous: the caller can revoke its own
      const mine = await c1.request('POST', '/api/auth/tokens', { name: 'to-revoke' });
      const id = mine.json<{ apiToken: { id: number } }>().apiToken.id;
      expect((await c1.request('DELETE', `/api/auth/tokens/${id}`)).statusCode).toBe(200);
      expect((await tokenRow(id)).revoked_at).not.toBeNull();
    },
    'POST /api/auth/password': async () => {
      const c2 = await t.login('community2');
      const others = await passwordHashes('community2');
      const res = await c2.request('POST', '/api/auth/password', {
        currentPassword: 'Louyuan@2026',
        newPassword: 'Another#2026x',
      });
      expect(res.statusCode).toBe(200);
      expect(await passwordHashes('community2')).toEqual(others);
      await t.login('community2', 'Another#2026x');
    },
    'GET /api/notifications': async () => {
      const c1 = sessions.community1 as Session;
      const res = await c1.request('GET', '/api/notifications?pageSize=200');
      expect(res.statusCode).toBe(200);
      const ids = res.json<{ items: { id: number }[] }>().items.map((n) => n.id);
      expect(ids).toContain(sideA.notificationId);
      expect(ids).not.toContain(sideB.notificationId);
      expect(sideB.identifiers.filter((id) => res.body.includes(id))).toEqual([]);
    },
    'POST /api/notifications/:id/read': async () => {
      const c1 = sessions.community1 as Session;
      expect((await c1.request('POST', `/api/notifications/${sideB.notificationId}/read`)).statusCode).toBe(
        404,
      );
      const row = await db
        .selectFrom('notification')
        .select('read_at')
        .where('id', '=', sideB.notificationId)
        .executeTakeFirstOrThrow();
      expect(row.read_at).toBeNull();
    },
    'POST /api/notifications/read-all': async () => {
      const c3 = sessions.community3 as Session;
      const unread = async () =>
        (await c3.request('GET', '/api/notifications')).json<{ unread: number }>().unread;
      const before = await unread();
      expect(before).toBeGreaterThan(0);
      expect(
        (await (sessions.community1 as Session).request('POST', '/api/notifications/read-all')).statusCode,
      ).toBe(200);
      expect(await unread()).toBe(before);
    },
    'POST /api/auth/logout': async () => {
      const a = await t.login('grid1');
      const b = await t.login('grid1');
      const other = sessions.community3 as Session;
      expect((await a.request('POST', '/api/auth/logout')).statusCode).toBe(200);
      expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(401);
      expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(200);
      expect((await other.request('GET', '/api/auth/me')).statusCode).toBe(200);
    },
  };

  it('every self route has a check', () => {
    const selfRoutes = t.app.routeTable.filter((r) => r.self).map(routeName);
    expect(selfRoutes.length).toBeGreaterThan(0);
    expect(selfRoutes.filter((r) => !SELF_CHECKS[r]).map((r) => `add a self check for ${r}`)).toEqual([]);
  });

  it.each(Object.keys(SELF_CHECKS))('%s', async (name) => {
    expect(
      t.app.routeTable.some((r) => r.self && routeName(r) === name),
      `${name} is not a self route`,
    ).toBe(true);
    await (SELF_CHECKS[name] as () => Promise<void>)();
  });

  it("a foreign token still works after another user's revoke attempt", async () => {
    const c1 = sessions.community1 as Session;
    expect((await c1.request('DELETE', `/api/auth/tokens/${sideB.tokenId}`)).statusCode).toBe(404);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${sideB.tokenSecret}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ user: { username: string } }>().user.username).toBe('community3');
  });
});

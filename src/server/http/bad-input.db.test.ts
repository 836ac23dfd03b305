import { loadModuleFixtures, moduleParamFixtures, type FixtureValues } from '../testing/walk-fixtures.js';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/types.js';
import { IMPORT_FILE_LIMIT } from '../modules/imports/imports.schema.js';
import { createTestApp, type Session, type TestApp } from '../testing/app.js';
import { multipartBody, uploadFixture } from '../testing/sheets.js';
import {
  errorShapeProblems,
  fingerprint,
  longestPrefix,
  part,
  pathParams,
  routeName,
} from '../testing/walk.js';
import type { RouteEntry } from './request-context.js';

/**
 * Feeds malformed input to EVERY route in app.routeTable that takes a body, path parameters or a query string:
 * each answer must be exactly the error shape, in the request's language, without a stack trace, and nothing may
 * be written. Routes added later are walked too; a route without fixtures fails the walk.
 */

interface Fixture {
  value: string;
  version?: number;
}

/** Valid values for path parameters, by name and URL prefix, so that only the part under test is wrong. */
const PARAM_FIXTURES: Record<string, Record<string, () => Fixture>> = {
  code: {
    '/api/places/': () => ({ value: fx.leafCode, version: fx.leafVersion }),
    '/api/grids/': () => ({ value: fx.gridCode }),
    '/api/case-categories/': () => ({ value: '1001', version: 1 }),
  },
  id: {
    '/api/cases/': () => ({ value: String(fx.caseId), version: fx.caseVersion }),
    // only the parameter under test is malformed: any well-formed id will do for these
    '/api/notifications/': () => ({ value: '1' }),
    '/api/webhooks/': () => ({ value: '1' }),
    '/api/users/': () => ({ value: String(fx.userId), version: fx.userVersion }),
    '/api/auth/tokens/': () => ({ value: String(fx.tokenId) }),
    '/api/residents/': () => ({ value: String(fx.residentId) }),
    '/api/households/': () => ({ value: String(fx.householdId) }),
    '/api/residents/imports/': () => ({ value: String(fx.importId) }),
  },
  version: { '/api/grids/': () => ({ value: '1' }) },
  photoId: { '/api/cases/': () => ({ value: '1' }), '/api/public/cases/': () => ({ value: '1' }) },
  token: { '/api/public/cases/': () => ({ value: fx.caseToken }) },
};

/** Who sends the requests, by URL prefix (longest match): validation runs first, but the actor is a real one. */
const ACTOR_BY_PREFIX: Record<string, string> = {
  '/api/users': 'sysadmin',
  '/api/residents/import': 'community1',
  '/api/audit': 'auditor',
  '/api/residents': 'community1',
  '/api/households': 'community1',
  '/api/': 'admin',
};

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

/** The route's URL with valid fixtures in it (optionally one parameter replaced), and the version they carry. */
function fillUrl(
  route: RouteEntry,
  override: Record<string, string> = {},
): { url: string; version?: number } {
  let url = route.url;
  let version: number | undefined;
  for (const param of pathParams(route.url)) {
    const make = longestPrefix(
      { ...PARAM_FIXTURES[param], ...moduleParamFixtures(param, moduleValues) },
      route.url,
    );
    if (!make) throw new Error(`add a fixture for :${param} (${routeName(route)})`);
    const fixture = make();
    url = url.replace(`:${param}`, override[param] ?? encodeURIComponent(fixture.value));
    version ??= fixture.version;
  }
  return { url, version };
}

function requiredQuery(route: RouteEntry, version: number | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of part(route, 'querystring')?.required ?? []) {
    if (name === 'version' && version !== undefined) params.set(name, String(version));
    else if (name === 'lng' || name === 'lat') params.set(name, String(fx.point[name === 'lng' ? 0 : 1]));
    else if (name === 'year') params.set(name, '2026');
    else if (name === 'section') params.set(name, 'overview');
    else throw new Error(`add a fixture for ?${name} (${routeName(route)})`);
  }
  return params;
}

function exampleBody(route: RouteEntry, version: number | undefined): Record<string, unknown> {
  const example = part(route, 'body')?.examples?.[0];
  if (!example || typeof example !== 'object') {
    throw new Error(`add examples[0] to the body schema of ${routeName(route)}`);
  }
  const body = { ...(example as Record<string, unknown>) };
  if ('version' in body && version !== undefined) body.version = version;
  return body;
}

/** A value of the wrong JSON type for whatever the example holds. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'abc';
  if (typeof value === 'boolean') return 'yes';
  if (value === null) return {};
  return 'not-an-object';
}

interface Case {
  route: string;
  label: string;
  send: (lang: 'zh' | 'en') => Promise<LightMyRequestResponse>;
  status: number;
  code: string;
  /** A details entry must name this field. */
  path?: string;
}

/** Everything wrong with an error answer, or []. */
function answerProblems(
  res: LightMyRequestResponse,
  c: Pick<Case, 'status' | 'code' | 'path'>,
  lang: 'zh' | 'en',
): string[] {
  const problems: string[] = [];
  if (res.statusCode !== c.status) problems.push(`status ${res.statusCode}, expected ${c.status}`);
  const shape = errorShapeProblems(res);
  if (shape.length > 0) return [...problems, ...shape];
  const { error } = res.json<{
    error: { code: string; message: string; details: { path: string; message: string }[] };
  }>();
  if (error.code !== c.code) problems.push(`code ${error.code}, expected ${c.code}`);
  if (c.path && !error.details.some((d) => d.path === c.path)) {
    problems.push(`no detail for ${c.path}: ${JSON.stringify(error.details)}`);
  }
  const texts = [error.message, ...error.details.map((d) => d.message)];
  if (lang === 'zh' && !texts.every((m) => CJK.test(m))) {
    problems.push(`not Chinese by default: ${texts.join(' | ')}`);
  }
  if (lang === 'en' && !texts.every((m) => !CJK.test(m) && /[a-z]/i.test(m))) {
    problems.push(`not English with Accept-Language: en: ${texts.join(' | ')}`);
  }
  return problems;
}

let t: TestApp;
let db: Kysely<DB>;
const sessions: Record<string, Session> = {};
let moduleValues: Record<string, FixtureValues> = {};
const fx = {
  leafCode: '',
  leafVersion: 1,
  userId: 0,
  userVersion: 1,
  tokenId: 0,
  compoundCode: '',
  communityCode: '',
  gridCode: '',
  point: [0, 0] as [number, number],
  residentId: 0,
  householdId: 0,
  importId: 0,
  caseId: 0,
  caseVersion: 1,
  caseToken: '',
};

beforeAll(async () => {
  // grid file uploads have their own, larger limit: small here, so the over-the-limit case stays cheap
  t = await createTestApp({ gridFileLimit: 2 * 1024 * 1024, publicRatePerMinute: 10_000 });
  db = t.database.db;
  for (const name of ['admin', 'sysadmin', 'auditor', 'community1']) sessions[name] = await t.login(name);
  const leaf = await db
    .selectFrom('place as p')
    .select(['p.code', 'p.version'])
    .where('p.kind', '=', 'building')
    .where('p.code', 'like', '410103001001%')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('place as c').select('c.id').whereRef('c.parent_id', '=', 'p.id'))),
    )
    .orderBy('p.code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'version'])
    .where('username', '=', 'grid1')
    .executeTakeFirstOrThrow();
  const micro = await db
    .selectFrom('grid')
    .select(['code', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('level', '=', 4)
    .where('kind', '=', 'base')
    .orderBy('code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const community = await db
    .selectFrom('place')
    .select('path')
    .where('code', '=', (sessions.community1 as Session).user.place.code)
    .executeTakeFirstOrThrow();
  const resident = await db
    .selectFrom('resident')
    .select(['id', 'household_id'])
    .where('path', 'like', `${community.path}%`)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const communityRow = await db
    .selectFrom('place')
    .select(['id', 'code', 'path'])
    .where('code', '=', (sessions.community1 as Session).user.place.code)
    .executeTakeFirstOrThrow();
  moduleValues = (
    await loadModuleFixtures({ db, community: communityRow, owner: sessions.community1 as Session })
  ).values;
  const token = await (sessions.admin as Session).request('POST', '/api/auth/tokens', {
    name: 'bad-input fixture',
  });
  const point: [number, number] = [(micro.min_lng + micro.max_lng) / 2, (micro.min_lat + micro.max_lat) / 2];
  const filed = await (sessions.admin as Session).request('POST', '/api/cases', {
    categoryCode: '1002',
    description: 'bad-input fixture',
    lng: point[0],
    lat: point[1],
  });
  const filedCase = filed.json<{ case: { id: number; version: number } }>().case;
  fx.caseToken = filed.json<{ publicToken: string }>().publicToken;
  Object.assign(fx, {
    caseId: filedCase.id,
    caseVersion: filedCase.version,
    importId: await uploadFixture(sessions.community1 as Session, leaf.code),
    leafCode: leaf.code,
    leafVersion: leaf.version,
    userId: user.id,
    userVersion: user.version,
    tokenId: token.json<{ apiToken: { id: number } }>().apiToken.id,
    compoundCode: leaf.code.slice(0, 15),
    communityCode: leaf.code.slice(0, 12),
    gridCode: micro.code,
    residentId: resident.id,
    householdId: resident.household_id,
    point: [(micro.min_lng + micro.max_lng) / 2, (micro.min_lat + micro.max_lat) / 2],
  });
});
afterAll(() => t?.close());

/** Sends as the route's actor (or anonymously for a public route), in the given language. */
function sender(route: RouteEntry) {
  return (lang: 'zh' | 'en', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const all = lang === 'en' ? { 'accept-language': 'en', ...headers } : headers;
    const method = route.method as InjectOptions['method'];
    if (route.public) {
      return t.app.inject({
        method,
        url,
        headers: all,
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      });
    }
    const actor = longestPrefix(ACTOR_BY_PREFIX, route.url) ?? 'admin';
    return (sessions[actor] as Session).request(method, url, payload, all);
  };
}

function casesFor(route: RouteEntry): Case[] {
  const cases: Case[] = [];
  const send = sender(route);
  const name = routeName(route);
  const { url, version } = fillUrl(route);
  const query = requiredQuery(route, version);
  const fullUrl = query.size > 0 ? `${url}?${query}` : url;
  const body = route.hasBody ? exampleBody(route, version) : undefined;
  const add = (label: string, status: number, code: string, go: Case['send'], path?: string) =>
    cases.push({ route: name, label, status, code, send: go, ...(path ? { path } : {}) });

  if (body) {
    add(
      'unknown field',
      400,
      'VALIDATION_FAILED',
      (l) => send(l, fullUrl, { ...body, unexpectedField: 1 }),
      '/unexpectedField',
    );
    for (const [key, value] of Object.entries(body)) {
      add(
        `wrong type for ${key}`,
        400,
        'VALIDATION_FAILED',
        (l) => send(l, fullUrl, { ...body, [key]: wrongType(value) }),
        `/${key}`,
      );
    }
    const firstString = Object.keys(body).find((k) => typeof body[k] === 'string');
    if (firstString) {
      add(
        `NUL in ${firstString}`,
        400,
        'VALIDATION_FAILED',
        (l) => send(l, fullUrl, { ...body, [firstString]: 'a\u0000b' }),
        `/${firstString}`,
      );
      add(
        `unpaired surrogate in ${firstString}`,
        400,
        'VALIDATION_FAILED',
        (l) => send(l, fullUrl, { ...body, [firstString]: 'a\ud800b' }),
        `/${firstString}`,
      );
    }
    add('a JSON array instead of an object', 400, 'VALIDATION_FAILED', (l) => send(l, fullUrl, [body]), '/');
    add('broken JSON', 400, 'BAD_JSON', (l) =>
      send(l, fullUrl, JSON.stringify(body).slice(0, -3), { 'content-type': 'application/json' }),
    );
    const big = 'x'.repeat((route.bodyLimit ?? t.ctx.config.bodyLimit) + 200_000);
    add('body over the limit', 413, 'PAYLOAD_TOO_LARGE', (l) =>
      send(l, fullUrl, { ...body, [firstString ?? 'padding']: big }),
    );
    add('text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE', (l) =>
      send(l, fullUrl, JSON.stringify(body), { 'content-type': 'text/plain' }),
    );
    add('empty body with a JSON content type', 400, 'BAD_JSON', (l) =>
      send(l, fullUrl, '', { 'content-type': 'application/json' }),
    );
  }

  const paramSchema = part(route, 'params');
  for (const param of pathParams(route.url)) {
    const withQuery = (u: string) => (query.size > 0 ? `${u}?${query}` : u);
    add(
      `:${param} in letters`,
      400,
      'VALIDATION_FAILED',
      (l) => send(l, withQuery(fillUrl(route, { [param]: 'abc' }).url), body),
      `/params/${param}`,
    );
    if (paramSchema?.properties?.[param]?.type === 'integer') {
      add(
        `:${param} beyond the integer range`,
        400,
        'VALIDATION_FAILED',
        (l) => send(l, withQuery(fillUrl(route, { [param]: '99999999999999999999' }).url), body),
        `/params/${param}`,
      );
    }
    add(`:${param} with broken percent-encoding`, 400, 'VALIDATION_FAILED', (l) =>
      send(l, withQuery(fillUrl(route, { [param]: '%E0%A4%A' }).url), body),
    );
    add(`:${param} longer than the router takes`, 400, 'VALIDATION_FAILED', (l) =>
      send(l, withQuery(fillUrl(route, { [param]: 'x'.repeat(200) }).url), body),
    );
  }

  const querySchema = part(route, 'querystring');
  if (querySchema) {
    const withParam = (key: string, value: string) => {
      const q = new URLSearchParams(query);
      q.set(key, value);
      return `${url}?${q}`;
    };
    add(
      'unknown query parameter',
      400,
      'VALIDATION_FAILED',
      (l) => send(l, withParam('zzz', '1'), body),
      '/querystring/zzz',
    );
    const props = querySchema.properties ?? {};
    if ('page' in props) {
      add(
        'page=0',
        400,
        'VALIDATION_FAILED',
        (l) => send(l, withParam('page', '0'), body),
        '/querystring/page',
      );
    }
    for (const [key, schema] of Object.entries(props)) {
      if (schema.type === 'integer') {
        add(
          `?${key}=abc`,
          400,
          'VALIDATION_FAILED',
          (l) => send(l, withParam(key, 'abc'), body),
          `/querystring/${key}`,
        );
      }
    }
    const text = Object.keys(props).find((k) => props[k]?.type === 'string');
    if (text) {
      add(
        `NUL in ?${text}`,
        400,
        'VALIDATION_FAILED',
        (l) => send(l, withParam(text, 'a\u0000b'), body),
        `/querystring/${text}`,
      );
    }
  }
  return cases;
}

const walked = () =>
  t.app.routeTable.filter(
    (r) => r.hasBody || pathParams(r.url).length > 0 || part(r, 'querystring') !== undefined,
  );

describe('malformed input on every route', () => {
  it('every route with a body, parameters or a query has fixtures', () => {
    const missing: string[] = [];
    for (const route of walked()) {
      try {
        casesFor(route);
      } catch (error) {
        missing.push((error as Error).message);
      }
    }
    expect(missing).toEqual([]);
    expect(walked().filter((r) => r.hasBody).length).toBeGreaterThanOrEqual(8);
  });

  it('answers each case with exactly the error shape, in the right language, and writes nothing', async () => {
    const before = await fingerprint(db);
    const problems: string[] = [];
    let sent = 0;
    for (const route of walked()) {
      for (const c of casesFor(route)) {
        for (const lang of ['zh', 'en'] as const) {
          const res = await c.send(lang);
          sent++;
          for (const p of answerProblems(res, c, lang))
            problems.push(`${c.route} [${c.label}, ${lang}]: ${p}`);
        }
      }
    }
    const after = await fingerprint(db);
    for (const table of Object.keys(before)) {
      if (after[table] !== before[table]) problems.push(`table ${table} changed during the walk`);
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(100);
  });
});

describe('domain refusals write nothing', () => {
  const admin = () => sessions.admin as Session;
  const place = (code: string) =>
    db
      .selectFrom('place')
      .select(['code', 'version', 'path'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();

  async function expectRefused(
    go: (lang: 'zh' | 'en') => Promise<LightMyRequestResponse>,
    status: number,
    codes: string[],
    path?: string,
  ) {
    const before = await fingerprint(db);
    for (const lang of ['zh', 'en'] as const) {
      const res = await go(lang);
      const code = (res.json() as { error?: { code?: string } }).error?.code ?? '';
      expect(codes, res.body).toContain(code);
      expect(answerProblems(res, { status, code, ...(path ? { path } : {}) }, lang)).toEqual([]);
    }
    expect(await fingerprint(db)).toEqual(before);
  }
  const en = (lang: 'zh' | 'en'): Record<string, string> =>
    lang === 'en' ? { 'accept-language': 'en' } : {};

  it('a street moved under its own community: 422 MOVE_CYCLE (or INVALID_PARENT_KIND)', async () => {
    const street = await place(fx.communityCode.slice(0, 9));
    await expectRefused(
      (l) =>
        admin().request(
          'POST',
          `/api/places/${street.code}/move`,
          { version: street.version, newParentCode: fx.communityCode },
          en(l),
        ),
      422,
      ['MOVE_CYCLE', 'INVALID_PARENT_KIND'],
    );
  });

  it('a node moved under itself: 422 MOVE_CYCLE', async () => {
    const compound = await place(fx.compoundCode);
    await expectRefused(
      (l) =>
        admin().request(
          'POST',
          `/api/places/${compound.code}/move`,
          { version: compound.version, newParentCode: compound.code },
          en(l),
        ),
      422,
      ['MOVE_CYCLE', 'INVALID_PARENT_KIND'],
    );
  });

  it('a duplicate code on create: 409 CODE_TAKEN', async () => {
    await expectRefused(
      (l) =>
        admin().request(
          'POST',
          '/api/places',
          { parentCode: fx.communityCode, kind: 'compound', name: '重复编码小区', code: fx.compoundCode },
          en(l),
        ),
      409,
      ['CODE_TAKEN'],
      '/code',
    );
  });

  it('a duplicate code on update: 409 CODE_TAKEN', async () => {
    // Two leaves (buildings) of one compound: only a node without children may change its code.
    const [first, second] = await db
      .selectFrom('place')
      .select(['code', 'version'])
      .where('code', 'like', `${fx.compoundCode}___`)
      .orderBy('code')
      .limit(2)
      .execute();
    if (!first || !second) throw new Error('the fixture compound needs two buildings');
    await expectRefused(
      (l) =>
        admin().request(
          'PATCH',
          `/api/places/${second.code}`,
          { version: second.version, code: first.code },
          en(l),
        ),
      409,
      ['CODE_TAKEN'],
      '/code',
    );
  });

  it('deleting a node with children: 409 HAS_CHILDREN', async () => {
    const compound = await place(fx.compoundCode);
    await expectRefused(
      (l) =>
        admin().request(
          'DELETE',
          `/api/places/${compound.code}?version=${compound.version}`,
          undefined,
          en(l),
        ),
      409,
      ['HAS_CHILDREN'],
    );
  });

  it('a stale version: 409 VERSION_CONFLICT', async () => {
    const compound = await place(fx.compoundCode);
    await expectRefused(
      (l) =>
        admin().request(
          'PATCH',
          `/api/places/${compound.code}`,
          { version: compound.version + 7, name: '过期' },
          en(l),
        ),
      409,
      ['VERSION_CONFLICT'],
    );
  });

  it('a child of the wrong kind or with a code outside its parent: 422', async () => {
    await expectRefused(
      (l) =>
        admin().request(
          'POST',
          '/api/places',
          { parentCode: fx.communityCode, kind: 'building', name: '错层楼' },
          en(l),
        ),
      422,
      ['INVALID_PARENT_KIND'],
      '/kind',
    );
    await expectRefused(
      (l) =>
        admin().request(
          'POST',
          '/api/places',
          { parentCode: fx.communityCode, kind: 'compound', name: '错码小区', code: '410103002001999' },
          en(l),
        ),
      422,
      ['INVALID_CODE_PREFIX'],
      '/code',
    );
  });

  it('a name of only spaces: 400 on /name, not a 500 from the table constraint', async () => {
    await expectRefused(
      (l) =>
        admin().request(
          'POST',
          '/api/places',
          { parentCode: fx.communityCode, kind: 'compound', name: '   ' },
          en(l),
        ),
      400,
      ['VALIDATION_FAILED'],
      '/name',
    );
    const compound = await place(fx.compoundCode);
    await expectRefused(
      (l) =>
        admin().request(
          'PATCH',
          `/api/places/${compound.code}`,
          { version: compound.version, name: ' \t ' },
          en(l),
        ),
      400,
      ['VALIDATION_FAILED'],
      '/name',
    );
  });

  it('a category time limit the table cannot keep (0.001 hours): 400 on /acceptLimit, not a 500 from its check', async () => {
    await expectRefused(
      (l) =>
        admin().request(
          'POST',
          '/api/case-categories',
          {
            code: '1099',
            name: '极短时限',
            kind: 'local',
            acceptLimit: 0.001,
            acceptUnit: 'hours',
            dispatchLimit: 1,
            dispatchUnit: 'hours',
            handleLimit: 1,
            handleUnit: 'days',
            defaultHandler: 'community',
            photoBefore: false,
            photoAfter: false,
          },
          en(l),
        ),
      400,
      ['VALIDATION_FAILED'],
      '/acceptLimit',
    );
  });

  it('the district root cannot be deleted or moved: 422 ROOT_IMMUTABLE', async () => {
    const root = await place('410103');
    await expectRefused(
      (l) => admin().request('DELETE', `/api/places/${root.code}?version=${root.version}`, undefined, en(l)),
      422,
      ['ROOT_IMMUTABLE'],
    );
  });

  it('the resident upload takes one spreadsheet as multipart: 415 for JSON or another file type, 413 over 30 MiB', async () => {
    const c1 = () => sessions.community1 as Session;
    await expectRefused(
      (l) => c1().request('POST', '/api/residents/imports', { file: 'residents.xlsx' }, en(l)),
      415,
      ['MULTIPART_EXPECTED'],
    );
    const xls = multipartBody('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expectRefused(
      (l) => c1().request('POST', '/api/residents/imports', xls.payload, { ...xls.headers, ...en(l) }),
      415,
      ['IMPORT_FILE_TYPE'],
    );
    const big = multipartBody('big.csv', Buffer.alloc(IMPORT_FILE_LIMIT + 1024, 0x61));
    await expectRefused(
      (l) => c1().request('POST', '/api/residents/imports', big.payload, { ...big.headers, ...en(l) }),
      413,
      ['PAYLOAD_TOO_LARGE'],
    );
  });

  it('login: wrong types 400, unknown user 401 INVALID_CREDENTIALS', async () => {
    const login = (payload: unknown, l: 'zh' | 'en') =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: payload as InjectOptions['payload'],
        headers: en(l),
      });
    await expectRefused(
      (l) => login({ username: 12345, password: 'x' }, l),
      400,
      ['VALIDATION_FAILED'],
      '/username',
    );
    await expectRefused(
      (l) => login({ username: 'admin', password: true }, l),
      400,
      ['VALIDATION_FAILED'],
      '/password',
    );
    await expectRefused((l) => login({ username: 'nobody-here', password: 'Louyuan@2026' }, l), 401, [
      'INVALID_CREDENTIALS',
    ]);
  });
});

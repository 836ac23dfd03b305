import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { RouteEntry } from '../http/request-context.js';
import type { Session } from './app.js';
import { csvOf, multipartBody, uploadFixture } from './sheets.js';
import { isMultipartRoute, longestPrefix, part, pathParams, routeName, type JsonSchema } from './walk.js';
import { loadModuleFixtures, moduleParamFixtures, type FixtureValues } from './walk-fixtures.js';

/**
 * Two communities' subtrees as fixtures (community1's in the first street, community3's in the second), and the
 * calls that try to reach one from the other through any route of app.routeTable. The access walk and the scope
 * matrix share them: a route added later needs fixtures for its path parameters — in its module's
 * `<module>.fixtures.ts` (testing/walk-fixtures.ts), or for the core's here (PARAM_FIXTURES by parameter name and
 * URL prefix) — or every walk fails with "add a fixture for :param".
 */

/** One community's subtree as fixtures: what an actor outside it must not reach. */
export interface Subtree {
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
  /** What each module's fixtures file loaded for the community (testing/walk-fixtures.ts), by module. */
  modules: Record<string, FixtureValues>;
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

export interface Fixture {
  value: string;
  version?: number;
}

/**
 * Path parameter fixtures, by parameter name and then by URL prefix: a new route with a parameter needs its own
 * entry (the walk fails with "add a fixture for :param" until it has one).
 */
export const PARAM_FIXTURES: Record<string, Record<string, (s: Subtree) => Fixture>> = {
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

/** A one-pixel PNG: a real image for photo uploads. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** multipart/form-data with text fields and one file in the field "file". */
export function formWith(
  fields: Record<string, string>,
  fileName: string,
  bytes: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----louyuan${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    ...Object.entries(fields).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * An upload aimed at `target`, by route: a resident sheet whose one row lives in its leaf building, a 12345
 * work order at its point, or a photo (the route's URL names the target's case).
 */
export function uploadInto(
  route: RouteEntry,
  target: Subtree,
): { payload: Buffer; headers: Record<string, string> } {
  if (route.url === '/api/cases/import-hotline') {
    const rows = [
      ['工单编号', '受理时间', '诉求类别', '诉求内容', '地址', '经度', '纬度', '来电人', '联系电话'],
      [
        `SCOPE${target.caseId}`,
        '2026-11-01 09:00',
        '1002',
        '越界测试',
        '',
        ...target.point.map(String),
        '',
        '',
      ],
    ];
    return multipartBody('hotline.csv', Buffer.from(csvOf(rows)));
  }
  if (route.url === '/api/cases/:id/photos') return formWith({ stage: 'before' }, 'photo.png', PIXEL_PNG);
  if (route.url === '/api/residents/imports') {
    const rows = [
      ['姓名', '公民身份号码', '人员类型', '楼栋编码'],
      ['越界测试', '', '境外', target.leafCode],
    ];
    return multipartBody('outside.csv', Buffer.from(csvOf(rows)));
  }
  throw new Error(`add an upload fixture for ${routeName(route)}`);
}

/** The body as text: the cells of a spreadsheet download, else the body itself. */
export async function bodyText(res: LightMyRequestResponse): Promise<string> {
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

/** GET without path parameters: may answer 200, but only with what lies in the caller's subtree. */
export const isListRoute = (route: RouteEntry) =>
  (route.method === 'GET' || route.readOnly) && pathParams(route.url).length === 0;

export function paramFixture(route: RouteEntry, param: string, subtree: Subtree): Fixture {
  const byPrefix: Record<string, () => Fixture> = {
    ...Object.fromEntries(
      Object.entries(PARAM_FIXTURES[param] ?? {}).map(([p, make]) => [p, () => make(subtree)]),
    ),
    ...moduleParamFixtures(param, subtree.modules),
  };
  const make = longestPrefix(byPrefix, route.url);
  if (!make)
    throw new Error(`add a fixture for :${param} (${routeName(route)}), in the module's fixtures file`);
  return make();
}

export interface Call {
  label: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The calls that try to reach `target` through one route. */
export function callsFor(route: RouteEntry, own: Subtree, target: Subtree): Call[] {
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
    const upload = uploadInto(route, target);
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

export async function loadSubtree(
  db: Kysely<DB>,
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
  const contributed = await loadModuleFixtures({
    db,
    community: { id: community.id, code: communityCode, path: community.path },
    owner: tokenOwner,
  });
  const tokenName = `token-of-${tokenOwner.username}`;
  const created = await tokenOwner.request('POST', '/api/auth/tokens', { name: tokenName });
  if (created.statusCode !== 200) throw new Error(`token for ${tokenOwner.username}: ${created.body}`);
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
  if (filed.statusCode !== 200) throw new Error(`case of ${tokenOwner.username}: ${filed.body}`);
  const filedCase = filed.json<{ case: { id: number; code: string; version: number } }>().case;
  const caseToken = filed.json<{ publicToken: string }>().publicToken;
  const form = formWith({ stage: 'before' }, 'fixture.png', PIXEL_PNG);
  const uploaded = await tokenOwner.request(
    'POST',
    `/api/cases/${filedCase.id}/photos`,
    form.payload,
    form.headers,
  );
  if (uploaded.statusCode !== 200) throw new Error(`photo of ${tokenOwner.username}: ${uploaded.body}`);
  const photo = uploaded.json<{ id: number }>();
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
    ...contributed.identifiers,
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
    modules: contributed.values,
    importId,
    caseId: filedCase.id,
    caseVersion: filedCase.version,
    caseToken,
    photoId: photo.id,
    notificationId: notice.id,
    identifiers: [...new Set(identifiers)],
  };
}

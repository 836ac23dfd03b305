import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/app.js';
import { pointServedBy } from '../../testing/points.js';
import { storageFor } from '../../core/file-storage.js';
import { addClient, listClients, revokeClient } from './open311.clients.js';

/**
 * Open311 GeoReport v2 against the shipped reference schemas (../shared/conformance/open311-georeport-v2/,
 * beside the project root, copied from open311/schema-validation) and the spec's XML and error forms.
 */

/**
 * The schemas beside the project root when they are there (the development machines), else the copy kept in the
 * repository (test-fixtures/, for a clone elsewhere); a test below checks the copy is byte-identical.
 */
const SHARED = path.resolve(process.cwd(), '../shared/conformance/open311-georeport-v2');
const VENDORED = path.resolve(process.cwd(), 'test-fixtures/open311-georeport-v2');
const CONFORMANCE = fs.existsSync(SHARED) ? SHARED : VENDORED;
const SCHEMA_FILES = [
  'service.json',
  'services.json',
  'service-definition.json',
  'request.json',
  'requests.json',
];

// ajv-formats ships CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

/**
 * The published schemas declare no `$schema` (nor `$id`): their keywords (type, enum, required, properties,
 * anyOf, format, maxLength) mean the same in draft-04 and draft-07, Ajv 8's default draft, so plain Ajv reads
 * them (ajv-draft-04 is not installed and not needed). `strict: false` because `services.json` and
 * `requests.json` put `minItems`/`uniqueItems` beside `$ref` inside `items` (where they constrain nothing), which
 * strict mode refuses. Formats are checked for real with ajv-formats (date-time, uri). Each schema is added
 * under its file name, so the relative `$ref: "request.json"` resolves.
 */
function conformanceAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of SCHEMA_FILES) {
    const schema = JSON.parse(fs.readFileSync(path.join(CONFORMANCE, file), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(schema.$schema, `${file} declares no draft`).toBeUndefined();
    ajv.addSchema(schema, file);
  }
  return ajv;
}

let ajv: Ajv;
function conforms(file: string, data: unknown): void {
  const validate = ajv.getSchema(file) as ValidateFunction;
  expect(validate(data), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    ['service', 'request', 'attribute', 'value', 'endpoint', 'format', 'error', 'note'].includes(name),
});
function parseXml(res: LightMyRequestResponse): Record<string, unknown> {
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return xml.parse(res.body) as Record<string, unknown>;
}
/** A JSON value as the XML form writes it: text, null as empty. */
const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v));

let t: TestApp;
let community1: Session;
let apiKey = '';
let clientId = 0;
let revokedKey = '';
let point = { lng: 0, lat: 0 };
const V2 = '/open311/v2';

const get = (url: string) => t.app.inject({ method: 'GET', url });
function postForm(url: string, fields: Record<string, string | string[]>, remoteAddress?: string) {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}
function expectError(res: LightMyRequestResponse, status: number, pattern?: RegExp) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = res.json<{ code: number; description: string }[]>();
  expect(body).toEqual([{ code: status, description: expect.any(String) }]);
  if (pattern) expect(body[0]!.description).toMatch(pattern);
}

interface Open311Request {
  service_request_id: string;
  status: string;
  status_notes: string | null;
  service_code: string;
  service_name: string | null;
  description: string | null;
  agency_responsible: string | null;
  requested_datetime: string;
  expected_datetime: string | null;
  lat: number;
  long: number;
  media_url: string | null;
  extended_attributes?: { notes: { datetime: string; type: string; description: string | null }[] };
}

// a reporter no response may ever show
const REPORTER = { first_name: '晓燕', last_name: '欧阳', phone: '13812345678', email: 'ouyang@example.com' };
const FORBIDDEN_TEXT = ['欧阳', '晓燕', '13812345678', '138****5678', 'ouyang@example.com'];

let created = { service_request_id: '', token: '' };

/** The first service with the `size` list attribute. */
async function sizeServiceCode(): Promise<string> {
  const row = await t.database.db
    .selectFrom('case_category')
    .select('code')
    .where('parent_code', 'is not', null)
    .where(sql<boolean>`attributes @> ${JSON.stringify([{ code: 'size' }])}::jsonb`)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return row.code;
}

beforeAll(async () => {
  expect(fs.existsSync(CONFORMANCE), `${CONFORMANCE} (the shipped Open311 schemas) is missing`).toBe(true);
  ajv = conformanceAjv();
  // the schemas bite: a request without its required fields, a bad date and a relative media_url fail
  const request = ajv.getSchema('requests.json') as ValidateFunction;
  expect(request([{ service_request_id: '1', status: 'open' }])).toBe(false);
  const complete = {
    service_request_id: '1',
    status: 'open',
    service_code: '1006',
    requested_datetime: 'now',
  };
  expect(request([complete])).toBe(false);
  expect(request([{ ...complete, requested_datetime: '2026-11-27T01:00:00Z', media_url: '/api/x' }])).toBe(
    false,
  );
  expect(request([{ ...complete, requested_datetime: '2026-11-27T01:00:00Z' }])).toBe(true);
  t = await createTestApp();
  community1 = await t.login('community1');
  const client = await addClient(t.database.db, '郑州随手拍', 'test');
  apiKey = client.key;
  clientId = client.id;
  revokedKey = (await addClient(t.database.db, 'Old client', 'test')).key;
  await revokeClient(t.database.db, revokedKey.slice(0, 12), 'test');
  // a household's point in a micro-grid grid1 (community1) serves
  const served = await pointServedBy(t.database.db);
  point = { lng: served.lng, lat: served.lat };
});
afterAll(async () => t?.close());

describe('Open311 discovery and services', () => {
  it('describes the endpoint in discovery.json and discovery.xml', async () => {
    const res = await get(`${V2}/discovery.json`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const doc = res.json<{
      changeset: string;
      contact: string;
      key_service: string;
      endpoints: { specification: string; url: string; type: string; formats: string[] }[];
    }>();
    expect(doc.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'http://localhost:80/open311/v2',
        changeset: doc.changeset,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ]);
    expect(new Date(doc.changeset).toISOString()).toBe(doc.changeset);
    expect(doc.key_service).toContain('louyuan open311 key add');

    const x = parseXml(await get(`${V2}/discovery.xml`)) as {
      discovery: {
        contact: string;
        endpoints: { endpoint: { url: string; formats: { format: string[] } }[] };
      };
    };
    expect(x.discovery.contact).toBe(doc.contact);
    expect(x.discovery.endpoints.endpoint[0]!.url).toBe(doc.endpoints[0]!.url);
    expect(x.discovery.endpoints.endpoint[0]!.formats.format).toEqual(['application/json', 'text/xml']);
  });

  it('lists one service per active minor category, conforming to services.json, the same in XML', async () => {
    const res = await get(`${V2}/services.json`);
    expect(res.statusCode, res.body).toBe(200);
    const services = res.json<Record<string, unknown>[]>();
    conforms('services.json', services);
    const minors = await t.database.db
      .selectFrom('case_category')
      .select(['code', 'attributes'])
      .where('parent_code', 'is not', null)
      .where('active', '=', true)
      .orderBy('code')
      .execute();
    expect(services.map((s) => s.service_code)).toEqual(minors.map((m) => m.code));
    const noise = services.find((s) => s.service_code === '1006')!;
    expect(noise).toMatchObject({ type: 'realtime', metadata: false });
    expect(typeof noise.group).toBe('string');
    const withAttributes = minors.filter((m) => (m.attributes as unknown[]).length > 0).map((m) => m.code);
    expect(withAttributes.length).toBeGreaterThan(0);
    expect(services.filter((s) => s.metadata === true).map((s) => s.service_code)).toEqual(withAttributes);

    // a retired category is no longer a service
    await t.database.db
      .updateTable('case_category')
      .set({ active: false })
      .where('code', '=', minors[0]!.code)
      .execute();
    const after = (await get(`${V2}/services.json`)).json<{ service_code: string }[]>();
    expect(after.map((s) => s.service_code)).not.toContain(minors[0]!.code);
    await t.database.db
      .updateTable('case_category')
      .set({ active: true })
      .where('code', '=', minors[0]!.code)
      .execute();

    const x = parseXml(await get(`${V2}/services.xml`)) as {
      services: { service: Record<string, string>[] };
    };
    expect(x.services.service).toHaveLength(services.length);
    x.services.service.forEach((s, i) => {
      for (const key of [
        'service_code',
        'service_name',
        'description',
        'metadata',
        'type',
        'keywords',
        'group',
      ]) {
        expect(s[key], key).toBe(asText(services[i]![key]));
      }
    });
  });

  it('defines a service’s attributes, conforming to service-definition.json, the same in XML', async () => {
    const services = (await get(`${V2}/services.json`)).json<{ service_code: string; metadata: boolean }[]>();
    for (const code of services.filter((s) => s.metadata).map((s) => s.service_code)) {
      const res = await get(`${V2}/services/${code}.json`);
      expect(res.statusCode, res.body).toBe(200);
      conforms('service-definition.json', res.json());
    }
    const sizeCode = await sizeServiceCode();
    const def = (await get(`${V2}/services/${sizeCode}.json`)).json<{
      service_code: string;
      attributes: {
        code: string;
        variable: boolean;
        order: number;
        datatype: string;
        values?: { key: string }[];
      }[];
    }>();
    expect(def.service_code).toBe(sizeCode);
    const size = def.attributes.find((a) => a.code === 'size')!;
    expect(size).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: false });
    expect(size.values!.map((v) => v.key)).toEqual(['small', 'medium', 'large']);
    expect(def.attributes.map((a) => a.order)).toEqual(def.attributes.map((_, i) => i + 1));

    const x = parseXml(await get(`${V2}/services/${sizeCode}.xml`)) as {
      service_definition: {
        service_code: string;
        attributes: { attribute: { code: string; values: { value: { key: string; name: string }[] } }[] };
      };
    };
    expect(x.service_definition.service_code).toBe(sizeCode);
    const xSize = x.service_definition.attributes.attribute.find((a) => a.code === 'size')!;
    expect(xSize.values.value.map((v) => v.key)).toEqual(['small', 'medium', 'large']);

    // a service without attributes has an empty list
    const plain = (await get(`${V2}/services/1006.json`)).json();
    expect(plain).toEqual({ service_code: '1006', attributes: [] });
    conforms('service-definition.json', plain);
  });
});

describe('Open311 POST requests', () => {
  it('files a form-encoded request as an open311 case that staff see in the console', async () => {
    const res = await postForm(`${V2}/requests.json`, {
      api_key: apiKey,
      jurisdiction_id: '410103',
      service_code: '1006',
      lat: String(point.lat),
      long: String(point.lng),
      address_string: '3 号楼 2 单元',
      description: '夜间广场舞音响声音过大，影响休息',
      media_url: 'https://example.com/photo.jpg',
      ...REPORTER,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body =
      res.json<{ service_request_id: string; service_notice: string; account_id: null; token: string }[]>();
    expect(body).toEqual([
      {
        service_request_id: expect.stringMatching(/^\d{14}$/),
        service_notice: expect.any(String),
        account_id: null,
        token: expect.any(String),
      },
    ]);
    created = { service_request_id: body[0]!.service_request_id, token: body[0]!.token };

    const row = await t.database.db
      .selectFrom('civic_case')
      .selectAll()
      .where('code', '=', created.service_request_id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'open311',
      open311_client_id: clientId,
      status: 'reported',
      reporter_user_id: null,
      reporter_name: '欧阳晓燕',
      reporter_phone_masked: '138****5678',
      address: '3 号楼 2 单元',
      public_token: created.token,
    });
    // email and media_url are not stored anywhere on the case
    expect(JSON.stringify(row)).not.toContain('example.com');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'actor_id'])
      .where('action', '=', 'case.report')
      .where('subject_id', '=', String(row.id))
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_name: 'open311:郑州随手拍', actor_id: null });

    const list = await community1.request('GET', '/api/cases?channel=open311&pageSize=100');
    expect(list.statusCode, list.body).toBe(200);
    const mine = list
      .json<{ items: { code: string; channel: string }[] }>()
      .items.find((c) => c.code === created.service_request_id);
    expect(mine).toMatchObject({ channel: 'open311' });
  });

  it('accepts a JSON body with attributes, and answers in XML for requests.xml', async () => {
    const sizeCode = await sizeServiceCode();
    const res = await t.app.inject({
      method: 'POST',
      url: `${V2}/requests.xml`,
      payload: {
        api_key: apiKey,
        service_code: sizeCode,
        lat: point.lat,
        long: point.lng,
        description: '路面有垃圾堆积',
        'attribute[size]': 'medium',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const x = parseXml(res) as {
      service_requests: { request: { service_request_id: string; token: string; account_id: string }[] };
    };
    const one = x.service_requests.request[0]!;
    expect(one.service_request_id).toMatch(/^\d{14}$/);
    expect(one.account_id).toBe('');
    const row = await t.database.db
      .selectFrom('civic_case')
      .select(['attributes', 'reporter_name', 'reporter_phone_hash'])
      .where('code', '=', one.service_request_id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ attributes: { size: 'medium' }, reporter_name: null, reporter_phone_hash: null });

    // the token leads back to the request
    const token = await get(`${V2}/tokens/${one.token}.json`);
    expect(token.json()).toEqual([{ service_request_id: one.service_request_id, token: one.token }]);
    const tx = parseXml(await get(`${V2}/tokens/${one.token}.xml`)) as {
      service_requests: { request: unknown[] };
    };
    expect(tx.service_requests.request).toEqual([
      { service_request_id: one.service_request_id, token: one.token },
    ]);
    expectError(await get(`${V2}/tokens/nosuchtokennosuchtoken.json`), 404);

    // a bad list value and an unknown attribute are the client's mistakes
    const bad = await postForm(`${V2}/requests.json`, {
      api_key: apiKey,
      service_code: sizeCode,
      lat: String(point.lat),
      long: String(point.lng),
      'attribute[size]': 'enormous',
    });
    expectError(bad, 400, /attribute\[size\]/);
    const unknown = await postForm(`${V2}/requests.json`, {
      api_key: apiKey,
      service_code: sizeCode,
      lat: String(point.lat),
      long: String(point.lng),
      'attribute[colour]': 'red',
    });
    expectError(unknown, 400, /attribute\[colour\]/);
  });

  it('refuses a POST without a valid api_key (403), an unknown service (400), no point (400), other jurisdictions (404)', async () => {
    const base = {
      service_code: '1006',
      lat: String(point.lat),
      long: String(point.lng),
      description: '噪音',
    };
    expectError(await postForm(`${V2}/requests.json`, base), 403, /api_key/);
    expectError(
      await postForm(`${V2}/requests.json`, { ...base, api_key: 'o311_guessedguessedguessedguessed00' }),
      403,
    );
    expectError(await postForm(`${V2}/requests.json`, { ...base, api_key: revokedKey }), 403);
    expectError(
      await postForm(`${V2}/requests.json`, { ...base, api_key: apiKey, service_code: '9999' }),
      400,
      /service_code/,
    );
    expectError(
      await postForm(`${V2}/requests.json`, { ...base, api_key: apiKey, service_code: '10' }),
      400,
      /service_code/,
    );
    const noPoint = await postForm(`${V2}/requests.json`, {
      api_key: apiKey,
      service_code: '1006',
      address_string: '大学路 80 号',
    });
    expectError(noPoint, 400, /lat/);
    expectError(
      await postForm(`${V2}/requests.json`, { ...base, api_key: apiKey, lat: '39.9', long: '116.4' }),
      400,
    );
    expectError(
      await postForm(`${V2}/requests.json`, { ...base, api_key: apiKey, phone: '12345' }),
      400,
      /phone/,
    );
    expectError(
      await postForm(`${V2}/requests.json`, { ...base, api_key: apiKey, jurisdiction_id: '110101' }),
      404,
      /jurisdiction_id not found/,
    );
    expectError(await postForm(`${V2}/requests.json`, { ...base, api_key: apiKey, unknown_field: 'x' }), 400);

    // the same failures in XML
    const x = await postForm(`${V2}/requests.xml`, base);
    expect(x.statusCode).toBe(403);
    expect(x.headers['access-control-allow-origin']).toBeUndefined();
    expect(parseXml(x)).toMatchObject({
      errors: { error: [{ code: '403', description: expect.any(String) }] },
    });
  });

  it('needs no CSRF token: a POST is authenticated by its api_key, with or without a console cookie', async () => {
    const body = {
      api_key: apiKey,
      service_code: '1006',
      lat: point.lat,
      long: point.lng,
      description: '楼道噪音',
    };
    const bare = await t.app.inject({ method: 'POST', url: `${V2}/requests.json`, payload: body });
    expect(bare.statusCode, bare.body).toBe(200);
    // a console cookie without its x-csrf-token header changes nothing: the route ignores the session
    const withCookie = await t.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      headers: { cookie: community1.cookie },
      payload: body,
    });
    expect(withCookie.statusCode, withCookie.body).toBe(200);
    // …and the cookie does not stand in for the api_key
    const cookieOnly = await t.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      headers: { cookie: community1.cookie, 'x-csrf-token': community1.csrfToken },
      payload: { ...body, api_key: undefined },
    });
    expectError(cookieOnly, 403);
  });

  it('limits POSTs per IP (60 a minute by default) with the spec’s error', async () => {
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i <= t.ctx.config.open311RatePerMinute; i++) {
      last = await postForm(`${V2}/requests.json`, { service_code: '1006' }, '10.31.1.1');
      if (i < t.ctx.config.open311RatePerMinute) expect(last.statusCode).toBe(403);
    }
    expectError(last!, 429);
    // another client is not affected
    expect((await postForm(`${V2}/requests.json`, { service_code: '1006' }, '10.31.1.2')).statusCode).toBe(
      403,
    );
  });
});

describe('Open311 GET requests', () => {
  it('shows a request conforming to request.json, the same in XML, never the reporter', async () => {
    const res = await get(`${V2}/requests/${created.service_request_id}.json`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<Open311Request[]>();
    conforms('requests.json', list);
    expect(list).toHaveLength(1);
    const r = list[0]!;
    expect(r).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      status_notes: '待受理',
      service_code: '1006',
      description: '夜间广场舞音响声音过大，影响休息',
      address: '3 号楼 2 单元',
      address_id: null,
      zipcode: null,
      media_url: null,
    });
    expect(r.lat).toBeCloseTo(point.lat, 9);
    expect(r.long).toBeCloseTo(point.lng, 9);
    expect(r.expected_datetime).not.toBeNull();
    expect(r.extended_attributes).toBeUndefined();

    const x = parseXml(await get(`${V2}/requests/${created.service_request_id}.xml`)) as {
      service_requests: { request: Record<string, string>[] };
    };
    expect(x.service_requests.request).toHaveLength(1);
    for (const [key, value] of Object.entries(r)) {
      expect(x.service_requests.request[0]![key], key).toBe(asText(value));
    }

    // a photo on a public step becomes media_url (absolute, as request.json's format: uri wants)
    const report = await t.database.db
      .selectFrom('case_event as e')
      .innerJoin('civic_case as c', 'c.id', 'e.case_id')
      .select(['e.id', 'e.case_id'])
      .where('c.code', '=', created.service_request_id)
      .where('e.action', '=', 'report')
      .executeTakeFirstOrThrow();
    const photo = await t.database.db
      .insertInto('case_photo')
      .values({
        case_id: report.case_id,
        event_id: report.id,
        stage: 'before',
        storage_key: `test/open311-${report.case_id}.jpg`,
        mime: 'image/jpeg',
        bytes: 1000,
        width: 10,
        height: 10,
        sha256: '0'.repeat(64),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const withPhoto = (await get(`${V2}/requests/${created.service_request_id}.json`)).json<
      Open311Request[]
    >();
    conforms('requests.json', withPhoto);
    expect(withPhoto[0]!.media_url).toBe(`http://localhost:80${V2}/media/${photo.id}`);
    // the link works without an account, and gives the metadata-free public copy, never the original
    const storage = storageFor(t.ctx);
    await storage.put(`test/open311-${report.case_id}.jpg.public`, Buffer.from('public copy'));
    await storage.put(`test/open311-${report.case_id}.jpg.original`, Buffer.from('original with GPS'));
    const media = await get(`${V2}/media/${photo.id}`);
    expect(media.statusCode).toBe(200);
    expect(media.headers['content-type']).toBe('image/jpeg');
    expect(media.body).toBe('public copy');
    // a photo on an internal step is not published
    const internal = await t.database.db
      .insertInto('case_photo')
      .values({
        case_id: report.case_id,
        stage: 'update',
        storage_key: `test/open311-internal-${report.case_id}.jpg`,
        mime: 'image/jpeg',
        bytes: 1000,
        width: 10,
        height: 10,
        sha256: '1'.repeat(64),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await storage.put(`test/open311-internal-${report.case_id}.jpg.public`, Buffer.from('internal'));
    expect((await get(`${V2}/media/${internal.id}`)).statusCode).toBe(404);

    for (const url of [
      `${V2}/requests/${created.service_request_id}.json?extensions=true`,
      `${V2}/requests/${created.service_request_id}.xml?extensions=true`,
      `${V2}/requests.json?extensions=true&page_size=200`,
      `${V2}/requests.xml?extensions=true&page_size=200`,
    ]) {
      const body = (await get(url)).body;
      expect(body).toContain(created.service_request_id);
      for (const text of FORBIDDEN_TEXT) expect(body, `${url} shows ${text}`).not.toContain(text);
    }
  });

  it('filters by ids, service, status and dates, pages, and adds the public timeline with extensions=true', async () => {
    const all = (await get(`${V2}/requests.json?page_size=200`)).json<Open311Request[]>();
    conforms('requests.json', all);
    expect(all.map((r) => r.service_request_id)).toContain(created.service_request_id);
    const sorted = [...all].sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime));
    expect(all.map((r) => r.requested_datetime)).toEqual(sorted.map((r) => r.requested_datetime));
    expect(all.every((r) => Date.now() - Date.parse(r.requested_datetime) <= 90 * 86_400_000 + 60_000)).toBe(
      true,
    );

    const open311Codes = (
      await t.database.db.selectFrom('civic_case').select('code').where('channel', '=', 'open311').execute()
    ).map((r) => r.code);
    const two = open311Codes.slice(0, 2);
    const byIds = (await get(`${V2}/requests.json?service_request_id=${two.join(',')}`)).json<
      Open311Request[]
    >();
    expect(byIds.map((r) => r.service_request_id).sort()).toEqual([...two].sort());

    const noise = (await get(`${V2}/requests.json?service_code=1006&page_size=200`)).json<Open311Request[]>();
    expect(noise.length).toBeGreaterThan(0);
    expect(noise.every((r) => r.service_code === '1006')).toBe(true);

    const paged = (await get(`${V2}/requests.json?page_size=1&page=2`)).json<Open311Request[]>();
    expect(paged).toEqual(all.slice(1, 2));
    expect((await get(`${V2}/requests.json?page_size=50`)).json<unknown[]>().length).toBeLessThanOrEqual(50);
    expectError(await get(`${V2}/requests.json?page_size=201`), 400);

    // reject the filed case: it is closed, with the reason as its notes
    const staffView = (await community1.request('GET', '/api/cases?channel=open311&pageSize=100'))
      .json<{ items: { id: number; code: string; version: number }[] }>()
      .items.find((c) => c.code === created.service_request_id)!;
    const rejected = await community1.request('POST', `/api/cases/${staffView.id}/transitions`, {
      version: staffView.version,
      action: 'reject',
      note: '非本辖区管理事项，已告知联系物业',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const closed = (await get(`${V2}/requests.json?status=closed&page_size=200`)).json<Open311Request[]>();
    conforms('requests.json', closed);
    const mine = closed.find((r) => r.service_request_id === created.service_request_id)!;
    expect(mine).toMatchObject({
      status: 'closed',
      status_notes: '不予受理：非本辖区管理事项，已告知联系物业',
    });
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    const open = (await get(`${V2}/requests.json?status=open&page_size=200`)).json<Open311Request[]>();
    expect(open.every((r) => r.status === 'open')).toBe(true);
    expect(open.map((r) => r.service_request_id)).not.toContain(created.service_request_id);
    expect(
      (await get(`${V2}/requests.json?status=open,closed&page_size=200`)).json<unknown[]>(),
    ).toHaveLength(all.length);

    // dates: a window around now holds the case, one before it does not
    const requested = mine.requested_datetime;
    const before = new Date(Date.parse(requested) - 86_400_000).toISOString();
    const inWindow = (
      await get(
        `${V2}/requests.json?start_date=${before}&end_date=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&page_size=200`,
      )
    ).json<Open311Request[]>();
    expect(inWindow.map((r) => r.service_request_id)).toContain(created.service_request_id);
    const earlier = (await get(`${V2}/requests.json?end_date=${before}&page_size=200`)).json<
      Open311Request[]
    >();
    expect(earlier.map((r) => r.service_request_id)).not.toContain(created.service_request_id);
    expect(earlier.every((r) => r.requested_datetime <= before)).toBe(true);

    // the public timeline: the report and the rejection, with their notes, never who acted
    const ext = (await get(`${V2}/requests/${created.service_request_id}.json?extensions=true`)).json<
      Open311Request[]
    >();
    conforms('requests.json', ext);
    const notes = ext[0]!.extended_attributes!.notes;
    expect(notes[0]).toMatchObject({ type: 'report', description: '夜间广场舞音响声音过大，影响休息' });
    const publicEvents = await t.database.db
      .selectFrom('case_event as e')
      .innerJoin('civic_case as c', 'c.id', 'e.case_id')
      .select(['e.action'])
      .where('c.code', '=', created.service_request_id)
      .where('e.public', '=', true)
      .orderBy('e.id')
      .execute();
    expect(notes.map((n) => n.type)).toEqual(publicEvents.map((e) => e.action));
    const xExt = parseXml(await get(`${V2}/requests/${created.service_request_id}.xml?extensions=true`)) as {
      service_requests: { request: { extended_attributes: { notes: { note: { type: string }[] } } }[] };
    };
    expect(xExt.service_requests.request[0]!.extended_attributes.notes.note.map((n) => n.type)).toEqual(
      notes.map((n) => n.type),
    );
  });

  it('publishes a personal matter (help for the elderly) in outline only: no text, no address, a rough point', async () => {
    const filed = await community1.request('POST', '/api/cases', {
      categoryCode: '1005',
      description: '独居老人王大爷家中水管爆裂，需要上门帮助',
      address: '5 号楼 3 单元 402',
      lng: point.lng,
      lat: point.lat,
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const code = filed.json<{ case: { code: string } }>().case.code;
    const list = (await get(`${V2}/requests/${code}.json?extensions=true`)).json<Open311Request[]>();
    conforms('requests.json', list);
    const r = list[0]!;
    expect(r).toMatchObject({ service_code: '1005', description: r.service_name, media_url: null });
    expect((r as unknown as { address: string | null }).address).toBeNull();
    expect(r.lat).toBe(Math.round(point.lat * 100) / 100);
    expect(r.long).toBe(Math.round(point.lng * 100) / 100);
    expect(r.extended_attributes?.notes).toEqual([]);
    const text = (await get(`${V2}/requests/${code}.xml`)).body;
    expect(text).not.toContain('王大爷');
    expect(text).not.toContain('402');
  });

  it('answers the spec’s errors: unknown request 404, bad jurisdiction 404, bad dates 400, in JSON and XML', async () => {
    expectError(await get(`${V2}/requests/99990101000001.json`), 404, /99990101000001/);
    expectError(await get(`${V2}/requests/not-a-number.json`), 404);
    expectError(await get(`${V2}/services/9999.json`), 404, /9999/);
    expectError(await get(`${V2}/services.json?jurisdiction_id=110101`), 404, /jurisdiction_id not found/);
    expectError(await get(`${V2}/requests.json?jurisdiction_id=nowhere`), 404, /jurisdiction_id not found/);
    expect((await get(`${V2}/services.json?jurisdiction_id=410103`)).statusCode).toBe(200);
    expectError(await get(`${V2}/requests.json?start_date=yesterday`), 400, /start_date/);
    expectError(await get(`${V2}/requests.json?end_date=2026-02-30`), 400, /end_date/);
    expectError(await get(`${V2}/requests.json?start_date=2026-01-01&end_date=2026-06-01`), 400, /90/);
    expectError(await get(`${V2}/requests.json?start_date=2026-06-01&end_date=2026-01-01`), 400);
    expectError(await get(`${V2}/requests.json?status=pending`), 400, /status/);
    expectError(await get(`${V2}/services.csv`), 404);
    expectError(await get(`${V2}/nothing-here.json`), 404);

    const x = await get(`${V2}/requests.xml?start_date=yesterday`);
    expect(x.statusCode).toBe(400);
    const errors = parseXml(x) as { errors: { error: { code: string; description: string }[] } };
    expect(errors.errors.error).toEqual([
      { code: '400', description: expect.stringContaining('start_date') },
    ]);
    const missing = await get(`${V2}/requests/99990101000001.xml`);
    expect(missing.statusCode).toBe(404);
    expect(parseXml(missing)).toMatchObject({ errors: { error: [{ code: '404' }] } });
    const english = await t.app.inject({
      method: 'GET',
      url: `${V2}/services.json?jurisdiction_id=x`,
      headers: { 'accept-language': 'en' },
    });
    expectError(english, 404, /this server serves 410103 only/);
  });
});

describe('Open311 API keys', () => {
  it('lists clients with their requests, keeps only the hash, and audits making and revoking keys', async () => {
    const clients = await listClients(t.database.db);
    const live = clients.find((c) => c.id === clientId)!;
    expect(live).toMatchObject({ name: '郑州随手拍', prefix: apiKey.slice(0, 12), revokedAt: null });
    expect(live.requests).toBeGreaterThanOrEqual(3);
    expect(clients.find((c) => c.name === 'Old client')!.revokedAt).toBeInstanceOf(Date);
    const stored = await t.database.db
      .selectFrom('open311_client')
      .selectAll()
      .where('id', '=', clientId)
      .executeTakeFirstOrThrow();
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(apiKey.slice(12));
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'like', 'open311.client.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'open311.client.create',
      'open311.client.create',
      'open311.client.revoke',
    ]);
    expect(JSON.stringify(audit)).not.toContain(apiKey);
    await expect(revokeClient(t.database.db, 'o311_', 'test')).resolves.toMatchObject({ id: clientId });
    expect(
      (await postForm(`${V2}/requests.json`, { api_key: apiKey, service_code: '1006' })).statusCode,
    ).toBe(403);
    await expect(revokeClient(t.database.db, 'o311_', 'test')).rejects.toThrow(/No live Open311 key/);
  });
});

import { systemActor } from '../../core/system-actor.js';
import type { AppContext, RequestContext } from '../../core/context.js';
import { AppError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import type { Actor } from '../../policy/actor.js';
import {
  FINAL_STATUSES,
  STATUS_LABELS,
  type CaseStatus,
  type ClosureReason,
} from '../../../shared/case-workflow.js';
import { parsePhone } from '../../../shared/phone.js';
import type { CategoryAttribute } from '../cases/cases.catalogue.js';
import { createCase } from '../cases/cases.service.js';
import { storageFor } from '../../core/file-storage.js';
import type { Open311Client } from './open311.clients.js';
import { open311Error, parseIsoDate, reporterName } from './open311.format.js';
import {
  findRequests,
  publicNotes,
  publicRequestQuery,
  serviceQuery,
  type PublicRequestRow,
  type RequestFilter,
} from './open311.queries.js';
import type { RequestCreateBody, RequestsQuery } from './open311.schema.js';

/** What an Open311 call knows about itself: no actor (the routes are public), the base URL for links. */
export interface Open311Context {
  app: AppContext;
  lang: Lang;
  /** `https://host` as the client reached us (links in discovery and media_url). */
  origin: string;
  ip: string;
  requestId: string;
}

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const DEFAULT_PAGE_SIZE = 50;
/** The spec's default window and its longest start_date–end_date span. */
const WINDOW_MS = 90 * 86_400_000;
const MAX_IDS = 200;

export function checkJurisdiction(ctx: Open311Context, jurisdiction: unknown): void {
  if (jurisdiction === undefined || jurisdiction === '') return;
  const expected = ctx.app.config.open311Jurisdiction;
  if (jurisdiction !== expected) throw open311Error(404, ctx.lang, 'jurisdiction', { id: expected });
}

// ------------------------------------------------------------------------------------------- discovery

export async function discovery(ctx: Open311Context) {
  const { db } = ctx.app.database;
  const latest = await db
    .selectFrom('case_category')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirst();
  const changeset = (latest?.at ? new Date(latest.at) : ctx.app.startedAt).toISOString();
  return {
    changeset,
    contact: ctx.app.config.open311Contact,
    key_service:
      'API keys for POST requests are issued by the district’s system administrators (louyuan open311 key add); ' +
      '发布诉求所需的 api_key 由区系统管理员签发',
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${ctx.origin}/open311/v2`,
        changeset,
        type: 'production' as const,
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

// -------------------------------------------------------------------------------------------- services

export async function listServices(ctx: Open311Context) {
  const rows = await serviceQuery(ctx.app.database.db).execute();
  return rows.map((r) => ({
    service_code: r.code,
    service_name: r.name,
    description: r.opening_standard || null,
    metadata: (r.attributes as unknown[]).length > 0,
    type: 'realtime' as const,
    keywords: r.keywords.length > 0 ? r.keywords.join(',') : null,
    group: r.group_name,
  }));
}

const DATATYPE_DESCRIPTIONS: Record<CategoryAttribute['datatype'], string> = {
  string: '一行文字 (a line of text)',
  number: '数字 (a number)',
  datetime: 'ISO 8601 日期时间 (an ISO 8601 date-time)',
  text: '多行文字 (free text)',
  singlevaluelist: '从 values 中选一项，提交其 key (one key from values)',
  multivaluelist: '从 values 中选一项或多项，提交其 key (one or more keys from values)',
};

async function activeService(ctx: Open311Context, code: string, status: 400 | 404) {
  const row = await serviceQuery(ctx.app.database.db).where('cat.code', '=', code).executeTakeFirst();
  if (!row) throw open311Error(status, ctx.lang, 'serviceNotFound', { code });
  return row;
}

export async function serviceDefinition(ctx: Open311Context, code: string) {
  const row = await activeService(ctx, code, 404);
  const attributes = row.attributes as CategoryAttribute[];
  return {
    service_code: row.code,
    attributes: attributes.map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: DATATYPE_DESCRIPTIONS[a.datatype] ?? null,
      order: i + 1,
      description: a.description || null,
      ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
    })),
  };
}

// -------------------------------------------------------------------------------------------- requests

const CLOSURE_NOTES: Record<ClosureReason, string> = {
  fixed: '已解决',
  partly_fixed: '部分解决',
  explained: '已解释说明',
  cannot_fix: '暂无法解决',
  invalid: '经核实不属实',
  duplicate: '重复上报',
};

const UNIT_ZH = { hours: '小时', days: '个工作日' } as const;

/** What the jurisdiction will do and by when: the category's limits (working time) and closing standard. */
function serviceNotice(row: {
  accept_limit: number;
  accept_unit: 'hours' | 'days';
  handle_limit: number;
  handle_unit: 'hours' | 'days';
  closing_standard: string;
}): string {
  const accept = `${Number(row.accept_limit)}${row.accept_unit === 'hours' ? '个工作小时' : UNIT_ZH.days}`;
  const handle = `${Number(row.handle_limit)}${row.handle_unit === 'hours' ? '个工作小时' : UNIT_ZH.days}`;
  const standard = row.closing_standard ? `；结案标准：${row.closing_standard}` : '';
  return `${accept}内受理，派遣后${handle}内处置${standard}`;
}

function statusNotes(row: PublicRequestRow): string {
  if (row.status === 'closed' && row.closure_reason) return `已结案：${CLOSURE_NOTES[row.closure_reason]}`;
  if (row.status === 'rejected') {
    return row.rejection_reason ? `不予受理：${row.rejection_reason}` : '不予受理';
  }
  if (row.status === 'merged') {
    return row.merged_into_code ? `已合并至 ${row.merged_into_code}` : STATUS_LABELS.merged['zh-CN'];
  }
  return STATUS_LABELS[row.status]['zh-CN'];
}

/** The unit handling the case (a department, a street or community office, a grid) — never a person. */
function agency(row: PublicRequestRow): string | null {
  switch (row.handler_kind) {
    case null:
      return null;
    case 'department':
      return row.department_name;
    case 'grid_worker':
      return row.grid_name ? `${row.grid_name}网格员` : null;
    default:
      return row.handler_place_name;
  }
}

export function isClosed(status: CaseStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

function presentRequest(
  ctx: Open311Context,
  row: PublicRequestRow,
  notes?: { datetime: string; type: string; description: string | null }[],
) {
  const closed = isClosed(row.status);
  const expected = row.current_due_at ?? row.handle_due_at;
  // A personal matter (a neighbour dispute, a petition…) is published in outline only: its status and service,
  // a point rounded to about a kilometre, no text, no address, no photo and no notes.
  const outline = !row.published;
  return {
    service_request_id: row.code,
    status: closed ? ('closed' as const) : ('open' as const),
    status_notes: statusNotes(outline ? { ...row, rejection_reason: null } : row),
    service_name: row.service_name,
    service_code: row.service_code,
    description: outline ? row.service_name : row.description,
    agency_responsible: agency(row),
    service_notice: serviceNotice(row),
    requested_datetime: row.reported_at.toISOString(),
    updated_datetime: (closed && row.closed_at ? row.closed_at : row.updated_at).toISOString(),
    expected_datetime: expected ? expected.toISOString() : null,
    address: outline ? null : row.address || null,
    address_id: null,
    zipcode: null,
    lat: outline ? Math.round(row.lat * 100) / 100 : row.lat,
    long: outline ? Math.round(row.lng * 100) / 100 : row.lng,
    media_url: row.photo_id && !outline ? `${ctx.origin}/open311/v2/media/${row.photo_id}` : null,
    ...(notes ? { extended_attributes: { notes: outline ? [] : notes } } : {}),
  };
}
export type Open311Request = ReturnType<typeof presentRequest>;

async function present(ctx: Open311Context, rows: PublicRequestRow[], extensions: boolean) {
  if (!extensions) return rows.map((r) => presentRequest(ctx, r));
  const events = await publicNotes(
    ctx.app.database.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentRequest(
      ctx,
      r,
      events
        .filter((e) => e.case_id === r.id)
        .map((e) => ({ datetime: e.at.toISOString(), type: e.action, description: e.note })),
    ),
  );
}

function list(text: string | undefined, field: string, lang: Lang): string[] | undefined {
  if (text === undefined) return undefined;
  const items = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length > MAX_IDS) throw open311Error(400, lang, 'tooMany', { field, max: MAX_IDS });
  return items;
}

function date(text: string | undefined, field: string, lang: Lang): Date | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const parsed = parseIsoDate(text);
  if (!parsed) throw open311Error(400, lang, 'badDate', { field });
  return parsed;
}

/**
 * GET requests. `service_request_id` overrides every other filter (as the spec says); otherwise the window is
 * start_date–end_date on requested_datetime, at most 90 days, the last 90 days when neither is given (one
 * alone reaches 90 days from it). Newest first, `page`/`page_size` (extension; default 50, at most 200).
 */
export async function listRequests(ctx: Open311Context, query: RequestsQuery) {
  const { lang } = ctx;
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? DEFAULT_PAGE_SIZE;
  const codes = list(query.service_request_id, 'service_request_id', lang);
  let filter: RequestFilter;
  if (codes) {
    filter = { codes };
  } else {
    let from = date(query.start_date, 'start_date', lang);
    let to = date(query.end_date, 'end_date', lang);
    if (from && to && from > to) throw open311Error(400, lang, 'dateOrder');
    if (from && to && to.getTime() - from.getTime() > WINDOW_MS) throw open311Error(400, lang, 'dateSpan');
    if (!from && !to) to = new Date();
    if (!from) from = new Date(to!.getTime() - WINDOW_MS);
    if (!to) to = new Date(from.getTime() + WINDOW_MS);
    const statuses = list(query.status, 'status', lang)?.map((s) => s.toLowerCase());
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw open311Error(400, lang, 'badStatus');
    filter = {
      serviceCodes: list(query.service_code, 'service_code', lang),
      from,
      to,
      status: statuses?.length === 1 ? (statuses[0] as 'open' | 'closed') : undefined,
    };
  }
  const rows = await findRequests(ctx.app.database.db, filter, page, pageSize);
  return present(ctx, rows, query.extensions === true);
}

export async function getRequest(ctx: Open311Context, code: string, extensions: boolean) {
  const row = await publicRequestQuery(ctx.app.database.db).where('c.code', '=', code).executeTakeFirst();
  if (!row) throw open311Error(404, ctx.lang, 'requestNotFound', { id: code });
  return present(ctx, [row], extensions);
}

export async function tokenLookup(ctx: Open311Context, token: string) {
  const row = await ctx.app.database.db
    .selectFrom('civic_case')
    .select(['code', 'public_token'])
    .where('public_token', '=', token)
    .executeTakeFirst();
  if (!row) throw open311Error(404, ctx.lang, 'tokenNotFound');
  return [{ service_request_id: row.code, token: row.public_token }];
}

// ------------------------------------------------------------------------------------------------ POST

function coordinate(value: string | number | undefined, field: string, lang: Lang): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isFinite(n)) throw open311Error(400, lang, 'badNumber', { field });
  return n;
}

/** The submitted attribute values checked against the service definition, as the case stores them. */
export function checkAttributes(
  lang: Lang,
  service: string,
  definition: CategoryAttribute[],
  submitted: Record<string, string | number | string[]> = {},
): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const code of Object.keys(submitted)) {
    if (!definition.some((a) => a.code === code))
      throw open311Error(400, lang, 'attrUnknown', { code, service });
  }
  for (const a of definition) {
    const raw = submitted[a.code];
    const empty = raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (a.required) throw open311Error(400, lang, 'attrRequired', { code: a.code });
      continue;
    }
    const bad = (reason: string) => open311Error(400, lang, 'attrValue', { code: a.code, reason });
    const keys = (a.values ?? []).map((v) => v.key);
    switch (a.datatype) {
      case 'number': {
        const n = typeof raw === 'number' ? raw : Array.isArray(raw) ? NaN : Number(raw.trim());
        if (!Number.isFinite(n)) throw bad('number');
        out[a.code] = n;
        break;
      }
      case 'datetime': {
        const d = typeof raw === 'string' ? parseIsoDate(raw) : null;
        if (!d) throw bad('ISO 8601 date-time');
        out[a.code] = d.toISOString();
        break;
      }
      case 'singlevaluelist': {
        const v = Array.isArray(raw) ? (raw.length === 1 ? raw[0]! : '') : String(raw);
        if (!keys.includes(v)) throw bad(`one of ${keys.join(', ')}`);
        out[a.code] = v;
        break;
      }
      case 'multivaluelist': {
        const vs = Array.isArray(raw) ? raw : [String(raw)];
        if (vs.some((v) => !keys.includes(v))) throw bad(`keys from ${keys.join(', ')}`);
        out[a.code] = [...new Set(vs)];
        break;
      }
      default: {
        if (Array.isArray(raw)) throw bad('one value');
        out[a.code] = String(raw).trim();
      }
    }
  }
  return out;
}

/** The account-less actor a client files as: a resident bound to the district root (it may report anywhere). */
async function clientActor(ctx: Open311Context, client: Open311Client): Promise<Actor> {
  return systemActor(ctx.app.database.db, {
    username: `open311:${client.name}`,
    displayName: client.name,
    role: 'resident',
    via: 'public',
  });
}

/**
 * POST requests: a case on channel 'open311', filed by the client's actor. The point is required (cases are
 * located to their grid); email, device_id, account_id and media_url are accepted and not stored.
 */
export async function createRequest(ctx: Open311Context, client: Open311Client, body: RequestCreateBody) {
  const { lang } = ctx;
  if (!body.service_code) throw open311Error(400, lang, 'serviceCode');
  const service = await activeService(ctx, body.service_code, 400);
  const lat = coordinate(body.lat, 'lat', lang);
  const lng = coordinate(body.long, 'long', lang);
  if (lat === undefined || lng === undefined) throw open311Error(400, lang, 'location');
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw open311Error(400, lang, 'outside', { lat, long: lng });
  const attributes = checkAttributes(
    lang,
    service.code,
    service.attributes as CategoryAttribute[],
    body.attribute,
  );
  const phone = body.phone?.trim() || undefined;
  if (phone && !parsePhone(phone).ok) throw open311Error(400, lang, 'phone');
  const requestCtx: RequestContext = {
    app: ctx.app,
    actor: await clientActor(ctx, client),
    lang,
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
  try {
    const created = await createCase(
      requestCtx,
      {
        categoryCode: service.code,
        description: body.description?.trim() || service.name,
        lng,
        lat,
        address: body.address_string?.trim() || undefined,
        attributes,
        reporterName: reporterName(body.first_name, body.last_name),
        reporterPhone: phone,
        open311ClientId: client.id,
      },
      'open311',
    );
    const row = await publicRequestQuery(ctx.app.database.db)
      .where('c.id', '=', created.case.id)
      .executeTakeFirstOrThrow();
    return [
      {
        service_request_id: created.case.code,
        service_notice: serviceNotice(row),
        account_id: null,
        token: created.publicToken,
      },
    ];
  } catch (error) {
    if (error instanceof AppError && error.code === 'OUTSIDE_DISTRICT') {
      throw open311Error(400, lang, 'outside', { lat, long: lng });
    }
    throw error;
  }
}

/**
 * A photo for Open311 clients, who have no account: only one tied to a public step of a case whose category is
 * published, and only its re-encoded copy without metadata (never the original with its GPS tags).
 */
export async function publicMedia(ctx: Open311Context, photoId: number, size: 'thumb' | 'full') {
  const photo = await ctx.app.database.db
    .selectFrom('case_photo as ph')
    .innerJoin('case_event as e', 'e.id', 'ph.event_id')
    .innerJoin('civic_case as c', 'c.id', 'ph.case_id')
    .innerJoin('case_category as cat', 'cat.id', 'c.category_id')
    .select(['ph.storage_key', 'ph.mime'])
    .where('ph.id', '=', photoId)
    .where('e.public', '=', true)
    .where('cat.published', '=', true)
    .executeTakeFirst();
  const bytes = photo
    ? await storageFor(ctx.app).get(`${photo.storage_key}.${size === 'thumb' ? 'thumb' : 'public'}`)
    : null;
  if (!photo || !bytes) throw open311Error(404, ctx.lang, 'requestNotFound');
  return { mime: size === 'thumb' ? 'image/webp' : photo.mime, bytes };
}

import { XMLBuilder } from 'fast-xml-parser';
import type { Lang } from '../../http/messages.js';

/**
 * The wire forms of Open311 GeoReport v2 (pure: no database): the format chosen by the URL suffix, the XML
 * documents, the spec's error list, form bodies and the dates clients send.
 */

export type Format = 'json' | 'xml';
export const FORMATS = ['json', 'xml'] as const;

export const JSON_TYPE = 'application/json; charset=utf-8';
export const XML_TYPE = 'text/xml; charset=utf-8';

/** The format a URL asks for: `….xml` is XML, everything else (including a broken URL) JSON. */
export function formatOfUrl(url: string): Format {
  const pathPart = url.split('?')[0] ?? '';
  return pathPart.toLowerCase().endsWith('.xml') ? 'xml' : 'json';
}

/** An Open311 failure: the status and the `description` of the spec's `[{code, description}]`. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}

/** Error descriptions in the app's two languages (Accept-Language picks; zh-CN when none is sent). */
export const OPEN311_MESSAGES = {
  jurisdiction: {
    'zh-CN': 'jurisdiction_id not found：本服务只受理 {id}',
    en: 'jurisdiction_id not found: this server serves {id} only',
  },
  notFound: { 'zh-CN': '未找到：{what}', en: 'not found: {what}' },
  serviceNotFound: {
    'zh-CN': 'service_code not found：{code} 不是可受理的服务类型',
    en: 'service_code not found: {code} is not an active service',
  },
  requestNotFound: {
    'zh-CN': 'service_request_id not found：{id}',
    en: 'service_request_id not found: {id}',
  },
  tokenNotFound: { 'zh-CN': 'token not found', en: 'token not found' },
  apiKey: { 'zh-CN': 'api_key 缺失、无效或已吊销', en: 'api_key is missing, invalid or revoked' },
  serviceCode: { 'zh-CN': '缺少 service_code', en: 'service_code is required' },
  location: {
    'zh-CN':
      '需要 lat 和 long（WGS-84 坐标）：本辖区按坐标把每件诉求定位到网格，仅有 address_string 或 address_id 无法受理',
    en: 'lat and long (WGS-84) are required: every request is located to its grid by its point; address_string or address_id alone cannot be placed',
  },
  outside: {
    'zh-CN': '坐标 {lat}, {long} 不在本辖区内',
    en: 'the point {lat}, {long} lies outside the jurisdiction',
  },
  badNumber: { 'zh-CN': '{field} 不是数字', en: '{field} is not a number' },
  badDate: { 'zh-CN': '{field} 不是 ISO 8601 日期时间', en: '{field} is not an ISO 8601 date-time' },
  dateOrder: { 'zh-CN': 'start_date 晚于 end_date', en: 'start_date is after end_date' },
  dateSpan: {
    'zh-CN': 'start_date 与 end_date 相隔不得超过 90 天',
    en: 'start_date and end_date may not span more than 90 days',
  },
  badStatus: {
    'zh-CN': 'status 只能是 open、closed（可用逗号分隔）',
    en: 'status must be open or closed (comma-separated)',
  },
  tooMany: { 'zh-CN': '{field} 最多 {max} 项', en: '{field} takes at most {max} values' },
  phone: { 'zh-CN': 'phone 不是有效的手机或座机号码', en: 'phone is not a valid mobile or landline number' },
  attrUnknown: {
    'zh-CN': 'attribute[{code}] 不是服务 {service} 的属性',
    en: 'attribute[{code}] is not an attribute of service {service}',
  },
  attrRequired: { 'zh-CN': '缺少必填属性 attribute[{code}]', en: 'attribute[{code}] is required' },
  attrValue: {
    'zh-CN': 'attribute[{code}] 的值无效：{reason}',
    en: 'attribute[{code}] has an invalid value: {reason}',
  },
  invalid: { 'zh-CN': '请求参数无效：{details}', en: 'invalid request: {details}' },
  badBody: {
    'zh-CN': '请求体无法解析（支持 application/x-www-form-urlencoded 或 application/json）',
    en: 'the body cannot be parsed (send application/x-www-form-urlencoded or application/json)',
  },
  tooLarge: { 'zh-CN': '请求体过大', en: 'the body is too large' },
  rateLimited: { 'zh-CN': '提交过于频繁，请稍后再试', en: 'too many requests; try again later' },
  internal: { 'zh-CN': '服务器内部错误（请求编号 {requestId}）', en: 'internal error (request {requestId})' },
} satisfies Record<string, Record<Lang, string>>;
export type Open311MessageKey = keyof typeof OPEN311_MESSAGES;

export function message(lang: Lang, key: Open311MessageKey, params: Record<string, unknown> = {}): string {
  return OPEN311_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] === undefined ? `{${name}}` : String(params[name]),
  );
}

export function open311Error(
  status: Open311Error['status'],
  lang: Lang,
  key: Open311MessageKey,
  params: Record<string, unknown> = {},
): Open311Error {
  return new Open311Error(status, message(lang, key, params));
}

// ---------------------------------------------------------------------------------------------------- XML

/** Element names of the items inside each list (the spec's XML wraps every list: <attributes><attribute>…). */
const ITEM_NAMES: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  notes: 'note',
};

type XmlTree = string | { [name: string]: XmlTree | XmlTree[] };

function toTree(value: unknown, name = ''): XmlTree {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return value.length === 0 ? '' : { [item]: value.map((v) => toTree(v, item)) };
  }
  const out: Record<string, XmlTree> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) out[key] = toTree(v, key);
  return out;
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/**
 * An XML document: `root` wrapping `items` as repeated `item` elements (a list response, e.g. <services>
 * <service>…), or `root` holding one object's fields (item null: <discovery>, <service_definition>).
 */
export function xmlDocument(root: string, item: string | null, data: unknown): string {
  const body: XmlTree =
    item === null
      ? toTree(data)
      : (data as unknown[]).length === 0
        ? ''
        : { [item]: (data as unknown[]).map((d) => toTree(d, item)) };
  return DECLARATION + builder.build({ [root]: body });
}

/** The spec's error list as JSON (`[{code, description}]`) or XML (<errors><error>…). */
export function errorBody(format: Format, status: number, description: string): string | object[] {
  const errors = [{ code: status, description }];
  return format === 'xml' ? xmlDocument('errors', 'error', errors) : errors;
}

// ----------------------------------------------------------------------------------------------- bodies

/**
 * An `application/x-www-form-urlencoded` body as an object: repeated keys and keys ending in `[]` give arrays
 * (a multivaluelist: `attribute[kind][]=a&attribute[kind][]=b`), other keys keep their last value.
 */
export function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const many = rawKey.endsWith('[]');
    const key = many ? rawKey.slice(0, -2) : rawKey;
    const previous = out[key];
    if (many) out[key] = Array.isArray(previous) ? [...previous, value] : [value];
    else out[key] = value;
  }
  return out;
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]+)\]$/;

/**
 * The body with every `attribute[code]` key gathered into one `attribute` object, as the form sends them (a
 * JSON client may send either `attribute: {code: value}` or the same flat keys). Other keys are left alone.
 */
export function gatherAttributes(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const source = body as Record<string, unknown>;
  if (!Object.keys(source).some((k) => ATTRIBUTE_KEY.test(k))) return body;
  const out: Record<string, unknown> = {};
  const attribute: Record<string, unknown> =
    source.attribute && typeof source.attribute === 'object' && !Array.isArray(source.attribute)
      ? { ...(source.attribute as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(source)) {
    const match = ATTRIBUTE_KEY.exec(key);
    if (match) attribute[match[1]!] = value;
    else if (key !== 'attribute') out[key] = value;
  }
  out.attribute = attribute;
  return out;
}

// ------------------------------------------------------------------------------------------------ dates

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time as clients send it: `2026-11-01`, `2026-11-01T08:00`, `…T08:00:00Z`,
 * `…T08:00:00+08:00`. Without an offset the time is the jurisdiction's (China Standard Time, +08:00); a date
 * alone is its midnight. Null when it is not such a text or names an impossible day or time.
 */
export function parseIsoDate(text: string): Date | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const offset = !zone
    ? '+08:00'
    : zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const ms = frac ? `.${frac.padEnd(3, '0').slice(0, 3)}` : '';
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${offset}`);
  if (Number.isNaN(date.getTime())) return null;
  // reject 2026-02-30 and 25:00, which Date would roll over
  if (
    Number(mo) < 1 ||
    Number(mo) > 12 ||
    Number(d) < 1 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return null;
  }
  const daysInMonth = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  return Number(d) > daysInMonth ? null : date;
}

/** The reporter's name from the form's first_name/last_name: family name first for Chinese names. */
export function reporterName(first?: string, last?: string): string | undefined {
  const f = first?.trim() ?? '';
  const l = last?.trim() ?? '';
  if (!f && !l) return undefined;
  const cjk = /[\u3400-\u9fff]/.test(f + l);
  return (cjk ? `${l}${f}` : [f, l].filter(Boolean).join(' ')).slice(0, 50);
}

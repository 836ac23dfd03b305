export type Lang = 'zh-CN' | 'en';

/**
 * An error code: its HTTP status and its message in both interface languages (`{name}` placeholders come from
 * the error's params). The codes every route may meet live here (`coreErrors`); a module declares its own in
 * `<module>.errors.ts` with `defineErrors`, names them in its manifest (`errors`), and adds them to the
 * `ErrorCodeRegistry` type by declaration merging, so a new code touches no shared file.
 */
export interface ErrorDefinition {
  status: number;
  'zh-CN': string;
  en: string;
}

export const defineErrors = <T extends Record<string, ErrorDefinition>>(definitions: T): T => definitions;

/** The error code names, as types: core codes below, and each module's by declaration merging. */
export interface ErrorCodeRegistry extends ErrorCodesOf<typeof coreErrors> {}
export type ErrorCodesOf<T> = { [K in keyof T]: true };
export type ErrorCode = Extract<keyof ErrorCodeRegistry, string>;

const registered = new Map<string, ErrorDefinition>();

/** Make a module's codes known at run time (the module list does this for every manifest's `errors`). */
export function registerErrors(definitions: Record<string, ErrorDefinition>, owner: string): void {
  for (const [code, definition] of Object.entries(definitions)) {
    const known = registered.get(code);
    if (known && known !== definition) throw new Error(`Error code ${code} of ${owner} is declared twice`);
    registered.set(code, definition);
  }
}

/** A code's definition; an unknown code (a module not installed) is an internal error. */
export function errorDefinition(code: string): ErrorDefinition {
  return registered.get(code) ?? coreErrors.INTERNAL;
}

/** A code's message in a language, its placeholders filled. */
export function errorMessage(code: string, lang: Lang, params: Record<string, unknown> = {}): string {
  return formatMessage(errorDefinition(code)[lang], params);
}

export const coreErrors = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    'zh-CN': '提交的数据有误，请检查标出的字段',
    en: 'The request has invalid fields',
  },
  BAD_JSON: { status: 400, 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    'zh-CN': '不支持的内容类型，请使用 application/json',
    en: 'Unsupported content type; send application/json',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    'zh-CN': '请求内容过大（上限 {limit} 字节）',
    en: 'Request body too large (limit {limit} bytes)',
  },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', en: 'Please log in' },
  SESSION_EXPIRED: {
    status: 401,
    'zh-CN': '登录已过期，请重新登录',
    en: 'Your session has expired; please log in again',
  },
  CSRF_FAILED: {
    status: 403,
    'zh-CN': '安全校验失败（缺少或错误的 x-csrf-token），请刷新页面后重试',
    en: 'Security check failed (missing or wrong x-csrf-token); reload and try again',
  },
  FORBIDDEN: { status: 403, 'zh-CN': '没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, 'zh-CN': '未找到该记录', en: 'Not found' },
  ROUTE_NOT_FOUND: {
    status: 404,
    'zh-CN': '接口不存在：{method} {url}',
    en: 'No such endpoint: {method} {url}',
  },
  METHOD_NOT_ALLOWED: { status: 405, 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  VERSION_CONFLICT: {
    status: 409,
    'zh-CN': '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  CODE_TAKEN: { status: 409, 'zh-CN': '编码 {code} 已被使用', en: 'Code {code} is already in use' },
  RATE_LIMITED: {
    status: 429,
    'zh-CN': '请求过于频繁，请 {after} 后再试',
    en: 'Too many requests; retry after {after}',
  },
  INTERNAL: {
    status: 500,
    'zh-CN': '服务器内部错误，请稍后重试（编号 {requestId}）',
    en: 'Internal error; please retry (ref {requestId})',
  },
  SERVICE_UNAVAILABLE: { status: 503, 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
  MULTIPART_EXPECTED: {
    status: 415,
    'zh-CN': '请以 multipart/form-data 上传一个文件',
    en: 'Upload one file as multipart/form-data',
  },
  IMPORT_FILE_REQUIRED: { status: 400, 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  FIELD_REQUIRED: { status: 422, 'zh-CN': '请填写：{field}', en: 'Please fill in: {field}' },
});

registerErrors(coreErrors, 'core');

export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** Pick zh-CN unless the client prefers English (Accept-Language with q-values). */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Validation messages by JSON Schema keyword. */
const keywordMessages: Record<string, Record<Lang, string>> = {
  required: { 'zh-CN': '必填', en: 'is required' },
  type: { 'zh-CN': '类型应为 {type}', en: 'must be of type {type}' },
  additionalProperties: { 'zh-CN': '不允许的字段', en: 'is not an allowed field' },
  minLength: { 'zh-CN': '至少 {limit} 个字符', en: 'must have at least {limit} characters' },
  maxLength: { 'zh-CN': '最多 {limit} 个字符', en: 'must have at most {limit} characters' },
  minimum: { 'zh-CN': '不能小于 {limit}', en: 'must be >= {limit}' },
  maximum: { 'zh-CN': '不能大于 {limit}', en: 'must be <= {limit}' },
  pattern: { 'zh-CN': '格式不正确', en: 'has the wrong format' },
  format: { 'zh-CN': '格式不正确（{format}）', en: 'must be a valid {format}' },
  enum: { 'zh-CN': '取值应为：{allowed}', en: 'must be one of: {allowed}' },
  const: { 'zh-CN': '取值应为：{allowed}', en: 'must be: {allowed}' },
  anyOf: { 'zh-CN': '取值不符合任何允许的形式', en: 'does not match any allowed form' },
  minItems: { 'zh-CN': '至少 {limit} 项', en: 'must have at least {limit} items' },
  maxItems: { 'zh-CN': '最多 {limit} 项', en: 'must have at most {limit} items' },
  multipleOf: { 'zh-CN': '应为 {multipleOf} 的整数倍', en: 'must be a multiple of {multipleOf}' },
  storableText: {
    'zh-CN': '不能包含空字符（\\u0000）或不成对的代理字符',
    en: 'must not contain NUL characters (\\u0000) or unpaired surrogates',
  },
};

export function keywordMessage(keyword: string, lang: Lang, params: Record<string, unknown>): string {
  const template = keywordMessages[keyword]?.[lang] ?? (lang === 'en' ? 'is invalid' : '无效');
  return formatMessage(template, params);
}

/**
 * Import findings (`finding.<reason>`, from households.records.ts and the import's own checks) and the reasons
 * a whole file fails (`import.<failure>`), in both languages.
 */
export const importMessages = {
  'finding.required': { 'zh-CN': '必填', en: 'Required' },
  'finding.too_long': { 'zh-CN': '内容过长', en: 'Too long' },
  'finding.id_format': {
    'zh-CN': '身份号码应为 18 位（最后一位可为 X）',
    en: 'An ID number has 18 characters (the last may be X)',
  },
  'finding.id_region': {
    'zh-CN': '身份号码的地区码不存在',
    en: 'The ID number’s region code does not exist',
  },
  'finding.id_birth_date': {
    'zh-CN': '身份号码中的出生日期无效',
    en: 'The birth date inside the ID number is not valid',
  },
  'finding.id_check_digit': {
    'zh-CN': '身份号码校验位不正确（可能有数字录错）',
    en: 'The ID number’s check digit is wrong (a digit may be mistyped)',
  },
  'finding.id_required': {
    'zh-CN': '户籍和流动人口须填写身份号码',
    en: 'Registered and migrant residents need an ID number',
  },
  'finding.phone_format': {
    'zh-CN': '电话应为 11 位手机号或带区号的固话',
    en: 'A phone is an 11-digit mobile or a landline with its area code',
  },
  'finding.phone_extension': {
    'zh-CN': '电话不能带分机号',
    en: 'A phone cannot carry an extension',
  },
  'finding.bad_choice': { 'zh-CN': '不是可选的取值', en: 'Not one of the allowed values' },
  'finding.bad_date': {
    'zh-CN': '日期无效（应为 1990-01-31 这样的格式）',
    en: 'Not a valid date (write it as 1990-01-31)',
  },
  'finding.birth_date_mismatch': {
    'zh-CN': '出生日期与身份号码不一致',
    en: 'The birth date differs from the ID number’s',
  },
  'finding.gender_mismatch': {
    'zh-CN': '性别与身份号码不一致',
    en: 'The gender differs from the ID number’s',
  },
  'finding.unknown_tag': { 'zh-CN': '未知的标签', en: 'Unknown tag' },
  'finding.building_required': {
    'zh-CN': '请填写楼栋编码，或小区名称和楼栋名称',
    en: 'Give the building code, or the compound and building names',
  },
  'finding.building_not_found': {
    'zh-CN': '在您管辖范围内找不到该楼栋',
    en: 'No such building within your area',
  },
  'finding.building_ambiguous': {
    'zh-CN': '有多个同名楼栋，请改填楼栋编码',
    en: 'Several buildings have this name; give the building code instead',
  },
  'finding.id_digits_lost': {
    'zh-CN': '身份号码被 Excel 存成了数字，后几位已丢失；请把该列设为“文本”后重新填写',
    en: 'Excel stored the ID number as a number and lost its last digits; format the column as Text and retype it',
  },
  'finding.id_duplicate_in_file': {
    'zh-CN': '该身份号码在文件中重复出现',
    en: 'This ID number occurs more than once in the file',
  },
  'finding.id_registered': {
    'zh-CN': '该身份号码已经登记过',
    en: 'This ID number is already registered',
  },
  'import.no_header': {
    'zh-CN': '前 10 行中找不到表头（至少要有“姓名”和另外两列，如“公民身份号码”“楼栋编码”），请使用导入模板',
    en: 'No header row in the first 10 lines (it needs 姓名/Name and two other known columns); use the template',
  },
  'import.too_many_rows': {
    'zh-CN': '文件超过 200,000 行，请分成几个文件导入',
    en: 'The file has more than 200,000 rows; split it into several files',
  },
  'import.unreadable': {
    'zh-CN': '文件无法读取，可能已损坏或不是 Excel/CSV 文件',
    en: 'The file cannot be read; it may be damaged or not an Excel/CSV file',
  },
  'import.file_type': {
    'zh-CN': '只能导入 Excel（.xlsx）或 CSV 文件',
    en: 'Only Excel (.xlsx) or CSV files can be imported',
  },
  'import.internal': {
    'zh-CN': '处理文件时出错，请稍后重试',
    en: 'Processing the file failed; please retry',
  },
  'status.validating': { 'zh-CN': '校验中', en: 'validating' },
  'status.validated': { 'zh-CN': '已校验', en: 'validated' },
  'status.importing': { 'zh-CN': '导入中', en: 'importing' },
  'status.done': { 'zh-CN': '已完成', en: 'done' },
  'status.failed': { 'zh-CN': '失败', en: 'failed' },
  'status.expired': { 'zh-CN': '已过期', en: 'expired' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ImportMessageKey = keyof typeof importMessages;

export function importMessage(key: string, lang: Lang): string {
  return (importMessages as Record<string, Record<Lang, string>>)[key]?.[lang] ?? key;
}

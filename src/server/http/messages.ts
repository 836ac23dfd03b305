/** Error messages by code, in both interface languages. `{name}` placeholders come from the error's params. */
export type Lang = 'zh-CN' | 'en';

export const errorMessages = {
  VALIDATION_FAILED: { 'zh-CN': '提交的数据有误，请检查标出的字段', en: 'The request has invalid fields' },
  BAD_JSON: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: {
    'zh-CN': '不支持的内容类型，请使用 application/json',
    en: 'Unsupported content type; send application/json',
  },
  PAYLOAD_TOO_LARGE: {
    'zh-CN': '请求内容过大（上限 {limit} 字节）',
    en: 'Request body too large (limit {limit} bytes)',
  },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please log in' },
  SESSION_EXPIRED: { 'zh-CN': '登录已过期，请重新登录', en: 'Your session has expired; please log in again' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '连续登录失败次数过多，账号已锁定，请于 {until} 后再试或联系安全管理员解锁',
    en: 'Too many failed logins; the account is locked until {until} or until a security administrator unlocks it',
  },
  ACCOUNT_DISABLED: { 'zh-CN': '账号已停用', en: 'This account is disabled' },
  CSRF_FAILED: {
    'zh-CN': '安全校验失败（缺少或错误的 x-csrf-token），请刷新页面后重试',
    en: 'Security check failed (missing or wrong x-csrf-token); reload and try again',
  },
  FORBIDDEN: { 'zh-CN': '没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '未找到该记录', en: 'Not found' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  VERSION_CONFLICT: {
    'zh-CN': '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  CODE_TAKEN: { 'zh-CN': '编码 {code} 已被使用', en: 'Code {code} is already in use' },
  USERNAME_TAKEN: { 'zh-CN': '用户名 {username} 已被使用', en: 'Username {username} is already taken' },
  HAS_CHILDREN: {
    'zh-CN': '该节点下还有 {count} 个下级节点，请先删除或移走它们',
    en: 'This node still has {count} children; delete or move them first',
  },
  HAS_USERS: {
    'zh-CN': '该节点仍绑定了 {count} 个账号，请先调整这些账号',
    en: '{count} accounts are still bound to this node; rebind them first',
  },
  HAS_HOUSEHOLDS: {
    'zh-CN': '该节点登记了 {count} 户住户，请先迁出或注销这些住户',
    en: '{count} households are registered at this node; move or deregister them first',
  },
  CODE_LOCKED: {
    'zh-CN': '该节点下有 {count} 个下级节点，其编码以本节点编码为前缀，不能修改本节点编码',
    en: 'This node has {count} children whose codes start with its code; its code cannot change',
  },
  ALREADY_ASSIGNED: {
    'zh-CN': '此人已在该网格任职，请勿重复配置',
    en: 'This person already serves this grid',
  },
  ASSIGNMENT_ENDED: { 'zh-CN': '该任职已结束', en: 'This assignment has already ended' },
  ACCOUNT_LINKED: {
    'zh-CN': '账号 {username} 已关联其他网格人员',
    en: 'Account {username} is already linked to another grid staff member',
  },
  ACCOUNT_OUTSIDE_GRID: {
    'zh-CN': '账号 {username} 所属地点不包含该网格，关联后也无法查看',
    en: 'Account {username} is bound outside this grid and could not see it',
  },
  NOT_A_GRID_WORKER: {
    'zh-CN': '只能关联角色为网格员的账号',
    en: 'Only an account with the grid worker role can be linked',
  },
  OUTSIDE_DISTRICT: {
    'zh-CN': '该位置（{lng}, {lat}）不在本区任何网格内',
    en: 'The point ({lng}, {lat}) lies in no grid of the district',
  },
  COVERAGE_BROKEN: {
    'zh-CN': '调整后网格覆盖不再完整（{count} 处问题：缝隙、重叠、超出上级或无效多边形），未作任何修改',
    en: 'The adjustment would break the grid coverage ({count} findings: gaps, overlaps, outside the parent, invalid polygons); nothing was changed',
  },
  INVALID_ADJUSTMENT: {
    'zh-CN': '网格调整无效：{problem}',
    en: 'Invalid grid adjustment: {problem}',
  },
  INVALID_GEOJSON: {
    'zh-CN': '文件内容有误（{count} 处问题），未作任何修改',
    en: 'The file has {count} problems; nothing was changed',
  },
  MOVE_CYCLE: {
    'zh-CN': '不能把节点移动到它自己或它的下级之下',
    en: 'A node cannot be moved under itself or its own descendants',
  },
  INVALID_PARENT_KIND: {
    'zh-CN': '“{childKind}”不能放在“{parentKind}”之下',
    en: 'A {childKind} cannot be placed under a {parentKind}',
  },
  INVALID_CODE_PREFIX: {
    'zh-CN': '编码应以上级编码 {parentCode} 开头，并在其后加 {digits} 位数字',
    en: 'The code must be the parent code {parentCode} followed by {digits} digits',
  },
  ROOT_IMMUTABLE: { 'zh-CN': '不能移动或删除区级根节点', en: 'The district root cannot be moved or deleted' },
  WEAK_PASSWORD: {
    'zh-CN': '密码至少 8 位，并包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'The password needs at least 8 characters from at least 3 of: upper case, lower case, digits, symbols',
  },
  PASSWORD_REUSED: {
    'zh-CN': '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  WRONG_PASSWORD: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请 {after} 后再试', en: 'Too many requests; retry after {after}' },
  INTERNAL: {
    'zh-CN': '服务器内部错误，请稍后重试（编号 {requestId}）',
    en: 'Internal error; please retry (ref {requestId})',
  },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
  MULTIPART_EXPECTED: {
    'zh-CN': '请以 multipart/form-data 上传一个文件',
    en: 'Upload one file as multipart/form-data',
  },
  IMPORT_FILE_REQUIRED: { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  IMPORT_FILE_TYPE: {
    'zh-CN': '只能导入 Excel（.xlsx）或 CSV 文件；旧版 .xls 请在 Excel 中另存为 .xlsx',
    en: 'Only Excel (.xlsx) or CSV files can be imported; save an old .xls as .xlsx in Excel',
  },
  IMPORT_NOT_READY: {
    'zh-CN': '该导入任务当前状态为“{status}”，不能执行此操作',
    en: 'This import is {status}; it cannot do that now',
  },
  IMPORT_EXPIRED: {
    'zh-CN': '该导入任务已过期（校验结果只保留 {minutes} 分钟），请重新上传文件',
    en: 'This import has expired (validated files are kept {minutes} minutes); upload the file again',
  },
  IMPORT_HAS_FINDINGS: {
    'zh-CN': '文件中有 {count} 处问题，“全部成功才导入”不能执行；请修改文件后重新上传，或选择“仅导入有效行”',
    en: 'The file has {count} findings, so "all or nothing" cannot run; fix the file and upload it again, or import valid rows only',
  },
  IMPORT_NO_VALID_ROWS: { 'zh-CN': '文件中没有可导入的有效行', en: 'The file has no valid rows to import' },
  IMPORT_CONFLICT: {
    'zh-CN': '校验之后又有 {count} 人已被登记，全部导入未执行；请重新上传文件',
    en: '{count} people were registered since the check, so nothing was imported; upload the file again',
  },
  ILLEGAL_TRANSITION: {
    'zh-CN': '案件当前状态为“{status}”，不能执行“{action}”',
    en: 'The case is {status}; "{action}" is not possible now',
  },
  UNKNOWN_CATEGORY: {
    'zh-CN': '案件类别 {code} 不存在或已停用',
    en: 'Case category {code} does not exist or is retired',
  },
  FIELD_REQUIRED: { 'zh-CN': '请填写：{field}', en: 'Please fill in: {field}' },
  EVIDENCE_REQUIRED: {
    'zh-CN': '该类别要求上传{stage}照片后才能提交',
    en: 'This category needs a photo ({stage}) before this step',
  },
  NO_SUCH_HANDLER: { 'zh-CN': '找不到可承办该案件的{handler}', en: 'No {handler} can take this case' },
  CANNOT_MERGE: { 'zh-CN': '不能合并到该案件：{reason}', en: 'Cannot merge into that case: {reason}' },
  OTP_INVALID: {
    'zh-CN': '验证码错误或已过期，请重新获取',
    en: 'The code is wrong or has expired; ask for a new one',
  },
  FILE_TOO_LARGE: { 'zh-CN': '文件过大（上限 {limit}）', en: 'File too large (limit {limit})' },
  UNSUPPORTED_IMAGE: {
    'zh-CN': '只能上传 JPEG、PNG 或 WebP 图片',
    en: 'Only JPEG, PNG or WebP images can be uploaded',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type ErrorCode = keyof typeof errorMessages;

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

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
  noNul: { 'zh-CN': '不能包含空字符（\\u0000）', en: 'must not contain NUL characters (\\u0000)' },
};

export function keywordMessage(keyword: string, lang: Lang, params: Record<string, unknown>): string {
  const template = keywordMessages[keyword]?.[lang] ?? (lang === 'en' ? 'is invalid' : '无效');
  return formatMessage(template, params);
}

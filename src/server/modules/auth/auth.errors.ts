import { defineErrors, type ErrorCodesOf } from '../../http/messages.js';

/** The auth module's error codes: status and message in both interface languages. */
export const authErrors = defineErrors({
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 403,
    'zh-CN': '连续登录失败次数过多，账号已锁定，请于 {until} 后再试或联系安全管理员解锁',
    en: 'Too many failed logins; the account is locked until {until} or until a security administrator unlocks it',
  },
  ACCOUNT_DISABLED: { status: 403, 'zh-CN': '账号已停用', en: 'This account is disabled' },
  WEAK_PASSWORD: {
    status: 422,
    'zh-CN': '密码至少 8 位，并包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'The password needs at least 8 characters from at least 3 of: upper case, lower case, digits, symbols',
  },
  PASSWORD_REUSED: {
    status: 422,
    'zh-CN': '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  WRONG_PASSWORD: { status: 422, 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
});

declare module '../../http/messages.js' {
  interface ErrorCodeRegistry extends ErrorCodesOf<typeof authErrors> {}
}

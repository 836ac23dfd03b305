import { defineErrors, type ErrorCodesOf } from '../../http/messages.js';

/** The users module's error codes: status and message in both interface languages. */
export const usersErrors = defineErrors({
  USERNAME_TAKEN: {
    status: 409,
    'zh-CN': '用户名 {username} 已被使用',
    en: 'Username {username} is already taken',
  },
});

declare module '../../http/messages.js' {
  interface ErrorCodeRegistry extends ErrorCodesOf<typeof usersErrors> {}
}

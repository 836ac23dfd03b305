import { defineErrors, type ErrorCodesOf } from '../../http/messages.js';

/** The staff module's error codes: status and message in both interface languages. */
export const staffErrors = defineErrors({
  ALREADY_ASSIGNED: {
    status: 409,
    'zh-CN': '此人已在该网格任职，请勿重复配置',
    en: 'This person already serves this grid',
  },
  ASSIGNMENT_ENDED: { status: 409, 'zh-CN': '该任职已结束', en: 'This assignment has already ended' },
  ACCOUNT_LINKED: {
    status: 409,
    'zh-CN': '账号 {username} 已关联其他网格人员',
    en: 'Account {username} is already linked to another grid staff member',
  },
  ACCOUNT_OUTSIDE_GRID: {
    status: 422,
    'zh-CN': '账号 {username} 所属地点不包含该网格，关联后也无法查看',
    en: 'Account {username} is bound outside this grid and could not see it',
  },
  NOT_A_GRID_WORKER: {
    status: 422,
    'zh-CN': '只能关联角色为网格员的账号',
    en: 'Only an account with the grid worker role can be linked',
  },
});

declare module '../../http/messages.js' {
  interface ErrorCodeRegistry extends ErrorCodesOf<typeof staffErrors> {}
}

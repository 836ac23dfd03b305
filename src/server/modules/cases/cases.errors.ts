import { defineErrors, type ErrorCodesOf } from '../../http/messages.js';

/** The cases module's error codes: status and message in both interface languages. */
export const casesErrors = defineErrors({
  ILLEGAL_TRANSITION: {
    status: 409,
    'zh-CN': '案件当前状态为“{status}”，不能执行“{action}”',
    en: 'The case is {status}; "{action}" is not possible now',
  },
  UNKNOWN_CATEGORY: {
    status: 422,
    'zh-CN': '案件类别 {code} 不存在或已停用',
    en: 'Case category {code} does not exist or is retired',
  },
  EVIDENCE_REQUIRED: {
    status: 422,
    'zh-CN': '该类别要求上传{stage}照片后才能提交',
    en: 'This category needs a photo ({stage}) before this step',
  },
  NO_SUCH_HANDLER: {
    status: 422,
    'zh-CN': '找不到可承办该案件的{handler}',
    en: 'No {handler} can take this case',
  },
  CANNOT_MERGE: {
    status: 422,
    'zh-CN': '不能合并到该案件：{reason}',
    en: 'Cannot merge into that case: {reason}',
  },
  OTP_INVALID: {
    status: 422,
    'zh-CN': '验证码错误或已过期，请重新获取',
    en: 'The code is wrong or has expired; ask for a new one',
  },
  FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件过大（上限 {limit}）', en: 'File too large (limit {limit})' },
  UNSUPPORTED_IMAGE: {
    status: 415,
    'zh-CN': '只能上传 JPEG、PNG 或 WebP 图片',
    en: 'Only JPEG, PNG or WebP images can be uploaded',
  },
});

declare module '../../http/messages.js' {
  interface ErrorCodeRegistry extends ErrorCodesOf<typeof casesErrors> {}
}

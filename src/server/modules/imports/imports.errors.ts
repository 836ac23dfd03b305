import { defineErrors, type ErrorCodesOf } from '../../http/messages.js';

/** The imports module's error codes: status and message in both interface languages. */
export const importsErrors = defineErrors({
  IMPORT_FILE_TYPE: {
    status: 415,
    'zh-CN': '只能导入 Excel（.xlsx）或 CSV 文件；旧版 .xls 请在 Excel 中另存为 .xlsx',
    en: 'Only Excel (.xlsx) or CSV files can be imported; save an old .xls as .xlsx in Excel',
  },
  IMPORT_NOT_READY: {
    status: 409,
    'zh-CN': '该导入任务当前状态为“{status}”，不能执行此操作',
    en: 'This import is {status}; it cannot do that now',
  },
  IMPORT_EXPIRED: {
    status: 410,
    'zh-CN': '该导入任务已过期（校验结果只保留 {minutes} 分钟），请重新上传文件',
    en: 'This import has expired (validated files are kept {minutes} minutes); upload the file again',
  },
  IMPORT_HAS_FINDINGS: {
    status: 409,
    'zh-CN': '文件中有 {count} 处问题，“全部成功才导入”不能执行；请修改文件后重新上传，或选择“仅导入有效行”',
    en: 'The file has {count} findings, so "all or nothing" cannot run; fix the file and upload it again, or import valid rows only',
  },
  IMPORT_NO_VALID_ROWS: {
    status: 422,
    'zh-CN': '文件中没有可导入的有效行',
    en: 'The file has no valid rows to import',
  },
  IMPORT_CONFLICT: {
    status: 409,
    'zh-CN': '校验之后又有 {count} 人已被登记，全部导入未执行；请重新上传文件',
    en: '{count} people were registered since the check, so nothing was imported; upload the file again',
  },
});

declare module '../../http/messages.js' {
  interface ErrorCodeRegistry extends ErrorCodesOf<typeof importsErrors> {}
}

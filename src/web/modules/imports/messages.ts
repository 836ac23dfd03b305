/**
 * The imports module's messages: its top-level subtrees of the one i18next resource (and its menu labels under
 * `nav`). `en` is typed from `zh`, so a missing or extra English key fails the type check.
 */
export const zh = {
  nav: {
    importResidents: '居民导入',
  },
  imports: {
    title: '居民导入',
    intro:
      '按社区实有人口台账的格式，用 Excel（.xlsx）或 CSV 批量导入居民。先下载模板填写；上传后系统逐行校验，写入前列出所有问题。',
    templateTitle: '第一步：下载模板',
    templateHint:
      '模板第一张表填写居民，“楼栋列表”表列出您管辖的楼栋编码，“标签”表列出可用标签。身份号码列已设为文本格式，请勿改成数字。',
    downloadTemplate: '下载导入模板',
    uploadTitle: '第二步：上传文件',
    dragHint: '点击或把文件拖到这里上传',
    dragNote: '支持 .xlsx 和 .csv（UTF-8 或 GBK），最大 30 MB',
    reading: '正在读取文件…已读取 {{count}} 行',
    checking: '正在校验…{{processed}} / {{total}} 行',
    writing: '正在导入…{{processed}} / {{total}} 行',
    summary: '共 {{total}} 行：有效 {{valid}} 行，有问题 {{invalid}} 行（{{findings}} 处问题）',
    noFindings: '全部数据校验通过，可以导入。',
    findingsTitle: '校验发现的问题',
    row: '行',
    column: '列',
    reason: '原因',
    value: '内容',
    modeTitle: '第三步：选择导入方式',
    modeAll: '全部成功才导入',
    modeAllHint: '文件中有任何问题都不导入',
    modeValid: '仅导入有效行',
    modeValidHint: '跳过有问题的行，导入其余 {{count}} 行',
    commit: '开始导入',
    doneTitle: '导入完成',
    doneSummary: '已导入 {{residents}} 人，新建 {{households}} 户',
    skipped: '另有 {{count}} 人在校验后已被他人登记，已跳过',
    another: '再导入一个文件',
    failed: '文件无法导入',
    expired: '该导入已过期，请重新上传文件',
    fileName: '文件：{{name}}',
  },
};

export const en: typeof zh = {
  nav: {
    importResidents: 'Import residents',
  },
  imports: {
    title: 'Import residents',
    intro:
      'Import residents in bulk from Excel (.xlsx) or CSV, in the layout of the community population ledger. Fill in the template; after upload every row is checked and every problem is listed before anything is written.',
    templateTitle: 'Step 1: download the template',
    templateHint:
      'Fill in residents on the first sheet; the "Buildings" sheet lists the building codes of your area and "Tags" the tags you can use. The ID number column is formatted as text: do not change it to numbers.',
    downloadTemplate: 'Download the template',
    uploadTitle: 'Step 2: upload the file',
    dragHint: 'Click or drag a file here to upload',
    dragNote: '.xlsx or .csv (UTF-8 or GBK), at most 30 MB',
    reading: 'Reading the file… {{count}} rows read',
    checking: 'Checking… {{processed}} / {{total}} rows',
    writing: 'Importing… {{processed}} / {{total}} rows',
    summary: '{{total}} rows: {{valid}} valid, {{invalid}} with problems ({{findings}} findings)',
    noFindings: 'Every row passed the checks and can be imported.',
    findingsTitle: 'Problems found',
    row: 'Row',
    column: 'Column',
    reason: 'Reason',
    value: 'Value',
    modeTitle: 'Step 3: choose how to import',
    modeAll: 'All or nothing',
    modeAllHint: 'Import nothing if the file has any problem',
    modeValid: 'Valid rows only',
    modeValidHint: 'Skip the rows with problems and import the other {{count}}',
    commit: 'Import',
    doneTitle: 'Import finished',
    doneSummary: '{{residents}} residents imported, {{households}} new households',
    skipped: '{{count}} people registered by someone else since the check were skipped',
    another: 'Import another file',
    failed: 'The file cannot be imported',
    expired: 'This import has expired; upload the file again',
    fileName: 'File: {{name}}',
  },
};

declare module '../../app/i18n' {
  interface MessageParts {
    imports: typeof zh;
  }
}

import { defineErrors, type ErrorCodesOf } from '../../http/messages.js';

/** The grids module's error codes: status and message in both interface languages. */
export const gridsErrors = defineErrors({
  OUTSIDE_DISTRICT: {
    status: 422,
    'zh-CN': '该位置（{lng}, {lat}）不在本区任何网格内',
    en: 'The point ({lng}, {lat}) lies in no grid of the district',
  },
  COVERAGE_BROKEN: {
    status: 422,
    'zh-CN': '调整后网格覆盖不再完整（{count} 处问题：缝隙、重叠、超出上级或无效多边形），未作任何修改',
    en: 'The adjustment would break the grid coverage ({count} findings: gaps, overlaps, outside the parent, invalid polygons); nothing was changed',
  },
  INVALID_ADJUSTMENT: {
    status: 422,
    'zh-CN': '网格调整无效：{problem}',
    en: 'Invalid grid adjustment: {problem}',
  },
  INVALID_GEOJSON: {
    status: 422,
    'zh-CN': '文件内容有误（{count} 处问题），未作任何修改',
    en: 'The file has {count} problems; nothing was changed',
  },
});

declare module '../../http/messages.js' {
  interface ErrorCodeRegistry extends ErrorCodesOf<typeof gridsErrors> {}
}

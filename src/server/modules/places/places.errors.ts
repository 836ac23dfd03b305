import { defineErrors, type ErrorCodesOf } from '../../http/messages.js';

/** The places module's error codes: status and message in both interface languages. */
export const placesErrors = defineErrors({
  HAS_CHILDREN: {
    status: 409,
    'zh-CN': '该节点下还有 {count} 个下级节点，请先删除或移走它们',
    en: 'This node still has {count} children; delete or move them first',
  },
  HAS_USERS: {
    status: 409,
    'zh-CN': '该节点仍绑定了 {count} 个账号，请先调整这些账号',
    en: '{count} accounts are still bound to this node; rebind them first',
  },
  HAS_HOUSEHOLDS: {
    status: 409,
    'zh-CN': '该节点登记了 {count} 户住户，请先迁出或注销这些住户',
    en: '{count} households are registered at this node; move or deregister them first',
  },
  CODE_LOCKED: {
    status: 409,
    'zh-CN': '该节点下有 {count} 个下级节点，其编码以本节点编码为前缀，不能修改本节点编码',
    en: 'This node has {count} children whose codes start with its code; its code cannot change',
  },
  MOVE_CYCLE: {
    status: 422,
    'zh-CN': '不能把节点移动到它自己或它的下级之下',
    en: 'A node cannot be moved under itself or its own descendants',
  },
  INVALID_PARENT_KIND: {
    status: 422,
    'zh-CN': '“{childKind}”不能放在“{parentKind}”之下',
    en: 'A {childKind} cannot be placed under a {parentKind}',
  },
  INVALID_CODE_PREFIX: {
    status: 422,
    'zh-CN': '编码应以上级编码 {parentCode} 开头，并在其后加 {digits} 位数字',
    en: 'The code must be the parent code {parentCode} followed by {digits} digits',
  },
  ROOT_IMMUTABLE: {
    status: 422,
    'zh-CN': '不能移动或删除区级根节点',
    en: 'The district root cannot be moved or deleted',
  },
});

declare module '../../http/messages.js' {
  interface ErrorCodeRegistry extends ErrorCodesOf<typeof placesErrors> {}
}

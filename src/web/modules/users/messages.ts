/**
 * The users module's messages: its top-level subtrees of the one i18next resource (and its menu labels under
 * `nav`). `en` is typed from `zh`, so a missing or extra English key fails the type check.
 */
export const zh = {
  nav: {
    users: '账号管理',
  },
  users: {
    title: '账号管理',
    searchPlaceholder: '用户名或姓名',
    allRoles: '全部角色',
    create: '新建账号',
    createTitle: '新建账号',
    editTitle: '编辑账号「{{name}}」',
    resetTitle: '重置「{{name}}」的密码',
    resetHint: '设置临时密码后，该用户下次登录时须修改密码。',
    actions: {
      edit: '编辑',
      resetPassword: '重置密码',
      unlock: '解锁',
    },
    unlockConfirm: '解除「{{name}}」的登录锁定？',
    fields: {
      username: '用户名',
      displayName: '姓名',
      role: '角色',
      place: '所属地点',
      department: '所属部门',
      password: '初始密码',
      newPassword: '临时密码',
      status: '状态',
      disabled: '停用账号',
      createdAt: '创建时间',
    },
    status: {
      active: '正常',
      disabled: '已停用',
      locked: '已锁定',
      mustChange: '须改密码',
    },
    usernameHint: '小写字母、数字、点、下划线或连字符，3–40 位',
    usernameFormat: '用户名格式不正确',
    required: '此项必填',
    saved: '已保存',
    created: '已创建账号「{{name}}」',
    resetDone: '已重置密码',
    unlocked: '已解锁',
  },
};

export const en: typeof zh = {
  nav: {
    users: 'Accounts',
  },
  users: {
    title: 'Accounts',
    searchPlaceholder: 'Username or name',
    allRoles: 'All roles',
    create: 'New account',
    createTitle: 'New account',
    editTitle: 'Edit account “{{name}}”',
    resetTitle: 'Reset the password of “{{name}}”',
    resetHint: 'The user must change this temporary password at the next login.',
    actions: {
      edit: 'Edit',
      resetPassword: 'Reset password',
      unlock: 'Unlock',
    },
    unlockConfirm: 'Lift the login lock of “{{name}}”?',
    fields: {
      username: 'Username',
      displayName: 'Name',
      role: 'Role',
      place: 'Place',
      department: 'Department',
      password: 'Initial password',
      newPassword: 'Temporary password',
      status: 'Status',
      disabled: 'Disabled',
      createdAt: 'Created',
    },
    status: {
      active: 'Active',
      disabled: 'Disabled',
      locked: 'Locked',
      mustChange: 'Must change password',
    },
    usernameHint: 'Lower-case letters, digits, dot, underscore or hyphen; 3–40 characters',
    usernameFormat: 'Invalid username',
    required: 'Required',
    saved: 'Saved',
    created: 'Created account “{{name}}”',
    resetDone: 'Password reset',
    unlocked: 'Unlocked',
  },
};

declare module '../../app/i18n' {
  interface MessageParts {
    users: typeof zh;
  }
}

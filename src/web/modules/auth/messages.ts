/**
 * The auth module's messages: its top-level subtrees of the one i18next resource (and its menu labels under
 * `nav`). `en` is typed from `zh`, so a missing or extra English key fails the type check.
 */
export const zh = {
  account: {
    passwordTitle: '修改密码',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    mismatch: '两次输入的新密码不一致',
    required: '此项必填',
    policy: '密码策略：至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类。',
    rules: {
      length: '至少 8 位',
      classes: '大写、小写、数字、符号中至少 3 类（当前 {{count}} 类）',
    },
    weak: '新密码不符合密码策略',
    changed: '密码已修改，其他设备上的登录已失效',
    otherSessions: '修改密码后，您在其他设备上的登录将失效。',
    tokensTitle: 'API 令牌',
    tokensIntro:
      '个人 API 令牌用于系统对接（如 12345 热线），以 Authorization: Bearer <令牌> 调用接口，权限与您的账号相同。',
    tokenName: '名称',
    tokenNamePlaceholder: '如：12345 热线对接',
    expiresInDays: '有效天数',
    expiresPlaceholder: '留空则长期有效',
    createToken: '创建令牌',
    tokenCreatedTitle: '令牌已创建',
    tokenCreated: '令牌只显示这一次，请立即复制并妥善保存：',
    revoke: '吊销',
    revokeConfirm: '吊销令牌「{{name}}」？使用它的系统将无法再调用接口。',
    revoked: '已吊销',
    columns: {
      name: '名称',
      prefix: '前缀',
      createdAt: '创建时间',
      lastUsedAt: '最近使用',
      expiresAt: '到期时间',
      status: '状态',
    },
    status: {
      active: '有效',
      revoked: '已吊销',
      expired: '已过期',
    },
    never: '从未',
    noExpiry: '长期',
  },
};

export const en: typeof zh = {
  account: {
    passwordTitle: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    mismatch: 'The two new passwords differ',
    required: 'Required',
    policy:
      'Password policy: at least 8 characters, from at least 3 of upper case, lower case, digits and symbols.',
    rules: {
      length: 'At least 8 characters',
      classes: 'At least 3 of upper, lower, digit, symbol (now {{count}})',
    },
    weak: 'The new password does not meet the policy',
    changed: 'Password changed; your sessions on other devices have ended',
    otherSessions: 'Changing the password ends your sessions on other devices.',
    tokensTitle: 'API tokens',
    tokensIntro:
      'Personal API tokens connect other systems (such as the 12345 hotline). Send Authorization: Bearer <token>; a token can do what your account can.',
    tokenName: 'Name',
    tokenNamePlaceholder: 'e.g. 12345 hotline',
    expiresInDays: 'Valid for (days)',
    expiresPlaceholder: 'Empty: no expiry',
    createToken: 'Create token',
    tokenCreatedTitle: 'Token created',
    tokenCreated: 'The token is shown only this once. Copy it now and keep it safe:',
    revoke: 'Revoke',
    revokeConfirm: 'Revoke the token “{{name}}”? Systems using it will no longer be able to call the API.',
    revoked: 'Revoked',
    columns: {
      name: 'Name',
      prefix: 'Prefix',
      createdAt: 'Created',
      lastUsedAt: 'Last used',
      expiresAt: 'Expires',
      status: 'Status',
    },
    status: {
      active: 'Active',
      revoked: 'Revoked',
      expired: 'Expired',
    },
    never: 'Never',
    noExpiry: 'No expiry',
  },
};

declare module '../../app/i18n' {
  interface MessageParts {
    auth: typeof zh;
  }
}

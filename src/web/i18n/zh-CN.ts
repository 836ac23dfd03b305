/**
 * 简体中文 — the default language: the shell's shared messages (each console module keeps its own in its
 * messages.ts). `en.ts` must have exactly the same keys (its type enforces it).
 */
export const zhCN = {
  app: {
    name: '楼院',
    title: '楼院 Louyuan',
    subtitle: '二七区基层治理平台',
  },
  common: {
    ok: '确定',
    cancel: '取消',
    save: '保存',
    create: '新建',
    edit: '编辑',
    delete: '删除',
    search: '搜索',
    reset: '重置',
    refresh: '刷新',
    loading: '加载中…',
    empty: '暂无数据',
    none: '—',
    yes: '是',
    no: '否',
    close: '关闭',
    actions: '操作',
    total: '共 {{total}} 条',
    clear: '清除',
    copy: '复制',
    backHome: '返回首页',
  },
  errors: {
    network: '网络异常，请检查连接后重试',
    conflict: '该记录已被他人修改，已重新加载最新内容，请核对后再保存。',
    sessionExpired: '登录已失效，请重新登录',
    notFoundTitle: '页面不存在',
    notFound: '您访问的页面不存在。',
    forbiddenTitle: '无权访问',
    forbidden: '您的账号没有访问此页面的权限。',
    loadFailed: '加载失败',
  },
  lang: {
    switchLabel: '切换语言',
    other: 'English',
  },
  nav: {
    account: '我的账号',
    password: '修改密码',
    tokens: 'API 令牌',
    logout: '退出登录',
    openMenu: '打开菜单',
    userMenu: '账号菜单',
  },
  header: {
    place: '{{name}}（{{code}}）',
  },
  login: {
    title: '登录楼院',
    subtitle: '二七区基层治理平台',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    loggedOut: '您已退出登录',
  },
  mustChange: {
    banner: '您正在使用初始或临时密码，请先修改密码。',
    link: '立即修改密码',
  },
  roles: {
    district_admin: '区级管理员',
    street_staff: '街道工作人员',
    community_staff: '社区工作人员',
    grid_worker: '网格员',
    department_staff: '部门工作人员',
    resident: '居民',
    system_admin: '系统管理员',
    security_admin: '安全管理员',
    audit_admin: '审计管理员',
  },
};

export type SharedMessages = typeof zhCN;

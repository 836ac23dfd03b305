import { describe, expect, it } from 'vitest';
import {
  buildHeaderItems,
  buildMenu,
  buildRoutes,
  collectModules,
  lazyPage,
  mergeMessages,
  openMenuKeys,
  selectedMenuKey,
  type MenuParent,
  type MenuSession,
  type MessageKey,
  type WebModule,
} from './module-kit';

// Pages are never loaded here: the kit only wraps the loaders in React.lazy.
const never = () => Promise.reject(new Error('not loaded in a unit test'));
const Page = () => null;

const group = { key: 'things', label: 'nav.things' as MessageKey, icon: 'folder', order: 50 };

/** A module that exists only in this test: everything the shell shows of it comes from this object. */
const things: WebModule = {
  name: 'things',
  routes: [
    { path: '/things', shell: 'console', capability: 'things.read' as never, page: never },
    { path: '/things/open', shell: 'public', page: lazyPage(() => Promise.resolve({ Page }), 'Page') },
  ],
  menu: [
    { key: '/things/archive', label: 'nav.archive' as MessageKey, icon: 'a', order: 2, group },
    {
      key: '/things',
      label: 'nav.thingList' as MessageKey,
      icon: 't',
      order: 1,
      group,
      capability: 'things.read' as never,
      match: ['/things', '/thing/'],
    },
    {
      key: '/things/secret',
      label: 'nav.secret' as MessageKey,
      icon: 's',
      order: 3,
      group,
      visible: (session) => session.user.role === 'district_admin',
    },
  ],
  header: [{ key: 'bell', order: 1, component: never }],
  messages: {
    zh: { nav: { things: '物品' }, things: { title: '物品列表' } },
    en: { nav: { things: 'Things' }, things: { title: 'Things' } },
  },
};

const home: WebModule = {
  name: 'home',
  routes: [{ path: '/', shell: 'console', page: never }],
  menu: [
    { key: '/', label: 'nav.home' as MessageKey, icon: 'h', order: 20 },
    { key: '/last', label: 'nav.last' as MessageKey, icon: 'l', order: 90 },
  ],
};

function session(role: string, capabilities: string[]): MenuSession {
  return { user: { role }, capabilities } as unknown as MenuSession;
}

const t = (key: string) => `«${key}»`;

describe('module kit', () => {
  it('collects the manifests a glob found, sorted by name, and refuses a file without one', () => {
    const modules = collectModules({
      './things/index.tsx': { module: things },
      './home/index.tsx': { module: home },
    });
    expect(modules.map((m) => m.name)).toEqual(['home', 'things']);
    expect(() => collectModules({ './broken/index.ts': { other: 1 } })).toThrow(/broken/);
  });

  it("puts a module's pages under their shells with their capabilities, each a lazy component", () => {
    const routes = buildRoutes([home, things]);
    expect(
      routes.map(({ path, shell, capability, module }) => ({ path, shell, capability, module })),
    ).toEqual([
      { path: '/', shell: 'console', capability: undefined, module: 'home' },
      { path: '/things', shell: 'console', capability: 'things.read', module: 'things' },
      { path: '/things/open', shell: 'public', capability: undefined, module: 'things' },
    ]);
    for (const route of routes) expect(route.Page.$$typeof).toBe(Symbol.for('react.lazy'));
  });

  it('refuses two modules claiming one path', () => {
    const clash: WebModule = { name: 'clash', routes: [{ path: '/things', shell: 'console', page: never }] };
    expect(() => buildRoutes([things, clash])).toThrow(/\/things.*things.*clash/);
  });

  it('builds the menu in order, entries inside their group, for an account with the capability', () => {
    const menu = buildMenu([things, home], session('district_admin', ['things.read']), t);
    expect(menu.map((n) => n.key)).toEqual(['/', 'things', '/last']);
    const parent = menu[1] as MenuParent;
    expect(parent).toMatchObject({ key: 'things', label: '«nav.things»', icon: 'folder' });
    expect(parent.children).toEqual([
      { key: '/things', label: '«nav.thingList»', icon: 't' },
      { key: '/things/archive', label: '«nav.archive»', icon: 'a' },
      { key: '/things/secret', label: '«nav.secret»', icon: 's' },
    ]);
  });

  it('hides an entry whose capability or visibility rule fails, and a group left empty', () => {
    const partial = buildMenu([things, home], session('grid_worker', []), t);
    expect((partial[1] as MenuParent).children.map((c) => c.key)).toEqual(['/things/archive']);

    const onlyGuarded: WebModule = {
      ...things,
      menu: (things.menu ?? []).filter((e) => e.key !== '/things/archive'),
    };
    const menu = buildMenu([onlyGuarded, home], session('grid_worker', []), t);
    expect(menu.map((n) => n.key)).toEqual(['/', '/last']);
  });

  it('chooses a label by the account when the entry asks to', () => {
    const snap: WebModule = {
      name: 'snap',
      menu: [
        {
          key: '/snap',
          label: (s) => (s.user.role === 'grid_worker' ? 'nav.snap' : 'nav.report') as MessageKey,
          icon: 'c',
          order: 1,
        },
      ],
    };
    expect(buildMenu([snap], session('grid_worker', []), t)[0]?.label).toBe('«nav.snap»');
    expect(buildMenu([snap], session('resident', []), t)[0]?.label).toBe('«nav.report»');
  });

  it('highlights the entry with the longest matching prefix, and opens its group', () => {
    const modules = [home, things];
    expect(selectedMenuKey(modules, '/things')).toBe('/things');
    expect(selectedMenuKey(modules, '/things/archive/2026')).toBe('/things/archive');
    expect(selectedMenuKey(modules, '/thing/7')).toBe('/things');
    expect(selectedMenuKey(modules, '/elsewhere')).toBe('/');
    expect(openMenuKeys(modules, '/thing/7')).toEqual(['things']);
    expect(openMenuKeys(modules, '/last')).toEqual([]);
  });

  it('lists header items in order', () => {
    const more: WebModule = { name: 'more', header: [{ key: 'first', order: 0, component: never }] };
    expect(buildHeaderItems([things, more]).map((h) => h.key)).toEqual(['first', 'bell']);
  });

  it("merges each module's messages into the shared tree, nav labels included, and refuses a key twice", () => {
    const shared = { app: { name: '楼院' }, nav: { home: '首页' } };
    const zh = mergeMessages(shared, [things.messages?.zh, undefined]);
    expect(zh).toEqual({
      app: { name: '楼院' },
      nav: { home: '首页', things: '物品' },
      things: { title: '物品列表' },
    });
    expect(shared.nav).toEqual({ home: '首页' });
    expect(() => mergeMessages(shared, [{ nav: { home: 'again' } }])).toThrow(/nav\.home/);
  });
});

describe("the console's own modules", async () => {
  const { webModules } = await import('../modules');
  const { zhCN } = await import('../i18n/zh-CN');
  const zh = mergeMessages(
    zhCN,
    webModules.map((m) => m.messages?.zh),
  );
  const lookup = (key: string) =>
    String(key.split('.').reduce<unknown>((tree, part) => (tree as Record<string, unknown>)[part], zh));
  const labels = (role: string, capabilities: string[]) =>
    buildMenu(webModules, session(role, capabilities), lookup).map((n) =>
      'children' in n ? { [n.label]: n.children.map((c) => c.label) } : n.label,
    );
  const account = { 我的账号: ['修改密码', 'API 令牌'] };

  it('give the menu as the console had it, per role', () => {
    const all = [
      'dashboard.read',
      'places.read',
      'grids.read',
      'residents.read',
      'residents.import',
      'cases.read',
      'cases.report',
      'cases.configure',
      'users.read',
      'audit.read',
    ];
    expect(labels('district_admin', all)).toEqual([
      '驾驶舱',
      '首页',
      '地点与楼院',
      '网格地图',
      '网格缺员',
      '实有人口',
      '居民导入',
      { 案件: ['案件列表', '我要反映', '消息', '类别管理', '工作日历'] },
      '账号管理',
      '审计日志',
      account,
    ]);
    const gridWorker = ['places.read', 'grids.read', 'cases.read', 'cases.report', 'cases.handle'];
    expect(labels('grid_worker', gridWorker)).toEqual([
      '首页',
      '地点与楼院',
      '网格地图',
      '网格缺员',
      { 案件: ['案件列表', '随手拍', '我的任务', '消息', '工作日历'] },
      account,
    ]);
    expect(labels('resident', ['cases.report'])).toEqual([
      '首页',
      { 案件: ['我要反映', '我的反映'] },
      account,
    ]);
    expect(labels('audit_admin', ['audit.read'])).toEqual(['首页', '审计日志', account]);
  });

  it('highlight and open the menu as the console did', () => {
    const cases: [string, string, string[]][] = [
      ['/', '/', []],
      ['/dashboard', '/dashboard', []],
      ['/places/410103', '/places', []],
      ['/grids', '/grids', []],
      ['/grids/gaps', '/grids/gaps', []],
      ['/residents', '/residents', []],
      ['/residents/import', '/residents/import', []],
      ['/cases', '/cases', ['cases']],
      ['/cases/42', '/cases', ['cases']],
      ['/cases/categories', '/cases/categories', ['cases']],
      ['/cases/calendar', '/cases/calendar', ['cases']],
      ['/inbox', '/inbox', ['cases']],
      ['/m/report', '/m/report', ['cases']],
      ['/m/tasks', '/m/tasks', ['cases']],
      ['/m/cases/7', '/m/tasks', ['cases']],
      ['/m/mine', '/m/mine', ['cases']],
      ['/users', '/users', []],
      ['/audit', '/audit', []],
      ['/account/password', '/account/password', ['account']],
      ['/account/tokens', '/account/tokens', ['account']],
      ['/nowhere', '/', []],
    ];
    for (const [path, key, open] of cases) {
      expect([path, selectedMenuKey(webModules, path)]).toEqual([path, key]);
      expect([path, openMenuKeys(webModules, path)]).toEqual([path, open]);
    }
  });

  it('keep the URLs and guards of the console', () => {
    const routes = buildRoutes(webModules).map((r) => `${r.shell} ${r.path} ${r.capability ?? '-'}`);
    expect(routes.sort()).toEqual(
      [
        'public /login -',
        'public /report -',
        'public /report/:token -',
        'bare /screen dashboard.read',
        'console / -',
        'console /dashboard dashboard.read',
        'console /places/:code? places.read',
        'console /grids -',
        'console /grids/gaps -',
        'console /residents residents.read',
        'console /residents/import residents.import',
        'console /users users.read',
        'console /audit audit.read',
        'console /cases cases.read',
        'console /cases/categories cases.configure',
        'console /cases/calendar cases.read',
        'console /cases/:id cases.read',
        'console /inbox -',
        'console /m/report cases.report',
        'console /m/tasks cases.handle',
        'console /m/mine cases.report',
        'console /m/cases/:id cases.report',
        'console /account/password -',
        'console /account/tokens -',
      ].sort(),
    );
  });
});

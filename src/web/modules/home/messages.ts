/**
 * The home module's messages: its top-level subtrees of the one i18next resource (and its menu labels under
 * `nav`). `en` is typed from `zh`, so a missing or extra English key fails the type check.
 */
export const zh = {
  nav: {
    home: '首页',
  },
  home: {
    welcome: '{{name}}，您好',
    role: '角色',
    place: '所属地点',
    stats: '辖区概况',
    statsOf: '{{name}} 辖区内',
    noStats: '您的角色没有可显示的统计数据',
    openPlaces: '浏览地点树',
  },
};

export const en: typeof zh = {
  nav: {
    home: 'Home',
  },
  home: {
    welcome: 'Hello, {{name}}',
    role: 'Role',
    place: 'Place',
    stats: 'Overview',
    statsOf: 'Within {{name}}',
    noStats: 'Your role has no figures to show',
    openPlaces: 'Browse the place tree',
  },
};

declare module '../../app/i18n' {
  interface MessageParts {
    home: typeof zh;
  }
}

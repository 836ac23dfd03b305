import { BellOutlined, CalendarOutlined, ProfileOutlined, SettingOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { casesMenuGroup as group } from './menuGroup';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'cases',
  routes: [
    {
      path: '/cases',
      shell: 'console',
      capability: 'cases.read',
      page: lazyPage(() => import('./CasesPage'), 'CasesPage'),
    },
    {
      path: '/cases/categories',
      shell: 'console',
      capability: 'cases.configure',
      page: lazyPage(() => import('./CategoriesPage'), 'CategoriesPage'),
    },
    {
      path: '/cases/calendar',
      shell: 'console',
      capability: 'cases.read',
      page: lazyPage(() => import('./CalendarPage'), 'CalendarPage'),
    },
    {
      path: '/cases/:id',
      shell: 'console',
      capability: 'cases.read',
      page: lazyPage(() => import('./CaseDetailPage'), 'CaseDetailPage'),
    },
    { path: '/inbox', shell: 'console', page: lazyPage(() => import('./InboxPage'), 'InboxPage') },
  ],
  // the mobile module's entries (orders 2 to 4) sit between the list and the inbox
  menu: [
    {
      key: '/cases',
      label: 'nav.caseList',
      icon: <ProfileOutlined />,
      order: 1,
      group,
      capability: 'cases.read',
    },
    { key: '/inbox', label: 'nav.inbox', icon: <BellOutlined />, order: 5, group, capability: 'cases.read' },
    {
      key: '/cases/categories',
      label: 'nav.categories',
      icon: <SettingOutlined />,
      order: 6,
      group,
      capability: 'cases.configure',
    },
    {
      key: '/cases/calendar',
      label: 'nav.calendar',
      icon: <CalendarOutlined />,
      order: 7,
      group,
      capability: 'cases.read',
    },
  ],
  header: [{ key: 'inbox', order: 10, component: () => import('./InboxBell') }],
  messages: { zh, en },
};

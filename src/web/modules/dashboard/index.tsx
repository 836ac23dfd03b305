import { DashboardOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'dashboard',
  routes: [
    {
      path: '/dashboard',
      shell: 'console',
      capability: 'dashboard.read',
      page: lazyPage(() => import('./DashboardPage'), 'DashboardPage'),
    },
    // the wall screen: behind the login, outside the console layout
    {
      path: '/screen',
      shell: 'bare',
      capability: 'dashboard.read',
      page: lazyPage(() => import('./ScreenPage'), 'ScreenPage'),
    },
  ],
  // the command dashboard comes first for those who have it
  menu: [
    {
      key: '/dashboard',
      label: 'nav.dashboard',
      icon: <DashboardOutlined />,
      order: 10,
      capability: 'dashboard.read',
    },
  ],
  messages: { zh, en },
};

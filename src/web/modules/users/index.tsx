import { TeamOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'users',
  routes: [
    {
      path: '/users',
      shell: 'console',
      capability: 'users.read',
      page: lazyPage(() => import('./UsersPage'), 'UsersPage'),
    },
  ],
  menu: [{ key: '/users', label: 'nav.users', icon: <TeamOutlined />, order: 80, capability: 'users.read' }],
  messages: { zh, en },
};

import { UserSwitchOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'staff',
  routes: [{ path: '/grids/gaps', shell: 'console', page: lazyPage(() => import('./GapsPage'), 'GapsPage') }],
  menu: [
    {
      key: '/grids/gaps',
      label: 'nav.gridGaps',
      icon: <UserSwitchOutlined />,
      order: 41,
      capability: 'grids.read',
    },
  ],
  messages: { zh, en },
};

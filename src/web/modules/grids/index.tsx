import { GlobalOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'grids',
  routes: [{ path: '/grids', shell: 'console', page: lazyPage(() => import('./GridsPage'), 'GridsPage') }],
  menu: [
    { key: '/grids', label: 'nav.grids', icon: <GlobalOutlined />, order: 40, capability: 'grids.read' },
  ],
  messages: { zh, en },
};

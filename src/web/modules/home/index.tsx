import { HomeOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'home',
  routes: [{ path: '/', shell: 'console', page: lazyPage(() => import('./HomePage'), 'HomePage') }],
  menu: [{ key: '/', label: 'nav.home', icon: <HomeOutlined />, order: 20 }],
  messages: { zh, en },
};

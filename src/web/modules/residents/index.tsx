import { IdcardOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'residents',
  routes: [
    {
      path: '/residents',
      shell: 'console',
      capability: 'residents.read',
      page: lazyPage(() => import('./ResidentsPage'), 'ResidentsPage'),
    },
  ],
  menu: [
    {
      key: '/residents',
      label: 'nav.residents',
      icon: <IdcardOutlined />,
      order: 50,
      capability: 'residents.read',
    },
  ],
  messages: { zh, en },
};

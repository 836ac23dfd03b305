import { UploadOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'imports',
  routes: [
    {
      path: '/residents/import',
      shell: 'console',
      capability: 'residents.import',
      page: lazyPage(() => import('./ImportPage'), 'ImportPage'),
    },
  ],
  menu: [
    {
      key: '/residents/import',
      label: 'nav.importResidents',
      icon: <UploadOutlined />,
      order: 60,
      capability: 'residents.import',
    },
  ],
  messages: { zh, en },
};

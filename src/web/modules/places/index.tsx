import { ApartmentOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'places',
  routes: [
    {
      path: '/places/:code?',
      shell: 'console',
      capability: 'places.read',
      page: lazyPage(() => import('./PlacesPage'), 'PlacesPage'),
    },
  ],
  menu: [
    {
      key: '/places',
      label: 'nav.places',
      icon: <ApartmentOutlined />,
      order: 30,
      capability: 'places.read',
    },
  ],
  messages: { zh, en },
};

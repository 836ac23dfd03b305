import { KeyOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { lazyPage, type WebMenuGroup, type WebModule } from '../../app/module-kit';
import { en, zh } from './messages';

const account: WebMenuGroup = { key: 'account', label: 'nav.account', icon: <UserOutlined />, order: 100 };

export const module: WebModule = {
  name: 'auth',
  routes: [
    { path: '/login', shell: 'public', page: lazyPage(() => import('./LoginPage'), 'LoginPage') },
    {
      path: '/account/password',
      shell: 'console',
      page: lazyPage(() => import('./ChangePasswordPage'), 'ChangePasswordPage'),
    },
    { path: '/account/tokens', shell: 'console', page: lazyPage(() => import('./TokensPage'), 'TokensPage') },
  ],
  menu: [
    { key: '/account/password', label: 'nav.password', icon: <LockOutlined />, order: 1, group: account },
    { key: '/account/tokens', label: 'nav.tokens', icon: <KeyOutlined />, order: 2, group: account },
  ],
  messages: { zh, en },
};

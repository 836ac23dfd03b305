import { AuditOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'audit',
  routes: [
    {
      path: '/audit',
      shell: 'console',
      capability: 'audit.read',
      page: lazyPage(() => import('./AuditPage'), 'AuditPage'),
    },
  ],
  menu: [{ key: '/audit', label: 'nav.audit', icon: <AuditOutlined />, order: 90, capability: 'audit.read' }],
  messages: { zh, en },
};

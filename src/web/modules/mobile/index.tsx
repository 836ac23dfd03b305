import { CameraOutlined, CarryOutOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/module-kit';
import { casesMenuGroup as group } from '../cases/menuGroup';
import { en, zh } from './messages';

export const module: WebModule = {
  name: 'mobile',
  routes: [
    // the public pages: reporting without an account, and following a report by its token
    {
      path: '/report',
      shell: 'public',
      page: lazyPage(() => import('./PublicReportPage'), 'PublicReportPage'),
    },
    {
      path: '/report/:token',
      shell: 'public',
      page: lazyPage(() => import('./PublicCasePage'), 'PublicCasePage'),
    },
    {
      path: '/m/report',
      shell: 'console',
      capability: 'cases.report',
      page: lazyPage(() => import('./MobileReportPage'), 'MobileReportPage'),
    },
    {
      path: '/m/tasks',
      shell: 'console',
      capability: 'cases.handle',
      page: lazyPage(() => import('./MobileCasesPages'), 'MobileTasksPage'),
    },
    {
      path: '/m/mine',
      shell: 'console',
      capability: 'cases.report',
      page: lazyPage(() => import('./MobileCasesPages'), 'MobileMinePage'),
    },
    {
      path: '/m/cases/:id',
      shell: 'console',
      capability: 'cases.report',
      page: lazyPage(() => import('./MobileCasesPages'), 'MobileCasePage'),
    },
  ],
  menu: [
    {
      key: '/m/report',
      label: (session) => (session.user.role === 'grid_worker' ? 'nav.snap' : 'nav.report'),
      icon: <CameraOutlined />,
      order: 2,
      group,
      capability: 'cases.report',
    },
    {
      key: '/m/tasks',
      label: 'nav.tasks',
      icon: <CarryOutOutlined />,
      order: 3,
      group,
      visible: (session) => session.user.role === 'grid_worker' || session.user.role === 'department_staff',
      // a case opened from the task list keeps the list highlighted
      match: ['/m/tasks', '/m/cases'],
    },
    {
      key: '/m/mine',
      label: 'nav.mine',
      icon: <CarryOutOutlined />,
      order: 4,
      group,
      visible: (session) => session.user.role === 'resident',
    },
  ],
  messages: { zh, en },
};

import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  CameraOutlined,
  CarryOutOutlined,
  FileSearchOutlined,
  ProfileOutlined,
  SettingOutlined,
  DownOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  TeamOutlined,
  TranslationOutlined,
  UploadOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Alert, App, Avatar, Button, Drawer, Dropdown, Layout, Menu, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { InboxBell } from '../modules/cases/InboxPage';
import { useIsPhone } from './hooks';
import { currentLang, setLang } from './i18n';
import { useCurrentSession, useSession } from './session';

const { Header, Sider, Content } = Layout;

type MenuItem = Required<MenuProps>['items'][number];

/** The menu key that matches the current path. */
function selectedKey(pathname: string): string {
  if (pathname.startsWith('/dashboard')) return '/dashboard';
  if (pathname.startsWith('/places')) return '/places';
  if (pathname.startsWith('/grids/gaps')) return '/grids/gaps';
  if (pathname.startsWith('/grids')) return '/grids';
  if (pathname.startsWith('/residents/import')) return '/residents/import';
  if (pathname.startsWith('/residents')) return '/residents';
  if (pathname.startsWith('/users')) return '/users';
  if (pathname.startsWith('/audit')) return '/audit';
  if (pathname.startsWith('/cases/categories')) return '/cases/categories';
  if (pathname.startsWith('/cases/calendar')) return '/cases/calendar';
  if (pathname.startsWith('/cases')) return '/cases';
  if (pathname.startsWith('/m/')) return pathname.startsWith('/m/cases') ? '/m/tasks' : pathname;
  if (pathname.startsWith('/inbox')) return '/inbox';
  if (pathname.startsWith('/account/password')) return '/account/password';
  if (pathname.startsWith('/account/tokens')) return '/account/tokens';
  return '/';
}

function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can, capabilities, user } = useCurrentSession();
  const location = useLocation();
  const navigate = useNavigate();
  const items: MenuItem[] = [
    // the command dashboard comes first for those who have it
    ...(can('dashboard.read')
      ? [{ key: '/dashboard', icon: <DashboardOutlined />, label: t('nav.dashboard') }]
      : []),
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    ...(can('places.read') ? [{ key: '/places', icon: <ApartmentOutlined />, label: t('nav.places') }] : []),
    ...(capabilities.includes('grids.read')
      ? [
          { key: '/grids', icon: <GlobalOutlined />, label: t('nav.grids') },
          { key: '/grids/gaps', icon: <UserSwitchOutlined />, label: t('nav.gridGaps') },
        ]
      : []),
    ...(can('residents.read')
      ? [{ key: '/residents', icon: <IdcardOutlined />, label: t('nav.residents') }]
      : []),
    ...(can('residents.import')
      ? [{ key: '/residents/import', icon: <UploadOutlined />, label: t('nav.importResidents') }]
      : []),
    ...(can('cases.read') || can('cases.report')
      ? [
          {
            key: 'cases',
            icon: <FileSearchOutlined />,
            label: t('nav.cases'),
            children: [
              ...(can('cases.read')
                ? [{ key: '/cases', icon: <ProfileOutlined />, label: t('nav.caseList') }]
                : []),
              ...(can('cases.report')
                ? [
                    {
                      key: '/m/report',
                      icon: <CameraOutlined />,
                      label: user.role === 'grid_worker' ? t('nav.snap') : t('nav.report'),
                    },
                  ]
                : []),
              ...(user.role === 'grid_worker' || user.role === 'department_staff'
                ? [{ key: '/m/tasks', icon: <CarryOutOutlined />, label: t('nav.tasks') }]
                : []),
              ...(user.role === 'resident'
                ? [{ key: '/m/mine', icon: <CarryOutOutlined />, label: t('nav.mine') }]
                : []),
              ...(can('cases.read')
                ? [{ key: '/inbox', icon: <BellOutlined />, label: t('nav.inbox') }]
                : []),
              ...(can('cases.configure')
                ? [{ key: '/cases/categories', icon: <SettingOutlined />, label: t('nav.categories') }]
                : []),
              ...(can('cases.read')
                ? [{ key: '/cases/calendar', icon: <CalendarOutlined />, label: t('nav.calendar') }]
                : []),
            ],
          },
        ]
      : []),
    ...(can('users.read') ? [{ key: '/users', icon: <TeamOutlined />, label: t('nav.users') }] : []),
    ...(can('audit.read') ? [{ key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') }] : []),
    {
      key: 'account',
      icon: <UserOutlined />,
      label: t('nav.account'),
      children: [
        { key: '/account/password', icon: <LockOutlined />, label: t('nav.password') },
        { key: '/account/tokens', icon: <KeyOutlined />, label: t('nav.tokens') },
      ],
    },
  ];
  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={[selectedKey(location.pathname)]}
      defaultOpenKeys={
        location.pathname.startsWith('/account')
          ? ['account']
          : /^\/(cases|m\/|inbox)/.test(location.pathname)
            ? ['cases']
            : []
      }
      data-testid="side-menu"
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      aria-label={t('lang.switchLabel')}
      data-testid="lang-switch"
      onClick={() => void setLang(currentLang() === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.other')}
    </Button>
  );
}

function UserMenu({ phone }: { phone: boolean }) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const { logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const placeLabel = t('header.place', { name: user.place.name, code: user.place.code });
  const items: MenuItem[] = [
    ...(phone
      ? [
          {
            key: 'who',
            disabled: true,
            label: (
              <div className="ly-user-menu-who">
                <div>{user.displayName}</div>
                <Typography.Text type="secondary">{placeLabel}</Typography.Text>
              </div>
            ),
          },
          { type: 'divider' as const },
        ]
      : []),
    {
      key: 'password',
      icon: <LockOutlined />,
      label: <span data-testid="menu-password">{t('nav.password')}</span>,
    },
    { key: 'tokens', icon: <KeyOutlined />, label: <span data-testid="menu-tokens">{t('nav.tokens')}</span> },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('nav.logout')}</span> },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate('/account/password');
    if (key === 'tokens') void navigate('/account/tokens');
    if (key === 'logout') {
      void logout().then(
        () => {
          void message.success(t('login.loggedOut'));
          void navigate('/login', { replace: true });
        },
        () => void navigate('/login', { replace: true }),
      );
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="ly-user-button" data-testid="user-menu" aria-label={t('nav.userMenu')}>
        <Avatar size="small" icon={<UserOutlined />} className="ly-avatar" />
        {!phone && (
          <span className="ly-user-text">
            <span data-testid="user-name">{user.displayName}</span>
            <Typography.Text type="secondary" className="ly-user-place" data-testid="user-place">
              {placeLabel}
            </Typography.Text>
          </span>
        )}
        <DownOutlined className="ly-user-caret" />
      </Button>
    </Dropdown>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { user, can } = useCurrentSession();
  const location = useLocation();
  const onPasswordPage = location.pathname.startsWith('/account/password');

  return (
    <Layout className="ly-root">
      {!phone && (
        <Sider width={216} className="ly-sider" breakpoint="lg" collapsedWidth={64}>
          <Link to="/" className="ly-logo" data-testid="logo">
            <span className="ly-logo-mark">楼</span>
            <span className="ly-logo-text">{t('app.name')}</span>
          </Link>
          <SideMenu />
        </Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          className="ly-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
          data-testid="menu-drawer"
        >
          <div className="ly-logo">
            <span className="ly-logo-mark">楼</span>
            <span className="ly-logo-text">{t('app.name')}</span>
          </div>
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Header className="ly-header">
          {phone && (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setDrawerOpen(true)}
                aria-label={t('nav.openMenu')}
                data-testid="menu-toggle"
              />
              <Link to="/" className="ly-header-title">
                {t('app.name')}
              </Link>
            </>
          )}
          {!phone && <span className="ly-header-subtitle">{t('app.subtitle')}</span>}
          <div className="ly-header-spacer" />
          <InboxBell enabled={can('cases.read')} />
          <LanguageSwitch />
          <UserMenu phone={phone} />
        </Header>
        <Content className="ly-content">
          {user.mustChangePassword && !onPasswordPage && (
            <Alert
              type="warning"
              showIcon
              className="ly-banner"
              data-testid="must-change-banner"
              title={t('mustChange.banner')}
              action={
                <Link to="/account/password" data-testid="must-change-link">
                  {t('mustChange.link')}
                </Link>
              }
            />
          )}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}

import {
  DownOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, App, Avatar, Button, Drawer, Dropdown, Layout, Menu, Typography, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { webModules } from '../modules';
import { useIsPhone } from './hooks';
import { LanguageSwitch } from './LanguageSwitch';
import { buildHeaderItems, buildMenu, openMenuKeys, selectedMenuKey } from './module-kit';
import { useCurrentSession, useSession } from './session';

const { Header, Sider, Content } = Layout;

type MenuItem = Required<MenuProps>['items'][number];

// What the modules put in the header (the inbox bell, say), each loaded lazily.
const headerItems = buildHeaderItems(webModules);

/** The side menu: every module's entries this account may see, in their groups and order. */
function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const location = useLocation();
  const navigate = useNavigate();
  const items: MenuItem[] = buildMenu(webModules, session, (key) => t(key));
  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={[selectedMenuKey(webModules, location.pathname)]}
      defaultOpenKeys={openMenuKeys(webModules, location.pathname)}
      data-testid="side-menu"
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
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
  const { user } = useCurrentSession();
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
          {headerItems.map(({ key, Component }) => (
            <Suspense key={key} fallback={null}>
              <Component />
            </Suspense>
          ))}
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

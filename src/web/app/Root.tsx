import { App as AntApp, ConfigProvider, Spin, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
// The date pickers take weekday and month names from dayjs; load its Chinese names (dayjs comes with antd).
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { webModules } from '../modules';
import { NotFound, RequireAuth, RequireCapability } from './guards';
import { useMediaQuery } from './hooks';
import { buildRoutes, type RouteDef } from './module-kit';
import { QueryProvider } from './query';
import { SessionProvider } from './session';

// Every page is its own chunk, loaded when its route is first opened (the modules declare them); so is the
// console layout (menu, drawer, header), which the public pages never show.
const routes = buildRoutes(webModules);
const AppLayout = lazy(() => import('./Layout').then((m) => ({ default: m.AppLayout })));

/** The shared fallback while a page's chunk loads. */
export function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="ly-center-pad">
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

function page({ Page, capability }: RouteDef) {
  const element = (
    <Lazy>
      <Page />
    </Lazy>
  );
  return capability ? <RequireCapability capability={capability}>{element}</RequireCapability> : element;
}

function AppRoutes() {
  return (
    <Routes>
      {routes
        .filter((r) => r.shell === 'public')
        .map((r) => (
          <Route key={r.path} path={r.path} element={page(r)} />
        ))}
      {routes
        .filter((r) => r.shell === 'bare')
        .map((r) => (
          <Route key={r.path} path={r.path} element={<RequireAuth>{page(r)}</RequireAuth>} />
        ))}
      <Route
        element={
          <RequireAuth>
            <Suspense
              fallback={
                <div className="ly-fullscreen-center">
                  <Spin size="large" />
                </div>
              }
            >
              <AppLayout />
            </Suspense>
          </RequireAuth>
        }
      >
        {routes
          .filter((r) => r.shell === 'console')
          .map((r) =>
            r.path === '/' ? (
              <Route key="/" index element={page(r)} />
            ) : (
              <Route key={r.path} path={r.path} element={page(r)} />
            ),
          )}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** Providers (antd theme and locale, server state, session, router) around the routes; the UI language drives all three. */
export function Root() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  // Honour the system's "reduce motion" setting (antd animates popups, drawers and modals otherwise).
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <ConfigProvider
      locale={english ? enUS : zhCNLocale}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#1f5fbf', borderRadius: 6, motion: !reducedMotion },
        components: { Layout: { headerBg: '#ffffff', headerPadding: '0 16px', siderBg: '#001529' } },
      }}
    >
      <AntApp>
        <QueryProvider>
          <SessionProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </SessionProvider>
        </QueryProvider>
      </AntApp>
    </ConfigProvider>
  );
}

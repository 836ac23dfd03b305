import { App as AntApp, ConfigProvider, Spin, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
// The date pickers take weekday and month names from dayjs; load its Chinese names (dayjs comes with antd).
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuditPage } from '../modules/audit/AuditPage';
import { ChangePasswordPage } from '../modules/auth/ChangePasswordPage';
import { LoginPage } from '../modules/auth/LoginPage';
import { TokensPage } from '../modules/auth/TokensPage';
import { GridsPage } from '../modules/grids/GridsPage';
import { HomePage } from '../modules/home/HomePage';
import { ImportPage } from '../modules/imports/ImportPage';
import { PlacesPage } from '../modules/places/PlacesPage';
import { ResidentsPage } from '../modules/residents/ResidentsPage';
import { GapsPage } from '../modules/staff/GapsPage';
import { UsersPage } from '../modules/users/UsersPage';
import { CalendarPage } from '../modules/cases/CalendarPage';
import { CaseDetailPage } from '../modules/cases/CaseDetailPage';
import { CasesPage } from '../modules/cases/CasesPage';
import { CategoriesPage } from '../modules/cases/CategoriesPage';
import { InboxPage } from '../modules/cases/InboxPage';
import { MobileCasePage, MobileMinePage, MobileTasksPage } from '../modules/mobile/MobileCasesPages';
import { MobileReportPage } from '../modules/mobile/MobileReportPage';
import { PublicCasePage, PublicReportPage } from '../modules/mobile/PublicPages';
import { NotFound, RequireAuth, RequireCapability } from './guards';
import { useMediaQuery } from './hooks';
import { AppLayout } from './Layout';
import { SessionProvider } from './session';

// The dashboard and the wall screen carry echarts: their own chunks, loaded when first opened.
const DashboardPage = lazy(() =>
  import('../modules/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const ScreenPage = lazy(() =>
  import('../modules/dashboard/ScreenPage').then((m) => ({ default: m.ScreenPage })),
);

function Lazy({ children }: { children: ReactNode }) {
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

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/report" element={<PublicReportPage />} />
      <Route path="/report/:token" element={<PublicCasePage />} />
      <Route
        path="/screen"
        element={
          <RequireAuth>
            <RequireCapability capability="dashboard.read">
              <Lazy>
                <ScreenPage />
              </Lazy>
            </RequireCapability>
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="dashboard"
          element={
            <RequireCapability capability="dashboard.read">
              <Lazy>
                <DashboardPage />
              </Lazy>
            </RequireCapability>
          }
        />
        <Route
          path="places/:code?"
          element={
            <RequireCapability capability="places.read">
              <PlacesPage />
            </RequireCapability>
          }
        />
        <Route path="grids" element={<GridsPage />} />
        <Route path="grids/gaps" element={<GapsPage />} />
        <Route
          path="residents"
          element={
            <RequireCapability capability="residents.read">
              <ResidentsPage />
            </RequireCapability>
          }
        />
        <Route
          path="residents/import"
          element={
            <RequireCapability capability="residents.import">
              <ImportPage />
            </RequireCapability>
          }
        />
        <Route
          path="users"
          element={
            <RequireCapability capability="users.read">
              <UsersPage />
            </RequireCapability>
          }
        />
        <Route
          path="audit"
          element={
            <RequireCapability capability="audit.read">
              <AuditPage />
            </RequireCapability>
          }
        />
        <Route
          path="cases"
          element={
            <RequireCapability capability="cases.read">
              <CasesPage />
            </RequireCapability>
          }
        />
        <Route
          path="cases/categories"
          element={
            <RequireCapability capability="cases.configure">
              <CategoriesPage />
            </RequireCapability>
          }
        />
        <Route
          path="cases/calendar"
          element={
            <RequireCapability capability="cases.read">
              <CalendarPage />
            </RequireCapability>
          }
        />
        <Route
          path="cases/:id"
          element={
            <RequireCapability capability="cases.read">
              <CaseDetailPage />
            </RequireCapability>
          }
        />
        <Route path="inbox" element={<InboxPage />} />
        <Route
          path="m/report"
          element={
            <RequireCapability capability="cases.report">
              <MobileReportPage />
            </RequireCapability>
          }
        />
        <Route
          path="m/tasks"
          element={
            <RequireCapability capability="cases.handle">
              <MobileTasksPage />
            </RequireCapability>
          }
        />
        <Route
          path="m/mine"
          element={
            <RequireCapability capability="cases.report">
              <MobileMinePage />
            </RequireCapability>
          }
        />
        <Route
          path="m/cases/:id"
          element={
            <RequireCapability capability="cases.report">
              <MobileCasePage />
            </RequireCapability>
          }
        />
        <Route path="account/password" element={<ChangePasswordPage />} />
        <Route path="account/tokens" element={<TokensPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** Providers (antd theme and locale, session, router) around the routes; the UI language drives all three. */
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
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { setApiLanguage } from './api/client';
import { LangProvider, useLang } from './i18n/i18n';
import { RequireLogin } from './session/require-login';
import { SessionProvider } from './session/session';
import { AppShell } from './shell/app-shell';
import { COMPLIANCE_ROUTES } from './compliance/routes';
import { WORKFLOW_ROUTES } from './workflow/routes';
import { VAULT_ROUTES } from './vault/routes';
import { LEDGER_ROUTES } from './ledger/routes';
import { OPERATIONS_ROUTES } from './operations/routes';
import { WORKSPACE_ROUTES } from './workspace/routes';
import { PORTAL_ROUTES } from './portal/routes';
import { ACCOUNTS_ROUTES } from './accounts/routes';

// Each screen is its own chunk, loaded when first visited.
const HomePage = lazy(() => import('./shell/home-page'));
const NotFoundPage = lazy(() => import('./shell/not-found-page'));
const LoginPage = lazy(() => import('./session/login-page'));
const LawIndexPage = lazy(() => import('./law/law-index-page'));
const ArticlePage = lazy(() => import('./law/article-page'));
const RegistryListPage = lazy(() => import('./registry/registry-list-page'));

/**
 * Darker than Ant Design's default blue and grey text so that links, buttons
 * and secondary text keep a contrast of at least 4.5:1 on white (WCAG 2.1 AA).
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  },
};

function Localised() {
  const { lang } = useLang();
  useEffect(() => setApiLanguage(lang), [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route element={<AppShell />}>
                <Route index element={<HomePage />} />
                <Route path="login" element={<LoginPage />} />
                <Route path="law" element={<LawIndexPage />} />
                <Route path="law/:n" element={<ArticlePage />} />
                <Route
                  path="registry/:kind"
                  element={
                    <RequireLogin>
                      <RegistryListPage />
                    </RequireLogin>
                  }
                />
                {COMPLIANCE_ROUTES}
                {WORKFLOW_ROUTES}
                {VAULT_ROUTES}
                {LEDGER_ROUTES}
                {OPERATIONS_ROUTES}
                {WORKSPACE_ROUTES}
                {PORTAL_ROUTES}
                {ACCOUNTS_ROUTES}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LangProvider>
      <Localised />
    </LangProvider>
  );
}

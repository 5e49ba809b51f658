import { Button, Layout, Menu, Segmented, Spin, Typography, type MenuProps } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { common } from '../i18n/common';
import { LANGS, useBilingual, useLang, useT, type Lang } from '../i18n/i18n';
import { registry } from '../i18n/registry';
import { shell } from '../i18n/shell';
import { useSession } from '../session/session';
import { menuRegistries, ownRecordKind } from './menu';
import { complianceMenuItems } from '../compliance/menu';
import { workflowMenuItems } from '../workflow/menu';
import { vaultMenuItems } from '../vault/menu';
import { ledgerMenuItems } from '../ledger/menu';
import { operationsMenuItems } from '../operations/menu';
import { workspaceMenuItems } from '../workspace/menu';
import { portalMenuItems } from '../portal/menu';
import { accountsMenuItems, ChangePasswordLink, passwordMenuItems } from '../accounts/menu';

const LANG_LABEL: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

export function PageLoading() {
  const t = useT(common);
  return (
    <div className="jf-page-loading" role="status" aria-live="polite">
      <Spin />
      <span className="jf-visually-hidden">{t('loading')}</span>
    </div>
  );
}

function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const t = useT(shell);
  return (
    <Segmented
      size="small"
      aria-label={t('language')}
      className="jf-lang-switch"
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      options={LANGS.map((l) => ({ value: l, label: <span lang={l}>{LANG_LABEL[l]}</span> }))}
    />
  );
}

function UserBox() {
  const { user, logout } = useSession();
  const t = useT(shell);
  const b = useBilingual();
  const navigate = useNavigate();
  if (user === undefined) return null;
  if (!user) {
    return (
      <Link to="/login" className="jf-header-link">
        {t('login')}
      </Link>
    );
  }
  return (
    <div className="jf-user" aria-label={t('loggedInAs')}>
      <span className="jf-user-name" data-testid="user-name">
        {user.username}
      </span>
      <span className="jf-user-role" data-testid="user-role">
        {b(user.roleName)}
        {user.jurisdictionName ? ` · ${user.jurisdictionName}` : ''}
      </span>
      <ChangePasswordLink />
      <Button
        size="small"
        onClick={async () => {
          await logout();
          navigate('/login');
        }}
      >
        {t('logout')}
      </Button>
    </div>
  );
}

function SideMenu() {
  const { user } = useSession();
  const t = useT(shell);
  const tr = useT(registry);
  const { pathname } = useLocation();
  const own = ownRecordKind(user?.role);
  const kinds = menuRegistries(user?.role);

  const items: MenuProps['items'] = [
    { key: '/', label: <Link to="/">{t('menuHome')}</Link> },
    ...(kinds.length
      ? [
          {
            key: 'registries',
            type: 'group' as const,
            label: t('menuRegistries'),
            children: kinds.map((k) => ({
              key: `/registry/${k}`,
              label: <Link to={`/registry/${k}`}>{k === own ? (own === 'providers' ? t('menuOwnProvider') : t('menuOwnUnit')) : tr(`kind.${k}`)}</Link>,
            })),
          },
        ]
      : []),
    ...complianceMenuItems(user?.role),
    ...workspaceMenuItems(user?.role),
    ...workflowMenuItems(user?.role),
    ...vaultMenuItems(user?.role),
    ...ledgerMenuItems(user?.role),
    ...operationsMenuItems(user?.role),
    ...portalMenuItems(user?.role),
    ...accountsMenuItems(user?.role),
    ...passwordMenuItems(!!user),
    { key: '/law', label: <Link to="/law">{t('menuLaw')}</Link> },
  ];
  const selected = pathname.startsWith('/law') ? '/law' : pathname.startsWith('/registry/') ? pathname.split('/').slice(0, 3).join('/') : pathname;
  return (
    <nav aria-label={t('mainNav')}>
      <Menu mode="inline" items={items} selectedKeys={[selected]} className="jf-side-menu" />
    </nav>
  );
}

/** Below Ant Design's `md` (768 px) the side menu becomes a drawer opened from the header. */
const NARROW = '(max-width: 767.98px)';
const isNarrow = () => typeof window !== 'undefined' && window.matchMedia(NARROW).matches;

/** Header, side menu, and the page. */
export function AppShell() {
  const t = useT(shell);
  const tc = useT(common);
  const { pathname } = useLocation();
  const [narrow, setNarrow] = useState(isNarrow);
  const [collapsed, setCollapsed] = useState(isNarrow);
  // On a phone the menu closes once a page is chosen.
  useEffect(() => {
    if (narrow) setCollapsed(true);
  }, [pathname, narrow]);
  return (
    <Layout className="jf-layout">
      <a href="#main" className="jf-skip-link">
        {t('skipToContent')}
      </a>
      <Layout.Header className="jf-header">
        {narrow && (
          <Button className="jf-menu-button" aria-label={t('mainNav')} aria-expanded={!collapsed} aria-controls="jf-side-menu" onClick={() => setCollapsed((c) => !c)}>
            <span aria-hidden="true">☰</span>
          </Button>
        )}
        <Link to="/" className="jf-brand">
          <span className="jf-brand-zh" lang="zh-CN">
            技防
          </span>
          <span className="jf-brand-en" lang="en">
            Jifang
          </span>
        </Link>
        <Typography.Text className="jf-brand-sub">{tc('productFullName')}</Typography.Text>
        <div className="jf-header-right">
          <LanguageSwitch />
          <UserBox />
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          id="jf-side-menu"
          width={208}
          theme="light"
          className={narrow ? 'jf-sider jf-sider-narrow' : 'jf-sider'}
          breakpoint="md"
          collapsedWidth={0}
          collapsed={collapsed}
          trigger={null}
          onBreakpoint={(broken) => {
            setNarrow(broken);
            setCollapsed(broken);
          }}
        >
          <SideMenu />
        </Layout.Sider>
        <Layout>
          <Layout.Content id="main" tabIndex={-1} className="jf-content">
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
          <Layout.Footer className="jf-footer">{t('footer')}</Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}

import { Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useBilingual, useT } from '../i18n/i18n';
import type { SessionUser } from '../session/session';
import { PageLoading } from '../shell/app-shell';
import { workspace } from './i18n';
import { CitizenWorkspace, InvestigatorWorkspace, KeyUnitWorkspace, OversightWorkspace, ProviderWorkspace, RegistriesWorkspace, StationWorkspace } from './role-workspaces';
import { WorkspaceTour } from './tour';
import { isSupervisor } from './types';
import './workspace.css';

// The dashboard and its charts are a chunk of their own, loaded only for those who supervise.
const DashboardView = lazy(() => import('./dashboard-view'));

function Body({ user }: { user: SessionUser }) {
  if (isSupervisor(user.role)) {
    return (
      <Suspense fallback={<PageLoading />}>
        <DashboardView />
      </Suspense>
    );
  }
  switch (user.role) {
    case 'station_officer':
      return <StationWorkspace />;
    case 'key_unit':
      return <KeyUnitWorkspace user={user} />;
    case 'provider':
      return <ProviderWorkspace />;
    case 'investigator':
      return <InvestigatorWorkspace />;
    case 'citizen':
      return <CitizenWorkspace />;
    case 'oversight':
      return <OversightWorkspace />;
    default:
      return <RegistriesWorkspace user={user} />;
  }
}

/** The logged-in user's workspace: the one place where their work is, for their role. */
export function Workspace({ user }: { user: SessionUser }) {
  const t = useT(workspace);
  const b = useBilingual();
  const intro = `intro.${user.role}`;
  return (
    <div className="jf-page jf-ws" data-testid={`workspace-${user.role}`}>
      <header className="jf-ws-header" data-tour="header">
        <div>
          <Typography.Title level={1} className="jf-ws-title">
            {t('workspaceTitle')}
          </Typography.Title>
          <Typography.Paragraph className="jf-ws-who">
            {b(user.roleName)}
            {user.jurisdictionName ? ` · ${user.jurisdictionName}` : ''}
          </Typography.Paragraph>
          <Typography.Paragraph className="jf-ws-intro">{t((intro in workspace['zh-CN'] ? intro : 'intro.admin') as never)}</Typography.Paragraph>
        </div>
        <WorkspaceTour role={user.role} username={user.username} />
      </header>
      <Body user={user} />
    </div>
  );
}

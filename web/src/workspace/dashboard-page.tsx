import { Typography } from 'antd';
import { Suspense, lazy } from 'react';
import { useT } from '../i18n/i18n';
import { PageLoading } from '../shell/app-shell';
import { useDocumentTitle } from '../ui/document-title';
import { workspace } from './i18n';

const DashboardView = lazy(() => import('./dashboard-view'));

/** `/dashboard`: the supervision dashboard on its own page, for oversight and the administrator as for supervisors. */
export default function DashboardPage() {
  const t = useT(workspace);
  useDocumentTitle(t('menuDashboard'));
  return (
    <div className="jf-page jf-ws">
      <Typography.Title level={1}>{t('menuDashboard')}</Typography.Title>
      <Suspense fallback={<PageLoading />}>
        <DashboardView />
      </Suspense>
    </div>
  );
}

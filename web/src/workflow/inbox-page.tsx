import { Alert, Space, Typography } from 'antd';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { workflow } from './i18n';
import { LinkButton } from './link-button';
import { ItemsTable } from './items-table';
import { openersFor } from './menu';
import type { Item } from './types';
import './workflow.css';

/** What waits for the caller, soonest deadline first, overdue flagged. */
export default function InboxPage() {
  const t = useT(workflow);
  const { user } = useSession();
  useDocumentTitle(t('inboxTitle'));
  const inbox = useApi<{ total: number; overdue: number; items: Item[] }>('/api/v1/workflow/inbox');
  return (
    <div className="jf-page jf-wf-inbox">
      <Typography.Title level={1}>{t('inboxTitle')}</Typography.Title>
      <Typography.Paragraph>{t('inboxIntro')}</Typography.Paragraph>
      <Space wrap className="jf-wf-new-links">
        {openersFor(user?.role).map((m) => (
          <LinkButton key={m} to={`/work/new/${m}`}>
            {t('newItem')}：{t(`machine.${m}` as never)}
          </LinkButton>
        ))}
      </Space>
      <ApiErrorAlert error={inbox.error} onRetry={inbox.reload} />
      {inbox.data && inbox.data.overdue > 0 && <Alert type="error" showIcon title={t('overdueCount', { count: inbox.data.overdue })} className="jf-wf-overdue-alert" />}
      {inbox.data && inbox.data.total === 0 ? <Typography.Paragraph className="jf-muted">{t('inboxEmpty')}</Typography.Paragraph> : <ItemsTable items={inbox.data?.items ?? []} loading={inbox.loading} caption={t('inboxTitle')} />}
    </div>
  );
}

import { Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useBilingual, useT, type Bilingual } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { workflow } from './i18n';
import { chinaDateTime } from './types';
import './workflow.css';

interface Missed {
  id: number;
  itemId: number;
  machine: string;
  title: string;
  state: string;
  party: string;
  competentOrgan: string | null;
  divisionCode: string;
  dueAt: string;
  resolvedAt: string | null;
  hoursLate: number;
}
interface Refusal {
  id: number;
  at: string;
  user: { username: string | null; role: string; jurisdiction: string | null } | null;
  itemId: number | null;
  machine: string | null;
  transition: string | null;
  code: string;
  rule: string | null;
  detail: { message?: Bilingual };
}

/** Art 29, 36: who missed which deadline, and which attempts the platform refused. */
export default function OversightPage() {
  const t = useT(workflow);
  const b = useBilingual();
  useDocumentTitle(t('oversightTitle'));
  const missed = useApi<{ total: number; items: Missed[] }>('/api/v1/workflow/oversight/missed-deadlines', { limit: 200 });
  const refused = useApi<{ total: number; items: Refusal[] }>('/api/v1/workflow/oversight/refusals', { limit: 200 });
  return (
    <div className="jf-page jf-wf-oversight">
      <Typography.Title level={1}>{t('oversightTitle')}</Typography.Title>
      <Typography.Paragraph>{t('oversightIntro')}</Typography.Paragraph>
      <Typography.Title level={2}>{t('missedTitle')}</Typography.Title>
      <ApiErrorAlert error={missed.error} />
      <Table
        rowKey="id"
        size="small"
        loading={missed.loading}
        dataSource={missed.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('colTitle'), key: 'item', render: (_, r) => <Link to={`/work/items/${r.itemId}`}>{r.title}</Link> },
          { title: t('colMachine'), dataIndex: 'machine', render: (m: string) => t(`machine.${m}` as never) },
          { title: t('colDue'), dataIndex: 'dueAt', render: (v: string) => chinaDateTime(v) },
          { title: t('colLate'), dataIndex: 'hoursLate', align: 'right' },
          { title: t('colResolved'), dataIndex: 'resolvedAt', render: (v: string | null) => (v ? chinaDateTime(v) : t('stillOpen')) },
        ]}
      />
      <Typography.Title level={2}>{t('refusalsTitle')}</Typography.Title>
      <ApiErrorAlert error={refused.error} />
      <Table
        rowKey="id"
        size="small"
        loading={refused.loading}
        dataSource={refused.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('colWhen'), dataIndex: 'at', width: 150, render: (v: string) => chinaDateTime(v) },
          { title: t('colWho'), key: 'who', render: (_, r) => (r.user ? `${r.user.username ?? ''} ${r.user.jurisdiction ?? ''}` : t('party.system')) },
          { title: t('colCode'), dataIndex: 'code' },
          { title: t('colRule'), dataIndex: 'rule', render: (v: string | null) => (v ? <code>{v}</code> : '') },
          { title: t('colTitle'), key: 'msg', render: (_, r) => (r.detail.message ? b(r.detail.message) : '') },
          { title: '', key: 'item', render: (_, r) => (r.itemId ? <Link to={`/work/items/${r.itemId}`}>#{r.itemId}</Link> : '') },
        ]}
      />
    </div>
  );
}

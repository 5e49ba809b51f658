import { Button, Checkbox, Dropdown, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, download } from '../api/client';
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
  citation: { article: number; paragraph?: number; item?: number; label?: Bilingual; href?: string } | null;
  detail: { message?: Bilingual };
}

type MissedSort = 'due' | 'late' | 'item';
type Order = 'asc' | 'desc';

const PAGE_SIZES = [20, 50, 100, 200];
const MISSED_SORTS: MissedSort[] = ['due', 'late', 'item'];

const antOrder = (active: boolean, order: Order) => (active ? (order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null);
const sizeOf = (v: string | null) => (PAGE_SIZES.includes(Number(v)) ? Number(v) : 50);
const pageOf = (v: string | null) => Math.max(1, Number(v) || 1);

/** The article a refusal cites, as a link to it in the regulation. */
function articleHref(c: NonNullable<Refusal['citation']>): string {
  if (c.href) return c.href;
  const frag = c.paragraph ? `#p${c.paragraph}${c.item ? `-i${c.item}` : ''}` : '';
  return `/law/${c.article}${frag}`;
}

/**
 * Art 29, 36: who missed which deadline, and which attempts the platform
 * refused. Both lists sort and page on the server; their page, size, order
 * and filter live in the address (`m…` for missed deadlines, `r…` for
 * refusals), and each exports every page for the same filters.
 */
export default function OversightPage() {
  const t = useT(workflow);
  const b = useBilingual();
  useDocumentTitle(t('oversightTitle'));
  const [params, setParams] = useSearchParams();

  const mSortParam = params.get('mSort') as MissedSort | null;
  const mSort: MissedSort = mSortParam && MISSED_SORTS.includes(mSortParam) ? mSortParam : 'due';
  const mOrder: Order = params.get('mOrder') === 'asc' ? 'asc' : 'desc';
  const mOpen = params.get('mOpen') === 'true';
  const mSize = sizeOf(params.get('mSize'));
  const mPage = pageOf(params.get('mPage'));
  const rOrder: Order = params.get('rOrder') === 'asc' ? 'asc' : 'desc';
  const rSize = sizeOf(params.get('rSize'));
  const rPage = pageOf(params.get('rPage'));

  const missedFilters = { open: mOpen || undefined };
  const missed = useApi<{ total: number; items: Missed[] }>('/api/v1/workflow/oversight/missed-deadlines', {
    ...missedFilters,
    sort: mSort,
    order: mOrder,
    limit: mSize,
    offset: (mPage - 1) * mSize,
  });
  const refused = useApi<{ total: number; items: Refusal[] }>('/api/v1/workflow/oversight/refusals', { sort: 'at', order: rOrder, limit: rSize, offset: (rPage - 1) * rSize });

  const [exportError, setExportError] = useState<ApiError>();
  async function exportAs(url: string, query: Record<string, string | boolean | undefined>, name: string, format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download(url, { format, ...query }, `${name}.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }
  const exportMenu = (label: string, onPick: (format: 'csv' | 'xlsx') => void) => (
    <Dropdown
      menu={{
        items: [
          { key: 'csv', label: t('exportCsv') },
          { key: 'xlsx', label: t('exportXlsx') },
        ],
        onClick: ({ key }) => onPick(key as 'csv' | 'xlsx'),
      }}
    >
      <Button aria-label={label}>{t('exportMenu')} ▾</Button>
    </Dropdown>
  );

  /** Sets address parameters; a change that is not a page change starts that list again at its first page. */
  const set = (changes: Record<string, string | undefined>, pageKey: 'mPage' | 'rPage') => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!(pageKey in changes)) next.delete(pageKey);
    setParams(next);
  };

  return (
    <div className="jf-page jf-wf-oversight">
      <Typography.Title level={1}>{t('oversightTitle')}</Typography.Title>
      <Typography.Paragraph>{t('oversightIntro')}</Typography.Paragraph>
      <ApiErrorAlert error={exportError} />

      <Typography.Title level={2}>{t('missedTitle')}</Typography.Title>
      <search>
        <Space wrap className="jf-wf-filters">
          <Checkbox checked={mOpen} onChange={(e) => set({ mOpen: e.target.checked ? 'true' : undefined }, 'mPage')}>
            {t('openOnly')}
          </Checkbox>
          {exportMenu(t('missedExport'), (format) => void exportAs('/api/v1/workflow/oversight/missed-deadlines/export', { ...missedFilters, sort: mSort, order: mOrder }, 'missed-deadlines', format))}
        </Space>
      </search>
      <ApiErrorAlert error={missed.error} onRetry={missed.reload} />
      <Table<Missed>
        rowKey="id"
        size="small"
        loading={missed.loading}
        dataSource={missed.data?.items ?? []}
        title={() => <span className="jf-visually-hidden">{t('missedTitle')}</span>}
        pagination={{ current: mPage, pageSize: mSize, total: missed.data?.total ?? 0, pageSizeOptions: PAGE_SIZES, showSizeChanger: true, showTotal: (total) => t('missedTotal', { total }) }}
        onChange={(p, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const nextSort = (s?.order ? (s.columnKey as MissedSort) : 'due') ?? 'due';
          const nextOrder: Order = s?.order === 'ascend' ? 'asc' : 'desc';
          if (nextSort !== mSort || nextOrder !== mOrder) set({ mSort: nextSort === 'due' ? undefined : nextSort, mOrder: nextOrder === 'desc' ? undefined : nextOrder }, 'mPage');
          else if (p.current !== mPage || p.pageSize !== mSize) set({ mPage: p.pageSize !== mSize ? undefined : String(p.current), mSize: String(p.pageSize) }, 'mPage');
        }}
        columns={[
          { title: t('colItem'), key: 'item', sorter: true, sortOrder: antOrder(mSort === 'item', mOrder), render: (_, r) => <Link to={`/work/items/${r.itemId}`}>#{r.itemId}</Link> },
          { title: t('colTitle'), key: 'title', render: (_, r) => <Link to={`/work/items/${r.itemId}`}>{r.title}</Link> },
          { title: t('colMachine'), dataIndex: 'machine', render: (m: string) => t(`machine.${m}` as never) },
          { title: t('colDue'), key: 'due', sorter: true, sortOrder: antOrder(mSort === 'due', mOrder), render: (_, r) => chinaDateTime(r.dueAt) },
          { title: t('colLate'), key: 'late', align: 'right', sorter: true, sortOrder: antOrder(mSort === 'late', mOrder), render: (_, r) => r.hoursLate },
          { title: t('colResolved'), dataIndex: 'resolvedAt', render: (v: string | null) => (v ? chinaDateTime(v) : t('stillOpen')) },
          { title: t('colArticle'), key: 'article', render: () => <Link to="/law/36">{b({ zh: '第二十九条、第三十六条', en: 'Art 29, 36' })}</Link> },
        ]}
      />

      <Typography.Title level={2}>{t('refusalsTitle')}</Typography.Title>
      <search>
        <Space wrap className="jf-wf-filters">
          {exportMenu(t('refusalsExport'), (format) => void exportAs('/api/v1/workflow/oversight/refusals/export', { sort: 'at', order: rOrder }, 'oversight-refusals', format))}
        </Space>
      </search>
      <ApiErrorAlert error={refused.error} onRetry={refused.reload} />
      <Table<Refusal>
        rowKey="id"
        size="small"
        loading={refused.loading}
        dataSource={refused.data?.items ?? []}
        title={() => <span className="jf-visually-hidden">{t('refusalsTitle')}</span>}
        pagination={{ current: rPage, pageSize: rSize, total: refused.data?.total ?? 0, pageSizeOptions: PAGE_SIZES, showSizeChanger: true, showTotal: (total) => t('refusalsTotal', { total }) }}
        onChange={(p, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const nextOrder: Order = s?.order === 'ascend' ? 'asc' : 'desc';
          if (nextOrder !== rOrder) set({ rOrder: nextOrder === 'desc' ? undefined : nextOrder }, 'rPage');
          else if (p.current !== rPage || p.pageSize !== rSize) set({ rPage: p.pageSize !== rSize ? undefined : String(p.current), rSize: String(p.pageSize) }, 'rPage');
        }}
        columns={[
          { title: t('colWhen'), key: 'at', width: 150, sorter: true, sortOrder: antOrder(true, rOrder), sortDirections: ['descend', 'ascend'], render: (_, r) => chinaDateTime(r.at) },
          { title: t('colWho'), key: 'who', render: (_, r) => (r.user ? `${r.user.username ?? ''} ${r.user.jurisdiction ?? ''}` : t('party.system')) },
          { title: t('colCode'), dataIndex: 'code' },
          { title: t('colRule'), dataIndex: 'rule', render: (v: string | null) => (v ? <code>{v}</code> : '') },
          { title: t('colArticle'), key: 'article', render: (_, r) => (r.citation ? <Link to={articleHref(r.citation)}>{r.citation.label ? b(r.citation.label) : `Art ${r.citation.article}`}</Link> : '') },
          { title: t('colTitle'), key: 'msg', render: (_, r) => (r.detail.message ? b(r.detail.message) : '') },
          { title: t('colItem'), key: 'item', render: (_, r) => (r.itemId ? <Link to={`/work/items/${r.itemId}`}>#{r.itemId}</Link> : '') },
        ]}
      />
    </div>
  );
}

import { Button, Checkbox, Dropdown, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { POLICE_ROLES, ROLE_NAMES, isRole } from '../../../src/access/roles';
import { ApiError, download } from '../api/client';
import { useBilingual, useT, type Bilingual } from '../i18n/i18n';
import { DivisionCascader } from '../registry/division-cascader';
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

interface Act {
  id: number;
  at: string;
  actor: { username: string | null; role: string; jurisdiction: string | null };
  itemId: number;
  machine: string;
  title: string;
  transitionLabel: Bilingual;
  toStateLabel: Bilingual;
  rule: string;
  citationLabel: Bilingual | null;
  citationHref: string | null;
}

type MissedSort = 'due' | 'late' | 'item';
type Order = 'asc' | 'desc';

const PAGE_SIZES = [20, 50, 100, 200];
const MISSED_SORTS: MissedSort[] = ['due', 'late', 'item'];
const PARTIES = ['official', 'subject', 'applicant'] as const;
/** The refusals oversight sees (src/workflow/engine.ts, RECORDED). */
const REFUSAL_CODES = ['JF_WF_ART29_FORBIDDEN', 'JF_WF_BACKDATED', 'JF_WF_RULE_REFUSED', 'JF_WF_ILLEGAL_TRANSITION', 'JF_WF_OUTSIDE_JURISDICTION', 'JF_WF_NOT_YOUR_TRANSITION', 'JF_FORBIDDEN'] as const;
const MACHINES = ['provider-filing', 'inspection', 'case', 'complaint', 'warning', 'reward', 'adjustment', 'design-review'] as const;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day in China time as the instant it starts; `next` for the day after (an inclusive end). */
function chinaDayStart(day: string, next = false): string {
  const start = Date.parse(`${day}T00:00:00+08:00`) + (next ? 86_400_000 : 0);
  return new Date(start).toISOString();
}

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
  const mPartyParam = params.get('mParty');
  const mParty = PARTIES.find((p) => p === mPartyParam) ?? 'official';
  const rCodeParam = params.get('rCode');
  const rCode = REFUSAL_CODES.find((c) => c === rCodeParam);
  const rOrder: Order = params.get('rOrder') === 'asc' ? 'asc' : 'desc';
  const rSize = sizeOf(params.get('rSize'));
  const rPage = pageOf(params.get('rPage'));

  const aOrder: Order = params.get('aOrder') === 'asc' ? 'asc' : 'desc';
  const aSize = sizeOf(params.get('aSize'));
  const aPage = pageOf(params.get('aPage'));
  const aRoleParam = params.get('aRole');
  const aRole = POLICE_ROLES.find((r) => r === aRoleParam);
  const aMachineParam = params.get('aMachine');
  const aMachine = MACHINES.find((m) => m === aMachineParam);
  const aUser = params.get('aUser')?.trim() || undefined;
  const aDivision = /^\d{6}$/.test(params.get('aDivision') ?? '') ? params.get('aDivision')! : undefined;
  const aFromDay = DAY_RE.test(params.get('aFrom') ?? '') ? params.get('aFrom')! : undefined;
  const aToDay = DAY_RE.test(params.get('aTo') ?? '') ? params.get('aTo')! : undefined;

  const missedFilters = { party: mParty === 'official' ? undefined : mParty, open: mOpen || undefined };
  const refusalFilters = { code: rCode };
  const actFilters = {
    role: aRole,
    machine: aMachine,
    username: aUser,
    division: aDivision,
    from: aFromDay ? chinaDayStart(aFromDay) : undefined,
    to: aToDay ? chinaDayStart(aToDay, true) : undefined,
  };
  const missed = useApi<{ total: number; items: Missed[] }>('/api/v1/workflow/oversight/missed-deadlines', {
    ...missedFilters,
    sort: mSort,
    order: mOrder,
    limit: mSize,
    offset: (mPage - 1) * mSize,
  });
  const refused = useApi<{ total: number; items: Refusal[] }>('/api/v1/workflow/oversight/refusals', { ...refusalFilters, sort: 'at', order: rOrder, limit: rSize, offset: (rPage - 1) * rSize });
  const acts = useApi<{ total: number; items: Act[] }>('/api/v1/workflow/oversight/acts', { ...actFilters, order: aOrder, limit: aSize, offset: (aPage - 1) * aSize });

  // The workspace's tile leads to `#acts`: bring the list into view once it is drawn.
  const { hash } = useLocation();
  const actsDrawn = acts.data != null;
  useEffect(() => {
    if (hash === '#acts' && actsDrawn) document.getElementById('acts')?.scrollIntoView();
  }, [hash, actsDrawn]);

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
  const set = (changes: Record<string, string | undefined>, pageKey: 'mPage' | 'rPage' | 'aPage') => {
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
          <Select
            aria-label={t('missedParty')}
            value={mParty}
            style={{ minWidth: 160 }}
            options={PARTIES.map((p) => ({ value: p, label: t(`party.${p}`) }))}
            onChange={(v) => set({ mParty: v === 'official' ? undefined : v }, 'mPage')}
          />
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
          <Select
            aria-label={t('refusalCode')}
            allowClear
            placeholder={t('allRefusalCodes')}
            value={rCode}
            style={{ minWidth: 240 }}
            options={REFUSAL_CODES.map((c) => ({ value: c, label: t(`refusalCode.${c}`) }))}
            onChange={(v: string | undefined) => set({ rCode: v }, 'rPage')}
          />
          {exportMenu(t('refusalsExport'), (format) => void exportAs('/api/v1/workflow/oversight/refusals/export', { ...refusalFilters, sort: 'at', order: rOrder }, 'oversight-refusals', format))}
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

      <Typography.Title level={2} id="acts">
        {t('actsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('actsIntro')}</Typography.Paragraph>
      <search>
        <Space wrap className="jf-wf-filters">
          <Select
            aria-label={t('actsRole')}
            allowClear
            placeholder={t('actsAllRoles')}
            value={aRole}
            style={{ minWidth: 180 }}
            options={POLICE_ROLES.map((r) => ({ value: r, label: b(ROLE_NAMES[r]) }))}
            onChange={(v: string | undefined) => set({ aRole: v }, 'aPage')}
          />
          <Select
            aria-label={t('colMachine')}
            allowClear
            placeholder={t('allKinds')}
            value={aMachine}
            style={{ minWidth: 180 }}
            options={MACHINES.map((m) => ({ value: m, label: t(`machine.${m}`) }))}
            onChange={(v: string | undefined) => set({ aMachine: v }, 'aPage')}
          />
          <Input.Search
            aria-label={t('actsUser')}
            placeholder={t('actsUser')}
            defaultValue={aUser}
            key={aUser ?? ''}
            allowClear
            style={{ width: 200 }}
            onSearch={(v) => set({ aUser: v.trim() || undefined }, 'aPage')}
          />
          <DivisionCascader mode="any" aria-label={t('itemsPlace')} value={aDivision ?? null} onChange={(code) => set({ aDivision: code ?? undefined }, 'aPage')} />
          <label className="jf-wf-date">
            {t('actsFrom')}
            <Input type="date" value={aFromDay ?? ''} onChange={(e) => set({ aFrom: e.target.value || undefined }, 'aPage')} />
          </label>
          <label className="jf-wf-date">
            {t('actsTo')}
            <Input type="date" value={aToDay ?? ''} onChange={(e) => set({ aTo: e.target.value || undefined }, 'aPage')} />
          </label>
          {exportMenu(t('actsExport'), (format) => void exportAs('/api/v1/workflow/oversight/acts/export', { ...actFilters, order: aOrder }, 'official-acts', format))}
        </Space>
      </search>
      <ApiErrorAlert error={acts.error} onRetry={acts.reload} />
      <Table<Act>
        rowKey="id"
        size="small"
        loading={acts.loading}
        dataSource={acts.data?.items ?? []}
        title={() => <span className="jf-visually-hidden">{t('actsTitle')}</span>}
        pagination={{ current: aPage, pageSize: aSize, total: acts.data?.total ?? 0, pageSizeOptions: PAGE_SIZES, showSizeChanger: true, showTotal: (total) => t('actsTotal', { total }) }}
        onChange={(p, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const nextOrder: Order = s?.order === 'ascend' ? 'asc' : 'desc';
          if (nextOrder !== aOrder) set({ aOrder: nextOrder === 'desc' ? undefined : nextOrder }, 'aPage');
          else if (p.current !== aPage || p.pageSize !== aSize) set({ aPage: p.pageSize !== aSize ? undefined : String(p.current), aSize: String(p.pageSize) }, 'aPage');
        }}
        columns={[
          { title: t('colWhen'), key: 'at', width: 150, sorter: true, sortOrder: antOrder(true, aOrder), sortDirections: ['descend', 'ascend'], render: (_, a) => chinaDateTime(a.at) },
          {
            title: t('colWho'),
            key: 'who',
            render: (_, a) => `${a.actor.username ?? ''} · ${isRole(a.actor.role) ? b(ROLE_NAMES[a.actor.role]) : a.actor.role}${a.actor.jurisdiction ? ` (${a.actor.jurisdiction})` : ''}`,
          },
          { title: t('colAct'), key: 'act', render: (_, a) => `${b(a.transitionLabel)} → ${b(a.toStateLabel)}` },
          { title: t('colTitle'), key: 'title', render: (_, a) => <Link to={`/work/items/${a.itemId}`}>{a.title}</Link> },
          { title: t('colMachine'), dataIndex: 'machine', render: (m: string) => t(`machine.${m}` as never) },
          { title: t('colArticle'), key: 'article', render: (_, a) => (a.citationHref && a.citationLabel ? <Link to={a.citationHref}>{b(a.citationLabel)}</Link> : <code>{a.rule}</code>) },
        ]}
      />
    </div>
  );
}

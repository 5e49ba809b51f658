import { Button, Checkbox, Dropdown, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, download } from '../api/client';
import { useBilingual, useT } from '../i18n/i18n';
import { DivisionCascader } from '../registry/division-cascader';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { workflow } from './i18n';
import { ItemsTable, type ItemSort } from './items-table';
import { LinkButton } from './link-button';
import { useMachines } from './machines';
import { openersFor } from './menu';
import { MACHINES, type Item } from './types';
import './workflow.css';

const PAGE_SIZES = [20, 50, 100, 200];

/**
 * The items the caller may read: by procedure, state, place and words of the
 * title, sorted and paged by the server. Every filter lives in the address, so
 * a dashboard figure links to exactly the items it counts.
 */
export default function ItemsPage() {
  const t = useT(workflow);
  const b = useBilingual();
  const { user } = useSession();
  const machines = useMachines();
  const [params, setParams] = useSearchParams();
  const machine = params.get('machine') ?? undefined;
  const open = params.get('open') === 'true';
  const state = params.get('state') ?? undefined;
  const division = params.get('division') ?? undefined;
  const q = params.get('q') ?? undefined;
  const sort = (params.get('sort') as ItemSort['sort'] | null) ?? 'updated';
  const order = (params.get('order') as ItemSort['order'] | null) ?? (sort === 'due' ? 'asc' : 'desc');
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 50;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [searchText, setSearchText] = useState(q ?? '');
  useEffect(() => setSearchText(q ?? ''), [q]);
  useDocumentTitle(machine ? t(`machine.${machine}` as never) : t('itemsTitle'));

  const filters = { machine, open: open || undefined, state, division, q };
  const list = useApi<{ total: number; items: Item[] }>('/api/v1/workflow/items', { ...filters, sort, order, limit: pageSize, offset: (page - 1) * pageSize });
  const [exportError, setExportError] = useState<ApiError>();
  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download('/api/v1/workflow/items/export', { format, ...filters }, `workflow-items.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }
  /** Sets filters; any change of filter starts again at the first page. */
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const states = machines?.find((m) => m.name === machine)?.states ?? [];
  return (
    <div className="jf-page jf-wf-items">
      <Typography.Title level={1}>{machine ? t(`machine.${machine}` as never) : t('itemsTitle')}</Typography.Title>
      <Typography.Paragraph>{t('itemsIntro')}</Typography.Paragraph>
      <search>
        <Space wrap className="jf-wf-filters">
          <Input.Search
            aria-label={t('itemsSearch')}
            placeholder={t('itemsSearch')}
            style={{ width: 220 }}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            allowClear
          />
          <Select
            aria-label={t('colKind')}
            style={{ width: 200 }}
            value={machine ?? ''}
            onChange={(v) => set({ machine: v || undefined, state: undefined })}
            options={[{ value: '', label: t('allKinds') }, ...MACHINES.map((m) => ({ value: m, label: t(`machine.${m}` as never) }))]}
          />
          {machine && (
            <Select
              mode="multiple"
              aria-label={t('colState')}
              placeholder={t('allStates')}
              style={{ minWidth: 220 }}
              value={state ? state.split(',') : []}
              onChange={(v: string[]) => set({ state: v.join(',') || undefined })}
              options={states.map((s) => ({ value: s.name, label: b(s.label) }))}
            />
          )}
          <DivisionCascader mode="any" aria-label={t('itemsPlace')} value={division ?? null} onChange={(v) => set({ division: v ?? undefined })} />
          <Checkbox checked={open} onChange={(e) => set({ open: e.target.checked ? 'true' : undefined })}>
            {t('openOnly')}
          </Checkbox>
          <Dropdown
            menu={{
              items: [
                { key: 'csv', label: t('exportCsv') },
                { key: 'xlsx', label: t('exportXlsx') },
              ],
              onClick: ({ key }) => void exportAs(key as 'csv' | 'xlsx'),
            }}
          >
            <Button>{t('exportMenu')} ▾</Button>
          </Dropdown>
          {machine && openersFor(user?.role).includes(machine as never) && (
            <LinkButton primary to={`/work/new/${machine}`}>
              {t('newItem')}
            </LinkButton>
          )}
        </Space>
      </search>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <ApiErrorAlert error={exportError} />
      <ItemsTable
        items={list.data?.items ?? []}
        loading={list.loading}
        caption={t('itemsTitle')}
        sort={{ sort, order }}
        onSort={(s) => set({ sort: s.sort, order: s.order })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          onChange: (p, size) => set({ page: size !== pageSize ? undefined : String(p), pageSize: String(size) }),
          showTotal: (total) => t('itemsTotal', { total }),
        }}
      />
    </div>
  );
}

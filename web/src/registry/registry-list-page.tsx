import { App, Button, Input, Popconfirm, Result, Select, Skeleton, Space, Table, Typography, type TableProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, download } from '../api/client';
import { common } from '../i18n/common';
import { useBilingual, useT } from '../i18n/i18n';
import { registry } from '../i18n/registry';
import { shell } from '../i18n/shell';
import { useSession } from '../session/session';
import { ownRecordKind } from '../shell/menu';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { DivisionCascader } from './division-cascader';
import { FieldValue } from './field-value';
import { ImportModal } from './import-modal';
import { isRegistryKind, mayDo } from './kinds';
import { apiQuery, filterFields, PAGE_SIZES, readListQuery, writeListQuery, type ListQuery } from './list-query';
import { recordName, useKindMeta, type FieldMeta, type KindMeta, type Page, type RegistryRecord } from './meta';
import { RecordDrawer, type DrawerTarget } from './record-drawer';
import { forgetRefName, useRefNames } from './ref-names';
import { RefSelect } from './ref-select';

/** Filters shown without asking; more fold behind the Filters button. */
const FILTERS_SHOWN = 4;

/** The control of one filter above a list. */
function FilterControl({ field, value, onChange }: { field: FieldMeta; value: string | undefined; onChange(v: string | undefined): void }) {
  const t = useT(registry);
  const tc = useT(common);
  const b = useBilingual();
  const id = `filter-${field.name}`;
  let control;
  switch (field.type) {
    case 'boolean':
      control = (
        <Select
          id={id}
          className="jf-filter-control"
          value={value ?? ''}
          onChange={(v) => onChange(v || undefined)}
          options={[
            { value: '', label: t('filterAny') },
            { value: 'true', label: tc('yes') },
            { value: 'false', label: tc('no') },
          ]}
        />
      );
      break;
    case 'division':
      control = <DivisionCascader id={id} className="jf-filter-control" mode="any" citiesOnly={field.name === 'cityCode'} value={value ?? null} onChange={(v) => onChange(v ?? undefined)} />;
      break;
    case 'ref':
      control = <RefSelect id={id} className="jf-filter-control" kind={field.ref!} value={value ? Number(value) : null} onChange={(v) => onChange(v == null ? undefined : String(v))} />;
      break;
    default:
      control = (
        <Select
          id={id}
          className="jf-filter-control"
          value={value ?? ''}
          onChange={(v) => onChange(v === '' ? undefined : String(v))}
          options={[{ value: '', label: t('filterAny') }, ...(field.enum ?? []).map((o) => ({ value: String(o.value), label: b(o.label) }))]}
          popupMatchSelectWidth={false}
          showSearch={{ optionFilterProp: 'label' }}
        />
      );
  }
  return (
    <div className="jf-filter">
      <label htmlFor={id}>{b(field.label)}</label>
      {control}
    </div>
  );
}

function RegistryList({ meta }: { meta: KindMeta }) {
  const t = useT(registry);
  const tc = useT(common);
  const ts = useT(shell);
  const b = useBilingual();
  const { message } = App.useApp();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readListQuery(params, meta), [params, meta]);
  const [searchText, setSearchText] = useState(query.q);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const [actionError, setActionError] = useState<ApiError>();
  const [filtersOpen, setFiltersOpen] = useState<boolean>();
  const { data, error, loading, reload } = useApi<Page<RegistryRecord>>(`/api/v1/registry/${meta.kind}`, apiQuery(query));
  const listed = useMemo(() => meta.fields.filter((f) => f.listed), [meta]);
  const refs = useRefNames(listed, data?.items, data?.refNames);
  const own = ownRecordKind(user?.role) === meta.kind;
  const title = own ? (meta.kind === 'providers' ? ts('menuOwnProvider') : ts('menuOwnUnit')) : b(meta.label);
  useDocumentTitle(title);

  useEffect(() => setSearchText(query.q), [query.q]);

  const may = {
    create: mayDo(user, 'create', meta.kind),
    update: mayDo(user, 'update', meta.kind),
    delete: mayDo(user, 'delete', meta.kind),
    import: mayDo(user, 'import', meta.kind),
    export: mayDo(user, 'export', meta.kind),
  };

  const go = (patch: Partial<ListQuery>) => setParams(writeListQuery({ ...query, page: 1, ...patch }));

  async function remove(r: RegistryRecord) {
    setActionError(undefined);
    try {
      await api<void>(`/api/v1/registry/${meta.kind}/${r.id}`, { method: 'DELETE' });
      forgetRefName(meta.kind, r.id);
      message.success(tc('deleted'));
      reload();
    } catch (e) {
      if (e instanceof ApiError) setActionError(e);
    }
  }

  async function exportAs(format: 'csv' | 'xlsx') {
    setActionError(undefined);
    try {
      const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = apiQuery(query);
      await download(`/api/v1/registry/${meta.kind}/export`, { format, ...filters }, `${meta.kind}.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setActionError(e);
    }
  }

  const columns: TableProps<RegistryRecord>['columns'] = [
    ...listed.map((f) => ({
      key: f.name,
      dataIndex: f.name,
      title: b(f.label),
      sorter: !!f.sortable,
      sortOrder: query.sort === f.name ? (query.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
      render: (_: unknown, r: RegistryRecord) =>
        f.name === 'name' ? (
          <Button type="link" className="jf-name-link" onClick={() => setDrawer({ mode: 'edit', id: r.id })}>
            {String(r.name ?? `#${r.id}`)}
          </Button>
        ) : (
          <FieldValue field={f} record={r} refs={refs} />
        ),
    })),
    {
      key: 'actions',
      title: tc('actions'),
      width: 140,
      fixed: 'right' as const,
      render: (_: unknown, r: RegistryRecord) => (
        <Space size="small">
          <Button size="small" onClick={() => setDrawer({ mode: 'edit', id: r.id })} aria-label={`${may.update ? tc('edit') : t('view')} ${recordName(r)}`}>
            {may.update ? tc('edit') : t('view')}
          </Button>
          {may.delete && (
            <Popconfirm title={tc('confirmDelete', { name: recordName(r) })} onConfirm={() => remove(r)} okText={tc('delete')} cancelText={tc('cancel')} okButtonProps={{ danger: true }}>
              <Button size="small" danger aria-label={`${tc('delete')} ${recordName(r)}`}>
                {tc('delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const filters = filterFields(meta);
  const activeFilters = Object.keys(query.filters).length;
  // Many filters would push the list below the fold at 1366×768: beyond a few, they fold away until asked for.
  const showFilters = filtersOpen ?? (filters.length <= FILTERS_SHOWN || activeFilters > 0);
  return (
    <div className="jf-page jf-registry" data-kind={meta.kind}>
      <Typography.Title level={1}>{title}</Typography.Title>
      <div className="jf-toolbar">
        <search>
          <Input.Search
            className="jf-search"
            aria-label={t('searchLabel', { kind: b(meta.label) })}
            placeholder={t('searchPlaceholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => go({ q: v })}
            enterButton={tc('search')}
            allowClear
          />
        </search>
        {filters.length > FILTERS_SHOWN && (
          <Button aria-expanded={showFilters} aria-controls="jf-filters" onClick={() => setFiltersOpen(!showFilters)}>
            {activeFilters ? t('filtersActive', { count: activeFilters }) : t('filters')}
          </Button>
        )}
        <div className="jf-toolbar-right">
          {may.create && (
            <Button type="primary" onClick={() => setDrawer({ mode: 'create' })}>
              {tc('create')}
            </Button>
          )}
          {may.import && <Button onClick={() => setImporting(true)}>{t('import')}</Button>}
          {may.export && (
            <>
              <Button onClick={() => exportAs('csv')}>{t('exportCsv')}</Button>
              <Button onClick={() => exportAs('xlsx')}>{t('exportXlsx')}</Button>
            </>
          )}
        </div>
      </div>
      {filters.length > 0 && showFilters && (
        <div className="jf-filters" id="jf-filters" role="group" aria-label={t('filters')}>
          {filters.map((f) => (
            <FilterControl key={f.name} field={f} value={query.filters[f.name]} onChange={(v) => go({ filters: { ...query.filters, [f.name]: v ?? '' } })} />
          ))}
          {Object.keys(query.filters).length > 0 && (
            <Button type="link" onClick={() => go({ filters: {} })}>
              {t('clearFilters')}
            </Button>
          )}
        </div>
      )}
      <ApiErrorAlert error={actionError} />
      <ApiErrorAlert error={error} onRetry={reload} />
      <Table<RegistryRecord>
        rowKey="id"
        className="jf-registry-table"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('emptyList') }}
        scroll={{ x: 'max-content' }}
        onChange={(pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const sort = s?.order ? String(s.columnKey) : 'name';
          const order = s?.order === 'descend' ? 'desc' : 'asc';
          const page = sort !== query.sort || order !== query.order || pagination.pageSize !== query.pageSize ? 1 : pagination.current ?? 1;
          setParams(writeListQuery({ ...query, sort, order, page, pageSize: pagination.pageSize ?? query.pageSize }));
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => t('total', { total }),
        }}
      />
      <RecordDrawer
        meta={meta}
        target={drawer}
        canEdit={drawer?.mode === 'create' ? may.create : may.update}
        onClose={() => setDrawer(null)}
        onSaved={() => {
          setDrawer(null);
          reload();
        }}
      />
      {may.import && (
        <ImportModal
          meta={meta}
          open={importing}
          onClose={() => setImporting(false)}
          onImported={() => reload()}
        />
      )}
    </div>
  );
}

/** `/registry/:kind`: any registry, laid out from the server's field metadata. */
export default function RegistryListPage() {
  const { kind } = useParams();
  const t = useT(registry);
  const { meta, error, loading } = useKindMeta(kind);
  if (!isRegistryKind(kind)) return <Result status="404" title={<h1 className="jf-result-title">{t('unknownKind', { kind: kind ?? '' })}</h1>} />;
  if (loading) return <Skeleton active />;
  if (error || !meta)
    return (
      <div className="jf-page">
        <Typography.Title level={1}>{t(`kind.${kind}`)}</Typography.Title>
        <ApiErrorAlert error={error} />
        {!error && <Result status="warning" title={t('metaError')} />}
      </div>
    );
  return <RegistryList key={meta.kind} meta={meta} />;
}

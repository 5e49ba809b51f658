import { Button, Dropdown, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, download } from '../api/client';
import { useBilingual, useT, type Bilingual } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useAddressSort } from '../ui/address-sort';
import { useApi } from '../ui/use-api';
import { fields } from './fields';
import { workflow } from './i18n';
import { chinaDate, PUBLIC_PAGE } from './types';
import './workflow.css';

interface PublicProvider {
  name: string;
  creditCode: string | null;
  services: { code: string; label: Bilingual }[];
  placeOfBusiness: { code: string | null; name: Bilingual };
  filingAuthority: { divisionCode: string; name: Bilingual };
  filedAt: string;
  receiptNumber: string;
  warning: { listed: boolean; count: number };
}

const SERVICES = ['design', 'installation', 'maintenance', 'alarm_operation'] as const;
type Sort = 'filed' | 'name';

/** Art 18: the list of filed providers, for anyone, without logging in. */
export default function PublicProvidersPage() {
  const t = useT(workflow);
  const tf = useT(fields);
  const b = useBilingual();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const service = params.get('service') ?? '';
  useDocumentTitle(t('publicProvidersTitle'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  // Newest filing first unless the address says otherwise; the list and its export take the same order.
  const { sort, order, onTableChange, sorted } = useAddressSort<Sort>(['filed', 'name'], ['filed']);
  const filters = { q: q || undefined, service: service || undefined, sort, order };
  const list = useApi<{ total: number; items: PublicProvider[] }>('/api/v1/public/providers', { ...filters, limit: PUBLIC_PAGE, offset: (page - 1) * PUBLIC_PAGE });
  const [exportError, setExportError] = useState<ApiError>();
  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download('/api/v1/public/providers/export', { format, ...filters }, `public-providers.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }
  /** A new search or service starts again at the first page. */
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <div className="jf-page jf-wf-public">
      <Typography.Title level={1}>{t('publicProvidersTitle')}</Typography.Title>
      <Typography.Paragraph>{t('publicProvidersIntro')}</Typography.Paragraph>
      <Space wrap>
        <Input.Search role="searchbox" aria-label={t('searchProviders')} placeholder={t('searchProviders')} defaultValue={q} allowClear onSearch={(v) => set('q', v.trim())} style={{ width: 360 }} />
        <Select aria-label={t('service')} style={{ width: 200 }} value={service} onChange={(v) => set('service', v)} options={[{ value: '', label: t('anyService') }, ...SERVICES.map((s) => ({ value: s, label: tf(`enum.${s}`) }))]} />
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
      </Space>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <ApiErrorAlert error={exportError} />
      <Table
        rowKey="receiptNumber"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onChange={onTableChange}
        pagination={{ current: page, pageSize: PUBLIC_PAGE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('itemsTotal', { total }) }}
        className="jf-wf-public-providers"
        columns={[
          { title: t('colName'), key: 'name', dataIndex: 'name', ...sorted('name') },
          { title: t('colCreditCode'), dataIndex: 'creditCode', width: 200 },
          { title: t('colServices'), dataIndex: 'services', render: (s: PublicProvider['services']) => s.map((x) => b(x.label)).join('、') },
          { title: t('colPlace'), key: 'place', render: (_, r) => b(r.placeOfBusiness.name) },
          { title: t('colAuthority'), key: 'authority', render: (_, r) => b(r.filingAuthority.name) },
          { title: t('colFiledAt'), key: 'filed', dataIndex: 'filedAt', width: 120, ...sorted('filed'), render: (v: string) => chinaDate(v) },
          { title: t('colWarning'), dataIndex: 'warning', width: 160, render: (w: PublicProvider['warning']) => (w.listed ? <Tag className="jf-wf-tag jf-wf-tag-overdue">{t('warned', { count: w.count })}</Tag> : t('notWarned')) },
        ]}
      />
    </div>
  );
}

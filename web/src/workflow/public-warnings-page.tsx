import { Button, Dropdown, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, download, type ApiCitation } from '../api/client';
import { useBilingual, useT, type Bilingual } from '../i18n/i18n';
import { ApiErrorAlert, CitationLink } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useAddressSort } from '../ui/address-sort';
import { useApi } from '../ui/use-api';
import { citationLink } from './citation';
import { workflow } from './i18n';
import { chinaDate, PUBLIC_PAGE } from './types';
import './workflow.css';

interface PublicWarning {
  number: string | null;
  provider: { name: string; creditCode: string | null };
  basisLabel: Bilingual;
  finding: string;
  rule: { id: string; title: Bilingual; citation: { article: number; paragraph?: number; item?: number } } | null;
  publishedAt: string;
  authority: { divisionCode: string; name: Bilingual };
}

type Sort = 'published' | 'name';

/** Art 28: the warning list, for anyone. */
export default function PublicWarningsPage() {
  const t = useT(workflow);
  const b = useBilingual();
  useDocumentTitle(t('publicWarningsTitle'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  // Newest first unless the address says otherwise; the list and its export take the same order.
  const { sort, order, onTableChange, sorted } = useAddressSort<Sort>(['published', 'name'], ['published']);
  const filters = { q: q || undefined, sort, order };
  const list = useApi<{ total: number; items: PublicWarning[] }>('/api/v1/public/warnings', { ...filters, limit: PUBLIC_PAGE, offset: (page - 1) * PUBLIC_PAGE });
  /** A new search starts again at the first page. */
  const set = (k: 'q', v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setParams(next);
  };
  const [exportError, setExportError] = useState<ApiError>();
  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download('/api/v1/public/warnings/export', { format, ...filters }, `public-warnings.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }
  return (
    <div className="jf-page jf-wf-public">
      <Typography.Title level={1}>{t('publicWarningsTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('publicWarningsIntro')} <CitationLink citation={citationLink({ article: 28 }) as ApiCitation} />
      </Typography.Paragraph>
      <Space wrap>
        <Input.Search role="searchbox" aria-label={t('searchProviders')} placeholder={t('searchProviders')} defaultValue={q} allowClear onSearch={(v) => set('q', v.trim())} style={{ width: 360 }} />
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
        rowKey={(r) => r.number ?? r.publishedAt}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onChange={onTableChange}
        pagination={{ current: page, pageSize: PUBLIC_PAGE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('itemsTotal', { total }) }}
        columns={[
          { title: t('colName'), key: 'name', ...sorted('name'), render: (_, r) => `${r.provider.name}${r.provider.creditCode ? `（${r.provider.creditCode}）` : ''}` },
          { title: t('colBasis'), key: 'basis', render: (_, r) => b(r.basisLabel) },
          { title: t('colFinding'), key: 'finding', render: (_, r) => (<>{r.finding}{r.rule ? <> · {b(r.rule.title)}</> : null}</>) },
          { title: t('colAuthority'), key: 'authority', render: (_, r) => b(r.authority.name) },
          { title: t('colPublished'), key: 'published', dataIndex: 'publishedAt', width: 120, ...sorted('published'), render: (v: string) => chinaDate(v) },
        ]}
      />
    </div>
  );
}

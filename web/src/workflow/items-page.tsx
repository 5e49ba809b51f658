import { Button, Checkbox, Dropdown, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, download } from '../api/client';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { workflow } from './i18n';
import { LinkButton } from './link-button';
import { ItemsTable } from './items-table';
import { openersFor } from './menu';
import { MACHINES, type Item } from './types';
import './workflow.css';

/** The items the caller may read, by procedure; filters live in the address. */
export default function ItemsPage() {
  const t = useT(workflow);
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const machine = params.get('machine') ?? undefined;
  const open = params.get('open') === 'true';
  useDocumentTitle(machine ? t(`machine.${machine}` as never) : t('itemsTitle'));
  const list = useApi<{ total: number; items: Item[] }>('/api/v1/workflow/items', { machine, open: open || undefined, limit: 200 });
  const [exportError, setExportError] = useState<ApiError>();
  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download('/api/v1/workflow/items/export', { format, machine, open: open || undefined }, `workflow-items.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  return (
    <div className="jf-page jf-wf-items">
      <Typography.Title level={1}>{machine ? t(`machine.${machine}` as never) : t('itemsTitle')}</Typography.Title>
      <Typography.Paragraph>{t('itemsIntro')}</Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label={t('colKind')}
          style={{ width: 220 }}
          value={machine ?? ''}
          onChange={(v) => set('machine', v || undefined)}
          options={[{ value: '', label: t('allKinds') }, ...MACHINES.map((m) => ({ value: m, label: t(`machine.${m}` as never) }))]}
        />
        <Checkbox checked={open} onChange={(e) => set('open', e.target.checked ? 'true' : undefined)}>
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
          <Button>
            {t('exportMenu')} ▾
          </Button>
        </Dropdown>
        {machine && openersFor(user?.role).includes(machine as never) && (
          <LinkButton primary to={`/work/new/${machine}`}>
            {t('newItem')}
          </LinkButton>
        )}
      </Space>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <ApiErrorAlert error={exportError} />
      <ItemsTable items={list.data?.items ?? []} loading={list.loading} caption={t('itemsTitle')} />
    </div>
  );
}

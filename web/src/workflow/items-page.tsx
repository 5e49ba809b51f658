import { Checkbox, Select, Space, Typography } from 'antd';
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
        {machine && openersFor(user?.role).includes(machine as never) && (
          <LinkButton primary to={`/work/new/${machine}`}>
            {t('newItem')}
          </LinkButton>
        )}
      </Space>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <ItemsTable items={list.data?.items ?? []} loading={list.loading} caption={t('itemsTitle')} />
    </div>
  );
}

import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, type ApiFieldIssue } from '../api/client';
import { common } from '../i18n/common';
import { useBilingual, useT } from '../i18n/i18n';
import { registry } from '../i18n/registry';
import { ApiErrorAlert } from '../ui/api-error-alert';
import type { KindMeta } from './meta';

const FORMAT_OF: Record<string, { format: 'csv' | 'xlsx'; type: string }> = {
  csv: { format: 'csv', type: 'text/csv' },
  xlsx: { format: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
};

/**
 * Imports a CSV or XLSX file as one batch. A refused file comes back with
 * every problem by row and field, shown as a table to fix the file by.
 */
export function ImportModal({ meta, open, onClose, onImported }: { meta: KindMeta; open: boolean; onClose(): void; onImported(count: number): void }) {
  const t = useT(registry);
  const tc = useT(common);
  const b = useBilingual();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<number | null>(null);
  const ext = file?.name.split('.').pop()?.toLowerCase() ?? '';
  const fmt = FORMAT_OF[ext];
  const labelOf = (name: string) => {
    const f = meta.fields.find((x) => x.name === name);
    return f ? b(f.label) : name;
  };

  function reset() {
    setFile(null);
    setError(undefined);
    setDone(null);
  }

  async function submit() {
    if (!file || !fmt) return;
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      const r = await api<{ imported: number }>(`/api/v1/registry/${meta.kind}/import`, { method: 'POST', query: { format: fmt.format }, body: await file.arrayBuffer(), contentType: fmt.type });
      setDone(r.imported);
      onImported(r.imported);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const issues = error?.body.errors ?? [];
  return (
    <Modal
      open={open}
      title={<h2 className="jf-drawer-title">{t('importTitle', { kind: b(meta.label) })}</h2>}
      onCancel={() => {
        reset();
        onClose();
      }}
      width={820}
      destroyOnHidden
      footer={[
        <Button
          key="close"
          onClick={() => {
            reset();
            onClose();
          }}
        >
          {tc('close')}
        </Button>,
        <Button key="go" type="primary" disabled={!fmt} loading={busy} onClick={submit}>
          {t('importSubmit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('importHint')}</Typography.Paragraph>
      <p className="jf-file-field">
        <label htmlFor="jf-import-file">{t('importFile')}</label>
        <input
          id="jf-import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setError(undefined);
            setDone(null);
          }}
        />
      </p>
      {done !== null && <Alert type="success" showIcon title={t('importDone', { count: done })} role="status" />}
      {error && issues.length === 0 && <ApiErrorAlert error={error} />}
      {error && issues.length > 0 && (
        <>
          <ApiErrorAlert error={error} showFieldErrors={false} />
          <Table<ApiFieldIssue & { key: number }>
            className="jf-import-errors"
            size="small"
            caption={t('importErrorsTable')}
            dataSource={issues.map((x, i) => ({ ...x, key: i }))}
            pagination={issues.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 70 },
              { title: t('field'), dataIndex: 'field', width: 180, render: (v: string) => labelOf(v) },
              { title: t('rule'), dataIndex: 'rule', width: 150 },
              { title: t('problem'), key: 'message', render: (_: unknown, x) => b(x.message) },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

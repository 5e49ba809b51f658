import { Alert, Button, Card, Descriptions, Dropdown, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, download } from '../api/client';
import { ArticleLink } from '../compliance/citation';
import { useT } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { checkConsistency, type ConsistencyResult } from './check';
import { ledger } from './i18n';
import { chinaTime, consistencyProof, ledgerKeys, verifierKey, type CheckpointView } from './sources';
import { Ed25519Unsupported, openCheckpoint, parseVerifierKey } from './verify';
import './ledger.css';

interface Status {
  treeSize: number;
  queued: number;
  mergeDelay: { boundMs: number; recentP99Ms: number };
}

type SignatureCheck = { state: 'idle' } | { state: 'ok'; key: string } | { state: 'unsupported' } | { state: 'failed'; reason: string };
type ConsistencyCheck = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: ConsistencyResult; from: number; to: number } | { state: 'error'; message: string };

/** Checkpoints a page of the history holds. */
const HISTORY_PAGE = 200;

const messageOf = (e: unknown) => (e instanceof ApiError ? `${e.body.messages.zh} / ${e.body.messages.en}` : (e as Error).message);

/**
 * The ledger for those who hold the platform to account (oversight, the
 * supervising police): the latest signed checkpoint with its signature
 * checked in the browser, the checkpoint history, and a consistency check
 * between any two of them, also in the browser.
 */
export default function LedgerPage() {
  const t = useT(ledger);
  useDocumentTitle(t('pageTitle'));
  const list = useApi<{ checkpoints: CheckpointView[] }>('/api/v1/ledger/checkpoints', { limit: HISTORY_PAGE });
  const status = useApi<Status>('/api/v1/ledger/status');
  const newest = useMemo(() => list.data?.checkpoints ?? [], [list.data]);
  const latest = newest[0];
  // Older history a page at a time (sizes below the last one shown); the newest page stays the one checked against.
  const [before, setBefore] = useState<number>();
  const olderPage = useApi<{ checkpoints: CheckpointView[] }>(before === undefined ? null : '/api/v1/ledger/checkpoints', { limit: HISTORY_PAGE, before });
  const shown = before === undefined ? newest : (olderPage.data?.checkpoints ?? []);
  const checkpoints = useMemo(() => {
    const bySize = new Map([...newest, ...(olderPage.data?.checkpoints ?? [])].map((c) => [c.treeSize, c]));
    return [...bySize.values()].sort((a, b) => b.treeSize - a.treeSize);
  }, [newest, olderPage.data]);
  const [exportError, setExportError] = useState<ApiError>();
  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download('/api/v1/ledger/checkpoints/export', { format }, `ledger-checkpoints.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }
  const [signature, setSignature] = useState<SignatureCheck>({ state: 'idle' });
  const [older, setOlder] = useState<number>();
  const [newer, setNewer] = useState<number>();
  const [consistency, setConsistency] = useState<ConsistencyCheck>({ state: 'idle' });

  const verifySignature = async () => {
    if (!latest) return;
    try {
      const vkey = await verifierKey();
      const key = await parseVerifierKey(vkey);
      const o = await openCheckpoint(latest.note, [key]);
      setSignature(o.ok ? { state: 'ok', key: `${key.name}+${key.keyId}` } : { state: 'failed', reason: o.reason });
    } catch (e) {
      setSignature(e instanceof Ed25519Unsupported ? { state: 'unsupported' } : { state: 'failed', reason: messageOf(e) });
    }
  };

  const verifyConsistency = async () => {
    if (older === undefined || newer === undefined) return;
    const [from, to] = older < newer ? [older, newer] : [newer, older];
    const a = checkpoints.find((c) => c.treeSize === from)!;
    const b = checkpoints.find((c) => c.treeSize === to)!;
    setConsistency({ state: 'running' });
    try {
      const [proof, keys] = await Promise.all([consistencyProof(from, to), ledgerKeys()]);
      const result = await checkConsistency({ older: a.note, newer: b.note, vkeys: keys.map((k) => k.vkey), proof });
      setConsistency({ state: 'done', result, from, to });
    } catch (e) {
      setConsistency({ state: 'error', message: messageOf(e) });
    }
  };

  // The empty tree is consistent with every tree: there is nothing to check from it (RFC 9162 §2.1.4).
  const options = checkpoints.filter((c) => c.treeSize > 0).map((c) => ({ value: c.treeSize, label: t('sizeOption', { size: c.treeSize, at: chinaTime(c.signedAt) }) }));

  return (
    <div className="jf-page jf-ledger-page">
      <Typography.Title level={1}>{t('pageTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('pageIntro')} <ArticleLink href="/law/21#p1-i4" label={{ zh: '第二十一条第一款第（四）项', en: 'Art 21 ¶1 (4)' }} /> ·{' '}
        <ArticleLink href="/law/36" label={{ zh: '第三十六条', en: 'Art 36' }} />
      </Typography.Paragraph>
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && !latest && <Alert type="info" showIcon title={t('notStarted')} />}
      {latest && (
        <Card title={<h2 className="jf-ledger-card-title">{t('latestTitle')}</h2>} className="jf-ledger-latest" size="small">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'size', label: t('treeSize'), children: <span data-tree-size={latest.treeSize}>{latest.treeSize}</span> },
              { key: 'root', label: t('rootHash'), children: <code className="jf-ledger-hash">{latest.rootHash}</code> },
              { key: 'at', label: t('signedAt'), children: chinaTime(latest.signedAt) },
            ]}
          />
          <Typography.Text strong>{t('signedNote')}</Typography.Text>
          <pre className="jf-ledger-note" data-testid="ledger-note">
            {latest.note}
          </pre>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button onClick={() => void verifySignature()} className="jf-ledger-verify-signature">
              {t('verifySignature')}
            </Button>
            {signature.state === 'ok' && <Alert type="success" showIcon className="jf-ledger-signature" data-verdict="verified" title={t('signatureOk', { key: signature.key })} />}
            {signature.state === 'unsupported' && <Alert type="warning" showIcon className="jf-ledger-signature" data-verdict="unsupported" title={t('signatureUnsupported')} />}
            {signature.state === 'failed' && <Alert type="error" showIcon className="jf-ledger-signature" data-verdict="failed" title={t('failure.badSignature', { reason: signature.reason })} />}
          </Space>
        </Card>
      )}
      {status.data && (
        <Card title={<h2 className="jf-ledger-card-title">{t('statusTitle')}</h2>} size="small">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'queued', label: t('queued'), children: status.data.queued },
              { key: 'delay', label: t('mergeDelay'), children: t('mergeDelayValue', { p99: status.data.mergeDelay.recentP99Ms, bound: status.data.mergeDelay.boundMs }) },
            ]}
          />
        </Card>
      )}
      {checkpoints.length > 0 && (
        <Card title={<h2 className="jf-ledger-card-title">{t('historyOfCheckpoints')}</h2>} size="small" className="jf-ledger-checkpoints">
          <Typography.Paragraph className="jf-muted">{t('historyOfCheckpointsIntro')}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select aria-label={t('older')} placeholder={t('older')} style={{ minWidth: 260 }} options={options} value={older} onChange={setOlder} className="jf-ledger-older" />
            <Select aria-label={t('newer')} placeholder={t('newer')} style={{ minWidth: 260 }} options={options} value={newer} onChange={setNewer} className="jf-ledger-newer" />
            <Button type="primary" disabled={older === undefined || newer === undefined || older === newer} loading={consistency.state === 'running'} onClick={() => void verifyConsistency()} className="jf-ledger-verify-consistency">
              {t('verifyConsistency')}
            </Button>
          </Space>
          {older !== undefined && older === newer && <Alert type="info" showIcon title={t('pickTwo')} />}
          {consistency.state === 'done' && consistency.result.ok && (
            <Alert
              type={consistency.result.signatures === 'ok' ? 'success' : 'warning'}
              showIcon
              className="jf-ledger-consistency"
              data-verdict="verified"
              title={t(consistency.result.signatures === 'ok' ? 'consistencyOk' : 'consistencyOkUnsigned', { from: consistency.from, to: consistency.to })}
            />
          )}
          {consistency.state === 'done' && !consistency.result.ok && (
            <Alert
              type="error"
              showIcon
              className="jf-ledger-consistency"
              data-verdict="failed"
              title={t('failed')}
              description={t(`failure.${consistency.result.failure!}` as 'failure.inconsistent', { reason: consistency.result.reason ?? '' })}
            />
          )}
          {consistency.state === 'error' && <Alert type="error" showIcon className="jf-ledger-consistency" data-verdict="error" title={t('fetchFailed', { reason: consistency.message })} />}
          <Space wrap style={{ marginBottom: 12 }}>
            <Button disabled={before === undefined} onClick={() => setBefore(undefined)}>
              {t('historyNewest')}
            </Button>
            <Button disabled={shown.length < HISTORY_PAGE} onClick={() => setBefore(shown[shown.length - 1].treeSize)}>
              {t('historyOlder')}
            </Button>
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
          <ApiErrorAlert error={olderPage.error ?? exportError} />
          <Table<CheckpointView>
            size="small"
            rowKey="treeSize"
            loading={olderPage.loading}
            pagination={shown.length > 20 ? { pageSize: 20 } : false}
            dataSource={shown}
            columns={[
              { title: t('colSize'), dataIndex: 'treeSize' },
              { title: t('colSignedAt'), key: 'at', render: (_, c) => chinaTime(c.signedAt) },
              { title: t('colRoot'), key: 'root', render: (_, c) => <code className="jf-ledger-hash">{c.rootHash}</code> },
              { title: t('colBatch'), dataIndex: 'batchSize' },
              { title: t('colDelay'), dataIndex: 'maxMergeDelayMs' },
            ]}
          />
        </Card>
      )}
    </div>
  );
}

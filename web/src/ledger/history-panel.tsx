import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { ArticleLink } from '../compliance/citation';
import { useT } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useApi } from '../ui/use-api';
import { checkEntry, type CheckResult } from './check';
import { ledger } from './i18n';
import { chinaTime, inclusionProof, latestCheckpoint, sizeOfNote, verifierKey, type HistoryAnswer, type LedgerEntryView } from './sources';
import './ledger.css';

/** The kinds of record whose ledger history can be shown (the API's `/ledger/history/:kind/:id`). */
export type HistoryKind = 'key-units' | 'sites' | 'public-areas' | 'security-systems' | 'devices' | 'providers' | 'products' | 'workflow-items';

type Verdict = { state: 'running' } | { state: 'done'; result: CheckResult; proofLength: number; vkey: string } | { state: 'error'; message: string };

/** The first 12 hex digits of a `sha256:` digest or pseudonym: enough to tell entries apart on screen. */
const short = (s: string | undefined) => (s ? (s.length > 24 ? `${s.slice(0, s.indexOf(':') + 13)}…` : s) : '');

/** What was checked, step by step, or where it broke, in the reader's language. */
export function VerdictView({ index, verdict }: { index: number; verdict: Verdict }) {
  const t = useT(ledger);
  if (verdict.state === 'running') return null;
  if (verdict.state === 'error') return <Alert type="error" showIcon className="jf-ledger-verdict" data-verdict="error" title={t('fetchFailed', { reason: verdict.message })} />;
  const r = verdict.result;
  if (!r.ok) {
    return (
      <Alert
        type="error"
        showIcon
        className="jf-ledger-verdict"
        data-verdict="failed"
        data-failure={r.failure}
        title={t('failed')}
        description={t(`failure.${r.failure!}` as 'failure.altered', { reason: r.reason ?? '' })}
      />
    );
  }
  const steps = [
    t('stepKey', { key: verdict.vkey.split('+').slice(0, 2).join('+') }),
    r.steps.signature === 'ok' ? t('stepSignature') : t('stepSignatureUnsupported'),
    t('stepLeaf', { hash: r.leafHashHex ?? '' }),
    t('stepInclusion', { count: verdict.proofLength, root: r.checkpoint?.rootHex ?? '' }),
  ];
  return (
    <Alert
      type={r.steps.signature === 'ok' ? 'success' : 'warning'}
      showIcon
      className="jf-ledger-verdict"
      data-verdict="verified"
      title={t('verifiedTitle', { index, size: String(r.checkpoint?.size ?? '') })}
      description={
        <>
          <ol className="jf-ledger-steps">
            {steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <Typography.Text className="jf-muted">{t('keyFromServer')}</Typography.Text>
        </>
      }
    />
  );
}

/**
 * Fetches the latest signed checkpoint, the verifier key and the entry's
 * inclusion proof for that very checkpoint's size, and checks them here.
 */
export async function verifyEntry(e: LedgerEntryView): Promise<Verdict> {
  try {
    const [note, vkey] = await Promise.all([latestCheckpoint(), verifierKey()]);
    const proof = await inclusionProof(e.index, sizeOfNote(note));
    const result = await checkEntry({ index: e.index, leafBase64: e.leaf, note, vkey, proof });
    return { state: 'done', result, proofLength: proof.hashes.length, vkey };
  } catch (err) {
    return { state: 'error', message: err instanceof ApiError ? `${err.body.messages.zh} / ${err.body.messages.en}` : (err as Error).message };
  }
}

/** One record's entries in the ledger, newest first, each with a button that verifies it in the browser. */
export function LedgerHistoryPanel({ kind, id }: { kind: HistoryKind; id: number }) {
  const t = useT(ledger);
  const history = useApi<HistoryAnswer>(`/api/v1/ledger/history/${kind}/${id}`);
  const [verdicts, setVerdicts] = useState<Record<number, Verdict>>({});

  const run = async (e: LedgerEntryView) => {
    setVerdicts((v) => ({ ...v, [e.index]: { state: 'running' } }));
    const verdict = await verifyEntry(e);
    setVerdicts((v) => ({ ...v, [e.index]: verdict }));
  };
  const typeName = (type: string) => {
    const key = `type.${type}` as keyof (typeof ledger)['zh-CN'];
    return key in ledger['zh-CN'] ? t(key) : type;
  };

  return (
    <Card
      size="small"
      className="jf-ledger-history"
      title={
        <h2 className="jf-ledger-card-title">
          {t('historyTitle')}
        </h2>
      }
      extra={
        <Button size="small" onClick={() => history.reload()}>
          {t('refresh')}
        </Button>
      }
    >
      <Typography.Paragraph className="jf-muted">
        {t('historyIntro')} <ArticleLink href="/law/36" label={{ zh: '第三十六条', en: 'Art 36' }} />
      </Typography.Paragraph>
      {history.error && <ApiErrorAlert error={history.error} onRetry={history.reload} />}
      {history.data && history.data.queued > 0 && <Alert type="info" showIcon className="jf-ledger-queued" title={t('historyQueued', { count: history.data.queued })} />}
      {history.data && (
        <Table<LedgerEntryView>
          size="small"
          rowKey="index"
          pagination={history.data.entries.length > 20 ? { pageSize: 20 } : false}
          dataSource={history.data.entries}
          locale={{ emptyText: <span className="jf-ledger-empty">{t('historyEmpty')}</span> }}
          expandable={{
            expandedRowKeys: Object.keys(verdicts)
              .map(Number)
              .filter((k) => verdicts[k].state !== 'running'),
            expandedRowRender: (e) => (verdicts[e.index] ? <VerdictView index={e.index} verdict={verdicts[e.index]} /> : null),
            showExpandColumn: false,
          }}
          onRow={(e) => ({ 'data-ledger-index': e.index }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('colIndex'), dataIndex: 'index', width: 80 },
            { title: t('colAt'), key: 'at', render: (_, e) => (e.fields ? chinaTime(e.fields.at) : '') },
            { title: t('colType'), key: 'type', render: (_, e) => (e.fields ? typeName(e.fields.type) : <Tag className="jf-ledger-tag-bad">{e.problem}</Tag>) },
            { title: t('colActor'), key: 'actor', render: (_, e) => <code>{short(e.fields?.actorRef)}</code> },
            { title: t('colDigest'), key: 'digest', render: (_, e) => <code>{short(e.fields?.digest)}</code> },
            {
              title: t('colVerify'),
              key: 'verify',
              render: (_, e) => {
                const v = verdicts[e.index];
                return (
                  <Space>
                    <Button size="small" className="jf-ledger-verify" loading={v?.state === 'running'} onClick={() => void run(e)} aria-label={`${t('verify')} #${e.index}`}>
                      {v?.state === 'running' ? t('verifying') : t('verify')}
                    </Button>
                    {v?.state === 'done' && <Tag className={v.result.ok ? 'jf-ledger-tag-ok' : 'jf-ledger-tag-bad'}>{v.result.ok ? t('verified') : t('failed')}</Tag>}
                  </Space>
                );
              },
            },
          ]}
        />
      )}
    </Card>
  );
}

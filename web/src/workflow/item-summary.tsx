import type { ReactNode } from 'react';
import { Button, Descriptions, List, Table, Tag, Typography, Upload, App } from 'antd';
import { Link } from 'react-router-dom';
import { api, ApiError, type ApiCitation } from '../api/client';
import { useBilingual, useT, type Bilingual } from '../i18n/i18n';
import { CitationLink } from '../ui/api-error-alert';
import { fields } from './fields';
import { workflow } from './i18n';
import { chinaDate, chinaDateTime, type Applied, type Item } from './types';
import { citationLink } from './citation';

/**
 * What an item's record says, per procedure: the filing's proof and returns,
 * the inspection's checklist and hazards, the case's violation, order and
 * decision. Anything else is shown as plain fields.
 */

type Data = Record<string, unknown>;
const asList = <T,>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);

function Text({ v }: { v: unknown }) {
  return <>{typeof v === 'string' || typeof v === 'number' ? String(v) : ''}</>;
}

function FilingSummary({ d }: { d: Data }) {
  const t = useT(workflow);
  const tf = useT(fields);
  const materials = (d.materials ?? {}) as Record<string, { title: string; note?: string }[]>;
  const returns = asList<{ at: string; reasons: string[]; explanation: string }>(d.returns);
  const provider = d.provider as { name: string; creditCode: string | null } | undefined;
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={tf('field.name')}>{provider?.name}</Descriptions.Item>
        <Descriptions.Item label={tf('field.creditCode')}>{provider?.creditCode}</Descriptions.Item>
        <Descriptions.Item label={tf('field.services')}>{asList<string>(d.services).map((s) => tf(`enum.${s}` as never)).join('、')}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3}>{t('materials')}</Typography.Title>
      <Descriptions size="small" column={1} bordered>
        {['item1', 'item2', 'item3', 'item4', 'item5'].map((k) => (
          <Descriptions.Item key={k} label={tf(`enum.${k}` as never)}>
            {(materials[k] ?? []).map((m) => m.title).join('；')}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {returns.length > 0 && (
        <>
          <Typography.Title level={3}>{t('returns')}</Typography.Title>
          <List
            size="small"
            dataSource={returns}
            renderItem={(r) => (
              <List.Item>
                {chinaDateTime(r.at)} · {r.reasons.map((x) => tf(`enum.${x}` as never)).join('、')} · {r.explanation}
              </List.Item>
            )}
          />
        </>
      )}
    </>
  );
}

interface Hazard {
  id: number;
  checklistItem: number;
  title: Bilingual;
  citation: { article: number; paragraph?: number; item?: number };
  description: string;
  photoIds: number[];
  caseId?: number;
}

function InspectionSummary({ item, onChanged }: { item: Item; onChanged: (r: Applied | null) => void }) {
  const t = useT(workflow);
  const b = useBilingual();
  const { message } = App.useApp();
  const d = item.data;
  const checklist = asList<{ item: number; label: Bilingual; result: string; notes: string; prefill: { source: string; text: Bilingual }[] }>(d.checklist);
  const hazards = asList<Hazard>(d.hazards);
  const canAct = item.actions.length > 0;
  const mayOpenCase = item.actions.some((a) => a.name === 'open-case');
  return (
    <>
      <Typography.Title level={3}>{t('checklist')}</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="item"
        className="jf-wf-checklist"
        dataSource={checklist}
        columns={[
          { title: '', dataIndex: 'item', width: 40, render: (n: number) => `（${n}）` },
          { title: t('colTitle'), dataIndex: 'label', render: (l: Bilingual) => b(l) },
          { title: t('checkResult'), dataIndex: 'result', width: 110, render: (r: string) => <Tag className={`jf-wf-tag jf-wf-tag-${r === 'hazard' ? 'overdue' : r === 'compliant' ? 'done' : 'closed'}`}>{t(`result.${r}` as never)}</Tag> },
          {
            title: t('prefill'),
            dataIndex: 'prefill',
            render: (p: { text: Bilingual }[], r) => (
              <>
                {r.notes && <div>{r.notes}</div>}
                <ul className="jf-wf-prefill">
                  {p.map((x, i) => (
                    <li key={i}>{b(x.text)}</li>
                  ))}
                </ul>
              </>
            ),
          },
        ]}
      />
      {canAct && item.state === 'in_progress' && (
        <Upload
          accept="image/jpeg,image/png,image/webp,application/pdf"
          showUploadList={false}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              const f = file as File;
              const data = btoa(String.fromCharCode(...new Uint8Array(await f.arrayBuffer())));
              const r = await api<{ id: number }>(`/api/v1/workflow/items/${item.id}/attachments`, { method: 'POST', json: { filename: f.name, contentType: f.type, dataBase64: data } });
              message.success(t('uploaded', { id: r.id }));
              onSuccess?.(r);
            } catch (e) {
              message.error(e instanceof ApiError ? b(e.body.messages) : String(e));
              onError?.(e as Error);
            }
          }}
        >
          <Button>{t('uploadPhoto')}</Button>
        </Upload>
      )}
      <Typography.Title level={3}>{t('hazards')}</Typography.Title>
      <List
        dataSource={hazards}
        locale={{ emptyText: '—' }}
        renderItem={(h) => (
          <List.Item
            actions={[
              h.caseId ? (
                <Link key="c" to={`/work/items/${h.caseId}`}>
                  {t('caseOpened', { id: h.caseId })}
                </Link>
              ) : mayOpenCase ? (
                <Button
                  key="o"
                  size="small"
                  onClick={async () => {
                    try {
                      const r = await api<Applied>(`/api/v1/workflow/items/${item.id}/transitions/open-case`, { method: 'POST', json: { version: item.version, input: { hazardId: h.id } } });
                      onChanged(r);
                    } catch (e) {
                      message.error(e instanceof ApiError ? b(e.body.messages) : String(e));
                      onChanged(null);
                    }
                  }}
                >
                  {t('openCase')}
                </Button>
              ) : null,
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  {h.id}. {b(h.title)} <CitationLink citation={citationLink(h.citation) as ApiCitation} />
                </>
              }
              description={
                <>
                  {h.description}
                  {h.photoIds.map((p) => (
                    <a key={p} href={`/api/v1/workflow/attachments/${p}`} target="_blank" rel="noreferrer" className="jf-wf-photo">
                      <img src={`/api/v1/workflow/attachments/${p}`} alt={`${b(h.title)} ${p}`} height={64} />
                    </a>
                  ))}
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}

function CaseSummary({ d }: { d: Data }) {
  const t = useT(workflow);
  const tf = useT(fields);
  const b = useBilingual();
  const v = d.violation as { title: Bilingual; citation: { article: number; paragraph?: number; item?: number }; penaltyArticle: number | null } | undefined;
  const s = d.subject as { name: string; creditCode?: string | null; offender: string } | undefined;
  const order = d.order as { timeLimit: string; requirements: string; number?: string } | undefined;
  const penalty = d.penalty as { decision: { fines: { basis: Bilingual }[]; summary: Bilingual }; statement: string } | undefined;
  const referrals = asList<{ kind: string; at: string; note: string }>(d.referrals);
  return (
    <Descriptions size="small" column={1} bordered className="jf-wf-case">
      <Descriptions.Item label={tf('field.name')}>
        {s?.name} {s?.creditCode ? `（${s.creditCode}）` : ''} · {tf(`enum.${s?.offender ?? 'unit'}` as never)}
      </Descriptions.Item>
      {v && (
        <Descriptions.Item label={t('violation')}>
          {b(v.title)} <CitationLink citation={citationLink(v.citation) as ApiCitation} />
          {v.penaltyArticle ? <> · <CitationLink citation={citationLink({ article: v.penaltyArticle }) as ApiCitation} /></> : null}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={tf('field.facts')}>
        <Text v={d.facts} />
      </Descriptions.Item>
      {order && (
        <Descriptions.Item label={t('order')}>
          {order.requirements} · {t('timeLimit', { date: order.timeLimit })} {order.number ? `· ${order.number}` : ''}
        </Descriptions.Item>
      )}
      {penalty && (
        <Descriptions.Item label={t('penalty')}>
          {b(penalty.decision.summary)}
        </Descriptions.Item>
      )}
      {referrals.length > 0 && (
        <Descriptions.Item label={t('referrals')}>
          {referrals.map((r, i) => (
            <div key={i}>
              {chinaDate(r.at)} {tf(`enum.${r.kind}` as never)}：{r.note}
            </div>
          ))}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Keys that carry no meaning for a reader: who by account id, internal ids. */
const HIDDEN = new Set(['by', 'userId', 'id', 'caseId', 'warningId', 'confirmedBy', 'proposedBy']);

/**
 * Any record, generically: texts, numbers, yes/no, lists of words (the standards
 * of Art 13), and nested records and lists of them (reviews, opinions, the
 * reasons of a rejection) as lines of "field: value". Times are in China time.
 */
function PlainValue({ k, v }: { k: string; v: unknown }): ReactNode {
  const tf = useT(fields);
  const b = useBilingual();
  const label = (x: string) => (`field.${x}` in fields['zh-CN'] ? tf(`field.${x}` as never) : x);
  if (v == null || v === '') return null;
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if ((k === 'at' || k.endsWith('At')) && /^\d{4}-\d{2}-\d{2}T/.test(v)) return chinaDateTime(v);
    return `enum.${v}` in fields['zh-CN'] ? tf(`enum.${v}` as never) : v;
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null)) return v.map((x) => (typeof x === 'string' && `enum.${x}` in fields['zh-CN'] ? tf(`enum.${x}` as never) : String(x))).join('、');
    return (
      <ol className="jf-wf-plain-list">
        {v.map((x, n) => (
          <li key={n}>
            <PlainValue k={k} v={x} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('zh' in o && 'en' in o) return b(o as unknown as Bilingual);
    if ('name' in o && Object.keys(o).every((x) => ['id', 'name', 'creditCode'].includes(x))) return String(o.name);
    const parts = Object.entries(o).filter(([x, y]) => !HIDDEN.has(x) && y != null && y !== '' && !(Array.isArray(y) && y.length === 0));
    return (
      <>
        {parts.map(([x, y], n) => (
          <span key={x} className="jf-wf-plain-part">
            {n > 0 ? '；' : ''}
            {label(x)}：<PlainValue k={x} v={y} />
          </span>
        ))}
      </>
    );
  }
  return String(v);
}

function PlainSummary({ d }: { d: Data }) {
  const tf = useT(fields);
  const entries = Object.entries(d).filter(([k, v]) => !HIDDEN.has(k) && v != null && v !== '' && !(Array.isArray(v) && v.length === 0));
  return (
    <Descriptions size="small" column={1} bordered className="jf-wf-plain">
      {entries.map(([k, v]) => (
        <Descriptions.Item key={k} label={`field.${k}` in fields['zh-CN'] ? tf(`field.${k}` as never) : k}>
          <PlainValue k={k} v={v} />
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function ItemSummary({ item, onChanged }: { item: Item; onChanged: (r: Applied | null) => void }) {
  switch (item.machine) {
    case 'provider-filing':
      return <FilingSummary d={item.data} />;
    case 'inspection':
      return <InspectionSummary item={item} onChanged={onChanged} />;
    case 'case':
      return <CaseSummary d={item.data} />;
    default:
      return <PlainSummary d={item.data} />;
  }
}

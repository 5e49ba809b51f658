import { List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ArticlePreview } from '../law/article-preview';
import { api } from '../api/client';
import { useBilingual, useT, type Bilingual } from '../i18n/i18n';
import { workspace } from './i18n';

/** What `GET /api/v1/assessments/{entityType}/{id}` answers, as far as the checklist reads it. */
interface Assessment {
  entity: { type: string; id: number; name: string };
  findings: { ruleId: string; outcome: string; citation: { article: number; paragraph?: number; item?: number }; citationLabel: Bilingual; href: string; message: Bilingual }[];
  unknownFacts: { fact: string; label: Bilingual; citation: { article: number }; citationLabel: Bilingual; href: string }[];
}

/** The duties of a key unit the checklist covers: art 10-15 and 23. */
export const CHECKLIST_ARTICLES = [10, 11, 12, 13, 14, 15, 23];
/** How many of the unit's systems and devices are assessed one by one; beyond that the stored findings list takes over. */
const MAX_ENTITIES = 40;

export type LineStatus = 'missing' | 'toShow' | 'done';

export interface ChecklistLine {
  key: string;
  article: number;
  citationLabel: Bilingual;
  href: string;
  text: Bilingual;
  status: LineStatus;
  /** The entities (the unit, its systems, its devices) the line was found on. */
  entities: { type: string; id: number; name: string; status: LineStatus }[];
}

const RANK: Record<LineStatus, number> = { missing: 0, toShow: 1, done: 2 };

function statusOf(outcome: string): LineStatus | null {
  if (outcome === 'violation' || outcome === 'refused') return 'missing';
  if (outcome === 'obligation') return 'toShow';
  if (outcome === 'compliant' || outcome === 'allowed') return 'done';
  return null;
}

/** One line per paragraph or item of art 10-15 and 23, the worst state over the unit and its systems and devices. */
export function checklistOf(assessments: readonly Assessment[]): ChecklistLine[] {
  const lines = new Map<string, ChecklistLine>();
  const add = (a: Assessment, article: number, citationLabel: Bilingual, href: string, text: Bilingual, status: LineStatus) => {
    if (!CHECKLIST_ARTICLES.includes(article)) return;
    const key = href;
    let l = lines.get(key);
    if (!l) {
      l = { key, article, citationLabel, href, text, status, entities: [] };
      lines.set(key, l);
    }
    if (RANK[status] < RANK[l.status]) {
      l.status = status;
      l.text = text;
    }
    // A finding and an unknown fact can name the same duty of the same entity: it is listed once, at its worst.
    const seen = l.entities.find((e) => e.type === a.entity.type && e.id === a.entity.id);
    if (!seen) l.entities.push({ type: a.entity.type, id: a.entity.id, name: a.entity.name, status });
    else if (RANK[status] < RANK[seen.status]) seen.status = status;
  };
  for (const a of assessments) {
    for (const f of a.findings) {
      const s = statusOf(f.outcome);
      if (s) add(a, f.citation.article, f.citationLabel, f.href, f.message, s);
    }
    for (const u of a.unknownFacts) add(a, u.citation.article, u.citationLabel, u.href, u.label, 'toShow');
  }
  return [...lines.values()].sort((x, y) => x.article - y.article || x.href.localeCompare(y.href, 'en', { numeric: true }));
}

/** Assesses the unit, and each of its systems and devices, as they stand now. */
function useChecklist(keyUnitId: number) {
  const [state, setState] = useState<{ lines?: ChecklistLine[]; error?: unknown; partial?: boolean }>({});
  useEffect(() => {
    const ctrl = new AbortController();
    const get = <T,>(url: string, query?: Record<string, string | number>) => api<T>(url, { query, signal: ctrl.signal });
    (async () => {
      const [unit, systems, devices] = await Promise.all([
        get<Assessment>(`/api/v1/assessments/key-units/${keyUnitId}`),
        get<{ items: { id: number }[]; total: number }>('/api/v1/registry/security-systems', { pageSize: MAX_ENTITIES }),
        get<{ items: { id: number }[]; total: number }>('/api/v1/registry/devices', { pageSize: MAX_ENTITIES }),
      ]);
      const more = await Promise.all([
        ...systems.items.map((s) => get<Assessment>(`/api/v1/assessments/security-systems/${s.id}`)),
        ...devices.items.map((x) => get<Assessment>(`/api/v1/assessments/devices/${x.id}`)),
      ]);
      setState({ lines: checklistOf([unit, ...more]), partial: systems.total > systems.items.length || devices.total > devices.items.length });
    })().catch((error: unknown) => {
      if ((error as Error).name !== 'AbortError') setState({ error });
    });
    return () => ctrl.abort();
  }, [keyUnitId]);
  return state;
}

/** Text dark enough for 4.5:1 on its tint (WCAG 2.1 AA), as the compliance pages' outcome tags; the word says it, the colour only helps. */
const TAG: Record<LineStatus, { color: string; background: string; borderColor: string }> = {
  missing: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  toShow: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  done: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
};

/** The key unit's duties, line by line: done, still to be shown, or missing, each with its article. */
export function Checklist({ keyUnitId }: { keyUnitId: number }) {
  const t = useT(workspace);
  const b = useBilingual();
  const { lines, error, partial } = useChecklist(keyUnitId);
  if (error) return <Typography.Paragraph type="danger">{t('checklistFailed')}</Typography.Paragraph>;
  if (!lines) return <Typography.Paragraph>{t('loadingFigures')}</Typography.Paragraph>;
  const count = (s: LineStatus) => lines.filter((l) => l.status === s).length;
  return (
    <div data-testid="checklist">
      <Typography.Paragraph>{t('checklistSummary', { done: count('done'), toShow: count('toShow'), missing: count('missing') })}</Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={lines}
        renderItem={(l) => (
          <List.Item data-testid="checklist-line" data-status={l.status}>
            <div className="jf-ws-check-line">
              <Tag style={TAG[l.status]} className="jf-ws-check-tag">
                {t(`line.${l.status}`)}
              </Tag>
              <ArticlePreview href={l.href}>
                <Link to={l.href} className="jf-article-link jf-ws-check-article">
                  {b(l.citationLabel)}
                </Link>
              </ArticlePreview>
              <span className="jf-ws-check-text">{b(l.text)}</span>
              <span className="jf-ws-check-where">
                {l.entities
                  .filter((e) => e.status === l.status)
                  .slice(0, 3)
                  .map((e) => (
                    <Link key={`${e.type}/${e.id}`} to={`/compliance/entities/${e.type}/${e.id}`}>
                      {e.name}
                    </Link>
                  ))}
              </span>
            </div>
          </List.Item>
        )}
      />
      {partial && <Typography.Paragraph type="secondary">{t('checklistPartial')}</Typography.Paragraph>}
    </div>
  );
}

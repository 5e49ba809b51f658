import { Alert, Button, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ApiError } from '../api/client';
import { compliance } from '../i18n/compliance';
import { useBilingual, useT } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useApi } from '../ui/use-api';
import { ArticleLink } from './citation';
import { FindingList } from './finding-list';
import { OutcomeTag } from './outcome-tag';
import './compliance.css';
import { chinaDateTime, isEntityKind, OUTCOMES, type EntityAssessment, type Outcome } from './types';

const ORDER: Record<Outcome, number> = Object.fromEntries(OUTCOMES.map((o, i) => [o, i])) as Record<Outcome, number>;

/**
 * The "Assessment" panel of a registry record: every rule of the regulation
 * over it, as its facts stand now (GET /api/v1/assessments/{kind}/{id}), each
 * finding linked to its article. Nothing for a registry the rules do not
 * read (police organs).
 */
export function AssessmentPanel({ kind, id }: { kind: string; id: number }) {
  const assessable = isEntityKind(kind);
  const { data, error, loading, reload } = useApi<EntityAssessment>(assessable ? `/api/v1/assessments/${kind}/${id}` : null);
  if (!assessable) return null;
  return (
    <section className="jf-assessment" aria-labelledby={`assessment-${kind}-${id}`} data-testid="assessment-panel">
      <AssessmentBody headingId={`assessment-${kind}-${id}`} data={data} loading={loading} error={error} reload={reload} />
    </section>
  );
}

function AssessmentBody({ headingId, data, loading, error, reload }: { headingId: string; data?: EntityAssessment; loading: boolean; error?: ApiError; reload(): void }) {
  const t = useT(compliance);
  const b = useBilingual();
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => [...(data?.findings ?? [])].sort((x, y) => ORDER[x.outcome] - ORDER[y.outcome] || x.citation.article - y.citation.article), [data]);
  const decisive = sorted.filter((f) => f.outcome !== 'not_applicable');
  const shown = showAll ? sorted : decisive;
  const notApplicable = sorted.length - decisive.length;
  return (
    <>
      <Typography.Title level={3} id={headingId} className="jf-assessment-title">
        {t('panelTitle')}
      </Typography.Title>
      <ApiErrorAlert error={error} onRetry={reload} />
      {loading && !data && <Skeleton active paragraph={{ rows: 3 }} />}
      {data && (
        <>
          <Typography.Paragraph className="jf-muted">{t('panelIntro', { date: data.at })}</Typography.Paragraph>
          <Space size={[4, 4]} wrap className="jf-assessment-counts">
            {OUTCOMES.filter((o) => data.counts[o] > 0).map((o) => (
              <OutcomeTag key={o} outcome={o} count={data.counts[o]} />
            ))}
          </Space>
          {sorted.length === 0 ? <Typography.Paragraph>{t('panelNone')}</Typography.Paragraph> : <FindingList findings={shown} label={t('findingsOf')} />}
          {notApplicable > 0 && !showAll && (
            <Button type="link" className="jf-show-all" onClick={() => setShowAll(true)}>
              {t('showNotApplicable', { count: notApplicable })}
            </Button>
          )}
          {data.unknownFacts.length > 0 && (
            <Alert
              type="info"
              className="jf-unknown-facts"
              title={t('unknownTitle')}
              description={
                <ul>
                  {data.unknownFacts.map((u) => (
                    <li key={u.fact}>
                      <ArticleLink href={u.href} label={u.citationLabel} />
                      {'：'}
                      {b(u.label)}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Typography.Paragraph className="jf-muted jf-sweep-note">
            {data.sweep ? t(data.sweep.current ? 'sweepCurrent' : 'sweepStale', { date: chinaDateTime(data.sweep.assessedAt) }) : t('sweepNever')}
          </Typography.Paragraph>
        </>
      )}
    </>
  );
}

import { Typography } from 'antd';
import { compliance } from '../i18n/compliance';
import { useBilingual, useT } from '../i18n/i18n';
import { ArticleLink } from './citation';
import { OutcomeTag } from './outcome-tag';
import type { Finding } from './types';

/** Findings, each with its outcome, the article it rests on (a link) and what it says. */
export function FindingList({ findings, label }: { findings: Finding[]; label: string }) {
  const t = useT(compliance);
  const b = useBilingual();
  return (
    <ul className="jf-finding-list" aria-label={label}>
      {findings.map((f, i) => (
        <li key={`${f.ruleId}-${i}`} className="jf-finding" data-rule={f.ruleId} data-outcome={f.outcome}>
          <div className="jf-finding-head">
            <OutcomeTag outcome={f.outcome} />
            <ArticleLink href={f.href} label={f.citationLabel} />
          </div>
          <Typography.Paragraph className="jf-finding-message">{b(f.message)}</Typography.Paragraph>
          {f.penalty && f.kind !== 'penalty' && <Typography.Paragraph className="jf-muted">{t('penaltyLine', { summary: b(f.penalty.summary) })}</Typography.Paragraph>}
        </li>
      ))}
    </ul>
  );
}

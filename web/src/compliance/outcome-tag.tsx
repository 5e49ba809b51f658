import { Tag } from 'antd';
import { compliance } from '../i18n/compliance';
import { useT } from '../i18n/i18n';
import type { Outcome } from './types';

/**
 * Tint, border and text per outcome, the text dark enough for 4.5:1 on its
 * tint (WCAG 2.1 AA); the word says it, the colour only helps.
 */
const STYLE: Record<Outcome, { color: string; background: string; borderColor: string }> = {
  violation: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  obligation: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  refused: { color: '#871400', background: '#fff2e8', borderColor: '#ffbb96' },
  allowed: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  compliant: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  not_applicable: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
};

export function OutcomeTag({ outcome, count }: { outcome: Outcome; count?: number }) {
  const t = useT(compliance);
  return (
    <Tag style={STYLE[outcome]} className={`jf-outcome jf-outcome-${outcome}`} data-outcome={outcome}>
      {t(`outcome.${outcome}`)}
      {count !== undefined ? ` ${count}` : ''}
    </Tag>
  );
}

import { Tag } from 'antd';
import { compliance } from '../i18n/compliance';
import { useT } from '../i18n/i18n';
import type { Outcome } from './types';

/** Colours that keep 4.5:1 on their tinted background; the word says it, the colour only helps. */
const COLOR: Record<Outcome, string> = {
  violation: 'red',
  obligation: 'orange',
  refused: 'volcano',
  allowed: 'blue',
  compliant: 'green',
  not_applicable: 'default',
};

export function OutcomeTag({ outcome, count }: { outcome: Outcome; count?: number }) {
  const t = useT(compliance);
  return (
    <Tag color={COLOR[outcome]} className={`jf-outcome jf-outcome-${outcome}`} data-outcome={outcome}>
      {t(`outcome.${outcome}`)}
      {count !== undefined ? ` ${count}` : ''}
    </Tag>
  );
}

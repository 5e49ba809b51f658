import { Tag } from 'antd';
import { useBilingual, useT } from '../i18n/i18n';
import { workflow } from './i18n';
import { chinaDate, type Item } from './types';

/** The state, in words; colour only helps. */
export function StateTag({ item }: { item: Item }) {
  const b = useBilingual();
  return (
    <Tag className={`jf-wf-tag jf-wf-tag-${item.terminal ? 'closed' : item.awaiting === 'official' ? 'police' : item.awaiting ? 'party' : 'done'}`} data-state={item.state}>
      {b(item.stateLabel)}
    </Tag>
  );
}

/** The deadline of whoever must act, red once it has passed. */
export function DueTag({ item }: { item: Item }) {
  const t = useT(workflow);
  if (!item.dueAt) return null;
  return (
    <Tag className={item.overdue ? 'jf-wf-tag jf-wf-tag-overdue jf-wf-overdue' : 'jf-wf-tag jf-wf-tag-closed'}>
      {item.overdue ? `${t('overdue')} · ` : ''}
      {t('due', { date: chinaDate(item.dueAt, true) })} · {t(`party.${item.dueParty ?? 'official'}` as never)}
    </Tag>
  );
}

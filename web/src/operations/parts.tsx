import { Tag } from 'antd';
import { useLang, useT } from '../i18n/i18n';
import type { OperatingStatus } from '../../../src/operations/domain/kinds';
import { operations } from './i18n';

/** An ISO timestamp as the reader's local date and time, to the second. */
export function useWhen(): (iso: string | null | undefined) => string {
  const { lang } = useLang();
  return (iso) => (iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) : '—');
}

/** Dark text on a light ground (at least 4.5:1); the word carries the meaning, colour only helps. */
const TONES: Record<OperatingStatus, { color: string; background: string; borderColor: string }> = {
  online: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  offline: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  interrupted: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  never: { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' },
};

export function StatusTag({ status }: { status: OperatingStatus }) {
  const t = useT(operations);
  return (
    <Tag style={TONES[status]} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useT } from '../i18n/i18n';
import { registry } from '../i18n/registry';
import type { RegistryKind } from './kinds';
import type { Page, RegistryRecord } from './meta';
import { refName } from './ref-names';

export interface RefSelectProps {
  id?: string;
  kind: RegistryKind;
  value?: number | null;
  onChange?: (id: number | null) => void;
  disabled?: boolean;
  status?: 'error';
  className?: string;
  'aria-label'?: string;
  'aria-required'?: boolean;
}

/** Chooses a row of another registry by searching its names: a page of matches at a time, never the whole registry. */
export function RefSelect({ id, kind, value, onChange, disabled, status, className, ...aria }: RefSelectProps) {
  const t = useT(registry);
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (typeof value !== 'number') return;
    if (options.some((o) => o.value === value)) return;
    let live = true;
    refName(kind, value).then((name) => live && setOptions((o) => (o.some((x) => x.value === value) ? o : [{ value, label: name ?? `#${value}` }, ...o])));
    return () => {
      live = false;
    };
  }, [kind, value, options]);

  function search(q: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const page = await api<Page<RegistryRecord>>(`/api/v1/registry/${kind}`, { query: { q: q.trim() || undefined, page: 1, pageSize: 20, sort: 'name', order: 'asc' } });
        if (mine === seq.current) setOptions(page.items.map((r) => ({ value: r.id, label: String(r.name ?? `#${r.id}`) })));
      } catch {
        if (mine === seq.current) setOptions([]);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, 250);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select<number>
      id={id}
      className={className}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value ?? undefined}
      options={options}
      loading={loading}
      placeholder={t('refSearchPlaceholder')}
      onOpenChange={(open) => open && search('')}
      onChange={(v) => onChange?.(v ?? null)}
      disabled={disabled}
      status={status}
      notFoundContent={loading ? null : undefined}
      {...aria}
    />
  );
}

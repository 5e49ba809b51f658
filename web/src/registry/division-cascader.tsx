import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useLang, useT } from '../i18n/i18n';
import { registry } from '../i18n/registry';
import { divisionPath, LIAONING, loadDivisions } from './divisions';

interface Option {
  value: string;
  label: string;
  isLeaf?: boolean;
  children?: Option[];
}

export interface DivisionCascaderProps {
  id?: string;
  value?: string | null;
  onChange?: (code: string | null) => void;
  /**
   * `county`: a county-level code must be chosen (city → county);
   * `any`: the province, a city or a county (filters, police organs' jurisdictions).
   */
  mode: 'county' | 'any';
  /** Only cities, no counties (a filter on a city column). */
  citiesOnly?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-required'?: boolean;
  status?: 'error';
  className?: string;
}

/** City → county, loaded from the divisions API a level at a time. */
export function DivisionCascader({ id, value, onChange, mode, citiesOnly, disabled, status, className, ...aria }: DivisionCascaderProps) {
  const t = useT(registry);
  const { lang } = useLang();
  const [options, setOptions] = useState<Option[]>([]);

  // The cities, and the counties of the city the current value lies in, so its name shows at once.
  useEffect(() => {
    let live = true;
    (async () => {
      const cities = await loadDivisions(LIAONING);
      const opts: Option[] = cities.map((c) => ({ value: c.code, label: c.name, isLeaf: !!citiesOnly }));
      const path = value ? divisionPath(value) : [];
      if (!citiesOnly && path.length === 2) {
        const city = opts.find((o) => o.value === path[0]);
        if (city) city.children = (await loadDivisions(path[0])).map((d) => ({ value: d.code, label: d.name, isLeaf: true }));
      }
      if (mode === 'any' && !citiesOnly) opts.unshift({ value: LIAONING, label: lang === 'en' ? 'Liaoning (whole province)' : '辽宁省（全省）', isLeaf: true });
      if (live) setOptions(opts);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
    // Only the value's city matters, and only before the user opens a city.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [citiesOnly, mode, lang]);

  async function loadData(selected: Option[]) {
    const target = selected[selected.length - 1];
    if (target.children) return;
    const kids = await loadDivisions(target.value);
    target.children = kids.map((d) => ({ value: d.code, label: d.name, isLeaf: true }));
    setOptions((o) => [...o]);
  }

  return (
    <Cascader
      id={id}
      className={className}
      options={options}
      loadData={(s) => void loadData(s as Option[])}
      value={value ? (value === LIAONING ? [LIAONING] : divisionPath(value)) : undefined}
      changeOnSelect={mode === 'any'}
      onChange={(path) => onChange?.(path && path.length ? String(path[path.length - 1]) : null)}
      placeholder={t('divisionPlaceholder')}
      disabled={disabled}
      status={status}
      allowClear
      showSearch={false}
      {...aria}
    />
  );
}

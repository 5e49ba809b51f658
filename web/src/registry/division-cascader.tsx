import { Cascader } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../i18n/i18n';
import { registry } from '../i18n/registry';
import { divisionPath, LIAONING, loadDivisions, type DivisionOption } from './divisions';

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
  const [cities, setCities] = useState<DivisionOption[]>([]);
  /** Counties by city code, as they are loaded. */
  const [counties, setCounties] = useState<Record<string, DivisionOption[]>>({});

  const loadCounties = useCallback(async (city: string) => {
    const kids = await loadDivisions(city);
    setCounties((c) => (c[city] ? c : { ...c, [city]: kids }));
  }, []);

  // The cities, and the counties of the city the current value lies in, so its name shows at once.
  useEffect(() => {
    let live = true;
    loadDivisions(LIAONING).then((c) => live && setCities(c), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  const valueCity = value && !citiesOnly && divisionPath(value).length === 2 ? divisionPath(value)[0] : null;
  useEffect(() => {
    if (valueCity) loadCounties(valueCity).catch(() => undefined);
  }, [valueCity, loadCounties]);

  const options = useMemo<Option[]>(() => {
    const opts: Option[] = cities.map((c) => ({
      value: c.code,
      label: c.name,
      isLeaf: !!citiesOnly,
      children: citiesOnly ? undefined : counties[c.code]?.map((d) => ({ value: d.code, label: d.name, isLeaf: true })),
    }));
    if (mode === 'any' && !citiesOnly) opts.unshift({ value: LIAONING, label: t('wholeProvince'), isLeaf: true });
    return opts;
  }, [cities, counties, citiesOnly, mode, t]);

  return (
    <Cascader
      id={id}
      className={className}
      options={options}
      loadData={(selected) => void loadCounties(String(selected[selected.length - 1].value)).catch(() => undefined)}
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

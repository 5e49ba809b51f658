import { Input, InputNumber, Select, Switch } from 'antd';
import { useBilingual, useT } from '../i18n/i18n';
import { registry } from '../i18n/registry';
import { DivisionCascader } from './division-cascader';
import type { FieldMeta } from './meta';
import { RefSelect } from './ref-select';

export interface FieldInputProps {
  field: FieldMeta;
  id?: string;
  value?: unknown;
  onChange?: (v: unknown) => void;
  disabled?: boolean;
  status?: 'error';
  'aria-required'?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** The control for one field of a registry form, by the field's type. Form.Item passes id, value and onChange. */
export function FieldInput({ field, id, value, onChange, disabled, status, ...aria }: FieldInputProps) {
  const t = useT(registry);
  const b = useBilingual();
  const options = field.enum?.map((o) => ({ value: o.value, label: b(o.label) }));
  switch (field.type) {
    case 'boolean':
      return <Switch id={id} checked={value === true} onChange={(v) => onChange?.(v)} disabled={disabled} {...aria} />;
    case 'enum':
      return <Select id={id} value={value ?? undefined} onChange={(v) => onChange?.(v ?? null)} options={options} allowClear={!field.required} placeholder={t('selectPlaceholder')} disabled={disabled} status={status} showSearch={{ optionFilterProp: 'label' }} {...aria} />;
    case 'multi-enum':
      return <Select id={id} mode="multiple" value={(value as unknown[] | null) ?? []} onChange={(v) => onChange?.(v)} options={options} placeholder={t('selectPlaceholder')} disabled={disabled} status={status} {...aria} />;
    case 'integer':
    case 'number':
      if (options) return <Select id={id} value={value ?? undefined} onChange={(v) => onChange?.(v ?? null)} options={options} allowClear={!field.required} placeholder={t('selectPlaceholder')} disabled={disabled} status={status} {...aria} />;
      return <InputNumber id={id} value={(value as number | null) ?? null} onChange={(v) => onChange?.(v)} precision={field.type === 'integer' ? 0 : undefined} disabled={disabled} status={status} style={{ width: '100%' }} {...aria} />;
    case 'division':
      return <DivisionCascader id={id} value={(value as string | null) ?? null} onChange={(v) => onChange?.(v)} mode={field.divisionLevel === 'any' ? 'any' : 'county'} disabled={disabled} status={status} {...aria} />;
    case 'ref':
      return <RefSelect id={id} kind={field.ref!} value={(value as number | null) ?? null} onChange={(v) => onChange?.(v)} disabled={disabled} status={status} {...aria} />;
    default:
      return <Input id={id} value={(value as string | null) ?? ''} onChange={(e) => onChange?.(e.target.value)} disabled={disabled} status={status} {...aria} />;
  }
}

import { Tag } from 'antd';
import { common } from '../i18n/common';
import { useBilingual, useT } from '../i18n/i18n';
import type { FieldMeta } from './meta';
import { refLabel, type RefNames } from './ref-names';

/** One field of a row, as a list cell or a read-only form value. */
export function FieldValue({ field, record, refs }: { field: FieldMeta; record: Record<string, unknown>; refs: RefNames }) {
  const t = useT(common);
  const b = useBilingual();
  const v = record[field.name];
  if (v === null || v === undefined || v === '') return <span className="jf-empty-value">—</span>;
  switch (field.type) {
    case 'boolean':
      return <>{v ? t('yes') : t('no')}</>;
    case 'enum':
    case 'integer': {
      const o = field.enum?.find((x) => x.value === v || String(x.value) === String(v));
      return <>{o ? b(o.label) : String(v)}</>;
    }
    case 'multi-enum': {
      const vs = Array.isArray(v) ? v : [v];
      return (
        <>
          {vs.map((x) => {
            const o = field.enum?.find((e) => String(e.value) === String(x));
            return <Tag key={String(x)}>{o ? b(o.label) : String(x)}</Tag>;
          })}
        </>
      );
    }
    case 'division': {
      const name = field.name === 'divisionCode' ? record.divisionName : field.name === 'cityCode' ? record.cityName : null;
      const city = field.name === 'divisionCode' && record.cityName && record.cityName !== name ? `${record.cityName} ` : '';
      return <span title={String(v)}>{name ? `${city}${name}` : String(v)}</span>;
    }
    case 'ref':
      return <>{field.ref && typeof v === 'number' ? refLabel(refs, field.ref, v) : String(v)}</>;
    default:
      return <>{String(v)}</>;
  }
}

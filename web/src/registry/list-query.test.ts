import { describe, expect, it } from 'vitest';
import { apiQuery, filterFields, readListQuery, writeListQuery } from './list-query';
import type { KindMeta } from './meta';

const meta: KindMeta = {
  kind: 'key-units',
  label: { zh: '技术防范重点单位', en: 'Key units' },
  fields: [
    { name: 'name', label: { zh: '单位名称', en: 'Name' }, type: 'text', required: true, filterable: false, listed: true, searchable: true, sortable: true },
    { name: 'unitType', label: { zh: '单位类型', en: 'Unit type' }, type: 'enum', required: true, filterable: true, listed: true, searchable: false, sortable: true, enum: [] },
    { name: 'divisionCode', label: { zh: '所在县级行政区划', en: 'County' }, type: 'division', required: true, filterable: true, listed: true, searchable: false, sortable: true },
    { name: 'cityCode', label: { zh: '所在市', en: 'City' }, type: 'division', required: false, readOnly: true, filterable: true, listed: false, searchable: false, sortable: true },
    { name: 'restricted', label: { zh: '涉密', en: 'Restricted' }, type: 'boolean', required: false, filterable: true, listed: true, searchable: false, sortable: false },
  ],
};

describe('registry list state in the address', () => {
  it('reads defaults from an empty address', () => {
    expect(readListQuery(new URLSearchParams(), meta)).toEqual({ q: '', page: 1, pageSize: 20, sort: 'name', order: 'asc', filters: {} });
  });

  it('keeps only known filters, sortable columns and offered page sizes', () => {
    const q = readListQuery(new URLSearchParams('q=一二〇&page=3&pageSize=37&sort=address&order=desc&unitType=school&bogus=1&restricted=false'), meta);
    expect(q).toEqual({ q: '一二〇', page: 3, pageSize: 20, sort: 'name', order: 'desc', filters: { unitType: 'school', restricted: 'false' } });
  });

  it('round-trips through the address, leaving defaults out', () => {
    const q = { q: '一二〇', page: 2, pageSize: 50, sort: 'unitType', order: 'desc' as const, filters: { divisionCode: '210100' } };
    const p = writeListQuery(q);
    expect(p.toString()).toBe(new URLSearchParams({ q: '一二〇', divisionCode: '210100', sort: 'unitType', order: 'desc', page: '2', pageSize: '50' }).toString());
    expect(readListQuery(p, meta)).toEqual(q);
    expect(writeListQuery(readListQuery(new URLSearchParams(), meta)).toString()).toBe('');
  });

  it('asks the API for one page, never for everything', () => {
    expect(apiQuery(readListQuery(new URLSearchParams('q=%20一二〇%20&divisionCode=210102'), meta))).toEqual({ q: '一二〇', page: 1, pageSize: 20, sort: 'name', order: 'asc', divisionCode: '210102' });
  });

  it('offers one division filter: the county cascader already filters by city', () => {
    expect(filterFields(meta).map((f) => f.name)).toEqual(['unitType', 'divisionCode', 'restricted']);
  });
});

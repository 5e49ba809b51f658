import type { ResourceKind } from '../../access/index.js';
import type { Bilingual } from '../../shared/text.js';
import {
  ART10_ITEM_OPTIONS,
  KEY_UNIT_TYPE_OPTIONS,
  ORGAN_LEVEL_OPTIONS,
  PLACE_KIND_OPTIONS,
  PRODUCT_CATEGORY_OPTIONS,
  PROVIDER_SERVICE_OPTIONS,
  PUBLIC_AREA_KIND_OPTIONS,
  SUBSYSTEM_KIND_OPTIONS,
  type Option,
} from './vocabulary.js';

/** The registries, by their API path segment. */
export const REGISTRY_KINDS = ['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'products', 'providers', 'police-organs'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export function isRegistryKind(x: string): x is RegistryKind {
  return (REGISTRY_KINDS as readonly string[]).includes(x);
}

export const FIELD_TYPES = ['text', 'integer', 'number', 'boolean', 'enum', 'multi-enum', 'division', 'ref'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * One field of a registry: what the meta endpoint tells a generic form or list
 * page, and what the validator checks. The field name is the camelCase column.
 */
export interface FieldDef {
  name: string;
  label: Bilingual;
  type: FieldType;
  required: boolean;
  enum?: readonly Option<string | number>[];
  ref?: RegistryKind;
  filterable: boolean;
  listed: boolean;
  searchable: boolean;
  /** Derived or kept by the registry: shown, never written. */
  readOnly?: boolean;
  sortable?: boolean;
  /** Taken when a create leaves the field out. */
  default?: string | number | boolean;
  /** Why the field exists, where the regulation says. */
  help?: Bilingual;
  // Checks the meta endpoint does not publish as such.
  maxLength?: number;
  min?: number;
  max?: number;
  /** `min` itself is not allowed. */
  minExclusive?: boolean;
  /** `max` itself is not allowed. */
  maxExclusive?: boolean;
  /** A `division` field: only county-level codes, or any Liaoning code. */
  divisionLevel?: 'county' | 'any';
  /** A `text` field holding a unified social credit code (GB 32100). */
  creditCode?: boolean;
  /** No two rows may share the value. */
  unique?: boolean;
}

export interface KindDef {
  kind: RegistryKind;
  table: string;
  /** What the authorization decision calls it. */
  resource: ResourceKind;
  label: Bilingual;
  fields: readonly FieldDef[];
  /** Rows have `divisionCode` and `cityCode`; items carry `divisionName` and `cityName`. */
  hasDivision: boolean;
  /** Rows have the art 19 `restricted` flag; lists hide them from those who may not see them. */
  hasRestricted: boolean;
  /** Column that names the key unit a row belongs to, for a key unit's own scope. */
  keyUnitColumn?: string;
  /** Column that names the provider a row is (or that installed it), for a provider's own scope. */
  providerColumn?: string;
  /** Names are indexed for substring search (FTS5 on SQLite, pg_trgm on PostgreSQL); otherwise scanned. */
  indexedSearch: boolean;
}

const L = (zh: string, en: string): Bilingual => ({ zh, en });

const name = (label: Bilingual): FieldDef => ({ name: 'name', label, type: 'text', required: true, filterable: false, listed: true, searchable: true, sortable: true, maxLength: 200 });
const division = (over: Partial<FieldDef> = {}): FieldDef => ({
  name: 'divisionCode',
  label: L('所在县级行政区划', 'County-level division'),
  type: 'division',
  required: true,
  filterable: true,
  listed: true,
  searchable: false,
  sortable: true,
  divisionLevel: 'county',
  ...over,
});
const city = (over: Partial<FieldDef> = {}): FieldDef => ({ name: 'cityCode', label: L('所在市', 'City'), type: 'division', required: false, readOnly: true, filterable: true, listed: false, searchable: false, sortable: true, ...over });
const address: FieldDef = { name: 'address', label: L('地址', 'Address'), type: 'text', required: false, filterable: false, listed: false, searchable: false, maxLength: 300 };
const lat: FieldDef = { name: 'lat', label: L('纬度', 'Latitude'), type: 'number', required: false, filterable: false, listed: false, searchable: false, min: -90, max: 90 };
const lng: FieldDef = { name: 'lng', label: L('经度', 'Longitude'), type: 'number', required: false, filterable: false, listed: false, searchable: false, min: -180, max: 180 };
const restricted = (over: Partial<FieldDef> = {}): FieldDef => ({
  name: 'restricted',
  label: L('涉及国家秘密、国家安全', 'Involves state secrets or national security'),
  type: 'boolean',
  required: false,
  default: false,
  filterable: true,
  listed: true,
  searchable: false,
  help: L('第十九条：涉密、涉及国家安全的技防系统不在公开页面出现', 'Art 19: such systems never appear on public pages'),
  ...over,
});
const timestamps: FieldDef[] = [
  { name: 'createdAt', label: L('登记时间', 'Recorded at'), type: 'text', required: false, readOnly: true, filterable: false, listed: false, searchable: false, sortable: true },
  { name: 'updatedAt', label: L('更新时间', 'Updated at'), type: 'text', required: false, readOnly: true, filterable: false, listed: false, searchable: false, sortable: true },
];
const ref = (fieldName: string, to: RegistryKind, label: Bilingual, over: Partial<FieldDef> = {}): FieldDef => ({
  name: fieldName,
  label,
  type: 'ref',
  ref: to,
  required: false,
  filterable: true,
  listed: false,
  searchable: false,
  min: 1,
  ...over,
});

export const KINDS: Record<RegistryKind, KindDef> = {
  'key-units': {
    kind: 'key-units',
    table: 'key_units',
    resource: 'key-unit',
    label: L('技术防范重点单位', 'Key units'),
    hasDivision: true,
    hasRestricted: true,
    keyUnitColumn: 'id',
    indexedSearch: true,
    fields: [
      name(L('单位名称', 'Name')),
      { name: 'unitType', label: L('单位类型', 'Unit type'), type: 'enum', enum: KEY_UNIT_TYPE_OPTIONS, required: true, filterable: true, listed: true, searchable: false, sortable: true },
      {
        name: 'art10Item',
        label: L('第十条第一款所列项', 'Item of art 10 ¶1'),
        type: 'integer',
        enum: ART10_ITEM_OPTIONS,
        required: false,
        readOnly: true,
        filterable: true,
        listed: true,
        searchable: false,
        sortable: true,
        help: L('由单位类型确定', 'Follows from the unit type'),
      },
      { name: 'creditCode', label: L('统一社会信用代码', 'Unified social credit code'), type: 'text', required: false, filterable: false, listed: false, searchable: false, creditCode: true },
      division(),
      city(),
      address,
      restricted(),
      ...timestamps,
    ],
  },
  sites: {
    kind: 'sites',
    table: 'sites',
    resource: 'site',
    label: L('场所和部位', 'Sites'),
    hasDivision: true,
    hasRestricted: true,
    keyUnitColumn: 'keyUnitId',
    indexedSearch: true,
    fields: [
      name(L('场所名称', 'Name')),
      ref('keyUnitId', 'key-units', L('所属重点单位', 'Key unit'), { required: true, listed: true }),
      division({ required: false, help: L('不填则同所属单位', 'Defaults to the key unit’s') }),
      city(),
      address,
      restricted({ readOnly: true, help: L('随所属单位', 'Follows the key unit') }),
      ...timestamps,
    ],
  },
  'public-areas': {
    kind: 'public-areas',
    table: 'public_areas',
    resource: 'public-area',
    label: L('社会公共区域', 'Public areas'),
    hasDivision: true,
    hasRestricted: false,
    indexedSearch: true,
    fields: [
      name(L('区域名称', 'Name')),
      { name: 'kind', label: L('区域类别', 'Kind'), type: 'enum', enum: PUBLIC_AREA_KIND_OPTIONS, required: true, filterable: true, listed: true, searchable: false, sortable: true, help: L('第八条第二款', 'Art 8 ¶2') },
      division(),
      city(),
      {
        name: 'designatedDepartment',
        label: L('人民政府指派部门', 'Designated government department'),
        type: 'text',
        required: true,
        filterable: false,
        listed: true,
        searchable: false,
        maxLength: 200,
        help: L('第八条第一款：由市或者县人民政府指派有关部门统一组织规划建设、运行维护', 'Art 8 ¶1: the department the city or county government designates to plan, build and run it'),
      },
      address,
      lat,
      lng,
      ...timestamps,
    ],
  },
  'security-systems': {
    kind: 'security-systems',
    table: 'security_systems',
    resource: 'security-system',
    label: L('技防系统', 'Security systems'),
    hasDivision: true,
    hasRestricted: true,
    keyUnitColumn: 'keyUnitId',
    // Art 20 (2): the installing provider's projects.
    providerColumn: 'providerId',
    indexedSearch: true,
    fields: [
      name(L('系统名称', 'Name')),
      { name: 'subsystemKind', label: L('系统类别', 'Kind of system'), type: 'enum', enum: SUBSYSTEM_KIND_OPTIONS, required: true, filterable: true, listed: true, searchable: false, sortable: true, help: L('第三条第三款', 'Art 3 ¶3') },
      ref('keyUnitId', 'key-units', L('所属重点单位', 'Key unit'), { listed: true, help: L('与社会公共区域二者必填其一', 'Either a key unit or a public area') }),
      ref('siteId', 'sites', L('所在场所', 'Site')),
      ref('publicAreaId', 'public-areas', L('所在社会公共区域', 'Public area'), { listed: true }),
      ref('providerId', 'providers', L('安装单位', 'Installing provider')),
      {
        name: 'retentionDays',
        label: L('采获信息留存天数', 'Retention of captured information (days)'),
        type: 'integer',
        required: false,
        default: 30,
        filterable: false,
        listed: true,
        searchable: false,
        sortable: true,
        min: 1,
        max: 3650,
        help: L('第二十三条第二款：不得少于三十日', 'Art 23 ¶2: no fewer than thirty days'),
      },
      restricted(),
      division({ readOnly: true, required: false, help: L('随场所、单位或公共区域', 'Follows the site, key unit or public area') }),
      city(),
      ...timestamps,
    ],
  },
  devices: {
    kind: 'devices',
    table: 'devices',
    resource: 'device',
    label: L('前端设备', 'Devices'),
    hasDivision: true,
    hasRestricted: true,
    keyUnitColumn: 'keyUnitId',
    // Millions of rows: searched by scan within the other filters (a system, a unit), not indexed.
    indexedSearch: false,
    fields: [
      name(L('设备名称', 'Name')),
      ref('systemId', 'security-systems', L('所属技防系统', 'System'), { required: true, listed: true }),
      { name: 'capturesVideo', label: L('采集视频', 'Captures video'), type: 'boolean', required: false, default: false, filterable: true, listed: true, searchable: false },
      { name: 'capturesAudio', label: L('采集音频', 'Captures audio'), type: 'boolean', required: false, default: false, filterable: true, listed: true, searchable: false },
      {
        name: 'placeKind',
        label: L('安装部位', 'Place watched'),
        type: 'enum',
        enum: PLACE_KIND_OPTIONS,
        required: true,
        filterable: true,
        listed: true,
        searchable: false,
        sortable: true,
        help: L('第十四条所列隐私场所禁止安装具有视（音）频采集功能的设备', 'Art 14: no video or audio capture in the private places it names'),
      },
      lat,
      lng,
      { name: 'bearing', label: L('朝向（度）', 'Bearing (degrees)'), type: 'number', required: false, filterable: false, listed: false, searchable: false, min: 0, max: 360, maxExclusive: true },
      { name: 'fieldOfView', label: L('视场角（度）', 'Field of view (degrees)'), type: 'number', required: false, filterable: false, listed: false, searchable: false, min: 0, max: 360, minExclusive: true },
      { name: 'rangeMeters', label: L('覆盖距离（米）', 'Range (metres)'), type: 'number', required: false, filterable: false, listed: false, searchable: false, min: 0, max: 10000, minExclusive: true },
      ref('productId', 'products', L('技防产品', 'Product')),
      ref('keyUnitId', 'key-units', L('所属重点单位', 'Key unit'), { readOnly: true }),
      ref('publicAreaId', 'public-areas', L('所在社会公共区域', 'Public area'), { readOnly: true }),
      division({ readOnly: true, required: false, help: L('随所属系统', 'Follows the system') }),
      city(),
      restricted({ readOnly: true, help: L('随所属系统', 'Follows the system') }),
      ...timestamps,
    ],
  },
  products: {
    kind: 'products',
    table: 'products',
    resource: 'product',
    label: L('技防产品', 'Products'),
    hasDivision: false,
    hasRestricted: false,
    indexedSearch: true,
    fields: [
      name(L('产品名称', 'Name')),
      { name: 'model', label: L('型号', 'Model'), type: 'text', required: true, filterable: false, listed: true, searchable: false, sortable: true, maxLength: 100 },
      { name: 'manufacturer', label: L('生产单位', 'Manufacturer'), type: 'text', required: true, filterable: false, listed: true, searchable: false, sortable: true, maxLength: 200 },
      { name: 'category', label: L('产品类别', 'Category'), type: 'enum', enum: PRODUCT_CATEGORY_OPTIONS, required: true, filterable: true, listed: true, searchable: false, sortable: true },
      {
        name: 'catalogueListed',
        label: L('列入《安全技术防范产品目录》', 'Listed in the national catalogue'),
        type: 'boolean',
        required: false,
        default: false,
        filterable: true,
        listed: true,
        searchable: false,
        help: L('第三条第二款', 'Art 3 ¶2'),
      },
      ...timestamps,
    ],
  },
  providers: {
    kind: 'providers',
    table: 'providers',
    resource: 'provider',
    label: L('技防服务单位', 'Service providers'),
    hasDivision: true,
    hasRestricted: false,
    providerColumn: 'id',
    indexedSearch: true,
    fields: [
      name(L('单位名称', 'Name')),
      { name: 'creditCode', label: L('统一社会信用代码', 'Unified social credit code'), type: 'text', required: true, filterable: false, listed: true, searchable: false, creditCode: true, unique: true },
      {
        name: 'services',
        label: L('服务项目', 'Services'),
        type: 'multi-enum',
        enum: PROVIDER_SERVICE_OPTIONS,
        required: true,
        filterable: true,
        listed: true,
        searchable: false,
        help: L('第十六条：设计、安装、维护和报警运营服务', 'Art 16: design, installation, maintenance, alarm operation'),
      },
      {
        name: 'fromOutsideLiaoning',
        label: L('外省单位', 'From outside Liaoning'),
        type: 'boolean',
        required: false,
        default: false,
        filterable: true,
        listed: true,
        searchable: false,
        help: L('第十七条：外省单位到省公安机关备案', 'Art 17: units from outside the province file with the provincial police'),
      },
      division({ label: L('经营场所所在县级行政区划', 'County of the place of business'), required: false, help: L('第十六条：到经营场所所在地的市公安机关备案；本省单位必填', 'Art 16: files with the city police where the place of business is; required for Liaoning units') }),
      city({ label: L('备案公安机关辖区', 'Filing jurisdiction'), help: L('经营场所所在市；外省单位为全省（第十七条）', 'The city of the place of business; the province for units from outside (art 17)') }),
      address,
      ...timestamps,
    ],
  },
  'police-organs': {
    kind: 'police-organs',
    table: 'police_organs',
    resource: 'police-organ',
    label: L('公安机关', 'Police organs'),
    hasDivision: true,
    hasRestricted: false,
    indexedSearch: true,
    fields: [
      name(L('机关名称', 'Name')),
      { name: 'level', label: L('层级', 'Level'), type: 'enum', enum: ORGAN_LEVEL_OPTIONS, required: true, filterable: true, listed: true, searchable: false, sortable: true },
      {
        name: 'code',
        label: L('机关代码', 'Code'),
        type: 'text',
        required: true,
        filterable: false,
        listed: true,
        searchable: false,
        sortable: true,
        unique: true,
        maxLength: 12,
        help: L('行政区划代码；派出所为乡级区划代码', 'The GB/T 2260 code; for a station, its township code'),
      },
      ref('parentId', 'police-organs', L('上级机关', 'Parent organ')),
      division({ label: L('辖区', 'Jurisdiction'), divisionLevel: 'any' }),
      city(),
      ...timestamps,
    ],
  },
};

/** Fields a client may write. */
export function writableFields(k: KindDef): readonly FieldDef[] {
  return k.fields.filter((f) => !f.readOnly);
}

export function fieldOf(k: KindDef, name: string): FieldDef | undefined {
  return k.fields.find((f) => f.name === name);
}

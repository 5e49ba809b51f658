import { KINDS, REGISTRY_KINDS, type FieldDef, type RegistryKind } from './domain/kinds.js';
import type { Option } from './domain/vocabulary.js';
import type { Bilingual } from '../shared/text.js';

export interface FieldMeta {
  name: string;
  label: Bilingual;
  type: FieldDef['type'];
  required: boolean;
  enum?: Option<string | number>[];
  ref?: RegistryKind;
  filterable: boolean;
  listed: boolean;
  searchable: boolean;
  readOnly?: boolean;
  sortable: boolean;
  default?: string | number | boolean;
  help?: Bilingual;
  divisionLevel?: 'county' | 'any';
  maxLength?: number;
  min?: number;
  max?: number;
}

export interface KindMeta {
  kind: RegistryKind;
  label: Bilingual;
  fields: FieldMeta[];
}

/** What a generic list page or form needs to know about each registry. */
export function describeRegistry(): { kinds: KindMeta[] } {
  return {
    kinds: REGISTRY_KINDS.map((kind) => ({
      kind,
      label: KINDS[kind].label,
      fields: KINDS[kind].fields.map((f) => ({
        name: f.name,
        label: f.label,
        type: f.type,
        required: f.required,
        ...(f.enum ? { enum: f.enum.map((o) => ({ value: o.value, label: o.label })) } : {}),
        ...(f.ref ? { ref: f.ref } : {}),
        filterable: f.filterable,
        listed: f.listed,
        searchable: f.searchable,
        ...(f.readOnly ? { readOnly: true } : {}),
        sortable: !!f.sortable,
        ...(f.default !== undefined ? { default: f.default } : {}),
        ...(f.help ? { help: f.help } : {}),
        ...(f.type === 'division' ? { divisionLevel: f.divisionLevel ?? 'county' } : {}),
        ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
        ...(f.min !== undefined ? { min: f.min } : {}),
        ...(f.max !== undefined ? { max: f.max } : {}),
      })),
    })),
  };
}

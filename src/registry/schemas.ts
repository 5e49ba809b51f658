import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import { KINDS, REGISTRY_KINDS, writableFields, type FieldDef, type RegistryKind } from './domain/kinds.js';
import { MAX_PAGE_SIZE } from './repository.js';

/**
 * TypeBox schemas of the registry API, made from the same field definitions
 * the validator and the meta endpoint use: one source for all three.
 */

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

function valueSchema(f: FieldDef): TSchema {
  const description = `${f.label.zh} / ${f.label.en}`;
  switch (f.type) {
    case 'text':
      return Type.String({ description, ...(f.maxLength ? { maxLength: f.maxLength } : {}) });
    case 'integer':
      return f.enum ? Type.Unsafe<number>({ type: 'integer', enum: f.enum.map((o) => o.value), description }) : Type.Integer({ description });
    case 'number':
      return Type.Number({ description });
    case 'boolean':
      return Type.Boolean({ description });
    case 'enum':
      return Type.Unsafe<string>({ type: 'string', enum: (f.enum ?? []).map((o) => o.value), description });
    case 'multi-enum':
      return Type.Array(Type.Unsafe<string>({ type: 'string', enum: (f.enum ?? []).map((o) => o.value) }), { description, uniqueItems: true });
    case 'division':
      return Type.String({ pattern: '^\\d{6}$', description: `${description} (GB/T 2260)` });
    case 'ref':
      return Type.Integer({ minimum: 1, description: `${description} → ${f.ref}` });
  }
}

const nullable = (s: TSchema) => Type.Union([s, Type.Null()]);

/** A row as every answer shows it. */
export function itemSchema(kind: RegistryKind): TObject {
  const k = KINDS[kind];
  const props: Record<string, TSchema> = { id: Type.Integer({ minimum: 1 }) };
  for (const f of k.fields) props[f.name] = f.required && !f.readOnly ? valueSchema(f) : nullable(valueSchema(f));
  if (k.hasDivision) {
    props.divisionName = nullable(Type.String());
    props.cityName = nullable(Type.String());
  }
  return Type.Object(props, { additionalProperties: false, description: k.label.en });
}

/** A new row: required fields required, read-only fields absent. */
export function createBodySchema(kind: RegistryKind): TObject {
  const props: Record<string, TSchema> = {};
  for (const f of writableFields(KINDS[kind])) props[f.name] = f.required ? valueSchema(f) : Type.Optional(nullable(valueSchema(f)));
  return Type.Object(props, { additionalProperties: false });
}

/** Some fields of a row; `null` clears an optional one. */
export function patchBodySchema(kind: RegistryKind): TObject {
  const props: Record<string, TSchema> = {};
  for (const f of writableFields(KINDS[kind])) props[f.name] = Type.Optional(f.required ? valueSchema(f) : nullable(valueSchema(f)));
  return Type.Object(props, { additionalProperties: false });
}

function filterSchema(f: FieldDef): TSchema {
  switch (f.type) {
    case 'multi-enum':
      return Type.Unsafe<string>({ type: 'string', enum: (f.enum ?? []).map((o) => o.value), description: `rows whose ${f.name} include the value` });
    case 'division':
      return Type.String({ pattern: '^\\d{6}$', description: f.name === 'divisionCode' ? 'within the division: a city code filters by city, a county code by county' : 'equal to' });
    default:
      return valueSchema(f);
  }
}

/** Search and filters: the same for a list and an export. */
export function filterQueryProperties(kind: RegistryKind): Record<string, TSchema> {
  const k = KINDS[kind];
  const props: Record<string, TSchema> = {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'any part of the name, one character or more' })),
  };
  for (const f of k.fields.filter((x) => x.filterable)) props[f.name] = Type.Optional(filterSchema(f));
  return props;
}

export function listQuerySchema(kind: RegistryKind): TObject {
  const sortable = KINDS[kind].fields.filter((f) => f.sortable).map((f) => f.name);
  return Type.Object({
    ...filterQueryProperties(kind),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })),
    sort: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: sortable, default: 'name' })),
    order: Type.Optional(Type.Unsafe<'asc' | 'desc'>({ type: 'string', enum: ['asc', 'desc'], default: 'asc' })),
  });
}

export function pageSchema(kind: RegistryKind): TObject {
  return Type.Object({
    items: Type.Array(itemSchema(kind)),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    refNames: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Names of the records the rows refer to, by `kind:id` (e.g. `key-units:12`), where the caller may be shown them' })),
  });
}

const OptionSchema = Type.Object({ value: Type.Union([Type.String(), Type.Integer()]), label: Bilingual });

export const FieldMetaSchema = Type.Object({
  name: Type.String(),
  label: Bilingual,
  type: Type.Unsafe<string>({ type: 'string', enum: ['text', 'integer', 'number', 'boolean', 'enum', 'multi-enum', 'division', 'ref'] }),
  required: Type.Boolean(),
  enum: Type.Optional(Type.Array(OptionSchema)),
  ref: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: [...REGISTRY_KINDS] })),
  filterable: Type.Boolean(),
  listed: Type.Boolean(),
  searchable: Type.Boolean(),
  readOnly: Type.Optional(Type.Boolean()),
  sortable: Type.Boolean(),
  default: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  help: Type.Optional(Bilingual),
  divisionLevel: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['county', 'any'] })),
  maxLength: Type.Optional(Type.Integer()),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
});

export const RegistryMetaSchema = Type.Object({
  kinds: Type.Array(Type.Object({ kind: Type.Unsafe<string>({ type: 'string', enum: [...REGISTRY_KINDS] }), label: Bilingual, fields: Type.Array(FieldMetaSchema) })),
});

export const DivisionSchema = Type.Object({
  code: Type.String({ pattern: '^\\d{6}$' }),
  name: Type.String(),
  level: Type.Unsafe<string>({ type: 'string', enum: ['province', 'city', 'county'] }),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  cityCode: Type.String(),
});

export const ImportResultSchema = Type.Object({ imported: Type.Integer({ minimum: 0 }) });

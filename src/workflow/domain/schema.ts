import { Kind, Type, TypeRegistry, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import type { FieldIssue } from '../../shared/errors.js';

/**
 * Inputs of transitions are TypeBox schemas (the schema is the type). They are
 * checked here rather than by the route, because one route takes every
 * transition of every machine; the machines endpoint publishes each schema.
 */

if (!TypeRegistry.Has('WfEnum')) {
  TypeRegistry.Set('WfEnum', (schema: { enum: readonly (string | number)[] }, value) => schema.enum.includes(value as string | number));
}

/** One value of a const tuple: a single `enum` in the JSON Schema, one source for type and schema. */
export function Enum<T extends readonly (string | number)[]>(values: T, options: { description?: string } = {}): TUnsafe<T[number]> {
  const type = typeof values[0] === 'number' ? 'integer' : 'string';
  return Type.Unsafe<T[number]>({ [Kind]: 'WfEnum', type, enum: [...values], ...options });
}

/** A calendar day, YYYY-MM-DD. */
export const DateString = (description?: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', ...(description ? { description } : {}) });

/** Free text an official or a party writes; bounded. */
export const Text = (max: number, description?: string, min = 1) => Type.String({ minLength: min, maxLength: max, ...(description ? { description } : {}) });

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checker(schema: TSchema): TypeCheck<TSchema> {
  let c = compiled.get(schema);
  if (!c) {
    c = TypeCompiler.Compile(schema);
    compiled.set(schema, c);
  }
  return c;
}

function describe(type: ValueErrorType, schema: TSchema, message: string): { zh: string; en: string } {
  const s = schema as Record<string, unknown>;
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { zh: '必填', en: 'is required' };
    case ValueErrorType.ObjectAdditionalProperties:
      return { zh: '不允许的字段', en: 'is not a field of this form' };
    case ValueErrorType.StringMinLength:
      return { zh: `长度至少为 ${s.minLength}`, en: `must have at least ${s.minLength} characters` };
    case ValueErrorType.StringMaxLength:
      return { zh: `长度至多为 ${s.maxLength}`, en: `must have at most ${s.maxLength} characters` };
    case ValueErrorType.StringPattern:
      return { zh: `格式不符合 ${s.pattern}`, en: `must match ${s.pattern}` };
    case ValueErrorType.ArrayMinItems:
      return { zh: `至少 ${s.minItems} 项`, en: `needs at least ${s.minItems} entries` };
    case ValueErrorType.ArrayMaxItems:
      return { zh: `至多 ${s.maxItems} 项`, en: `takes at most ${s.maxItems} entries` };
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return { zh: `不得小于 ${s.minimum}`, en: `must be at least ${s.minimum}` };
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return { zh: `不得大于 ${s.maximum}`, en: `must be at most ${s.maximum}` };
    case ValueErrorType.Kind:
      if (Array.isArray(s.enum)) return { zh: `须为以下之一：${s.enum.join('、')}`, en: `must be one of: ${s.enum.join(', ')}` };
      return { zh: message, en: message };
    default:
      return { zh: `不符合要求（${message}）`, en: message };
  }
}

/** Every problem with `value` against `schema`, as field issues in both languages. */
export function checkInput(schema: TSchema, value: unknown): FieldIssue[] {
  const c = checker(schema);
  if (c.Check(value)) return [];
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const e of c.Errors(value)) {
    const field = e.path.replace(/^\//, '').replace(/\//g, '.') || 'input';
    const key = `${field}:${e.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d = describe(e.type, e.schema, e.message);
    out.push({ field, rule: ValueErrorType[e.type] ?? 'schema', message: { zh: `${field}：${d.zh}`, en: `${field} ${d.en}` } });
    if (out.length >= 20) break;
  }
  return out;
}

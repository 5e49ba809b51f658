import { Kind, Type, TypeRegistry, type TUnsafe } from '@sinclair/typebox';

// One JSON Schema `enum` rather than `anyOf` of constants, so a bad value is
// reported once as "must be one of: …". Registered so TypeBox's Value can check it.
if (!TypeRegistry.Has('StringEnum')) {
  TypeRegistry.Set('StringEnum', (schema: { enum: readonly string[] }, value) => typeof value === 'string' && schema.enum.includes(value));
}

/** A string that is one of a const tuple's values; the tuple is the one source for type and schema. */
export function StringEnum<T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ [Kind]: 'StringEnum', type: 'string', enum: [...values], ...options });
}

if (!TypeRegistry.Has('IntegerEnum')) {
  TypeRegistry.Set('IntegerEnum', (schema: { enum: readonly number[] }, value) => typeof value === 'number' && schema.enum.includes(value));
}

/** An integer that is one of a const tuple's values (e.g. the penalty articles 31-35). */
export function IntegerEnum<T extends readonly number[]>(values: T, options: { description?: string } = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ [Kind]: 'IntegerEnum', type: 'integer', enum: [...values], ...options });
}

import { checkCreditCode } from '../../shared/standards/gb32100.js';
import { findDivision } from '../../shared/standards/gb2260.js';
import type { FieldIssue } from '../../shared/errors.js';
import type { Bilingual } from '../../shared/text.js';
import type { FieldDef, KindDef } from './kinds.js';

/**
 * Turns what a client sent (JSON, or the cells of an imported row) into column
 * values, naming every field that breaks a rule. Pure: the checks that need
 * the database (references, uniqueness) come after, in the use cases.
 */

export type Values = Record<string, unknown>;

export interface Coerced {
  values: Values;
  issues: FieldIssue[];
}

/** Item keys that are never written but may come back from a client that sends a whole item. */
const DERIVED_KEYS = new Set(['id', 'divisionName', 'cityName']);

export function issue(f: Pick<FieldDef, 'name' | 'label'>, rule: string, zh: string, en: string): FieldIssue {
  return { field: f.name, rule, message: { zh: `${f.label.zh}：${zh}`, en: `${f.label.en}: ${en}` } };
}

export function fieldIssue(field: string, label: Bilingual, rule: string, zh: string, en: string): FieldIssue {
  return issue({ name: field, label }, rule, zh, en);
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '√']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '×']);

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** One value, or an issue. `undefined` result means "set to null". */
function coerceOne(f: FieldDef, raw: unknown): { value?: unknown; issue?: FieldIssue } {
  if (isBlank(raw)) return { value: null };
  switch (f.type) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { issue: issue(f, 'type', '应为文本', 'must be text') };
      const s = String(raw).trim();
      // NUL and other control characters (tab and line breaks aside) are no part of a name or address.
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) return { issue: issue(f, 'control-character', '含有控制字符', 'holds control characters') };
      if (f.maxLength && [...s].length > f.maxLength) return { issue: issue(f, 'max-length', `长度至多为${f.maxLength}个字符`, `must have at most ${f.maxLength} characters`) };
      if (f.creditCode) {
        const code = s.toUpperCase();
        const problem = checkCreditCode(code);
        if (problem === 'length') return { issue: issue(f, 'gb32100-length', '应为18位（GB 32100）', 'must have 18 characters (GB 32100)') };
        if (problem === 'charset') return { issue: issue(f, 'gb32100-charset', '含有GB 32100不允许的字符（不使用I、O、S、V、Z）', 'holds characters GB 32100 does not allow (I, O, S, V, Z are not used)') };
        if (problem === 'check-character') return { issue: issue(f, 'gb32100-check-character', '校验码不正确（GB 32100）', 'has a wrong check character (GB 32100)') };
        return { value: code };
      }
      return { value: s };
    }
    case 'integer':
    case 'ref': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(n)) return { issue: issue(f, 'type', '应为整数', 'must be a whole number') };
      return range(f, n);
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) return { issue: issue(f, 'type', '应为数字', 'must be a number') };
      return range(f, n);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      if (typeof raw !== 'string' && typeof raw !== 'number') return { issue: issue(f, 'type', '应为是或否（true/false）', 'must be true or false') };
      const s = String(raw).trim().toLowerCase();
      if (TRUE.has(s)) return { value: true };
      if (FALSE.has(s)) return { value: false };
      return { issue: issue(f, 'type', '应为是或否（true/false）', 'must be true or false') };
    }
    case 'enum': {
      const allowed = (f.enum ?? []).map((o) => o.value);
      const v = typeof raw === 'string' ? raw.trim() : raw;
      if (!allowed.includes(v as string)) return { issue: issue(f, 'enum', `须为以下之一：${allowed.join('、')}`, `must be one of: ${allowed.join(', ')}`) };
      return { value: v };
    }
    case 'multi-enum': {
      const allowed = (f.enum ?? []).map((o) => o.value);
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[;,|；，、]/) : null;
      if (!list) return { issue: issue(f, 'type', '应为列表', 'must be a list') };
      const vals = [...new Set(list.flatMap((x) => (typeof x === 'string' ? x.split(/[;,|；，、]/).map((y) => y.trim()) : [x])).filter((x) => x !== ''))];
      const bad = vals.filter((x) => !allowed.includes(x as string)).map(show);
      if (bad.length) return { issue: issue(f, 'enum', `含有不允许的值${bad.join('、')}；可选：${allowed.join('、')}`, `holds ${bad.join(', ')}; allowed: ${allowed.join(', ')}`) };
      if (!vals.length) return { value: null };
      // Kept in the vocabulary's order, so equal sets are equal strings.
      return { value: allowed.filter((a) => vals.includes(a)) };
    }
    case 'division': {
      const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
      const d = /^\d{6}$/.test(s) ? findDivision(s) : undefined;
      if (!d) return { issue: issue(f, 'gb2260-division', '应为辽宁省的六位行政区划代码（GB/T 2260）', 'must be a six-digit GB/T 2260 code in Liaoning') };
      if (f.divisionLevel !== 'any' && d.level !== 'county') {
        return { issue: issue(f, 'gb2260-county', '应为县级（县、县级市、区）行政区划代码', 'must be a county-level code (county, county-level city or district)') };
      }
      return { value: s };
    }
  }
}

/** A value as a message may quote it, whatever it is. */
function show(x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean' || x === null) return String(x);
  return typeof x;
}

function range(f: FieldDef, n: number): { value?: unknown; issue?: FieldIssue } {
  if (f.min !== undefined && (n < f.min || (f.minExclusive && n === f.min))) {
    return { issue: issue(f, 'minimum', f.minExclusive ? `应大于${f.min}` : `不得小于${f.min}`, f.minExclusive ? `must be greater than ${f.min}` : `must be at least ${f.min}`) };
  }
  if (f.max !== undefined && (n > f.max || (f.maxExclusive && n === f.max))) {
    return { issue: issue(f, 'maximum', f.maxExclusive ? `应小于${f.max}` : `不得大于${f.max}`, f.maxExclusive ? `must be less than ${f.max}` : `must be at most ${f.max}`) };
  }
  return { value: n };
}

/**
 * Coerces the fields present in `input`. Unknown fields and read-only fields
 * are issues (keys an item carries but nobody writes, such as `id`, are
 * ignored when `ignoreDerived`).
 */
export function coerceFields(k: KindDef, input: Values, opts: { ignoreDerived?: boolean } = {}): Coerced {
  const values: Values = {};
  const issues: FieldIssue[] = [];
  for (const [key, raw] of Object.entries(input)) {
    const f = k.fields.find((x) => x.name === key);
    if (!f) {
      if (opts.ignoreDerived && DERIVED_KEYS.has(key)) continue;
      issues.push({ field: key, rule: 'unknown-field', message: { zh: `不允许的字段${key}`, en: `unknown field ${key}` } });
      continue;
    }
    if (f.readOnly) {
      if (opts.ignoreDerived) continue;
      issues.push(issue(f, 'read-only', '由系统生成，不可填写', 'is kept by the registry and cannot be written'));
      continue;
    }
    const r = coerceOne(f, raw);
    if (r.issue) issues.push(r.issue);
    else values[key] = r.value;
  }
  return { values, issues };
}

/** Fills defaults for a new record. */
export function withDefaults(k: KindDef, values: Values): Values {
  const out = { ...values };
  for (const f of k.fields) if (!f.readOnly && f.default !== undefined && (out[f.name] === undefined || out[f.name] === null)) out[f.name] = f.default;
  return out;
}

/** Required fields missing from a complete record. */
export function missingRequired(k: KindDef, values: Values): FieldIssue[] {
  return k.fields.filter((f) => f.required && !f.readOnly && isBlank(values[f.name])).map((f) => issue(f, 'required', '必填', 'is required'));
}

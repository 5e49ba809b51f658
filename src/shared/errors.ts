import type { Citation } from './citation.js';
import type { Bilingual } from './text.js';
import { fill } from './text.js';

/** One broken rule on one input field (or one cell of an imported row). */
export interface FieldIssue {
  /** JSON path or column name, e.g. `creditCode`. */
  field: string;
  /** Stable rule name, e.g. `required`, `gb32100-check-character`. */
  rule: string;
  message: Bilingual;
  /** 1-based data row, for imports. */
  row?: number;
  citation?: Citation;
}

export interface ErrorDefinition {
  code: string;
  status: number;
  message: Bilingual;
  citation?: Citation;
}

/**
 * An error with a stable code, HTTP status, bilingual message and, where a
 * rule of the regulation refused the request, its citation. The API's error
 * handler turns it into `{ code, message, citation, errors }`.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly bilingual: Bilingual;
  readonly citation?: Citation;
  readonly errors?: FieldIssue[];
  readonly extra?: Record<string, unknown>;

  constructor(
    def: ErrorDefinition,
    opts: { params?: Record<string, string | number>; citation?: Citation; errors?: FieldIssue[]; extra?: Record<string, unknown> } = {},
  ) {
    const message = fill(def.message, opts.params);
    super(`${def.code}: ${message.en}`);
    this.name = 'AppError';
    this.code = def.code;
    this.status = def.status;
    this.bilingual = message;
    this.citation = opts.citation ?? def.citation;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }
}

/** Declares a context's error catalogue; keys must equal codes. */
export function defineErrors<K extends string>(defs: { [P in K]: Omit<ErrorDefinition, 'code'> }): { [P in K]: ErrorDefinition } {
  const out = {} as { [P in K]: ErrorDefinition };
  for (const code of Object.keys(defs) as K[]) out[code] = { code, ...defs[code] };
  return out;
}

/** Errors shared by every context. */
export const CommonErrors = defineErrors({
  JF_VALIDATION: { status: 400, message: { zh: '输入有误，请按提示修改', en: 'The input is invalid; see the listed fields' } },
  JF_NOT_FOUND: { status: 404, message: { zh: '未找到{what}', en: '{what} not found' } },
  JF_FORBIDDEN: { status: 403, message: { zh: '无权进行此操作', en: 'You are not allowed to do this' } },
  JF_UNAUTHENTICATED: { status: 401, message: { zh: '请先登录', en: 'Please log in first' } },
  JF_CONFLICT: { status: 409, message: { zh: '与现有数据冲突：{reason}', en: 'Conflicts with existing data: {reason}' } },
  JF_UNPROCESSABLE: { status: 422, message: { zh: '无法处理：{reason}', en: 'Cannot be processed: {reason}' } },
  JF_RATE_LIMITED: { status: 429, message: { zh: '尝试过于频繁，请稍后再试', en: 'Too many attempts; try again later' } },
  JF_CSRF: { status: 403, message: { zh: '请求缺少有效的防伪令牌，请刷新页面', en: 'Missing or invalid CSRF token; reload the page' } },
  JF_INTERNAL: { status: 500, message: { zh: '服务器内部错误', en: 'Internal server error' } },
});

export function validationError(errors: FieldIssue[]): AppError {
  return new AppError(CommonErrors.JF_VALIDATION, { errors });
}

export function notFound(what: Bilingual | string): AppError {
  const w = typeof what === 'string' ? { zh: what, en: what } : what;
  const e = new AppError({ ...CommonErrors.JF_NOT_FOUND, message: { zh: CommonErrors.JF_NOT_FOUND.message.zh.replace('{what}', w.zh), en: CommonErrors.JF_NOT_FOUND.message.en.replace('{what}', w.en) } });
  return e;
}

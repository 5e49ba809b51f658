import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { citationHref, formatCitation, type Citation } from '../shared/citation.js';
import { AppError, CommonErrors, type FieldIssue } from '../shared/errors.js';
import type { Bilingual } from '../shared/text.js';

export function preferredLang(req: FastifyRequest): 'zh' | 'en' {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'zh' || q === 'zh-CN') return q === 'en' ? 'en' : 'zh';
  const h = req.headers['accept-language'] ?? '';
  return /^en/i.test(h) ? 'en' : 'zh';
}

export function citationBody(c: Citation) {
  return { ...c, label: formatCitation(c), href: citationHref(c) };
}

export function errorBody(req: FastifyRequest, e: AppError) {
  const lang = preferredLang(req);
  return {
    code: e.code,
    message: e.bilingual[lang],
    messages: e.bilingual,
    ...(e.citation ? { citation: citationBody(e.citation) } : {}),
    ...(e.errors ? { errors: e.errors.map((x) => ({ ...x, ...(x.citation ? { citation: citationBody(x.citation) } : {}) })) } : {}),
    ...(e.extra ?? {}),
  };
}

const RULE_TEXT: Record<string, (p: Record<string, unknown>) => Bilingual> = {
  required: () => ({ zh: '必填', en: 'is required' }),
  type: (p) => ({ zh: `类型应为 ${p.type}`, en: `must be of type ${p.type}` }),
  minLength: (p) => ({ zh: `长度至少为 ${p.limit}`, en: `must have at least ${p.limit} characters` }),
  maxLength: (p) => ({ zh: `长度至多为 ${p.limit}`, en: `must have at most ${p.limit} characters` }),
  minimum: (p) => ({ zh: `不得小于 ${p.limit}`, en: `must be at least ${p.limit}` }),
  maximum: (p) => ({ zh: `不得大于 ${p.limit}`, en: `must be at most ${p.limit}` }),
  pattern: (p) => ({ zh: `格式不符合 ${p.pattern}`, en: `must match ${p.pattern}` }),
  enum: (p) => ({ zh: `须为以下之一：${(p.allowedValues as unknown[]).join('、')}`, en: `must be one of: ${(p.allowedValues as unknown[]).join(', ')}` }),
  const: (p) => ({ zh: `须为 ${JSON.stringify(p.allowedValue)}`, en: `must be ${JSON.stringify(p.allowedValue)}` }),
  additionalProperties: (p) => ({ zh: `不允许的字段 ${p.additionalProperty}`, en: `unknown field ${p.additionalProperty}` }),
  format: (p) => ({ zh: `格式应为 ${p.format}`, en: `must be a valid ${p.format}` }),
  anyOf: () => ({ zh: '不符合任何允许的形式', en: 'matches none of the allowed forms' }),
};

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turns schema-validation failures into field issues in both languages. */
export function issuesFromValidation(validation: AjvIssue[], context: string | undefined): FieldIssue[] {
  return validation.map((v) => {
    let field = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (v.keyword === 'required') field = [field, v.params.missingProperty].filter(Boolean).join('.');
    if (v.keyword === 'additionalProperties') field = [field, v.params.additionalProperty].filter(Boolean).join('.');
    const text = RULE_TEXT[v.keyword]?.(v.params) ?? { zh: v.message ?? v.keyword, en: v.message ?? v.keyword };
    const where = field || context || 'body';
    return { field: where, rule: v.keyword, message: { zh: `${where}：${text.zh}`, en: `${where} ${text.en}` } };
  });
}

export function errorHandler(error: FastifyError & { validation?: AjvIssue[]; validationContext?: string }, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.status >= 500) req.log.error({ err: error }, 'application error');
    return reply.status(error.status).send(errorBody(req, error));
  }
  if (error.validation) {
    const e = new AppError(CommonErrors.JF_VALIDATION, { errors: issuesFromValidation(error.validation, error.validationContext) });
    return reply.status(400).send(errorBody(req, e));
  }
  if (error.statusCode === 429) return reply.status(429).send(errorBody(req, new AppError(CommonErrors.JF_RATE_LIMITED)));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Malformed JSON, body too large, wrong content type: the client's fault, said plainly.
    const e = new AppError({ code: 'JF_BAD_REQUEST', status: error.statusCode, message: { zh: `请求无效：${error.message}`, en: `Bad request: ${error.message}` } });
    return reply.status(error.statusCode).send(errorBody(req, e));
  }
  req.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody(req, new AppError(CommonErrors.JF_INTERNAL)));
}

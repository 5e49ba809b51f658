import { AppError, defineErrors } from '../../shared/errors.js';
import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';

/**
 * Errors of the law module. A legal outcome (a violation, a refusal, a fine)
 * is a returned decision, never one of these: they mean the question itself
 * cannot be answered, e.g. a penalty the regulation does not provide.
 */
export const RuleErrors = defineErrors({
  JF_LAW_BAD_DATE: {
    status: 400,
    message: { zh: '日期应写作 YYYY-MM-DD：{value}', en: 'A date must be written YYYY-MM-DD: {value}' },
  },
  JF_LAW_NOT_IN_FORCE: {
    status: 422,
    message: { zh: '{date}本条例尚未施行（本条例自2015年2月1日起施行）', en: 'The regulation was not yet in force on {date} (it is in force from 1 February 2015)' },
    citation: { article: 37 },
  },
  JF_LAW_NO_SUCH_PENALTY: {
    status: 422,
    message: { zh: '本条例没有规定此项处罚：{reason}', en: 'The regulation provides no such penalty: {reason}' },
  },
});

/** 422: the article and item asked for carry no such penalty; the reason in both languages. */
export function noSuchPenalty(reason: Bilingual, citation: Citation): AppError {
  const def = RuleErrors.JF_LAW_NO_SUCH_PENALTY;
  return new AppError(
    { ...def, message: { zh: def.message.zh.replace('{reason}', reason.zh), en: def.message.en.replace('{reason}', reason.en) } },
    { citation },
  );
}

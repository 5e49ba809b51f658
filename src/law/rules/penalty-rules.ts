import { formatCitation } from '../../shared/citation.js';
import { AppError } from '../../shared/errors.js';
import { calculatePenalty } from '../penalties/calculate-penalty.js';
import type { PenaltyArticle, PenaltyInput } from '../penalties/penalty-schema.js';
import { subjectObject } from '../situation/derive.js';
import type { Situation } from '../situation/schema.js';
import type { Finding } from './finding.js';
import { decide, defineRule, type Rule, type Sanction } from './rule.js';

export interface PenaltyFacts extends PenaltyInput {
  /** The rule whose violation the penalty answers. */
  trigger: string;
  /** Other penalty articles the same subject's violations lead to. */
  concurrentArticles?: number[];
}

/** Who offended, from the subject the violation is about. */
function offenderOf(o: Record<string, unknown> | undefined): 'unit' | 'individual' {
  const who = o?.by ?? o?.operatedBy ?? o?.installedBy;
  return who === 'individual' ? 'individual' : 'unit';
}

function penaltyFacts(article: PenaltyArticle, f: Finding, s: Situation, sanctionOf: (ruleId: string) => Sanction | undefined, prior: readonly Finding[]): PenaltyFacts {
  const o = subjectObject(s, f.subject);
  const sanction = sanctionOf(f.ruleId)!;
  const rectification = o?.rectification as { rectifiedInTime?: boolean } | undefined;
  const concurrent = [
    ...new Set(
      prior
        .filter((p) => p !== f && p.subject === f.subject && p.outcome === 'violation')
        .map((p) => sanctionOf(p.ruleId)?.article)
        .filter((a): a is Sanction['article'] => a !== undefined && a !== article && a !== 36),
    ),
  ];
  const facts: PenaltyFacts = { article, offender: offenderOf(o), trigger: f.ruleId };
  if (sanction.item !== undefined) facts.item = sanction.item;
  if (typeof o?.serious === 'boolean') facts.serious = o.serious;
  if (rectification?.rectifiedInTime !== undefined) facts.rectifiedInTime = rectification.rectifiedInTime;
  if (typeof o?.illegalGainsYuan === 'number') facts.illegalGainsYuan = o.illegalGainsYuan;
  if (concurrent.length) facts.concurrentArticles = concurrent;
  return facts;
}

/**
 * One penalty rule per article of Chapter 5 (31-35): for every violation found
 * by a rule whose sanction is that article, what the article provides.
 */
function penaltyRule(article: PenaltyArticle, slug: string, title: { zh: string; en: string }, sanctionOf: (ruleId: string) => Sanction | undefined): Rule<PenaltyFacts> {
  return defineRule<PenaltyFacts>({
    id: `art${article}.${slug}`,
    citation: { article },
    kind: 'penalty',
    title,
    subjects: (s, prior) =>
      prior
        .filter((f) => f.outcome === 'violation' && sanctionOf(f.ruleId)?.article === article)
        .map((f) => ({ subject: f.subject, facts: penaltyFacts(article, f, s, sanctionOf, prior) })),
    evaluate: (f, asOf) => {
      const { trigger, concurrentArticles, ...input } = f;
      try {
        const penalty = calculatePenalty(input, asOf);
        const citation = penalty.article === 31 && penalty.item ? { article: 31, paragraph: 1, item: penalty.item } : { article };
        const label = formatCitation(citation);
        const overlap = concurrentArticles?.length
          ? {
              zh: `同一行为还适用第${concurrentArticles.join('、')}条；罚款不累加，按罚款数额高的规定处罚`,
              en: ` The same act also falls under art ${concurrentArticles.join(', ')}; fines are not added up, the higher one applies.`,
            }
          : { zh: '', en: '' };
        return decide.violation(`依${label.zh}：${penalty.summary.zh}${overlap.zh ? `${overlap.zh}。` : ''}`, `Under ${label.en}: ${penalty.summary.en}${overlap.en}`, {
          citation,
          penalty,
          interpretations: [...penalty.interpretations, ...(concurrentArticles?.length ? ['art31-34.obstruction-overlap'] : [])],
        });
      } catch (e) {
        if (e instanceof AppError) return { outcome: 'not_applicable', message: e.bilingual };
        throw e;
      }
    },
  });
}

export function makePenaltyRules(sanctionOf: (ruleId: string) => Sanction | undefined): Rule<PenaltyFacts>[] {
  return [
    penaltyRule(31, 'rectify-then-fine', { zh: '责令限期改正；逾期不改正的罚款', en: 'Rectification order; fine if the time limit is missed' }, sanctionOf),
    penaltyRule(32, 'rectify-then-fine', { zh: '违反第十一条：责令限期改正；逾期不改正的罚款', en: 'Breach of art 11: rectification order; fine if missed' }, sanctionOf),
    penaltyRule(33, 'removal-order', { zh: '违反第十四条：责令拆除', en: 'Breach of art 14: removal order' }, sanctionOf),
    penaltyRule(34, 'fines', { zh: '违反第二十一条：罚款', en: 'Breach of art 21: fines' }, sanctionOf),
    penaltyRule(35, 'fines-and-confiscation', { zh: '违反第二十二条第一、三、四项：罚款、没收违法所得', en: 'Breach of art 22 (1), (3), (4): fines and confiscation' }, sanctionOf),
  ];
}

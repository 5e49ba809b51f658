/**
 * The law the workflows call, through the law context's public face: the
 * penalty calculator, the rule catalogue (each rule's id, citation, title and
 * the penalty article its breach leads to), the checklist of Art 27, the
 * filing conditions of Art 16, the what-if assessment and the corpus. The
 * only file of the workflows that imports the law context. Nothing here says
 * what an article says: it only forwards.
 */
export {
  assess,
  calculatePenalty,
  FILING_CONDITIONS,
  getArticle,
  getRule,
  INSPECTION_CHECKLIST,
  maximumFines,
  RULES,
  SITUATION_RULES,
  UNIT_TYPE_ART10_ITEM,
  type AnyRule,
  type Finding,
  type PenaltyDecision,
  type PenaltyInput,
  type Sanction,
  type Situation,
} from '../../law/index.js';

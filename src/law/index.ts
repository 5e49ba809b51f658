/**
 * The law context's public face: the regulation as data (corpus), its dated
 * parameters, its rules, the interpretations register, the penalty
 * calculator and the what-if assessment. Pure: no I/O, no clock.
 */
export * from './corpus/index.js';
import { LawErrors as CorpusErrors } from './corpus/index.js';
import { RuleErrors } from './rules/rule-errors.js';

/** The law context's whole error catalogue: the corpus's and the rules'. */
export const LawErrors = { ...CorpusErrors, ...RuleErrors };

export { assertIsoDate, chinaDate, dayBefore, inForce, isIsoDate, type IsoDate, type Validity } from './rules/dates.js';
export { RuleErrors, noSuchPenalty } from './rules/rule-errors.js';
export { BilingualSchema, CitationSchema, FindingSchema, OUTCOMES, RULE_KINDS, type Finding, type Outcome, type RuleKind } from './rules/finding.js';
export { amendRule, defineRule, type AnyRule, type Decision, type Rule, type RuleSpec, type RuleVersion, type Sanction, type Subject } from './rules/rule.js';
export { coverage, getRule, PENALTY_RULES, RULES, SITUATION_RULES, WITHOUT_RULES, type NoRule } from './rules/catalogue.js';
export { ACT_PROVISIONS } from './rules/acts.js';
export { INSPECTION_CHECKLIST } from './rules/art27.js';
export { FILING_CONDITIONS } from './rules/providers.js';

export * from './parameters/index.js';

export { chosenReading, getInterpretation, INTERPRETATIONS, type Interpretation, type InterpretationId, type Reading, type ReadingOverrides } from './interpretations/register.js';
export { renderInterpretationsMarkdown } from './interpretations/render-markdown.js';
export { ART10_ITEMS, art10ItemOf, KEY_UNIT_TYPES, UNIT_TYPE_ART10_ITEM, UNIT_TYPES, type Art10Item, type KeyUnitType, type UnitType } from './interpretations/unit-types.js';
export { PUBLIC_AREA_KIND_LABELS, PUBLIC_AREA_KINDS, PUBLIC_AREA_KINDS_OR_OTHER, type PublicAreaKind } from './interpretations/public-area-kinds.js';
export { isPrivatePlace, ORDINARY_PLACE_KINDS, PLACE_KINDS, PRIVATE_PLACE_KINDS, PRIVATE_PLACE_LABELS, type PlaceKind, type PrivatePlaceKind } from './interpretations/private-places.js';
export { ORGAN_KINDS, ORGAN_POWERS, type OrganKind } from './interpretations/investigating-organs.js';

export { calculatePenalty, maximumFines } from './penalties/calculate-penalty.js';
export {
  FineSchema,
  OFFENDERS,
  PAYERS,
  PENALTY_ARTICLES,
  PenaltyDecisionSchema,
  PenaltyInputSchema,
  type Fine,
  type Payer,
  type PenaltyArticle,
  type PenaltyDecision,
  type PenaltyInput,
} from './penalties/penalty-schema.js';

export * from './situation/schema.js';
export { assess, assessAccess, countByOutcome, validateSituation } from './situation/assess.js';
export { isTechPreventionSystem, keyUnitStatus, retentionCategory, type KeyUnitStatus } from './situation/derive.js';
export { EXAMPLES, type SituationExample } from './situation/examples.js';
export { IntegerEnum, StringEnum } from './situation/string-enum.js';

import { Type, type Static } from '@sinclair/typebox';
import { PenaltyDecisionSchema } from '../penalties/penalty-schema.js';
import { StringEnum } from '../situation/string-enum.js';

/** What a rule is: the kinds of normative content the regulation has. */
export const RULE_KINDS = ['obligation', 'prohibition', 'permission', 'procedure', 'penalty', 'definition'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/**
 * The outcome of one rule for one subject.
 * - `compliant`: a duty is met or a prohibition respected (for a definition: the subject falls within it);
 * - `violation`: a duty is breached or a prohibition broken (a penalty finding is one too);
 * - `obligation`: a duty applies and is still to be met;
 * - `allowed` / `refused`: a request (an access, an erasure, a filing) may or may not go ahead;
 * - `not_applicable`: the rule does not reach this subject, or is not in force on the day.
 */
export const OUTCOMES = ['compliant', 'violation', 'obligation', 'allowed', 'refused', 'not_applicable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const BilingualSchema = Type.Object({ zh: Type.String(), en: Type.String() });

export const CitationSchema = Type.Object({
  instrument: Type.Optional(Type.String()),
  article: Type.Integer({ minimum: 1 }),
  paragraph: Type.Optional(Type.Integer({ minimum: 1 })),
  item: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const FindingSchema = Type.Object({
  ruleId: Type.String({ description: 'Stable id naming the article, e.g. `art24.p1.two-officers`' }),
  kind: StringEnum(RULE_KINDS),
  citation: CitationSchema,
  citationLabel: BilingualSchema,
  href: Type.String({ description: 'Link to the article text in the web app' }),
  outcome: StringEnum(OUTCOMES),
  subject: Type.String({ description: 'What the finding is about, as a path into the situation, e.g. `devices[2]`' }),
  facts: Type.Record(Type.String(), Type.Unknown(), { description: 'The facts the rule used' }),
  message: BilingualSchema,
  version: Type.Optional(Type.Object({ from: Type.String(), to: Type.Optional(Type.String()) })),
  interpretations: Type.Array(Type.String(), { description: 'Ids of the interpretations the outcome rests on' }),
  penalty: Type.Optional(PenaltyDecisionSchema),
});
export type Finding = Static<typeof FindingSchema>;

import { Type, type Static } from '@sinclair/typebox';
import { IntegerEnum, StringEnum } from '../situation/string-enum.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Citation = Type.Object({
  instrument: Type.Optional(Type.String()),
  article: Type.Integer({ minimum: 1 }),
  paragraph: Type.Optional(Type.Integer({ minimum: 1 })),
  item: Type.Optional(Type.Integer({ minimum: 1 })),
});

/** The articles of Chapter 5 that set a penalty on units and individuals (art 36 concerns officials). */
export const PENALTY_ARTICLES = [31, 32, 33, 34, 35] as const;
export type PenaltyArticle = (typeof PENALTY_ARTICLES)[number];

export const OFFENDERS = ['unit', 'individual'] as const;
export const PAYERS = ['unit', 'responsible_person', 'direct_responsible_person', 'individual'] as const;
export type Payer = (typeof PAYERS)[number];
export const ORDER_KINDS = ['rectify_within_time_limit', 'removal', 'forced_removal'] as const;
export const REFERRAL_KINDS = ['damages', 'public_security_administration_punishment', 'criminal_liability'] as const;

export const PenaltyInputSchema = Type.Object(
  {
    article: IntegerEnum(PENALTY_ARTICLES, { description: 'The article of Chapter 5 applied (31-35)' }),
    item: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Art 31: its own item (1-4). Art 32: the item of art 11 breached (1-4). Art 34: the item of art 21 breached (1-5). Art 35: the item of art 22 breached (1, 3 or 4; required). Art 33 has none.',
      }),
    ),
    offender: StringEnum(OFFENDERS, { description: 'Who committed the violation' }),
    serious: Type.Optional(Type.Boolean({ description: 'Art 34: 情节严重' })),
    rectifiedInTime: Type.Optional(Type.Boolean({ description: 'Art 31, 32: rectified within the time limit ordered; omitted while the time limit runs' })),
    illegalGainsYuan: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12, description: 'Art 35: 违法所得, in yuan' })),
  },
  { additionalProperties: false },
);
export type PenaltyInput = Static<typeof PenaltyInputSchema>;

export const FineSchema = Type.Object({
  payer: StringEnum(PAYERS),
  amountYuan: Type.Number({ minimum: 0 }),
  /** Each person in the group pays the amount (art 31: 单位负责人及相关责任人). */
  perPerson: Type.Optional(Type.Boolean()),
  basis: Bilingual,
  citation: Citation,
});
export type Fine = Static<typeof FineSchema>;

export const PenaltyDecisionSchema = Type.Object({
  article: Type.Integer(),
  item: Type.Optional(Type.Integer()),
  offender: StringEnum(OFFENDERS),
  asOf: Type.String(),
  /** The provision whose breach the article punishes, e.g. art 22 ¶1 (3) for art 35. */
  violated: Type.Optional(Citation),
  orders: Type.Array(
    Type.Object({
      kind: StringEnum(ORDER_KINDS),
      text: Bilingual,
      condition: Type.Optional(Bilingual),
      citation: Citation,
    }),
  ),
  fines: Type.Array(FineSchema),
  /** Fines that follow only if a condition is met later (a missed time limit). */
  contingentFines: Type.Optional(Type.Object({ condition: Bilingual, fines: Type.Array(FineSchema) })),
  confiscation: Type.Optional(Type.Object({ amountYuan: Type.Number({ minimum: 0 }), basis: Bilingual, citation: Citation })),
  referrals: Type.Array(
    Type.Object({
      kind: StringEnum(REFERRAL_KINDS),
      condition: Bilingual,
      text: Bilingual,
      citation: Citation,
    }),
  ),
  interpretations: Type.Array(Type.String()),
  summary: Bilingual,
});
export type PenaltyDecision = Static<typeof PenaltyDecisionSchema>;

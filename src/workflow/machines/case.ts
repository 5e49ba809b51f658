import { Type } from '@sinclair/typebox';
import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';
import { defineMachine, refuse, type GuardContext, type Refusal, type RuleRef } from '../domain/machine.js';
import { DateString, Enum, Text } from '../domain/schema.js';
import { SERVICE_TARGETS } from '../domain/service-targets.js';
import { chinaDate, deadlineAfter, endOfChinaDay, isIsoDate, type IsoDate } from '../domain/time.js';
import type { CasePath } from '../domain/violations.js';
import { calculatePenalty, type PenaltyDecision, type PenaltyInput } from '../ports/law.js';

/**
 * A case (案件), Art 31-35: a hazard or a violation, and what the police do
 * about it. Which road it takes is the penalty article the breached rule
 * leads to (domain/violations.ts):
 *
 * - Art 31, 32: order to rectify within a time limit → the unit reports →
 *   re-inspection closes it; a time limit missed → overdue → fine decision;
 * - Art 33 (Art 14): order to remove → removed, or refused → forced removal;
 * - Art 34, 35 (Art 21, 22): a penalty decision directly;
 * - no penalty in Chapter 5: the police urge rectification (Art 26); nothing follows a miss.
 *
 * Amounts are never typed in: the penalty calculator of the law context
 * computes them, and a confirmation that differs is refused. A time limit
 * cannot be in the past and, once missed, cannot be extended.
 */

export const RULES = {
  urge: { id: 'art26.urge-rectification-of-hazards', citation: { article: 26 } },
  art31: { id: 'art31.rectify-then-fine', citation: { article: 31 } },
  art32: { id: 'art32.rectify-then-fine', citation: { article: 32 } },
  art33: { id: 'art33.removal-order', citation: { article: 33 } },
  art34: { id: 'art34.fines', citation: { article: 34 } },
  art35: { id: 'art35.fines-and-confiscation', citation: { article: 35 } },
} satisfies Record<string, RuleRef>;

export const OFFENDERS = ['unit', 'individual'] as const;
export const REFERRAL_KINDS = ['public_security_administration_punishment', 'criminal_liability', 'damages'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export interface CaseViolation {
  ruleId: string;
  title: Bilingual;
  citation: Citation;
  path: CasePath;
  penaltyArticle: 31 | 32 | 33 | 34 | 35 | null;
  penaltyItem: number | null;
  providerDuty: boolean;
}

export interface CaseSubject {
  kind: 'key_unit' | 'provider' | 'other';
  keyUnitId?: number;
  providerId?: number;
  name: string;
  creditCode?: string | null;
  offender: (typeof OFFENDERS)[number];
}

export interface CaseData {
  origin: { kind: 'inspection' | 'complaint' | 'direct'; itemId?: number; hazardId?: number };
  subject: CaseSubject;
  violation: CaseViolation;
  facts: string;
  order?: { kind: 'rectify' | 'removal'; timeLimit: IsoDate; dueAt: string; requirements: string; orderedAt: string; by: number | null; number?: string };
  reports: { at: string; by: number | null; text: string; attachmentIds: number[] }[];
  reinspections: { at: string; by: number | null; outcome: 'rectified' | 'not_rectified' | 'removed' | 'not_removed'; notes: string }[];
  rectifiedInTime?: boolean;
  penalty?: {
    decision: PenaltyDecision;
    decidedAt: string;
    by: number | null;
    statement: string;
    responsiblePersons: string[];
    directResponsiblePerson?: string;
    number?: string;
  };
  referrals: { kind: ReferralKind; at: string; by: number | null; note: string }[];
  forcedRemoval?: { at: string; by: number | null; note: string };
  closure?: { at: string; by: number | null; reason: string };
}

type G = GuardContext<CaseData, Record<string, unknown>>;

/** The rule a case's road rests on: its penalty article, or Art 26 when Chapter 5 has none. */
export function pathRule(v: CaseViolation): RuleRef {
  switch (v.penaltyArticle) {
    case 31:
      return RULES.art31;
    case 32:
      return RULES.art32;
    case 33:
      return RULES.art33;
    case 34:
      return RULES.art34;
    case 35:
      return RULES.art35;
    default:
      return RULES.urge;
  }
}

/** What the law's calculator is asked for this case. */
export function penaltyInput(d: CaseData, extra: Partial<PenaltyInput> = {}): PenaltyInput | null {
  const a = d.violation.penaltyArticle;
  if (!a) return null;
  const input: PenaltyInput = { article: a, offender: d.subject.offender, ...extra };
  if (d.violation.penaltyItem != null) input.item = d.violation.penaltyItem;
  return input;
}

function needPath(g: G, paths: readonly CasePath[], what: Bilingual): Refusal | null {
  const v = g.data.violation;
  if (paths.includes(v.path)) return null;
  return refuse(
    pathRule(v),
    `“${v.title.zh}”（${v.penaltyArticle ? `第${v.penaltyArticle}条` : '第五章未设罚则'}）不适用${what.zh}`,
    `"${v.title.en}" (${v.penaltyArticle ? `Art ${v.penaltyArticle}` : 'no penalty in Chapter 5'}) does not lead to ${what.en}`,
    { status: 409 },
  );
}

/** A time limit is a future day: one in the past, or today already, is refused. */
function timeLimitGuard(g: G, rule: RuleRef): Refusal | null {
  const tl = (g.input as { timeLimit?: string }).timeLimit;
  if (!isIsoDate(tl)) return refuse(rule, '期限须为有效日期（YYYY-MM-DD）', 'The time limit must be a real date (YYYY-MM-DD)', { field: 'timeLimit' });
  const today = chinaDate(g.now);
  if (tl <= today) {
    return refuse(rule, `改正期限（${tl}）须晚于今天（${today}）：不能设定已经过去的期限`, `The time limit (${tl}) must be after today (${today}): a deadline in the past cannot be set`, { field: 'timeLimit' });
  }
  return null;
}

function afterDeadline(g: G): boolean {
  return !!g.data.order && g.now.toISOString() > g.data.order.dueAt;
}

/** Calls the law's calculator; a penalty it does not provide is a refusal with the law's own reason. */
export function decide(d: CaseData, extra: Partial<PenaltyInput>, now: Date): { decision?: PenaltyDecision; refusal?: Refusal } {
  const input = penaltyInput(d, extra);
  if (!input) return { refusal: refuse(RULES.urge, '第五章对此未设定罚则，不能作出处罚决定', 'Chapter 5 sets no penalty for this; no penalty decision can be made') };
  try {
    return { decision: calculatePenalty(input, chinaDate(now)) };
  } catch (e) {
    const err = e as { code?: string; bilingual?: Bilingual; citation?: Citation };
    if (err.code && err.bilingual) return { refusal: refuse({ id: pathRule(d.violation).id, citation: err.citation ?? pathRule(d.violation).citation }, err.bilingual.zh, err.bilingual.en) };
    throw e;
  }
}

const FineConfirmation = Type.Array(Type.Object({ payer: Type.String({ maxLength: 40 }), amountYuan: Type.Number({ minimum: 0 }) }, { additionalProperties: false }), {
  maxItems: 10,
  description: 'Optional: the amounts as the officer read them; refused unless they are exactly those the article provides',
});

/** Refuses amounts the article does not provide. */
function amountsGuard(g: G, decision: PenaltyDecision): Refusal | null {
  const confirm = (g.input as { fines?: { payer: string; amountYuan: number }[] }).fines;
  if (!confirm) return null;
  const key = (f: { payer: string; amountYuan: number }) => `${f.payer}:${f.amountYuan}`;
  const want = decision.fines.map(key).sort();
  const got = confirm.map(key).sort();
  if (want.length === got.length && want.every((w, i) => w === got[i])) return null;
  const allowed = decision.fines.map((f) => f.basis);
  return refuse(
    pathRule(g.data.violation),
    `罚款金额与第${decision.article}条的规定不符。依法应为：${allowed.map((b) => b.zh).join('，') || '不予罚款'}`,
    `The amounts differ from what Art ${decision.article} provides, which is: ${allowed.map((b) => b.en).join(', ') || 'no fine'}`,
    { field: 'fines' },
  );
}

const DecisionInput = Type.Object(
  {
    statement: Text(4000, 'Facts, evidence and reasons of the decision'),
    serious: Type.Optional(Type.Boolean({ description: 'Art 34: 情节严重' })),
    illegalGainsYuan: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12, description: 'Art 35: 违法所得' })),
    responsiblePersons: Type.Optional(Type.Array(Text(100), { maxItems: 20, description: 'Art 31: the persons in charge and other responsible persons, each fined' })),
    directResponsiblePerson: Type.Optional(Text(100, 'Art 34: the directly responsible person')),
    fines: Type.Optional(FineConfirmation),
  },
  { additionalProperties: false },
);

function decisionGuard(g: G, rectifiedInTime?: boolean): Refusal | null {
  const i = g.input as { serious?: boolean; illegalGainsYuan?: number };
  const a = g.data.violation.penaltyArticle;
  if (i.serious && a !== 34) return refuse(pathRule(g.data.violation), `“情节严重”只见于第三十四条，第${a}条不适用`, `"Serious circumstances" belong to Art 34 only, not Art ${a}`, { field: 'serious' });
  if (i.illegalGainsYuan && a !== 35) return refuse(pathRule(g.data.violation), `没收违法所得只见于第三十五条，第${a}条不适用`, `Confiscating illegal gains belongs to Art 35 only, not Art ${a}`, { field: 'illegalGainsYuan' });
  const { decision, refusal } = decide(g.data, { serious: i.serious, illegalGainsYuan: i.illegalGainsYuan, ...(rectifiedInTime !== undefined ? { rectifiedInTime } : {}) }, g.now);
  if (refusal) return refusal;
  // A fine the article lays on persons is laid on named persons: a decision cannot fine someone it does not name.
  const named = g.input as { responsiblePersons?: string[]; directResponsiblePerson?: string };
  const a2 = decision!.article;
  if (decision!.fines.some((f) => f.payer === 'direct_responsible_person') && !named.directResponsiblePerson?.trim()) {
    return refuse(pathRule(g.data.violation), `第${CN[a2] ?? a2}条同时对直接责任人处以罚款：请填写直接责任人`, `Art ${a2} also fines the directly responsible person: name that person`, { field: 'directResponsiblePerson' });
  }
  if (decision!.fines.some((f) => f.payer === 'responsible_person') && !(named.responsiblePersons ?? []).some((x) => x.trim())) {
    return refuse(pathRule(g.data.violation), `第${CN[a2] ?? a2}条同时对单位负责人及相关责任人处以罚款：请填写其姓名`, `Art ${a2} also fines the persons in charge and other responsible persons: name them`, { field: 'responsiblePersons' });
  }
  return amountsGuard(g, decision!);
}

const CN: Record<number, string> = { 31: '三十一', 32: '三十二', 33: '三十三', 34: '三十四', 35: '三十五' };

function decisionUpdate(g: G, rectifiedInTime?: boolean): CaseData {
  const i = g.input as { statement: string; serious?: boolean; illegalGainsYuan?: number; responsiblePersons?: string[]; directResponsiblePerson?: string };
  const { decision } = decide(g.data, { serious: i.serious, illegalGainsYuan: i.illegalGainsYuan, ...(rectifiedInTime !== undefined ? { rectifiedInTime } : {}) }, g.now);
  return {
    ...g.data,
    ...(rectifiedInTime !== undefined ? { rectifiedInTime } : {}),
    penalty: {
      decision: decision!,
      decidedAt: g.now.toISOString(),
      by: g.actor?.userId ?? null,
      statement: i.statement,
      responsiblePersons: i.responsiblePersons ?? [],
      ...(i.directResponsiblePerson ? { directResponsiblePerson: i.directResponsiblePerson } : {}),
    },
  };
}

const OrderInput = Type.Object(
  {
    timeLimit: DateString('The last day to comply (China time); must be after today'),
    requirements: Text(4000, 'What must be done; the unit chooses its own products and providers (Art 29)'),
  },
  { additionalProperties: false },
);
const NoteInput = Type.Object({ note: Text(2000) }, { additionalProperties: false });
const ReinspectInput = Type.Object({ notes: Text(2000, 'What the re-inspection found') }, { additionalProperties: false });
const ReportInput = Type.Object(
  { text: Text(4000, 'What was done'), attachmentIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20 })) },
  { additionalProperties: false },
);
const ReferralInput = Type.Object({ kind: Enum(REFERRAL_KINDS), note: Text(2000, 'To whom, and on what facts') }, { additionalProperties: false });

function order(kind: 'rectify' | 'removal') {
  return (g: G): CaseData => {
    const i = g.input as { timeLimit: string; requirements: string };
    return { ...g.data, order: { kind, timeLimit: i.timeLimit, dueAt: endOfChinaDay(i.timeLimit), requirements: i.requirements, orderedAt: g.now.toISOString(), by: g.actor?.userId ?? null } };
  };
}

function reinspected(outcome: CaseData['reinspections'][number]['outcome'], extra: (g: G) => Partial<CaseData> = () => ({})) {
  return (g: G): CaseData => ({
    ...g.data,
    reinspections: [...g.data.reinspections, { at: g.now.toISOString(), by: g.actor?.userId ?? null, outcome, notes: (g.input as { notes: string }).notes }],
    ...extra(g),
  });
}

const orderDeadline = (party: 'subject') => (d: CaseData) =>
  d.order ? { dueAt: d.order.dueAt, party, onExpiry: d.order.kind === 'removal' ? 'removal-deadline-passed' : 'deadline-passed', label: { zh: '改正期限', en: 'Time limit' }, citation: pathRule(d.violation).citation } : null;

const reinspectionDeadline = (d: CaseData, at: Date) => ({
  dueAt: deadlineAfter(at, SERVICE_TARGETS.reinspection.days),
  party: 'official' as const,
  label: SERVICE_TARGETS.reinspection.label,
  citation: pathRule(d.violation).citation,
});

const OpenInput = Type.Object(
  {
    ruleId: Type.String({ minLength: 3, maxLength: 120, description: 'The rule breached, by its id in the law catalogue (GET /api/v1/workflow/violations)' }),
    facts: Text(4000, 'What was found, where and when'),
    subject: Type.Object(
      {
        keyUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
        providerId: Type.Optional(Type.Integer({ minimum: 1 })),
        name: Type.Optional(Text(200, 'Who, when neither a registered key unit nor a provider')),
        creditCode: Type.Optional(Type.String({ maxLength: 18 })),
        divisionCode: Type.Optional(Type.String({ pattern: '^21\\d{4}$', description: 'Where, when the subject is not registered' })),
        offender: Enum(OFFENDERS),
      },
      { additionalProperties: false },
    ),
    origin: Type.Optional(
      Type.Object({ kind: Enum(['inspection', 'complaint'] as const), itemId: Type.Integer({ minimum: 1 }), hazardId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

const OPEN_STATES = ['open', 'rectification_ordered', 'rectification_reported', 'overdue', 'removal_ordered', 'removal_reported', 'removal_refused', 'forcibly_removed', 'penalty_decided'] as const;

export const caseMachine = defineMachine<CaseData>({
  name: 'case',
  resource: 'case',
  title: { zh: '隐患整改与行政处罚', en: 'Rectification and penalty case' },
  citation: { article: 31 },
  summary:
    'A hazard or violation becomes a case. The road it takes is the penalty article the breached rule leads to in the law catalogue: Art 31 and 32 (order to rectify within a time limit; a fine once the limit is missed), Art 33 (order to remove; forced removal when refused), Art 34 and 35 (a penalty decision at once), or none (the police urge rectification under Art 26, and nothing follows a miss). Amounts come from the law\'s penalty calculator; an officer\'s confirmation that differs is refused. A time limit must be a future day and cannot be extended once missed. Referrals are recorded only where the article provides them.',
  states: {
    open: { label: { zh: '已立案，待处理', en: 'Opened, awaiting the police' }, awaiting: 'official' },
    rectification_ordered: {
      label: { zh: '已责令限期改正', en: 'Ordered to rectify within a time limit' },
      deadlineDoc: { zh: '被责令单位：责令的改正期限（当日24时，北京时间）；届满未改正自动转为“逾期未改正”', en: 'The unit ordered: the time limit ordered (midnight, China time); when it passes the case becomes "overdue" by itself' },
      awaiting: 'subject',
      deadline: orderDeadline('subject'),
    },
    rectification_reported: {
      label: { zh: '单位已报告整改，待复查', en: 'Rectification reported, awaiting re-inspection' },
      deadlineDoc: { zh: '公安机关：报告后5日内复查（服务时限）', en: 'Police: re-inspect within 5 days of the report (service target)' },
      awaiting: 'official',
      deadline: reinspectionDeadline,
    },
    overdue: {
      label: { zh: '逾期未改正', en: 'Not rectified by the time limit' },
      deadlineDoc: { zh: '公安机关：逾期后30日内作出处理（服务时限）', en: 'Police: decide within 30 days of the miss (service target)' },
      awaiting: 'official',
      deadline: (d, at) => ({ dueAt: deadlineAfter(at, SERVICE_TARGETS.overdueDecision.days), party: 'official', label: SERVICE_TARGETS.overdueDecision.label, citation: pathRule(d.violation).citation }),
    },
    removal_ordered: {
      label: { zh: '已责令拆除', en: 'Ordered to remove' },
      deadlineDoc: { zh: '被责令单位：责令的拆除期限；届满未拆除自动转为“拒不拆除”', en: 'The unit ordered: the removal time limit; when it passes the case becomes "removal refused" by itself' },
      awaiting: 'subject',
      deadline: orderDeadline('subject'),
    },
    removal_reported: {
      label: { zh: '单位已报告拆除，待复查', en: 'Removal reported, awaiting re-inspection' },
      deadlineDoc: { zh: '公安机关：报告后5日内复查（服务时限）', en: 'Police: re-inspect within 5 days of the report (service target)' },
      awaiting: 'official',
      deadline: reinspectionDeadline,
    },
    removal_refused: {
      label: { zh: '拒不拆除', en: 'Removal refused' },
      deadlineDoc: { zh: '公安机关：15日内依法强制拆除（服务时限）', en: 'Police: enforce within 15 days (service target)' },
      awaiting: 'official',
      deadline: (d, at) => ({ dueAt: deadlineAfter(at, SERVICE_TARGETS.removalFollowUp.days), party: 'official', label: SERVICE_TARGETS.removalFollowUp.label, citation: RULES.art33.citation }),
    },
    forcibly_removed: { label: { zh: '已依法强制拆除', en: 'Removed by enforcement' } },
    penalty_decided: { label: { zh: '已作出行政处罚决定', en: 'Penalty decided' } },
    closed_rectified: { label: { zh: '已改正，结案', en: 'Rectified; closed' }, terminal: true },
    closed_removed: { label: { zh: '已拆除，结案', en: 'Removed; closed' }, terminal: true },
    closed: { label: { zh: '已结案', en: 'Closed' }, terminal: true },
    dismissed: { label: { zh: '不予立案处理（未查证属实）', en: 'Dismissed (not verified)' }, terminal: true },
  },
  transitions: [
    {
      name: 'open',
      label: { zh: '立案', en: 'Open a case' },
      from: [],
      to: 'open',
      by: 'official',
      rule: RULES.urge,
      input: OpenInput,
      guard: (g) => {
        const v = g.data.violation;
        if (v.penaltyArticle === 33 || !v.penaltyArticle) return null;
        // The law decides whether the article reaches this offender (e.g. Art 32 binds units only).
        return decide(g.data, {}, g.now).refusal ?? null;
      },
    },
    {
      name: 'order-rectification',
      label: { zh: '责令限期改正', en: 'Order rectification within a time limit' },
      from: ['open'],
      to: 'rectification_ordered',
      by: 'official',
      rule: RULES.art31,
      input: OrderInput,
      guard: (g) => needPath(g, ['rectify-then-fine', 'rectify'], { zh: '责令限期改正', en: 'an order to rectify' }) ?? timeLimitGuard(g, pathRule(g.data.violation)),
      update: order('rectify'),
      issues: ['rectification-notice'],
    },
    {
      name: 'order-removal',
      label: { zh: '责令拆除', en: 'Order removal' },
      from: ['open'],
      to: 'removal_ordered',
      by: 'official',
      rule: RULES.art33,
      input: OrderInput,
      guard: (g) => needPath(g, ['removal'], { zh: '责令拆除', en: 'an order to remove' }) ?? timeLimitGuard(g, RULES.art33),
      update: order('removal'),
      issues: ['removal-notice'],
    },
    {
      name: 'decide-penalty',
      label: { zh: '作出行政处罚决定', en: 'Decide the penalty' },
      from: ['open'],
      to: 'penalty_decided',
      by: 'official',
      rule: RULES.art34,
      input: DecisionInput,
      guard: (g) => needPath(g, ['penalty'], { zh: '直接作出处罚决定（第三十四条、第三十五条）', en: 'a penalty decision without an order first (Art 34, 35)' }) ?? decisionGuard(g),
      update: (g) => decisionUpdate(g),
      issues: ['penalty-decision'],
    },
    {
      name: 'dismiss',
      label: { zh: '经查不属实，不予处理', en: 'Dismiss: not verified' },
      from: ['open'],
      to: 'dismissed',
      by: 'official',
      rule: RULES.urge,
      input: NoteInput,
      update: (g) => ({ ...g.data, closure: { at: g.now.toISOString(), by: g.actor?.userId ?? null, reason: (g.input as { note: string }).note } }),
    },
    {
      name: 'report-rectification',
      label: { zh: '报告整改情况', en: 'Report the rectification' },
      from: ['rectification_ordered'],
      to: 'rectification_reported',
      by: 'subject',
      rule: RULES.art31,
      input: ReportInput,
      update: (g) => {
        const i = g.input as { text: string; attachmentIds?: number[] };
        return { ...g.data, reports: [...g.data.reports, { at: g.now.toISOString(), by: g.actor?.userId ?? null, text: i.text, attachmentIds: i.attachmentIds ?? [] }] };
      },
    },
    {
      name: 'confirm-rectified',
      label: { zh: '复查：已改正，结案', en: 'Re-inspect: rectified; close' },
      from: ['rectification_ordered', 'rectification_reported'],
      to: 'closed_rectified',
      by: 'official',
      rule: RULES.urge,
      input: ReinspectInput,
      guard: (g) =>
        afterDeadline(g) && !g.data.reports.some((r) => r.at <= g.data.order!.dueAt)
          ? refuse(pathRule(g.data.violation), '改正期限已过且期限内未报告整改：属于逾期不改正，应记录逾期', 'The time limit passed with no rectification reported within it: this is a missed time limit; record it as overdue', { status: 409 })
          : null,
      update: reinspected('rectified', (g) => ({ rectifiedInTime: true, closure: { at: g.now.toISOString(), by: g.actor?.userId ?? null, reason: (g.input as { notes: string }).notes } })),
    },
    {
      name: 'find-not-rectified',
      label: { zh: '复查：未改正，继续限期改正', en: 'Re-inspect: not rectified; the time limit runs on' },
      from: ['rectification_reported'],
      to: 'rectification_ordered',
      by: 'official',
      rule: RULES.urge,
      input: ReinspectInput,
      guard: (g) => (afterDeadline(g) ? refuse(pathRule(g.data.violation), '改正期限已过：未改正即属逾期不改正，应记录逾期', 'The time limit has passed: not rectified means overdue; record it as overdue', { status: 409 }) : null),
      update: reinspected('not_rectified'),
    },
    {
      name: 'record-overdue',
      label: { zh: '复查：逾期未改正', en: 'Re-inspect: not rectified by the time limit' },
      from: ['rectification_reported'],
      to: 'overdue',
      by: 'official',
      rule: RULES.art31,
      input: ReinspectInput,
      guard: (g) => (afterDeadline(g) ? null : refuse(pathRule(g.data.violation), '改正期限尚未届满，不能认定逾期', 'The time limit has not passed yet; it cannot be found overdue', { status: 409 })),
      update: reinspected('not_rectified', () => ({ rectifiedInTime: false })),
    },
    {
      name: 'deadline-passed',
      label: { zh: '改正期限届满', en: 'Time limit passed' },
      from: ['rectification_ordered'],
      to: 'overdue',
      by: 'system',
      rule: RULES.art31,
      update: (g) => ({ ...g.data, rectifiedInTime: false }),
    },
    {
      name: 'decide-fine',
      label: { zh: '逾期不改正，作出罚款决定', en: 'Decide the fine for the missed time limit' },
      from: ['overdue'],
      to: 'penalty_decided',
      by: 'official',
      rule: RULES.art32,
      input: DecisionInput,
      guard: (g) => needPath(g, ['rectify-then-fine'], { zh: '逾期不改正的罚款', en: 'a fine for a missed time limit' }) ?? decisionGuard(g, false),
      update: (g) => decisionUpdate(g, false),
      issues: ['penalty-decision'],
    },
    {
      name: 'close-unrectified',
      label: { zh: '逾期未改正（无罚则），结案', en: 'Close, not rectified (no penalty provided)' },
      from: ['overdue'],
      to: 'closed',
      by: 'official',
      rule: RULES.urge,
      input: NoteInput,
      guard: (g) => needPath(g, ['rectify'], { zh: '不处罚而结案（该违法行为第五章设有罚则）', en: 'closing without a penalty (Chapter 5 provides one)' }),
      update: (g) => ({ ...g.data, closure: { at: g.now.toISOString(), by: g.actor?.userId ?? null, reason: (g.input as { note: string }).note } }),
    },
    {
      name: 'report-removal',
      label: { zh: '报告已拆除', en: 'Report the removal' },
      from: ['removal_ordered'],
      to: 'removal_reported',
      by: 'subject',
      rule: RULES.art33,
      input: ReportInput,
      update: (g) => {
        const i = g.input as { text: string; attachmentIds?: number[] };
        return { ...g.data, reports: [...g.data.reports, { at: g.now.toISOString(), by: g.actor?.userId ?? null, text: i.text, attachmentIds: i.attachmentIds ?? [] }] };
      },
    },
    {
      name: 'confirm-removed',
      label: { zh: '复查：已拆除，结案', en: 'Re-inspect: removed; close' },
      from: ['removal_ordered', 'removal_reported', 'removal_refused'],
      to: 'closed_removed',
      by: 'official',
      rule: RULES.art33,
      input: ReinspectInput,
      update: reinspected('removed', (g) => ({ closure: { at: g.now.toISOString(), by: g.actor?.userId ?? null, reason: (g.input as { notes: string }).notes } })),
    },
    {
      name: 'find-not-removed',
      label: { zh: '复查：未拆除，期限内继续', en: 'Re-inspect: not removed; the time limit runs on' },
      from: ['removal_reported'],
      to: 'removal_ordered',
      by: 'official',
      rule: RULES.art33,
      input: ReinspectInput,
      guard: (g) => (afterDeadline(g) ? refuse(RULES.art33, '拆除期限已过：未拆除即属拒不拆除，应记录', 'The time limit has passed: not removed means refused; record it', { status: 409 }) : null),
      update: reinspected('not_removed'),
    },
    {
      name: 'record-refusal-to-remove',
      label: { zh: '复查：拒不拆除', en: 'Re-inspect: removal refused' },
      from: ['removal_reported'],
      to: 'removal_refused',
      by: 'official',
      rule: RULES.art33,
      input: ReinspectInput,
      guard: (g) => (afterDeadline(g) ? null : refuse(RULES.art33, '拆除期限尚未届满，不能认定拒不拆除', 'The time limit has not passed yet; removal cannot be found refused', { status: 409 })),
      update: reinspected('not_removed'),
    },
    {
      name: 'removal-deadline-passed',
      label: { zh: '拆除期限届满', en: 'Removal time limit passed' },
      from: ['removal_ordered'],
      to: 'removal_refused',
      by: 'system',
      rule: RULES.art33,
    },
    {
      name: 'enforce-removal',
      label: { zh: '依法强制拆除', en: 'Enforce the removal' },
      from: ['removal_refused'],
      to: 'forcibly_removed',
      by: 'official',
      rule: RULES.art33,
      input: NoteInput,
      update: (g) => ({ ...g.data, forcedRemoval: { at: g.now.toISOString(), by: g.actor?.userId ?? null, note: (g.input as { note: string }).note } }),
    },
    {
      name: 'record-referral',
      label: { zh: '记录移送（治安管理处罚、刑事责任、赔偿）', en: 'Record a referral (public security administration, criminal, damages)' },
      from: OPEN_STATES,
      to: null,
      by: 'official',
      rule: RULES.art33,
      input: ReferralInput,
      guard: (g) => {
        const kind = (g.input as { kind: ReferralKind }).kind;
        const input = penaltyInput(g.data);
        const provided = input ? (decide(g.data, {}, g.now).decision?.referrals ?? []).map((r) => r.kind) : [];
        if (provided.includes(kind)) return null;
        return refuse(
          pathRule(g.data.violation),
          `${g.data.violation.penaltyArticle ? `第${g.data.violation.penaltyArticle}条` : '本条例'}没有规定此种移送（可记录的：${provided.join('、') || '无'}）`,
          `${g.data.violation.penaltyArticle ? `Art ${g.data.violation.penaltyArticle}` : 'The regulation'} provides no such referral (it provides: ${provided.join(', ') || 'none'})`,
          { field: 'kind' },
        );
      },
      update: (g) => {
        const i = g.input as { kind: ReferralKind; note: string };
        return { ...g.data, referrals: [...g.data.referrals, { kind: i.kind, at: g.now.toISOString(), by: g.actor?.userId ?? null, note: i.note }] };
      },
    },
    {
      name: 'close',
      label: { zh: '执行完毕，结案', en: 'Executed; close' },
      from: ['penalty_decided', 'forcibly_removed'],
      to: 'closed',
      by: 'official',
      rule: RULES.urge,
      input: NoteInput,
      update: (g) => ({ ...g.data, closure: { at: g.now.toISOString(), by: g.actor?.userId ?? null, reason: (g.input as { note: string }).note } }),
    },
  ],
});

import { Type } from '@sinclair/typebox';
import { defineMachine, type RuleRef } from '../domain/machine.js';
import { Enum, Text } from '../domain/schema.js';
import { SERVICE_TARGETS } from '../domain/service-targets.js';
import { deadlineAfter } from '../domain/time.js';

/**
 * Adjusting a public-area system for municipal works, Art 9 ¶2: the
 * construction unit asks the city or county police first; the works may
 * start only once a restoration or rebuilding plan is agreed. Starting
 * before is not a transition the machine has: the answer is 409 with the
 * rule.
 */

export const RULES = { consult: { id: 'art9.p2.consult-police-before-adjusting', citation: { article: 9, paragraph: 2 } } } satisfies Record<string, RuleRef>;

export const PLAN_KINDS = ['restore', 'rebuild'] as const;

export interface AdjustmentData {
  publicArea: { id: number; name: string };
  systemIds: number[];
  constructionUnit: string;
  works: string;
  planKind: (typeof PLAN_KINDS)[number];
  plan: string;
  opinions: { at: string; by: number | null; text: string; agreed: boolean }[];
  revisions: { at: string; plan: string }[];
  agreedAt?: string;
  worksStartedAt?: string;
  restoration?: { reportedAt: string; text: string; confirmedAt?: string; confirmedBy?: number | null };
  withdrawal?: { at: string; reason: string };
}

const RequestInput = Type.Object(
  {
    publicAreaId: Type.Integer({ minimum: 1 }),
    systemIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 50, description: 'The public-area systems the works affect' }),
    constructionUnit: Text(200, 'The construction unit asking'),
    works: Text(4000, 'The municipal works and the public interest that need the adjustment'),
    planKind: Enum(PLAN_KINDS, { description: 'Restore the system as it was, or rebuild it' }),
    plan: Text(4000, 'The restoration or rebuilding plan'),
  },
  { additionalProperties: false },
);
const OpinionInput = Type.Object({ opinion: Text(4000) }, { additionalProperties: false });

export const adjustmentMachine = defineMachine<AdjustmentData>({
  name: 'adjustment',
  resource: 'adjustment',
  title: { zh: '调整社会公共区域技防系统征求意见', en: 'Consultation on adjusting a public-area system' },
  citation: { article: 9, paragraph: 2 },
  summary:
    'A construction unit asks the police of the city or county before moving a public-area system for municipal works. The works may start only once a restoration or rebuilding plan is agreed: `start-works` exists only in `plan_agreed`, so starting earlier answers 409 with Art 9 ¶2. GAP(art 8 ¶1): there is no account role for the designated government department or the construction unit; they act as legal persons (`citizen` role) or, for their own buildings, as key units.',
  states: {
    requested: {
      label: { zh: '已征求意见，待公安机关答复', en: 'Consultation requested, awaiting the police' },
      deadlineDoc: { zh: '公安机关：15日内提出意见（服务时限）', en: 'Police: give an opinion within 15 days (service target)' },
      awaiting: 'official',
      deadline: (_d, at) => ({ dueAt: deadlineAfter(at, SERVICE_TARGETS.adjustmentOpinion.days), party: 'official', label: SERVICE_TARGETS.adjustmentOpinion.label, citation: SERVICE_TARGETS.adjustmentOpinion.citation }),
    },
    plan_revision: { label: { zh: '公安机关提出修改意见，待修改方案', en: 'Police asked for changes to the plan' }, awaiting: 'applicant' },
    plan_agreed: { label: { zh: '恢复原状或者复建方案已协商一致，可以施工', en: 'Plan agreed; works may start' }, awaiting: 'applicant' },
    works_started: { label: { zh: '已施工', en: 'Works started' }, awaiting: 'applicant' },
    restoration_reported: { label: { zh: '已报告恢复或复建，待确认', en: 'Restoration reported, awaiting confirmation' }, awaiting: 'official' },
    closed: { label: { zh: '已恢复或复建，办结', en: 'Restored or rebuilt; closed' }, terminal: true },
    withdrawn: { label: { zh: '已撤回', en: 'Withdrawn' }, terminal: true },
  },
  transitions: [
    { name: 'request', label: { zh: '事先征求公安机关意见', en: 'Ask the police beforehand' }, from: [], to: 'requested', by: 'applicant', rule: RULES.consult, input: RequestInput },
    {
      name: 'request-changes',
      label: { zh: '提出修改意见', en: 'Ask for changes' },
      from: ['requested'],
      to: 'plan_revision',
      by: 'official',
      rule: RULES.consult,
      input: OpinionInput,
      update: (g) => ({ ...g.data, opinions: [...g.data.opinions, { at: g.now.toISOString(), by: g.actor?.userId ?? null, text: (g.input as { opinion: string }).opinion, agreed: false }] }),
    },
    {
      name: 'revise-plan',
      label: { zh: '修改方案后重新征求意见', en: 'Revise the plan and ask again' },
      from: ['plan_revision'],
      to: 'requested',
      by: 'applicant',
      rule: RULES.consult,
      input: Type.Object({ plan: Text(4000), planKind: Type.Optional(Enum(PLAN_KINDS)) }, { additionalProperties: false }),
      update: (g) => {
        const i = g.input as { plan: string; planKind?: AdjustmentData['planKind'] };
        return { ...g.data, plan: i.plan, planKind: i.planKind ?? g.data.planKind, revisions: [...g.data.revisions, { at: g.now.toISOString(), plan: i.plan }] };
      },
    },
    {
      name: 'agree-plan',
      label: { zh: '方案协商一致', en: 'Agree the plan' },
      from: ['requested'],
      to: 'plan_agreed',
      by: 'official',
      rule: RULES.consult,
      input: OpinionInput,
      update: (g) => ({
        ...g.data,
        agreedAt: g.now.toISOString(),
        opinions: [...g.data.opinions, { at: g.now.toISOString(), by: g.actor?.userId ?? null, text: (g.input as { opinion: string }).opinion, agreed: true }],
      }),
    },
    { name: 'start-works', label: { zh: '开始施工', en: 'Start the works' }, from: ['plan_agreed'], to: 'works_started', by: 'applicant', rule: RULES.consult, update: (g) => ({ ...g.data, worksStartedAt: g.now.toISOString() }) },
    {
      name: 'report-restored',
      label: { zh: '报告已恢复原状或复建', en: 'Report the restoration' },
      from: ['works_started'],
      to: 'restoration_reported',
      by: 'applicant',
      rule: RULES.consult,
      input: Type.Object({ text: Text(4000) }, { additionalProperties: false }),
      update: (g) => ({ ...g.data, restoration: { reportedAt: g.now.toISOString(), text: (g.input as { text: string }).text } }),
    },
    {
      name: 'confirm-restoration',
      label: { zh: '确认恢复或复建，办结', en: 'Confirm the restoration; close' },
      from: ['restoration_reported'],
      to: 'closed',
      by: 'official',
      rule: RULES.consult,
      update: (g) => ({ ...g.data, restoration: { ...g.data.restoration!, confirmedAt: g.now.toISOString(), confirmedBy: g.actor?.userId ?? null } }),
    },
    {
      name: 'withdraw',
      label: { zh: '撤回', en: 'Withdraw' },
      from: ['requested', 'plan_revision', 'plan_agreed'],
      to: 'withdrawn',
      by: 'applicant',
      rule: RULES.consult,
      input: Type.Object({ reason: Text(1000) }, { additionalProperties: false }),
      update: (g) => ({ ...g.data, withdrawal: { at: g.now.toISOString(), reason: (g.input as { reason: string }).reason } }),
    },
  ],
});

import { Type } from '@sinclair/typebox';
import { defineMachine, refuse, type RuleRef } from '../domain/machine.js';
import { Enum, Text } from '../domain/schema.js';
import { SERVICE_TARGETS } from '../domain/service-targets.js';
import { chinaDate, deadlineAfter } from '../domain/time.js';
import { assess } from '../ports/law.js';

/**
 * Commendations and rewards, Art 30: for units and persons who supplied
 * important leads or evidence from captured information, or stopped a crime
 * with a system. Proposed by an officer, decided by the police. The law's
 * Art 30 rule decides whether a contribution qualifies.
 */

export const RULES = { reward: { id: 'art30.commendation-or-reward', citation: { article: 30 } } } satisfies Record<string, RuleRef>;

export const CONTRIBUTIONS = ['lead_or_evidence_from_captured_info', 'stopped_crime_with_system'] as const;
export const FORMS = ['commendation', 'reward'] as const;

export interface RewardData {
  recipient: { kind: 'unit' | 'person'; name: string };
  contribution: (typeof CONTRIBUTIONS)[number];
  important: boolean;
  description: string;
  caseReference: string | null;
  proposedBy: number | null;
  decision?: { at: string; by: number | null; form: (typeof FORMS)[number]; note: string };
  declined?: { at: string; by: number | null; reason: string };
}

const ProposeInput = Type.Object(
  {
    recipient: Type.Object({ kind: Enum(['unit', 'person'] as const), name: Text(200) }, { additionalProperties: false }),
    contribution: Enum(CONTRIBUTIONS, { description: 'Art 30: a lead or evidence from captured information, or stopping a crime with a system' }),
    important: Type.Boolean({ description: 'Art 30: 重要线索或者证据 (for leads and evidence)' }),
    description: Text(4000),
    caseReference: Type.Optional(Text(200, 'The police case the lead or the stopped crime belongs to')),
  },
  { additionalProperties: false },
);

export const rewardMachine = defineMachine<RewardData>({
  name: 'reward',
  resource: 'reward',
  title: { zh: '表彰奖励', en: 'Commendation or reward' },
  citation: { article: 30 },
  summary:
    'The police propose and decide commendations and rewards for important leads or evidence from captured information, and for stopping a crime with a system; the law\'s Art 30 rule decides whether a contribution qualifies.',
  states: {
    proposed: {
      label: { zh: '已提名，待决定', en: 'Proposed, awaiting decision' },
      deadlineDoc: { zh: '公安机关：提名后30日内决定（服务时限）', en: 'Police: decide within 30 days of the proposal (service target)' },
      awaiting: 'official',
      deadline: (_d, at) => ({ dueAt: deadlineAfter(at, SERVICE_TARGETS.rewardDecision.days), party: 'official', label: SERVICE_TARGETS.rewardDecision.label, citation: SERVICE_TARGETS.rewardDecision.citation }),
    },
    granted: { label: { zh: '已给予表彰或奖励', en: 'Granted' }, terminal: true },
    declined: { label: { zh: '不予表彰奖励', en: 'Declined' }, terminal: true },
  },
  transitions: [
    {
      name: 'propose',
      label: { zh: '提名表彰奖励', en: 'Propose' },
      from: [],
      to: 'proposed',
      by: 'official',
      rule: RULES.reward,
      input: ProposeInput,
      guard: (g) => {
        const i = g.input as { contribution: RewardData['contribution']; important: boolean };
        const f = assess({ contributions: [{ id: 'c', kind: i.contribution, important: i.important }] }, chinaDate(g.now)).find((x) => x.ruleId === RULES.reward.id);
        if (f?.outcome === 'allowed') return null;
        return refuse(RULES.reward, '第三十条表彰奖励的是利用采获信息提供重要线索或者证据、以及利用技防系统制止犯罪活动的单位和个人', 'Art 30 rewards important leads or evidence from captured information, and stopping crime with a system', { field: 'important' });
      },
    },
    {
      name: 'grant',
      label: { zh: '给予表彰或奖励', en: 'Grant' },
      from: ['proposed'],
      to: 'granted',
      by: 'official',
      rule: RULES.reward,
      input: Type.Object({ form: Enum(FORMS), note: Text(2000) }, { additionalProperties: false }),
      update: (g) => {
        const i = g.input as { form: RewardData['decision'] extends infer X ? X extends { form: infer F } ? F : never : never; note: string };
        return { ...g.data, decision: { at: g.now.toISOString(), by: g.actor?.userId ?? null, form: i.form, note: i.note } };
      },
    },
    {
      name: 'decline',
      label: { zh: '不予表彰奖励（说明理由）', en: 'Decline (with reasons)' },
      from: ['proposed'],
      to: 'declined',
      by: 'official',
      rule: RULES.reward,
      input: Type.Object({ reason: Text(2000) }, { additionalProperties: false }),
      update: (g) => ({ ...g.data, declined: { at: g.now.toISOString(), by: g.actor?.userId ?? null, reason: (g.input as { reason: string }).reason } }),
    },
  ],
});

import { Type } from '@sinclair/typebox';
import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';
import { defineMachine, refuse, type GuardContext, type RuleRef } from '../domain/machine.js';
import { DateString, Enum, Text } from '../domain/schema.js';
import { SERVICE_TARGETS } from '../domain/service-targets.js';
import { addDays, chinaDate, endOfChinaDay, isIsoDate, type IsoDate } from '../domain/time.js';
import { violationOf, type CasePath } from '../domain/violations.js';
import { INSPECTION_CHECKLIST } from '../ports/law.js';

/**
 * Supervisory inspection (监督检查), Art 26-27: planned, carried out with the
 * checklist of Art 27 ¶1 items 1-5 filled from the registry and the rules,
 * hazards recorded with photos, an inspection record issued; each hazard can
 * then become a case (Art 31-35). There is no field for a fee anywhere
 * (Art 29); an attempt to enter one is refused and recorded.
 */

export const RULES = {
  inspect: { id: 'art26.urge-rectification-of-hazards', citation: { article: 26 } },
  checklist: { id: 'art27.p1.checklist', citation: { article: 27, paragraph: 1 } },
} satisfies Record<string, RuleRef>;

export const CHECK_RESULTS = ['unchecked', 'compliant', 'hazard', 'not_applicable'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export interface Prefill {
  source: 'registry' | 'rules' | 'workflow';
  ruleId?: string;
  outcome?: string;
  text: Bilingual;
}

export interface ChecklistEntry {
  item: number;
  label: Bilingual;
  rules: string[];
  result: CheckResult;
  notes: string;
  prefill: Prefill[];
}

export interface Hazard {
  id: number;
  checklistItem: number;
  ruleId: string;
  title: Bilingual;
  citation: Citation;
  path: CasePath;
  description: string;
  photoIds: number[];
  recordedAt: string;
  by: number | null;
  caseId?: number;
}

export interface InspectionData {
  subject: { kind: 'key_unit' | 'provider'; id: number; name: string; creditCode: string | null };
  plannedDate: IsoDate;
  scope: string;
  inspectors: { userId: number; username: string }[];
  checklist: ChecklistEntry[];
  hazards: Hazard[];
  startedAt?: string;
  completedAt?: string;
  record?: { number: string; documentId: number };
  reschedules: { at: string; from: IsoDate; to: IsoDate; reason: string }[];
  cancellation?: { at: string; reason: string };
}

export function emptyChecklist(): ChecklistEntry[] {
  return INSPECTION_CHECKLIST.map((c) => ({ item: c.item, label: c.label, rules: [...c.rules], result: 'unchecked' as CheckResult, notes: '', prefill: [] }));
}

type G = GuardContext<InspectionData, Record<string, unknown>>;

function notPast(g: G, field: string) {
  const d = (g.input as Record<string, unknown>)[field];
  const today = chinaDate(g.now);
  if (!isIsoDate(d)) return refuse(RULES.inspect, '日期须为有效日期（YYYY-MM-DD）', 'The date must be a real date (YYYY-MM-DD)', { field });
  if (d < today) return refuse(RULES.inspect, `检查日期（${d}）不能早于今天（${today}）：不能补登过去的计划`, `The inspection date (${d}) cannot be before today (${today}): a plan cannot be backdated`, { field });
  return null;
}

function withInspector(g: G): InspectionData['inspectors'] {
  const a = g.actor;
  if (!a || g.data.inspectors.some((i) => i.userId === a.userId)) return g.data.inspectors;
  return [...g.data.inspectors, { userId: a.userId, username: a.username }];
}

const PlanInput = Type.Object(
  {
    subject: Type.Object({ keyUnitId: Type.Optional(Type.Integer({ minimum: 1 })), providerId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
    plannedDate: DateString('The day of the inspection; today or later'),
    scope: Text(2000, 'What the inspection covers'),
  },
  { additionalProperties: false },
);
const RescheduleInput = Type.Object({ plannedDate: DateString(), reason: Text(1000) }, { additionalProperties: false });
const ReasonInput = Type.Object({ reason: Text(1000) }, { additionalProperties: false });
const CheckInput = Type.Object(
  { item: Type.Integer({ minimum: 1, maximum: 5, description: 'Art 27 ¶1 item' }), result: Enum(['compliant', 'hazard', 'not_applicable'] as const), notes: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
const HazardInput = Type.Object(
  {
    ruleId: Type.String({ minLength: 3, maxLength: 120, description: 'The rule breached (GET /api/v1/workflow/violations)' }),
    description: Text(4000, 'What was found'),
    photoIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20, description: 'Attachments of this inspection' })),
    checklistItem: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  },
  { additionalProperties: false },
);
const OpenCaseInput = Type.Object({ hazardId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const inspectionMachine = defineMachine<InspectionData>({
  name: 'inspection',
  resource: 'inspection',
  title: { zh: '监督检查', en: 'Supervisory inspection' },
  citation: { article: 26 },
  summary:
    'The police plan an inspection of a key unit (or a provider, Art 27 ¶1 (3)); a plan cannot be dated in the past. On start the checklist of Art 27 ¶1 items 1-5 is prefilled from the registry (unit type and Art 10 item, systems, retention), from the other workflows (the providers\' filings, design reviews) and from the law\'s rules run on those facts. Hazards are recorded against a rule of the regulation with photos; completing needs items 1-4 checked and issues the inspection record. Each hazard can then open a case. No field holds a fee (Art 29).',
  states: {
    planned: {
      label: { zh: '已计划', en: 'Planned' },
      deadlineDoc: { zh: '公安机关：计划检查日后7日内开始（服务时限）', en: 'Police: start within 7 days after the planned date (service target)' },
      awaiting: 'official',
      deadline: (d) => ({
        dueAt: endOfChinaDay(addDays(d.plannedDate, SERVICE_TARGETS.inspectionStart.days)),
        party: 'official',
        label: SERVICE_TARGETS.inspectionStart.label,
        citation: SERVICE_TARGETS.inspectionStart.citation,
      }),
    },
    in_progress: { label: { zh: '检查中', en: 'In progress' }, awaiting: 'official' },
    completed: { label: { zh: '已完成，已出具检查记录', en: 'Completed; record issued' } },
    cancelled: { label: { zh: '已取消', en: 'Cancelled' }, terminal: true },
  },
  transitions: [
    {
      name: 'plan',
      label: { zh: '计划监督检查', en: 'Plan an inspection' },
      from: [],
      to: 'planned',
      by: 'official',
      rule: RULES.inspect,
      input: PlanInput,
      guard: (g) => notPast(g, 'plannedDate'),
    },
    {
      name: 'reschedule',
      label: { zh: '调整检查日期', en: 'Reschedule' },
      from: ['planned'],
      to: 'planned',
      by: 'official',
      rule: RULES.inspect,
      input: RescheduleInput,
      guard: (g) => notPast(g, 'plannedDate'),
      update: (g) => {
        const i = g.input as { plannedDate: string; reason: string };
        return { ...g.data, plannedDate: i.plannedDate, reschedules: [...g.data.reschedules, { at: g.now.toISOString(), from: g.data.plannedDate, to: i.plannedDate, reason: i.reason }] };
      },
    },
    {
      name: 'cancel',
      label: { zh: '取消检查', en: 'Cancel' },
      from: ['planned'],
      to: 'cancelled',
      by: 'official',
      rule: RULES.inspect,
      input: ReasonInput,
      update: (g) => ({ ...g.data, cancellation: { at: g.now.toISOString(), reason: (g.input as { reason: string }).reason } }),
    },
    {
      name: 'start',
      label: { zh: '开始检查（按第二十七条预填检查表）', en: 'Start (checklist of Art 27 prefilled)' },
      from: ['planned'],
      to: 'in_progress',
      by: 'official',
      rule: RULES.checklist,
      update: (g) => ({ ...g.data, startedAt: g.now.toISOString(), inspectors: withInspector(g) }),
    },
    {
      name: 'record-check',
      label: { zh: '记录检查项结果', en: 'Record a checklist result' },
      from: ['in_progress'],
      to: null,
      by: 'official',
      rule: RULES.checklist,
      input: CheckInput,
      guard: (g) => {
        const i = g.input as { item: number; result: CheckResult };
        if (i.result !== 'hazard' && g.data.hazards.some((h) => h.checklistItem === i.item)) {
          return refuse(RULES.checklist, `第${i.item}项已记录隐患，不能记为无隐患`, `Item ${i.item} has hazards recorded; it cannot be marked otherwise`, { status: 409, field: 'result' });
        }
        return null;
      },
      update: (g) => {
        const i = g.input as { item: number; result: CheckResult; notes?: string };
        return { ...g.data, inspectors: withInspector(g), checklist: g.data.checklist.map((c) => (c.item === i.item ? { ...c, result: i.result, notes: i.notes ?? c.notes } : c)) };
      },
    },
    {
      name: 'record-hazard',
      label: { zh: '记录隐患（附照片）', en: 'Record a hazard (with photos)' },
      from: ['in_progress'],
      to: null,
      by: 'official',
      rule: RULES.inspect,
      input: HazardInput,
      guard: (g) => {
        const i = g.input as { ruleId: string; photoIds?: number[] };
        if (!violationOf(i.ruleId)) return refuse(RULES.inspect, `“${i.ruleId}”不是本条例中可以认定的违法行为或隐患`, `"${i.ruleId}" is not a violation of the regulation`, { field: 'ruleId' });
        const own = (g.facts.attachments as number[] | undefined) ?? [];
        const stray = (i.photoIds ?? []).filter((p) => !own.includes(p));
        if (stray.length) return refuse(RULES.inspect, `照片 ${stray.join('、')} 不是本次检查的附件`, `Photos ${stray.join(', ')} are not attachments of this inspection`, { field: 'photoIds' });
        return null;
      },
      update: (g) => {
        const i = g.input as { ruleId: string; description: string; photoIds?: number[]; checklistItem?: number };
        const v = violationOf(i.ruleId)!;
        const item = i.checklistItem ?? v.checklistItem;
        const hazard: Hazard = {
          id: g.data.hazards.length + 1,
          checklistItem: item,
          ruleId: v.ruleId,
          title: v.title,
          citation: v.citation,
          path: v.path,
          description: i.description,
          photoIds: i.photoIds ?? [],
          recordedAt: g.now.toISOString(),
          by: g.actor?.userId ?? null,
        };
        return {
          ...g.data,
          inspectors: withInspector(g),
          hazards: [...g.data.hazards, hazard],
          checklist: g.data.checklist.map((c) => (c.item === item ? { ...c, result: 'hazard' as CheckResult } : c)),
        };
      },
    },
    {
      name: 'complete',
      label: { zh: '完成检查，出具监督检查记录', en: 'Complete; issue the inspection record' },
      from: ['in_progress'],
      to: 'completed',
      by: 'official',
      rule: RULES.checklist,
      guard: (g) => {
        const open = g.data.checklist.filter((c) => c.item <= 4 && c.result === 'unchecked');
        if (!open.length) return null;
        return refuse(RULES.checklist, `第二十七条第一款第（${open.map((c) => c.item).join('）、（')}）项尚未检查`, `Art 27 ¶1 item(s) (${open.map((c) => c.item).join('), (')}) are not checked yet`, { status: 409 });
      },
      update: (g) => ({
        ...g.data,
        completedAt: g.now.toISOString(),
        inspectors: withInspector(g),
        checklist: g.data.checklist.map((c) => (c.result === 'unchecked' ? { ...c, result: 'not_applicable' as CheckResult } : c)),
      }),
      issues: ['inspection-record'],
    },
    {
      name: 'open-case',
      label: { zh: '就隐患立案', en: 'Open a case on a hazard' },
      from: ['completed'],
      to: null,
      by: 'official',
      rule: RULES.inspect,
      input: OpenCaseInput,
      guard: (g) => {
        const h = g.data.hazards.find((x) => x.id === (g.input as { hazardId: number }).hazardId);
        if (!h) return refuse(RULES.inspect, '本次检查没有该隐患', 'This inspection has no such hazard', { field: 'hazardId' });
        if (h.caseId) return refuse(RULES.inspect, `该隐患已立案（案件 ${h.caseId}）`, `A case is already open on this hazard (case ${h.caseId})`, { status: 409, field: 'hazardId' });
        return null;
      },
    },
  ],
});

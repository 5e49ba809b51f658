import { notFound } from '../shared/errors.js';
import type { Bilingual } from '../shared/text.js';
import { attachmentsOf } from './attachments.js';
import { organName } from './documents.js';
import { registerWorkflow } from './engine.js';
import { chinaDate } from './domain/time.js';
import { violationOf } from './domain/violations.js';
import { emptyChecklist, inspectionMachine, type ChecklistEntry, type InspectionData, type Prefill } from './machines/inspection.js';
import { assess, INSPECTION_CHECKLIST, UNIT_TYPE_ART10_ITEM, type Finding, type Situation } from './ports/law.js';
import type { EffectContext, TrxContext, Workflow } from './workflow.js';

/**
 * Inspections: the checklist of Art 27 ¶1 prefilled from the registry and
 * the rules, the record document, and a case per hazard.
 */

const SUBSYSTEMS = new Set(['intrusion_alarm', 'video_audio_surveillance', 'access_control', 'anti_theft_robbery', 'explosive_inspection']);

/** What the registry and the workflows know of the subject, as the law's situation. */
async function situationOf(c: TrxContext, d: InspectionData): Promise<{ situation: Situation; notes: Record<number, Prefill[]> }> {
  const notes: Record<number, Prefill[]> = { 1: [], 2: [], 3: [], 4: [], 5: [] };
  const reg = c.ports.registry;
  const providerIds = new Set<number>();
  const situation: Situation = {};
  if (d.subject.kind === 'key_unit') {
    const unit = await reg.keyUnit(c.trx, d.subject.id);
    const systems = await reg.systemsOfKeyUnit(c.trx, d.subject.id);
    if (unit) {
      const typeLabel = unit.unitType ? (UNIT_TYPE_ART10_ITEM as Record<string, { label: Bilingual } | undefined>)[unit.unitType]?.label : undefined;
      notes[1].push({
        source: 'registry',
        text: {
          zh: `登记的单位类型：${typeLabel?.zh ?? unit.unitType ?? '未登记'}（第十条第一款第${unit.art10Item ?? '？'}项）；登记的技防系统 ${systems.length} 套`,
          en: `Registered unit type: ${typeLabel?.en ?? unit.unitType ?? 'none'} (Art 10 ¶1 item ${unit.art10Item ?? '?'}); ${systems.length} system(s) registered`,
        },
      });
      situation.keyUnits = [{ id: 'unit', unitType: (unit.unitType ?? 'other') as never, systemInstalled: systems.length > 0 }];
    }
    situation.systems = systems.map((s) => ({
      id: `system-${s.id}`,
      scope: 'key_unit' as const,
      keyUnitRef: 'unit',
      subsystems: [(s.subsystemKind && SUBSYSTEMS.has(s.subsystemKind) ? s.subsystemKind : 'other') as never],
      ...(s.retentionDays != null ? { retentionDays: s.retentionDays } : {}),
    }));
    for (const s of systems) {
      if (s.providerId != null) providerIds.add(s.providerId);
      notes[2].push({ source: 'registry', text: { zh: `${s.name}：采获信息留存 ${s.retentionDays ?? '未登记'} 日`, en: `${s.name}: captured information kept ${s.retentionDays ?? 'unrecorded'} days` } });
    }
    const reviews = await c.trx.selectFrom('workflowItems').select(['id', 'state', 'title']).where('machine', '=', 'design-review').where('keyUnitId', '=', d.subject.id).execute();
    for (const r of reviews) notes[4].push({ source: 'workflow', text: { zh: `设计方案论证事项 ${r.id}（${r.title}）：${r.state}`, en: `Design review ${r.id} (${r.title}): ${r.state}` } });
    if (!reviews.length) notes[4].push({ source: 'workflow', text: { zh: '平台上没有该单位的设计方案论证记录', en: 'No design review of this unit is on record' } });
  } else {
    providerIds.add(d.subject.id);
  }
  const providers: NonNullable<Situation['providers']> = [];
  for (const id of providerIds) {
    const p = await reg.provider(c.trx, id);
    if (!p) continue;
    const filed = await c.trx.selectFrom('workflowPublicProviders').select(['receiptNumber', 'filingOrgan']).where('providerId', '=', id).where('active', '=', 1).executeTakeFirst();
    notes[3].push({
      source: 'workflow',
      text: filed
        ? { zh: `${p.name}：已备案（回执 ${filed.receiptNumber}）`, en: `${p.name}: filed (receipt ${filed.receiptNumber})` }
        : { zh: `${p.name}：未在公布的备案名录中`, en: `${p.name}: not on the published list of filed providers` },
    });
    providers.push({
      id: `provider-${id}`,
      kind: 'unit',
      services: (p.services.length ? p.services : ['installation']) as never,
      outOfProvince: p.fromOutsideLiaoning,
      filing: filed ? { status: 'filed', organ: p.fromOutsideLiaoning ? 'provincial_police' : 'city_police_of_business_place', published: true } : { status: 'not_filed' },
    });
  }
  if (providers.length) situation.providers = providers;
  return { situation, notes };
}

/** The checklist with what the registry says and what the rules find, item by item. */
async function prefill(c: TrxContext, d: InspectionData): Promise<ChecklistEntry[]> {
  const { situation, notes } = await situationOf(c, d);
  let findings: Finding[] = [];
  try {
    findings = assess(situation, chinaDate(c.now));
  } catch {
    // An incomplete registry record is not a reason to stop an inspection: the inspector fills in.
    findings = [];
  }
  const itemOfRule = new Map(INSPECTION_CHECKLIST.flatMap((i) => i.rules.map((r) => [r, i.item] as const)));
  const fromRules: Record<number, Prefill[]> = { 1: [], 2: [], 3: [], 4: [], 5: [] };
  for (const f of findings) {
    if (f.outcome === 'not_applicable' || f.outcome === 'allowed') continue;
    const item = itemOfRule.get(f.ruleId) ?? (f.outcome === 'violation' && violationOf(f.ruleId) ? 5 : undefined);
    if (!item) continue;
    // One line per rule and outcome: three systems keeping 30 days say it once.
    if (fromRules[item].some((p) => p.ruleId === f.ruleId && p.outcome === f.outcome && p.text.zh === f.message.zh)) continue;
    fromRules[item].push({ source: 'rules', ruleId: f.ruleId, outcome: f.outcome, text: f.message as Bilingual });
  }
  return emptyChecklist().map((e) => ({ ...e, prefill: [...notes[e.item], ...fromRules[e.item]] }));
}

export const inspectionWorkflow: Workflow<InspectionData> = {
  machine: inspectionMachine,
  async place(c) {
    const i = c.input as unknown as { subject: { keyUnitId?: number; providerId?: number }; plannedDate: string; scope: string };
    const actor = c.acting.kind === 'person' ? c.acting.actor : null;
    let subject: InspectionData['subject'];
    let divisionCode: string;
    let restricted = false;
    if (i.subject.keyUnitId != null) {
      const k = await c.ports.registry.keyUnit(c.trx, i.subject.keyUnitId);
      if (!k) throw notFound({ zh: `重点单位 ${i.subject.keyUnitId}`, en: `key unit ${i.subject.keyUnitId}` });
      subject = { kind: 'key_unit', id: k.id, name: k.name, creditCode: k.creditCode };
      divisionCode = k.divisionCode;
      restricted = k.restricted;
    } else if (i.subject.providerId != null) {
      const p = await c.ports.registry.provider(c.trx, i.subject.providerId);
      if (!p) throw notFound({ zh: `技防服务单位 ${i.subject.providerId}`, en: `provider ${i.subject.providerId}` });
      subject = { kind: 'provider', id: p.id, name: p.name, creditCode: p.creditCode };
      divisionCode = p.divisionCode ?? actor?.jurisdiction ?? '210000';
    } else {
      throw notFound({ zh: '被检查单位（重点单位或服务单位）', en: 'the unit to inspect (a key unit or a provider)' });
    }
    return {
      placement: {
        divisionCode,
        keyUnitId: subject.kind === 'key_unit' ? subject.id : null,
        providerId: subject.kind === 'provider' ? subject.id : null,
        title: `${subject.name} ${i.plannedDate}`,
        restricted,
      },
      data: {
        subject,
        plannedDate: i.plannedDate,
        scope: i.scope,
        inspectors: actor ? [{ userId: actor.userId, username: actor.username }] : [],
        checklist: emptyChecklist(),
        hazards: [],
        reschedules: [],
      },
    };
  },
  async facts(c) {
    const ids = ((c.input as { photoIds?: number[] }).photoIds ?? []).filter((x) => Number.isInteger(x));
    return { attachments: await attachmentsOf(c.trx, c.item.id, ids) };
  },
  effects: {
    async start(c) {
      return { checklist: await prefill(c, c.data) };
    },
    async complete(c) {
      const d = c.data;
      const division = c.acting.kind === 'person' ? c.acting.actor.jurisdiction ?? c.item.divisionCode : c.item.divisionCode;
      const doc = await c.issue(
        'inspection-record',
        {
          organ: await organName(c.trx, c.ports.registry, division),
          subject: d.subject,
          plannedDate: d.plannedDate,
          startedAt: d.startedAt,
          completedAt: d.completedAt,
          scope: d.scope,
          inspectors: d.inspectors.map((i) => i.username),
          checklist: d.checklist.map((e) => ({ item: e.item, label: e.label, result: e.result, notes: e.notes })),
          hazards: d.hazards.map((h) => ({ id: h.id, checklistItem: h.checklistItem, title: h.title, citation: h.citation, description: h.description, photos: h.photoIds.length })),
          noFee: { zh: '本次监督检查不收取任何费用，不指定产品和服务（第二十九条）。', en: 'No fee is charged for this inspection and no product or service is designated (Art 29).' },
          cooperation: { zh: '被检查单位应当予以配合（第二十七条第二款）。', en: 'The inspected unit must cooperate (Art 27 ¶2).' },
        },
        d.subject.name,
      );
      return { record: { number: doc.number, documentId: doc.id } };
    },
    async 'open-case'(c: EffectContext<InspectionData>) {
      const hazardId = (c.input as { hazardId: number }).hazardId;
      const h = c.data.hazards.find((x) => x.id === hazardId)!;
      const s = c.data.subject;
      const child = await c.openChild('case', 'open', {
        ruleId: h.ruleId,
        facts: `${c.data.plannedDate} 监督检查发现：${h.description}`,
        subject: { ...(s.kind === 'key_unit' ? { keyUnitId: s.id } : { providerId: s.id }), offender: 'unit' },
        origin: { kind: 'inspection', itemId: c.item.id, hazardId },
      });
      return { hazards: c.data.hazards.map((x) => (x.id === hazardId ? { ...x, caseId: child.id } : x)) };
    },
  },
};

registerWorkflow(inspectionWorkflow);

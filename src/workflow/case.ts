import { checkCreditCode } from '../shared/standards/gb32100.js';
import { findDivision } from '../shared/standards/gb2260.js';
import { formatCitation, type Citation } from '../shared/citation.js';
import { notFound } from '../shared/errors.js';
import type { Bilingual } from '../shared/text.js';
import { organName } from './documents.js';
import { refusalError, registerWorkflow } from './engine.js';
import { refuse } from './domain/machine.js';
import { violationOf } from './domain/violations.js';
import { caseMachine, decide, pathRule, RULES, type CaseData, type CaseSubject } from './machines/case.js';
import { getArticle } from './ports/law.js';
import type { EffectContext, Workflow } from './workflow.js';

/** The text of an article or paragraph from the corpus, for a document's legal basis. */
export function lawText(c: Citation): Bilingual | null {
  const a = getArticle(c.article);
  if (!a) return null;
  const paragraphs = c.paragraph ? a.paragraphs.filter((p) => p.number === c.paragraph) : a.paragraphs;
  const pick = (k: 'zh' | 'en') =>
    paragraphs
      .map((p) => {
        const items = c.item ? p.items.filter((i) => i.number === c.item) : p.items;
        return [p[k], ...items.map((i) => i[k])].join(k === 'zh' ? '' : ' ');
      })
      .join(k === 'zh' ? '' : ' ');
  return { zh: pick('zh'), en: pick('en') };
}

function basis(c: Citation) {
  return { citation: c, label: formatCitation(c), text: lawText(c) };
}

/** Remedies every penalty decision must state (Administrative Reconsideration Law art 20; Administrative Litigation Law art 46). */
const REMEDIES: Bilingual = {
  zh: '如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
  en: 'If you disagree with this decision, you may apply for administrative reconsideration within sixty days of receiving it, or bring an administrative suit before a people’s court within six months, according to law.',
};

const FREE_CHOICE: Bilingual = {
  zh: '整改所需的产品和服务由你单位自主选择，公安机关不指定产品和服务，不收取任何费用（第二十九条）。',
  en: 'You choose the products and services the rectification needs; the police designate none and charge no fee (Art 29).',
};

function party(s: CaseSubject) {
  return { name: s.name, creditCode: s.creditCode ?? null, offender: s.offender };
}

async function organOf(c: EffectContext<CaseData>): Promise<{ division: string; name: Bilingual }> {
  const division = c.acting.kind === 'person' ? c.acting.actor.jurisdiction ?? c.item.divisionCode : c.item.divisionCode;
  return { division, name: await organName(c.trx, c.ports.registry, division) };
}

const publicSubject = (s: CaseSubject) => (s.offender === 'unit' ? s.name : null);

async function issueOrder(c: EffectContext<CaseData>, kind: 'rectification-notice' | 'removal-notice') {
  const d = c.data;
  const v = d.violation;
  const consequence = v.penaltyArticle && v.path === 'rectify-then-fine' ? decide(d, {}, c.now).decision?.contingentFines : undefined;
  const doc = await c.issue(
    kind,
    {
      organ: (await organOf(c)).name,
      recipient: party(d.subject),
      facts: d.facts,
      violated: { ruleId: v.ruleId, title: v.title, ...basis(v.citation) },
      legalBasis: basis(pathRule(v).citation),
      requirements: d.order!.requirements,
      timeLimit: d.order!.timeLimit,
      consequence: kind === 'removal-notice' ? { zh: '拒不拆除的，依法予以强制拆除（第三十三条）。', en: 'If removal is refused, it is enforced according to law (Art 33).' } : consequence ? { condition: consequence.condition, fines: consequence.fines.map((f) => f.basis) } : null,
      freeChoice: FREE_CHOICE,
      caseId: c.item.id,
    },
    publicSubject(d.subject),
  );
  return { order: { ...d.order!, number: doc.number } };
}

async function issueDecision(c: EffectContext<CaseData>) {
  const d = c.data;
  const p = d.penalty!;
  const doc = await c.issue(
    'penalty-decision',
    {
      organ: (await organOf(c)).name,
      recipient: party(d.subject),
      responsiblePersons: p.responsiblePersons,
      directResponsiblePerson: p.directResponsiblePerson ?? null,
      facts: d.facts,
      statement: p.statement,
      order: d.order ? { timeLimit: d.order.timeLimit, number: d.order.number ?? null, rectifiedInTime: d.rectifiedInTime ?? null } : null,
      violated: { ruleId: d.violation.ruleId, title: d.violation.title, ...basis(d.violation.citation) },
      legalBasis: basis({ article: p.decision.article }),
      decision: {
        fines: p.decision.fines.map((f) => ({ payer: f.payer, amountYuan: f.amountYuan, perPerson: f.perPerson ?? false, basis: f.basis, citation: f.citation })),
        confiscation: p.decision.confiscation ?? null,
        orders: p.decision.orders.map((o) => ({ kind: o.kind, text: o.text, condition: o.condition ?? null })),
        referrals: p.decision.referrals.map((r) => ({ kind: r.kind, condition: r.condition, text: r.text })),
        summary: p.decision.summary,
        interpretations: p.decision.interpretations,
      },
      remedies: REMEDIES,
      caseId: c.item.id,
    },
    publicSubject(d.subject),
  );
  return { penalty: { ...p, number: doc.number } };
}

interface OpenInput {
  ruleId: string;
  facts: string;
  subject: { keyUnitId?: number; providerId?: number; name?: string; creditCode?: string; divisionCode?: string; offender: 'unit' | 'individual' };
  origin?: { kind: 'inspection' | 'complaint'; itemId: number; hazardId?: number };
}

export const caseWorkflow: Workflow<CaseData> = {
  machine: caseMachine,
  async place(c) {
    const i = c.input as unknown as OpenInput;
    const v = violationOf(i.ruleId);
    if (!v) {
      throw refusalError(
        refuse(RULES.urge, `“${i.ruleId}”不是本条例中可以立案的违法行为（见违法行为目录）`, `"${i.ruleId}" is not a violation of the regulation a case can be about (see the violations list)`, { field: 'ruleId' }),
      );
    }
    let subject: CaseSubject;
    let divisionCode: string;
    let restricted = false;
    if (i.subject.keyUnitId != null) {
      const k = await c.ports.registry.keyUnit(c.trx, i.subject.keyUnitId);
      if (!k) throw notFound({ zh: `重点单位 ${i.subject.keyUnitId}`, en: `key unit ${i.subject.keyUnitId}` });
      subject = { kind: 'key_unit', keyUnitId: k.id, name: k.name, creditCode: k.creditCode, offender: i.subject.offender };
      divisionCode = k.divisionCode;
      restricted = k.restricted;
    } else if (i.subject.providerId != null) {
      const p = await c.ports.registry.provider(c.trx, i.subject.providerId);
      if (!p) throw notFound({ zh: `技防服务单位 ${i.subject.providerId}`, en: `provider ${i.subject.providerId}` });
      subject = { kind: 'provider', providerId: p.id, name: p.name, creditCode: p.creditCode, offender: i.subject.offender };
      divisionCode = p.divisionCode ?? (c.acting.kind === 'person' ? c.acting.actor.jurisdiction ?? '210000' : '210000');
    } else {
      if (!i.subject.name || !i.subject.divisionCode || !findDivision(i.subject.divisionCode)) {
        throw refusalError(refuse(RULES.urge, '未登记的当事人须写明名称和所在地（县级行政区划代码）', 'A party not in the registry needs a name and a place (county-level division code)', { field: 'subject' }));
      }
      if (i.subject.creditCode && checkCreditCode(i.subject.creditCode)) {
        throw refusalError(refuse(RULES.urge, '统一社会信用代码校验不通过（GB 32100）', 'The unified social credit code fails its GB 32100 check', { field: 'subject.creditCode' }));
      }
      subject = { kind: 'other', name: i.subject.name, creditCode: i.subject.creditCode ?? null, offender: i.subject.offender };
      divisionCode = i.subject.divisionCode;
    }
    if (i.origin) {
      const o = await c.trx.selectFrom('workflowItems').select(['id', 'machine', 'data']).where('id', '=', i.origin.itemId).executeTakeFirst();
      if (!o || o.machine !== i.origin.kind) throw notFound({ zh: `来源事项 ${i.origin.itemId}`, en: `origin item ${i.origin.itemId}` });
    }
    return {
      placement: {
        divisionCode,
        keyUnitId: subject.keyUnitId ?? null,
        providerId: subject.providerId ?? null,
        parentId: i.origin?.itemId ?? null,
        title: `${subject.name}：${v.title.zh}`,
        restricted,
      },
      data: {
        origin: i.origin ? { kind: i.origin.kind, itemId: i.origin.itemId, ...(i.origin.hazardId ? { hazardId: i.origin.hazardId } : {}) } : { kind: 'direct' },
        subject,
        violation: { ruleId: v.ruleId, title: v.title, citation: v.citation, path: v.path, penaltyArticle: v.penaltyArticle, penaltyItem: v.penaltyItem, providerDuty: v.providerDuty },
        facts: i.facts,
        reports: [],
        reinspections: [],
        referrals: [],
      },
    };
  },
  effects: {
    'order-rectification': (c) => issueOrder(c as never, 'rectification-notice'),
    'order-removal': (c) => issueOrder(c as never, 'removal-notice'),
    'decide-penalty': (c) => issueDecision(c as never),
    'decide-fine': (c) => issueDecision(c as never),
  },
};

registerWorkflow(caseWorkflow);

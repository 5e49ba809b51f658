import { cityOf } from '../access/index.js';
import { notFound } from '../shared/errors.js';
import { LIAONING } from '../shared/standards/gb2260.js';
import { organName } from './documents.js';
import { registerWorkflow } from './engine.js';
import { violationOf } from './domain/violations.js';
import { complaintMachine, warningMachine, type ComplaintData, type WarningData } from './machines/complaint-warning.js';
import type { CaseData } from './machines/case.js';
import type { ProviderFacts } from './ports/index.js';
import type { Workflow } from './workflow.js';

/** The police organ that keeps a provider's filing: where its complaints and warnings belong (Art 16-18, 28). */
function filingOrganOf(p: ProviderFacts): string {
  return p.fromOutsideLiaoning || !p.divisionCode ? LIAONING : cityOf(p.divisionCode);
}

export const complaintWorkflow: Workflow<ComplaintData> = {
  machine: complaintMachine,
  async place(c) {
    const i = c.input as unknown as { providerId: number; service: string; content: string; contact?: string };
    const actor = c.acting.kind === 'person' ? c.acting.actor : null;
    const p = await c.ports.registry.provider(c.trx, i.providerId);
    if (!p || !actor) throw notFound({ zh: `技防服务单位 ${i.providerId}`, en: `provider ${i.providerId}` });
    const organ = filingOrganOf(p);
    return {
      placement: { divisionCode: organ, competentOrgan: organ, providerId: p.id, ownerUserId: actor.userId, title: p.name },
      data: {
        provider: { id: p.id, name: p.name, creditCode: p.creditCode },
        complainant: { userId: actor.userId, username: actor.username, contact: i.contact ?? null },
        service: i.service,
        content: i.content,
        responses: [],
      },
    };
  },
  effects: {
    // Art 28: once verified, the provider goes on the list and the warning is announced, in the same act.
    async verify(c) {
      const i = c.input as { finding: string; ruleId?: string };
      const w = await c.openChild('warning', 'publish', { basis: 'complaint', basisItemId: c.item.id, finding: i.finding, ...(i.ruleId ? { ruleId: i.ruleId } : {}) });
      return { warningId: w.id };
    },
  },
  redact(data, viewer) {
    // The provider sees what is complained of, not who complained (Art 20 (3) in reverse: users' data stays with the police).
    if (viewer === 'subject') return { ...data, complainant: { userId: 0, username: '', contact: null } };
    return data;
  },
};

export const warningWorkflow: Workflow<WarningData> = {
  machine: warningMachine,
  async place(c) {
    const i = c.input as unknown as { basis: 'violation' | 'complaint'; basisItemId: number; finding: string; ruleId?: string };
    const basis = await c.trx.selectFrom('workflowItems').selectAll().where('id', '=', i.basisItemId).executeTakeFirst();
    const machine = i.basis === 'complaint' ? 'complaint' : 'case';
    if (!basis || basis.machine !== machine || basis.providerId == null) {
      throw notFound({ zh: `作为依据的${i.basis === 'complaint' ? '投诉' : '案件'}（须涉及技防服务单位）`, en: `the ${i.basis === 'complaint' ? 'complaint' : 'case'} it rests on (about a provider)` });
    }
    const p = await c.ports.registry.provider(c.trx, Number(basis.providerId));
    if (!p) throw notFound({ zh: `技防服务单位 ${basis.providerId}`, en: `provider ${basis.providerId}` });
    // Verified: a complaint the police verified (or are verifying in this very act); a case in which they ordered or decided.
    let verified: boolean;
    let rule: WarningData['rule'] = null;
    if (machine === 'complaint') {
      verified = basis.state === 'verified' || (c.parentId === basis.id && basis.state === 'received');
      const ruleId = i.ruleId ?? (JSON.parse(basis.data) as ComplaintData).verification?.ruleId;
      const v = ruleId ? violationOf(ruleId) : undefined;
      if (v) rule = { id: v.ruleId, title: v.title, citation: v.citation };
    } else {
      verified = !['open', 'dismissed'].includes(basis.state);
      const v = (JSON.parse(basis.data) as CaseData).violation;
      rule = { id: v.ruleId, title: v.title, citation: v.citation };
    }
    const existing = await c.trx
      .selectFrom('workflowItems')
      .select(['id', 'data'])
      .where('machine', '=', 'warning')
      .where('state', '=', 'published')
      .where('providerId', '=', p.id)
      .execute();
    const already = existing.find((w) => (JSON.parse(w.data) as WarningData).basisItemId === basis.id);
    const organ = filingOrganOf(p);
    return {
      placement: { divisionCode: organ, providerId: p.id, parentId: basis.id, title: p.name },
      data: { provider: { id: p.id, name: p.name, creditCode: p.creditCode }, basis: i.basis, basisItemId: basis.id, finding: i.finding, rule, publishedAt: c.now.toISOString(), number: null },
      facts: { basisVerified: verified, alreadyListed: already ? Number(already.id) : null },
    };
  },
  effects: {
    async publish(c) {
      const d = c.data;
      const division = c.acting.kind === 'person' ? c.acting.actor.jurisdiction ?? c.item.divisionCode : c.item.divisionCode;
      const doc = await c.issue(
        'warning-notice',
        {
          organ: await organName(c.trx, c.ports.registry, division),
          provider: d.provider,
          basis: d.basis,
          finding: d.finding,
          rule: d.rule,
          statement: { zh: '依照第二十八条，将该单位列入目录，向社会发布警示公告。', en: 'Under Art 28 the unit is put on the list and this warning is announced to the public.' },
        },
        d.provider.name,
      );
      await c.trx.updateTable('workflowPublicProviders').set((eb) => ({ warnings: eb('warnings', '+', 1) })).where('providerId', '=', d.provider.id).where('active', '=', 1).execute();
      return { number: doc.number, publishedAt: c.now.toISOString() };
    },
    async withdraw(c) {
      await c.trx.updateTable('workflowPublicProviders').set((eb) => ({ warnings: eb('warnings', '-', 1) })).where('providerId', '=', c.data.provider.id).where('active', '=', 1).where('warnings', '>', 0).execute();
    },
  },
};

registerWorkflow(complaintWorkflow);
registerWorkflow(warningWorkflow);

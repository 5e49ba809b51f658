import { cityOf } from '../access/index.js';
import { notFound } from '../shared/errors.js';
import { checkCreditCode } from '../shared/standards/gb32100.js';
import { findDivision, LIAONING } from '../shared/standards/gb2260.js';
import { organName } from './documents.js';
import { refusalError, registerWorkflow } from './engine.js';
import { refuse } from './domain/machine.js';
import { CONDITION_TEXT, CONDITIONS, providerFiling, RULES, SERVICE_LABELS, type FilingData, type MaterialSet, type Service } from './machines/provider-filing.js';
import type { Workflow } from './workflow.js';

/**
 * Provider filing: where it goes (Art 16, 17), what the receipt says, and the
 * public list it puts the provider on (Art 18).
 */
export const providerFilingWorkflow: Workflow<FilingData> = {
  machine: providerFiling,
  async place(c) {
    const actor = c.acting.kind === 'person' ? c.acting.actor : null;
    const input = c.input as unknown as { services: Service[]; materials: MaterialSet };
    const providerId = actor?.providerId;
    const provider = providerId != null ? await c.ports.registry.provider(c.trx, providerId) : undefined;
    if (!provider) throw notFound({ zh: '本账号关联的技防服务单位登记', en: 'the provider record linked to this account' });
    if (!provider.creditCode || checkCreditCode(provider.creditCode)) {
      throw refusalError(
        refuse(RULES.licence, '营业执照的统一社会信用代码缺失或校验不通过（GB 32100），请先更正服务单位登记', 'The unified social credit code of the business licence is missing or fails its GB 32100 check; correct the provider record first', {
          field: 'creditCode',
        }),
      );
    }
    let filingOrgan: string;
    if (provider.fromOutsideLiaoning) {
      // Art 17: units from outside the province file with the provincial police.
      filingOrgan = LIAONING;
    } else {
      if (!provider.divisionCode || !findDivision(provider.divisionCode)) {
        throw refusalError(
          refuse(RULES.cityPolice, '服务单位登记缺少本省经营场所所在地，无法确定受理备案的市公安机关', 'The provider record has no place of business in Liaoning, so the city police to file with cannot be determined', { field: 'divisionCode' }),
        );
      }
      filingOrgan = cityOf(provider.divisionCode);
    }
    const open = await c.trx
      .selectFrom('workflowItems')
      .select('id')
      .where('machine', '=', providerFiling.name)
      .where('providerId', '=', provider.id)
      .where('state', 'in', ['submitted', 'returned'])
      .executeTakeFirst();
    if (open) {
      throw refusalError(
        refuse({ id: 'wf.filing.one-open-filing', citation: { article: 16, paragraph: 1 } }, `已有一件备案申请（编号 ${open.id}）在办理中，请在该申请中补正或撤回`, `A filing (no. ${open.id}) is already in progress; complete or withdraw that one`, { status: 409 }),
        { openItemId: Number(open.id) },
      );
    }
    return {
      placement: { divisionCode: filingOrgan, competentOrgan: filingOrgan, providerId: provider.id, title: provider.name },
      data: {
        provider: { id: provider.id, name: provider.name, creditCode: provider.creditCode },
        services: input.services,
        businessDivision: provider.fromOutsideLiaoning ? null : provider.divisionCode,
        fromOutsideLiaoning: provider.fromOutsideLiaoning,
        filingOrgan,
        materials: input.materials,
        returns: [],
      },
    };
  },
  effects: {
    async accept(c) {
      const d = c.data;
      const organ = await organName(c.trx, c.ports.registry, c.item.competentOrgan!);
      const business = d.businessDivision ? findDivision(d.businessDivision) : undefined;
      const doc = await c.issue(
        'filing-receipt',
        {
          organ,
          recipient: { name: d.provider.name, creditCode: d.provider.creditCode },
          services: d.services.map((s) => SERVICE_LABELS[s]),
          placeOfBusiness: business ? { code: business.code, name: business.name } : { code: null, name: '辽宁省外' },
          filedAt: c.now.toISOString(),
          materials: CONDITIONS.filter((k) => d.materials[k]?.length).map((k) => ({ condition: CONDITION_TEXT[k].label, item: CONDITION_TEXT[k].item, documents: d.materials[k]!.map((m) => m.title) })),
          basis: [{ article: 16, paragraph: 1 }, ...(d.fromOutsideLiaoning ? [{ article: 17 }] : []), { article: 18 }],
          statement: {
            zh: '本回执证明上述单位已向本机关备案，其名录已依照第十八条向社会公布。备案不是行政许可；公安机关不收取任何费用（第二十九条）。',
            en: 'This receipt shows that the unit above has filed with this organ and is on the list published under Art 18. Filing is not a licence; the police charge no fee (Art 29).',
          },
        },
        d.provider.name,
      );
      // Art 18: on the public list at once, replacing any earlier filing of the same provider.
      await c.trx.updateTable('workflowPublicProviders').set({ active: 0 }).where('providerId', '=', d.provider.id).execute();
      const warnings = await c.trx
        .selectFrom('workflowItems')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('machine', '=', 'warning')
        .where('state', '=', 'published')
        .where('providerId', '=', d.provider.id)
        .executeTakeFirst();
      await c.trx
        .insertInto('workflowPublicProviders')
        .values({
          filingId: c.item.id,
          providerId: d.provider.id,
          name: d.provider.name,
          kind: 'unit',
          creditCode: d.provider.creditCode,
          services: JSON.stringify(d.services),
          businessDivision: d.businessDivision ?? 'outside',
          filingOrgan: c.item.competentOrgan!,
          filedAt: c.now.toISOString(),
          receiptNumber: doc.number,
          search: `${d.provider.name} ${d.provider.creditCode ?? ''}`.toLowerCase(),
          active: 1,
          warnings: Number(warnings?.n ?? 0),
        })
        .execute();
      return { receipt: { number: doc.number, documentId: doc.id } };
    },
    async deregister(c) {
      await c.trx.updateTable('workflowPublicProviders').set({ active: 0 }).where('filingId', '=', c.item.id).execute();
    },
  },
};

registerWorkflow(providerFilingWorkflow);

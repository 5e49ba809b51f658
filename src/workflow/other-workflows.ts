import { AppError, CommonErrors, notFound } from '../shared/errors.js';
import { registerWorkflow, refusalError } from './engine.js';
import { refuse } from './domain/machine.js';
import { adjustmentMachine, RULES as ADJUSTMENT_RULES, type AdjustmentData } from './machines/adjustment.js';
import { designReviewMachine, type DesignReviewData } from './machines/design-review.js';
import { rewardMachine, type RewardData } from './machines/reward.js';
import type { Workflow } from './workflow.js';

/** Rewards (Art 30), adjustment consultations (Art 9 ¶2), design review and acceptance (Art 12-13). */

export const rewardWorkflow: Workflow<RewardData> = {
  machine: rewardMachine,
  async place(c) {
    const actor = c.acting.kind === 'person' ? c.acting.actor : null;
    const i = c.input as unknown as Omit<RewardData, 'proposedBy' | 'caseReference'> & { caseReference?: string };
    return {
      // The proposing officer's own jurisdiction: the police organ that rewards.
      placement: { divisionCode: actor?.jurisdiction ?? '210000', title: i.recipient.name },
      data: { recipient: i.recipient, contribution: i.contribution, important: i.important, description: i.description, caseReference: i.caseReference ?? null, proposedBy: actor?.userId ?? null },
    };
  },
};

export const adjustmentWorkflow: Workflow<AdjustmentData> = {
  machine: adjustmentMachine,
  async place(c) {
    const actor = c.acting.kind === 'person' ? c.acting.actor : null;
    const i = c.input as unknown as { publicAreaId: number; systemIds: number[]; constructionUnit: string; works: string; planKind: AdjustmentData['planKind']; plan: string };
    const area = await c.ports.registry.publicArea(c.trx, i.publicAreaId);
    if (!area || !actor) throw notFound({ zh: `社会公共区域 ${i.publicAreaId}`, en: `public area ${i.publicAreaId}` });
    for (const id of i.systemIds) {
      const s = await c.ports.registry.system(c.trx, id);
      if (!s || s.publicAreaId !== area.id) {
        throw refusalError(refuse(ADJUSTMENT_RULES.consult, `技防系统 ${id} 不是该社会公共区域的系统`, `System ${id} is not a system of this public area`, { field: 'systemIds' }));
      }
    }
    return {
      // Art 9 ¶2: 当地市或者县公安机关 — the police of the city or county where the area is.
      placement: { divisionCode: area.divisionCode, ownerUserId: actor.userId, title: `${area.name}：${i.constructionUnit}` },
      data: { publicArea: { id: area.id, name: area.name }, systemIds: i.systemIds, constructionUnit: i.constructionUnit, works: i.works, planKind: i.planKind, plan: i.plan, opinions: [], revisions: [] },
    };
  },
};

export const designReviewWorkflow: Workflow<DesignReviewData> = {
  machine: designReviewMachine,
  async place(c) {
    const actor = c.acting.kind === 'person' ? c.acting.actor : null;
    if (!actor) throw new AppError(CommonErrors.JF_FORBIDDEN);
    const i = c.input as unknown as { scope: 'key_unit' | 'public_area'; keyUnitId?: number; publicAreaId?: number; project: DesignReviewData['project']; constructionUnit: string; standards: string[]; scheme: string };
    const base = { project: i.project, constructionUnit: i.constructionUnit, standards: i.standards, scheme: i.scheme, reviews: [], schemeChanges: [], departures: [] };
    if (i.scope === 'key_unit') {
      const k = i.keyUnitId != null ? await c.ports.registry.keyUnit(c.trx, i.keyUnitId) : undefined;
      if (!k) throw notFound({ zh: `重点单位 ${i.keyUnitId ?? ''}`, en: `key unit ${i.keyUnitId ?? ''}` });
      // A key unit's account opens projects of its own unit only; a developer (法人) may open one for any.
      if (actor.keyUnitId != null && actor.keyUnitId !== k.id) throw new AppError(CommonErrors.JF_FORBIDDEN);
      return {
        placement: { divisionCode: k.divisionCode, keyUnitId: k.id, ownerUserId: actor.userId, title: `${k.name}：${i.project.name}`, restricted: k.restricted },
        data: { scope: 'key_unit', keyUnit: { id: k.id, name: k.name }, ...base },
      };
    }
    const area = i.publicAreaId != null ? await c.ports.registry.publicArea(c.trx, i.publicAreaId) : undefined;
    if (!area) throw notFound({ zh: `社会公共区域 ${i.publicAreaId ?? ''}`, en: `public area ${i.publicAreaId ?? ''}` });
    const normalise = (s: string | null) => (s ?? '').replace(/\s+/g, '');
    return {
      placement: { divisionCode: area.divisionCode, ownerUserId: actor.userId, title: `${area.name}：${i.project.name}` },
      data: { scope: 'public_area', publicArea: { id: area.id, name: area.name }, ...base },
      // Art 8 ¶1, 9 ¶1: only the department the government designated builds a public-area system.
      facts: { publicArea: true, department: area.designatedDepartment, designatedDepartment: !!area.designatedDepartment && normalise(area.designatedDepartment) === normalise(i.constructionUnit) },
    };
  },
  effects: {
    // Art 31 (4): building otherwise than the reviewed scheme opens a case.
    async 'record-departure'(c) {
      const d = c.data;
      const description = (c.input as { description: string }).description;
      const child = await c.openChild('case', 'open', {
        ruleId: 'art12.p2.design-review-before-construction',
        facts: `${d.project.name}：未按论证方案施工。${description}`,
        subject: d.scope === 'key_unit' ? { keyUnitId: d.keyUnit!.id, offender: 'unit' } : { name: d.constructionUnit, divisionCode: c.item.divisionCode, offender: 'unit' },
      });
      return { departures: d.departures.map((x, idx) => (idx === d.departures.length - 1 ? { ...x, caseId: child.id } : x)) };
    },
  },
};

registerWorkflow(rewardWorkflow);
registerWorkflow(adjustmentWorkflow);
registerWorkflow(designReviewWorkflow);

import { Type } from '@sinclair/typebox';
import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';
import { defineMachine, refuse, type GuardContext, type RuleRef } from '../domain/machine.js';
import { Enum, Text } from '../domain/schema.js';
import { SERVICE_TARGETS } from '../domain/service-targets.js';
import { chinaDate, deadlineAfter } from '../domain/time.js';
import { assess } from '../ports/law.js';

/**
 * Complaints and warnings, Art 28: a user complains about a provider's
 * service; the police verify it or reject it with reasons; a verified
 * complaint, or a verified violation, puts the provider on the warning list,
 * announced publicly.
 */

export const RULES = {
  warning: { id: 'art28.warning-list-for-providers', citation: { article: 28 } },
} satisfies Record<string, RuleRef>;

export interface ComplaintData {
  provider: { id: number; name: string; creditCode: string | null };
  complainant: { userId: number; username: string; contact: string | null };
  service: string;
  content: string;
  responses: { at: string; text: string }[];
  verification?: { at: string; by: number | null; finding: string; ruleId: string | null };
  rejection?: { at: string; by: number | null; reasons: string };
  withdrawal?: { at: string; reason: string };
  warningId?: number;
}

const ComplainInput = Type.Object(
  {
    providerId: Type.Integer({ minimum: 1, description: 'The provider complained about' }),
    service: Text(500, 'The service concerned (design, installation, maintenance, alarm operation; where, when)'),
    content: Text(4000, 'What went wrong'),
    contact: Type.Optional(Text(200, 'How the police may reach you; never shown to the provider or the public')),
  },
  { additionalProperties: false },
);

/** The law's Art 28 rule, asked whether a verified complaint or violation calls for the warning list. */
export function art28Applies(basis: 'violation' | 'complaint', now: Date): boolean {
  const f = assess(
    { providers: [{ id: 'p', kind: 'unit', services: ['installation'], outOfProvince: false, ...(basis === 'violation' ? { violationVerified: true } : { complaintVerified: true }) }] },
    chinaDate(now),
  ).find((x) => x.ruleId === RULES.warning.id);
  return !!f && f.outcome !== 'not_applicable';
}

export const complaintMachine = defineMachine<ComplaintData>({
  name: 'complaint',
  resource: 'complaint',
  title: { zh: '对技防服务单位的投诉', en: 'Complaint about a provider' },
  citation: { article: 28 },
  summary:
    'A user of a provider\'s service complains; the complaint goes to the police the provider files with. The provider may state its side and never sees who complained. The police verify it, which puts the provider on the warning list and announces it at once (Art 28), or reject it with reasons.',
  states: {
    received: {
      label: { zh: '已受理，待查证', en: 'Received, awaiting verification' },
      deadlineDoc: { zh: '公安机关：受理后30日内查证（服务时限）', en: 'Police: verify within 30 days of receipt (service target)' },
      awaiting: 'official',
      deadline: (_d, at) => ({ dueAt: deadlineAfter(at, SERVICE_TARGETS.complaintVerification.days), party: 'official', label: SERVICE_TARGETS.complaintVerification.label, citation: SERVICE_TARGETS.complaintVerification.citation }),
    },
    verified: { label: { zh: '查证属实，已列入警示名录', en: 'Verified; the provider is on the warning list' }, terminal: true },
    rejected: { label: { zh: '查证不属实，不予认定', en: 'Not verified; rejected with reasons' }, terminal: true },
    withdrawn: { label: { zh: '投诉人已撤回', en: 'Withdrawn by the complainant' }, terminal: true },
  },
  transitions: [
    { name: 'complain', label: { zh: '投诉', en: 'Complain' }, from: [], to: 'received', by: 'applicant', rule: RULES.warning, input: ComplainInput },
    {
      name: 'respond',
      label: { zh: '服务单位说明情况', en: 'Provider’s statement' },
      from: ['received'],
      to: null,
      by: 'subject',
      rule: RULES.warning,
      input: Type.Object({ text: Text(4000) }, { additionalProperties: false }),
      update: (g) => ({ ...g.data, responses: [...g.data.responses, { at: g.now.toISOString(), text: (g.input as { text: string }).text }] }),
    },
    {
      name: 'verify',
      label: { zh: '查证属实，列入警示名录并公告', en: 'Verified: list and announce the warning' },
      from: ['received'],
      to: 'verified',
      by: 'official',
      rule: RULES.warning,
      input: Type.Object(
        {
          finding: Text(2000, 'What was verified, worded for the public announcement (no personal data)'),
          ruleId: Type.Optional(Type.String({ maxLength: 120, description: 'The provider duty breached, e.g. art20.i4.standards-and-quality' })),
        },
        { additionalProperties: false },
      ),
      guard: (g) => (art28Applies('complaint', g.now) ? null : refuse(RULES.warning, '第二十八条在此日期不适用', 'Art 28 does not apply on this date')),
      update: (g) => {
        const i = g.input as { finding: string; ruleId?: string };
        return { ...g.data, verification: { at: g.now.toISOString(), by: g.actor?.userId ?? null, finding: i.finding, ruleId: i.ruleId ?? null } };
      },
    },
    {
      name: 'reject',
      label: { zh: '查证不属实，说明理由', en: 'Reject, with reasons' },
      from: ['received'],
      to: 'rejected',
      by: 'official',
      rule: RULES.warning,
      input: Type.Object({ reasons: Text(2000, 'Why the complaint was not verified; sent to the complainant') }, { additionalProperties: false }),
      update: (g) => ({ ...g.data, rejection: { at: g.now.toISOString(), by: g.actor?.userId ?? null, reasons: (g.input as { reasons: string }).reasons } }),
    },
    {
      name: 'withdraw',
      label: { zh: '撤回投诉', en: 'Withdraw the complaint' },
      from: ['received'],
      to: 'withdrawn',
      by: 'applicant',
      rule: RULES.warning,
      input: Type.Object({ reason: Text(1000) }, { additionalProperties: false }),
      update: (g) => ({ ...g.data, withdrawal: { at: g.now.toISOString(), reason: (g.input as { reason: string }).reason } }),
    },
  ],
});

export interface WarningData {
  provider: { id: number; name: string; creditCode: string | null };
  basis: 'violation' | 'complaint';
  basisItemId: number;
  finding: string;
  rule: { id: string; title: Bilingual; citation: Citation } | null;
  publishedAt: string;
  number: string | null;
  withdrawal?: { at: string; by: number | null; reason: string };
}

type WG = GuardContext<WarningData, Record<string, unknown>>;

const PublishInput = Type.Object(
  {
    basis: Enum(['violation', 'complaint'] as const, { description: 'Art 28: a verified violation, or a verified user complaint' }),
    basisItemId: Type.Integer({ minimum: 1, description: 'The case (violation) or complaint it rests on' }),
    finding: Text(2000, 'What was verified, worded for the public (no personal data)'),
    ruleId: Type.Optional(Type.String({ maxLength: 120, description: 'For a complaint: the provider duty breached, e.g. art20.i4.standards-and-quality' })),
  },
  { additionalProperties: false },
);

export const warningMachine = defineMachine<WarningData>({
  name: 'warning',
  resource: 'warning',
  title: { zh: '警示公告', en: 'Warning announcement' },
  citation: { article: 28 },
  summary:
    'A provider with a verified violation (a case in which the police ordered or decided) or a verified complaint is put on the list and announced (`GET /api/v1/public/warnings`); the public list of providers shows it at once. A warning can be withdrawn with reasons. GAP(art 28): the regulation sets no period after which a warning lapses.',
  states: {
    published: { label: { zh: '已列入名录并公告', en: 'Listed and announced' } },
    withdrawn: { label: { zh: '已撤销', en: 'Withdrawn' }, terminal: true },
  },
  transitions: [
    {
      name: 'publish',
      label: { zh: '列入目录，发布警示公告', en: 'List and announce' },
      from: [],
      to: 'published',
      by: 'official',
      rule: RULES.warning,
      input: PublishInput,
      guard: (g: WG) => {
        const verified = g.facts.basisVerified === true;
        if (!verified) {
          return refuse(
            RULES.warning,
            g.data.basis === 'complaint' ? '投诉尚未查证属实，不能列入警示名录' : '该违法行为尚未查证属实（案件未作出责令改正或处罚决定），不能列入警示名录',
            g.data.basis === 'complaint' ? 'The complaint is not verified; the provider cannot be listed' : 'The violation is not verified (no order or penalty decision in the case); the provider cannot be listed',
            { status: 409, field: 'basisItemId' },
          );
        }
        if (g.facts.alreadyListed) return refuse(RULES.warning, `已就此发布警示公告（${g.facts.alreadyListed}）`, `A warning on this basis is already published (${g.facts.alreadyListed})`, { status: 409 });
        return art28Applies(g.data.basis, g.now) ? null : refuse(RULES.warning, '第二十八条在此日期不适用', 'Art 28 does not apply on this date');
      },
      issues: ['warning-notice'],
    },
    {
      name: 'withdraw',
      label: { zh: '撤销警示（说明理由）', en: 'Withdraw the warning (with reasons)' },
      from: ['published'],
      to: 'withdrawn',
      by: 'official',
      rule: RULES.warning,
      input: Type.Object({ reason: Text(2000, 'Why: e.g. the finding was set aside on review') }, { additionalProperties: false }),
      update: (g) => ({ ...g.data, withdrawal: { at: g.now.toISOString(), by: g.actor?.userId ?? null, reason: (g.input as { reason: string }).reason } }),
    },
  ],
});

import { Type } from '@sinclair/typebox';
import type { Bilingual } from '../../shared/text.js';
import { defineMachine, refuse, type GuardContext, type RuleRef } from '../domain/machine.js';
import { Enum, Text } from '../domain/schema.js';
import { SERVICE_TARGETS } from '../domain/service-targets.js';
import { chinaDate, deadlineAfter } from '../domain/time.js';
import { assess, FILING_CONDITIONS, getArticle } from '../ports/law.js';

/**
 * Provider filing (备案), Art 16-18. A provider files with the city police of
 * its place of business, or with the provincial police when it comes from
 * outside Liaoning (Art 17); the platform routes it. The police check that
 * the proof of each condition of Art 16 is there, and accept or return it
 * naming which condition's proof is missing. Filing is not a licence: the
 * only reasons the police can give are the items of Art 16; the platform
 * offers no other. On acceptance the provider is on the public list at once
 * (Art 18).
 */

export const RULES = {
  cityPolice: { id: 'art16.p1.file-with-city-police', citation: { article: 16, paragraph: 1 } },
  province: { id: 'art17.out-of-province-files-with-province', citation: { article: 17 } },
  publish: { id: 'art18.publish-filed-providers', citation: { article: 18 } },
  licence: { id: 'art16.i1.business-licence', citation: { article: 16, paragraph: 1, item: 1 } },
} satisfies Record<string, RuleRef>;

export const SERVICES = ['design', 'installation', 'maintenance', 'alarm_operation'] as const;
export type Service = (typeof SERVICES)[number];
export const SERVICE_LABELS: Record<Service, Bilingual> = {
  design: { zh: '设计', en: 'Design' },
  installation: { zh: '安装', en: 'Installation' },
  maintenance: { zh: '维护', en: 'Maintenance' },
  alarm_operation: { zh: '报警运营服务', en: 'Alarm operation service' },
};

/** The conditions of Art 16 ¶1, each with the proof the provider attaches. */
export const CONDITIONS = ['item1', 'item2', 'item3', 'item4', 'item5'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Each condition as the article words it (the corpus), without its numeral and final punctuation. */
export const CONDITION_TEXT: Record<Condition, { label: Bilingual; item: number }> = Object.fromEntries(
  getArticle(16)!.paragraphs[0].items.map((i) => [
    `item${i.number}`,
    { item: i.number, label: { zh: i.zh.replace(/^（.+?）(有)?/, '').replace(/[；。]$/, ''), en: i.en.replace(/^\(\d+\)\s*/, '').replace(/[;.]$/, '') } },
  ]),
) as Record<Condition, { label: Bilingual; item: number }>;

/** Items 1-4 are the conditions the law's filing rules check; item 5 only where a law sets a further one. */
export const REQUIRED_CONDITIONS: readonly Condition[] = FILING_CONDITIONS.map((c) => `item${c.item}` as Condition);

const Material = Type.Object(
  {
    title: Text(200, 'What the document is, e.g. 营业执照副本'),
    note: Type.Optional(Text(1000)),
    attachmentId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
const Materials = Type.Object(
  {
    item1: Type.Array(Material, { maxItems: 20 }),
    item2: Type.Array(Material, { maxItems: 20 }),
    item3: Type.Array(Material, { maxItems: 20 }),
    item4: Type.Array(Material, { maxItems: 20 }),
    item5: Type.Optional(Type.Array(Material, { maxItems: 20 })),
  },
  { additionalProperties: false, description: 'Proof of each condition of Art 16 ¶1' },
);

export interface MaterialEntry {
  title: string;
  note?: string;
  attachmentId?: number;
}
export type MaterialSet = Partial<Record<Condition, MaterialEntry[]>>;

export interface FilingData {
  provider: { id: number; name: string; creditCode: string | null };
  services: Service[];
  /** Where the provider does business: a Liaoning county code, or null from outside (Art 17). */
  businessDivision: string | null;
  fromOutsideLiaoning: boolean;
  /** The division of the organ it files with: the city, or the province (Art 17). */
  filingOrgan: string;
  materials: MaterialSet;
  returns: { at: string; by: number | null; reasons: Condition[]; explanation: string }[];
  acceptedAt?: string;
  receipt?: { number: string; documentId: number };
  withdrawal?: { at: string; reason: string };
}

const SubmitInput = Type.Object(
  {
    services: Type.Array(Enum(SERVICES), { minItems: 1, maxItems: 4, uniqueItems: true, description: 'Art 16: design, installation, maintenance, alarm operation' }),
    materials: Materials,
  },
  { additionalProperties: false },
);
const ReturnInput = Type.Object(
  {
    reasons: Type.Array(Enum(CONDITIONS), {
      minItems: 1,
      maxItems: 5,
      uniqueItems: true,
      description: 'The conditions of Art 16 ¶1 whose proof is missing or does not show the condition: the only reasons a filing can be returned for',
    }),
    explanation: Text(2000, 'Which document is missing or what it fails to show'),
  },
  { additionalProperties: false },
);
const ResubmitInput = Type.Object({ materials: Materials, services: Type.Optional(Type.Array(Enum(SERVICES), { minItems: 1, maxItems: 4, uniqueItems: true })) }, { additionalProperties: false });
const WithdrawInput = Type.Object({ reason: Text(1000) }, { additionalProperties: false });

type G = GuardContext<FilingData, Record<string, unknown>>;

/** Art 16 ¶1, 17: only the organ the provider files with decides. */
function competentOrganOnly(g: G) {
  const organ = g.competentOrgan;
  if (g.actor?.jurisdiction === organ) return null;
  const rule = g.data.fromOutsideLiaoning ? RULES.province : RULES.cityPolice;
  return refuse(
    rule,
    g.data.fromOutsideLiaoning ? '外省单位向省公安机关备案，由省公安机关受理' : `备案由经营场所所在地的市公安机关（${organ}）受理`,
    g.data.fromOutsideLiaoning ? 'A provider from outside Liaoning files with, and is decided on by, the provincial police' : `The filing is decided by the city police of the place of business (${organ})`,
    { status: 422 },
  );
}

/** Proof of items 1-4 must be attached before the police can look at it. */
export function missingMaterials(m: MaterialSet): Condition[] {
  return REQUIRED_CONDITIONS.filter((c) => !(m[c] && m[c]!.length > 0));
}

/**
 * Art 16 ¶1, 17: the law's filing rules decide whether a filing with this
 * proof can be received. The platform routes to the right organ, so what is
 * left for them to refuse is missing proof.
 */
function filingRulesRefuse(g: G, materials: MaterialSet, services: readonly Service[]) {
  const fromOutside = g.data.fromOutsideLiaoning;
  const proof = Object.fromEntries(FILING_CONDITIONS.map((c) => [c.key, !!materials[`item${c.item}` as Condition]?.length]));
  const findings = assess(
    { providers: [{ id: 'filing', kind: 'unit', services: [...services], outOfProvince: fromOutside, materials: proof, filing: { status: 'applying', organ: fromOutside ? 'provincial_police' : 'city_police_of_business_place' } }] },
    chinaDate(g.now),
  );
  const refused = findings.find((f) => f.outcome === 'refused' && /^art1[67]\.(p1\.|out-of)/.test(f.ruleId)) ?? findings.find((f) => f.outcome === 'refused');
  if (!refused) return null;
  const first = missingMaterials(materials)[0];
  return refuse({ id: refused.ruleId, citation: refused.citation }, refused.message.zh, refused.message.en, first ? { field: `materials.${first}` } : {});
}

export const providerFiling = defineMachine<FilingData>({
  name: 'provider-filing',
  resource: 'filing',
  title: { zh: '技防服务单位备案', en: 'Provider filing' },
  citation: { article: 16 },
  summary:
    'A provider files with the city police of its place of business, or with the provincial police when it comes from outside Liaoning (Art 17); the platform routes it from the registry\'s provider record. The proof of each condition of Art 16 ¶1 items 1-4 must be attached (the law\'s filing rules check it); the business licence\'s unified social credit code must pass its GB 32100 check. The police accept, or return naming the conditions of Art 16 whose proof is missing: those are the only reasons the platform offers, because filing is not a licence. On acceptance the provider is on the public list at once (Art 18, `GET /api/v1/public/providers`) and a filing receipt is issued. GAP(art 17): the registry records providers as units with credit codes, so an individual from outside Liaoning cannot file yet.',
  states: {
    submitted: {
      label: { zh: '已提交，待审查', en: 'Submitted, awaiting the check' },
      deadlineDoc: { zh: '公安机关：提交后10日内审查（服务时限，第十八条“及时”）', en: 'Police: check within 10 days of submission (service target; Art 18 "promptly")' },
      awaiting: 'official',
      deadline: (_d, at) => ({ dueAt: deadlineAfter(at, SERVICE_TARGETS.filingCheck.days), party: 'official', label: SERVICE_TARGETS.filingCheck.label, citation: SERVICE_TARGETS.filingCheck.citation }),
    },
    returned: { label: { zh: '已退回，待补正', en: 'Returned for completion' }, awaiting: 'subject' },
    accepted: { label: { zh: '已备案并公布', en: 'Filed and published' } },
    withdrawn: { label: { zh: '已撤回', en: 'Withdrawn' }, terminal: true },
    deregistered: { label: { zh: '已注销（停止经营）', en: 'Deregistered (business ceased)' }, terminal: true },
  },
  transitions: [
    {
      name: 'submit',
      label: { zh: '提交备案', en: 'Submit the filing' },
      from: [],
      to: 'submitted',
      by: 'subject',
      rule: RULES.cityPolice,
      input: SubmitInput,
      guard: (g) => filingRulesRefuse(g, (g.input as { materials: MaterialSet }).materials, (g.input as { services: Service[] }).services),
    },
    {
      name: 'accept',
      label: { zh: '予以备案并公布', en: 'Accept and publish' },
      from: ['submitted'],
      to: 'accepted',
      by: 'official',
      rule: RULES.publish,
      guard: competentOrganOnly,
      update: (g) => ({ ...g.data, acceptedAt: g.now.toISOString() }),
      issues: ['filing-receipt'],
    },
    {
      name: 'return',
      label: { zh: '退回补正', en: 'Return for completion' },
      from: ['submitted'],
      to: 'returned',
      by: 'official',
      rule: RULES.cityPolice,
      input: ReturnInput,
      guard: competentOrganOnly,
      update: (g) => {
        const i = g.input as { reasons: Condition[]; explanation: string };
        return { ...g.data, returns: [...g.data.returns, { at: g.now.toISOString(), by: g.actor?.userId ?? null, reasons: i.reasons, explanation: i.explanation }] };
      },
    },
    {
      name: 'resubmit',
      label: { zh: '补正后重新提交', en: 'Resubmit, completed' },
      from: ['returned'],
      to: 'submitted',
      by: 'subject',
      rule: RULES.cityPolice,
      input: ResubmitInput,
      guard: (g) => filingRulesRefuse(g, (g.input as { materials: MaterialSet }).materials, (g.input as { services?: Service[] }).services ?? g.data.services),
      update: (g) => {
        const i = g.input as { materials: MaterialSet; services?: Service[] };
        return { ...g.data, materials: i.materials, services: i.services ?? g.data.services };
      },
    },
    {
      name: 'withdraw',
      label: { zh: '撤回备案申请', en: 'Withdraw the filing' },
      from: ['submitted', 'returned'],
      to: 'withdrawn',
      by: 'subject',
      rule: RULES.cityPolice,
      input: WithdrawInput,
      update: (g) => ({ ...g.data, withdrawal: { at: g.now.toISOString(), reason: (g.input as { reason: string }).reason } }),
    },
    {
      name: 'deregister',
      label: { zh: '停止经营，注销备案', en: 'Cease business and deregister' },
      from: ['accepted'],
      to: 'deregistered',
      by: 'subject',
      rule: RULES.publish,
      input: WithdrawInput,
      update: (g) => ({ ...g.data, withdrawal: { at: g.now.toISOString(), reason: (g.input as { reason: string }).reason } }),
    },
  ],
});

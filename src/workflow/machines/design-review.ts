import { Type } from '@sinclair/typebox';
import { defineMachine, refuse, type GuardContext, type RuleRef } from '../domain/machine.js';
import { DateString, Enum, Text } from '../domain/schema.js';
import { chinaDate, isIsoDate } from '../domain/time.js';

/**
 * Design review and acceptance, Art 12-13. A new, rebuilt or extended
 * building that must have a system designs, builds and accepts it with the
 * building (¶1). For public-area and key-unit systems the design scheme is
 * reviewed — by the construction unit with the design and construction units
 * and experts, or by a qualified agency — and must pass before construction
 * drawings and construction (¶2). The applicable standards are recorded
 * (Art 13). Building otherwise than the reviewed scheme is an Art 31 (4)
 * violation: recorded by the police, it opens a case.
 */

export const RULES = {
  inStep: { id: 'art12.p1.build-with-project', citation: { article: 12, paragraph: 1 } },
  review: { id: 'art12.p2.design-review-before-construction', citation: { article: 12, paragraph: 2 } },
  standards: { id: 'art13.standards-conformity', citation: { article: 13 } },
  publicArea: { id: 'art9.p1.only-government-installs-in-public-areas', citation: { article: 9, paragraph: 1 } },
} satisfies Record<string, RuleRef>;

export const PROJECT_KINDS = ['new', 'rebuild', 'expansion'] as const;
export const REVIEWERS = ['panel', 'qualified_agency'] as const;

export interface Review {
  at: string;
  reviewer: (typeof REVIEWERS)[number];
  panel?: { designUnit: string; constructionContractor: string; experts: string[] };
  agency?: { name: string; qualification: string };
  outcome: 'passed' | 'failed';
  conclusion: string;
}

export interface DesignReviewData {
  scope: 'key_unit' | 'public_area';
  keyUnit?: { id: number; name: string };
  publicArea?: { id: number; name: string };
  project: { name: string; kind: (typeof PROJECT_KINDS)[number] };
  constructionUnit: string;
  standards: string[];
  scheme: string;
  reviews: Review[];
  constructionStartedAt?: string;
  schemeChanges: { at: string; reason: string }[];
  acceptance?: { at: string; buildingAcceptanceDate: string; conclusion: string; standards: string[] };
  departures: { at: string; by: number | null; description: string; caseId?: number }[];
}

type G = GuardContext<DesignReviewData, Record<string, unknown>>;

/** A standard's designation: GB, GB/T, GA, GA/T, DB21… with a number and a year. */
const STANDARD = '^(GB|GB/T|GA|GA/T|DB\\d{2}|DB\\d{2}/T)\\s?\\d+(\\.\\d+)?-\\d{4}$';

const OpenInput = Type.Object(
  {
    scope: Enum(['key_unit', 'public_area'] as const),
    keyUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
    publicAreaId: Type.Optional(Type.Integer({ minimum: 1 })),
    project: Type.Object({ name: Text(200), kind: Enum(PROJECT_KINDS, { description: 'Art 12 ¶1: new, rebuilt or extended' }) }, { additionalProperties: false }),
    constructionUnit: Text(200, 'The construction unit (建设单位)'),
    standards: Type.Array(Type.String({ pattern: STANDARD }), { minItems: 1, maxItems: 30, uniqueItems: true, description: 'Art 13: the national, industry or local standards applied, e.g. GB 50348-2018' }),
    scheme: Text(4000, 'The design scheme, in short'),
  },
  { additionalProperties: false },
);

const ReviewInput = Type.Object(
  {
    reviewer: Enum(REVIEWERS, { description: 'Art 12 ¶2: a panel organised by the construction unit, or a qualified agency' }),
    panel: Type.Optional(
      Type.Object(
        { designUnit: Text(200), constructionContractor: Text(200), experts: Type.Array(Text(100), { minItems: 1, maxItems: 20, description: '技术专家' }) },
        { additionalProperties: false },
      ),
    ),
    agency: Type.Optional(Type.Object({ name: Text(200), qualification: Text(200, 'Its qualification for such reviews') }, { additionalProperties: false })),
    conclusion: Text(4000),
  },
  { additionalProperties: false },
);

function reviewerGuard(g: G) {
  const i = g.input as { reviewer: string; panel?: unknown; agency?: unknown };
  if (i.reviewer === 'panel' && !i.panel) {
    return refuse(RULES.review, '论证须由建设单位组织设计、施工单位和技术专家进行：请填写设计单位、施工单位和专家', 'The review is by the construction unit with the design and construction units and technical experts: name them', { field: 'panel' });
  }
  if (i.reviewer === 'qualified_agency' && !i.agency) {
    return refuse(RULES.review, '委托论证须由具有相应资质的专业机构进行：请填写机构名称和资质', 'A commissioned review is by a qualified professional agency: name it and its qualification', { field: 'agency' });
  }
  return null;
}

function review(outcome: Review['outcome']) {
  return (g: G): DesignReviewData => {
    const i = g.input as Omit<Review, 'at' | 'outcome'>;
    return { ...g.data, reviews: [...g.data.reviews, { at: g.now.toISOString(), reviewer: i.reviewer, ...(i.panel ? { panel: i.panel } : {}), ...(i.agency ? { agency: i.agency } : {}), outcome, conclusion: i.conclusion }] };
  };
}

const AcceptInput = Type.Object(
  {
    buildingAcceptanceDate: DateString('The day of the building project’s acceptance: the system is accepted with it'),
    conclusion: Text(4000, 'The acceptance conclusion; it must state the system’s acceptance'),
    systemAcceptanceStated: Type.Boolean({ description: 'Art 12 ¶1: the conclusion states how the system was accepted' }),
    standards: Type.Array(Type.String({ pattern: STANDARD }), { minItems: 1, maxItems: 30, uniqueItems: true, description: 'Art 13: the standards acceptance checked against' }),
  },
  { additionalProperties: false },
);

export const designReviewMachine = defineMachine<DesignReviewData>({
  name: 'design-review',
  resource: 'design-review',
  title: { zh: '技防系统设计方案论证与验收', en: 'Design review and acceptance' },
  citation: { article: 12 },
  summary:
    'A new, rebuilt or extended building that must have a system registers its project with the standards applied (Art 13). The design scheme is reviewed by a panel (the construction unit with the design and construction units and technical experts) or a qualified agency (Art 12 ¶2); construction drawings and construction are possible only after a passed review. A change of scheme goes back to review. Acceptance is with the building and its conclusion must state the system\'s acceptance (Art 12 ¶1). The police may record a departure from the reviewed scheme, which opens an Art 31 (4) case. A public-area project by anyone but the department the government designated is refused (Art 9 ¶1).',
  states: {
    designing: { label: { zh: '设计中，待论证', en: 'Designing, review pending' }, awaiting: 'applicant' },
    review_failed: { label: { zh: '论证未通过', en: 'Review failed' }, awaiting: 'applicant' },
    review_passed: { label: { zh: '论证通过，可进行施工图设计和施工', en: 'Review passed; drawings and construction may proceed' }, awaiting: 'applicant' },
    under_construction: { label: { zh: '施工中', en: 'Under construction' }, awaiting: 'applicant' },
    departure_found: { label: { zh: '公安机关认定未按论证方案施工', en: 'Police found construction departing from the reviewed scheme' }, awaiting: 'applicant' },
    accepted: { label: { zh: '已与建设工程同步验收', en: 'Accepted with the building' } },
  },
  transitions: [
    {
      name: 'open',
      label: { zh: '登记建设项目', en: 'Register the project' },
      from: [],
      to: 'designing',
      by: 'applicant',
      rule: RULES.inStep,
      input: OpenInput,
      guard: (g) => {
        if (g.facts.publicArea && g.facts.designatedDepartment !== true) {
          return refuse(
            RULES.publicArea,
            `除政府组织建设外，任何单位和个人不得在社会公共区域安装技防系统：该区域由“${g.facts.department ?? '政府指派部门'}”统一组织建设`,
            `No one but the government may install a system in a public area: this area is built by "${g.facts.department ?? 'the designated department'}"`,
            { field: 'constructionUnit' },
          );
        }
        return null;
      },
    },
    { name: 'record-review-passed', label: { zh: '记录论证通过', en: 'Record: review passed' }, from: ['designing'], to: 'review_passed', by: 'applicant', rule: RULES.review, input: ReviewInput, guard: reviewerGuard, update: review('passed') },
    { name: 'record-review-failed', label: { zh: '记录论证未通过', en: 'Record: review failed' }, from: ['designing'], to: 'review_failed', by: 'applicant', rule: RULES.review, input: ReviewInput, guard: reviewerGuard, update: review('failed') },
    {
      name: 'revise-scheme',
      label: { zh: '修改设计方案，重新论证', en: 'Revise the scheme for a new review' },
      from: ['review_failed', 'departure_found'],
      to: 'designing',
      by: 'applicant',
      rule: RULES.review,
      input: Type.Object({ scheme: Text(4000), reason: Text(1000) }, { additionalProperties: false }),
      update: (g) => {
        const i = g.input as { scheme: string; reason: string };
        return { ...g.data, scheme: i.scheme, schemeChanges: [...g.data.schemeChanges, { at: g.now.toISOString(), reason: i.reason }] };
      },
    },
    {
      name: 'start-construction',
      label: { zh: '开始施工图设计和施工', en: 'Start construction drawings and construction' },
      from: ['review_passed'],
      to: 'under_construction',
      by: 'applicant',
      rule: RULES.review,
      update: (g) => ({ ...g.data, constructionStartedAt: g.now.toISOString() }),
    },
    {
      name: 'change-scheme',
      label: { zh: '变更设计方案（须重新论证）', en: 'Change the scheme (to be reviewed again)' },
      from: ['review_passed', 'under_construction'],
      to: 'designing',
      by: 'applicant',
      rule: RULES.review,
      input: Type.Object({ scheme: Text(4000), reason: Text(1000) }, { additionalProperties: false }),
      update: (g) => {
        const i = g.input as { scheme: string; reason: string };
        return { ...g.data, scheme: i.scheme, schemeChanges: [...g.data.schemeChanges, { at: g.now.toISOString(), reason: i.reason }] };
      },
    },
    {
      name: 'accept',
      label: { zh: '与建设工程同步验收', en: 'Accept with the building' },
      from: ['under_construction'],
      to: 'accepted',
      by: 'applicant',
      rule: RULES.inStep,
      input: AcceptInput,
      guard: (g) => {
        const i = g.input as { buildingAcceptanceDate: string; systemAcceptanceStated: boolean };
        if (!i.systemAcceptanceStated) {
          return refuse(RULES.inStep, '建设工程验收结论中应当说明技防系统的验收情况', 'The building’s acceptance conclusion must state how the system was accepted', { field: 'systemAcceptanceStated' });
        }
        if (!isIsoDate(i.buildingAcceptanceDate) || i.buildingAcceptanceDate > chinaDate(g.now)) {
          return refuse(RULES.inStep, '建设工程验收日期不能晚于今天', 'The building acceptance date cannot be after today', { field: 'buildingAcceptanceDate' });
        }
        return null;
      },
      update: (g) => {
        const i = g.input as { buildingAcceptanceDate: string; conclusion: string; standards: string[] };
        return { ...g.data, acceptance: { at: g.now.toISOString(), buildingAcceptanceDate: i.buildingAcceptanceDate, conclusion: i.conclusion, standards: i.standards } };
      },
    },
    {
      name: 'record-departure',
      label: { zh: '认定未按论证方案施工（立案）', en: 'Find a departure from the reviewed scheme (opens a case)' },
      from: ['under_construction', 'accepted'],
      to: 'departure_found',
      by: 'official',
      rule: RULES.review,
      input: Type.Object({ description: Text(4000, 'How the construction departs from the reviewed scheme') }, { additionalProperties: false }),
      update: (g) => ({ ...g.data, departures: [...g.data.departures, { at: g.now.toISOString(), by: g.actor?.userId ?? null, description: (g.input as { description: string }).description }] }),
    },
  ],
});

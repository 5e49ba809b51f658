import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';
import { ART3_RULES } from './art03.js';
import { ART4_RULES } from './art04.js';
import { ART8_RULES } from './art08.js';
import { ART9_RULES } from './art09.js';
import { ART10_RULES } from './art10.js';
import { ART11_RULES } from './art11.js';
import { ART12_RULES } from './art12.js';
import { ART13_RULES } from './art13.js';
import { ART14_RULES } from './art14.js';
import { ART15_RULES } from './art15.js';
import { ART16_RULES } from './art16.js';
import { ART17_RULES } from './art17.js';
import { ART18_RULES } from './art18.js';
import { ART19_RULES } from './art19.js';
import { ART20_RULES } from './art20.js';
import { ART21_RULES } from './art21.js';
import { ART22_RULES } from './art22.js';
import { ART23_RULES } from './art23.js';
import { ART24_RULES } from './art24.js';
import { ART25_RULES } from './art25.js';
import { ART26_RULES } from './art26.js';
import { ART27_RULES } from './art27.js';
import { ART28_RULES } from './art28.js';
import { ART29_RULES } from './art29.js';
import { ART30_RULES } from './art30.js';
import { ART36_RULES } from './art36.js';
import { makePenaltyRules } from './penalty-rules.js';
import type { AnyRule, Sanction } from './rule.js';

/** Every rule that reads a situation directly, in the order of the articles. */
export const SITUATION_RULES: readonly AnyRule[] = [
  ...ART3_RULES,
  ...ART4_RULES,
  ...ART8_RULES,
  ...ART9_RULES,
  ...ART10_RULES,
  ...ART11_RULES,
  ...ART12_RULES,
  ...ART13_RULES,
  ...ART14_RULES,
  ...ART15_RULES,
  ...ART16_RULES,
  ...ART17_RULES,
  ...ART18_RULES,
  ...ART19_RULES,
  ...ART20_RULES,
  ...ART21_RULES,
  ...ART22_RULES,
  ...ART23_RULES,
  ...ART24_RULES,
  ...ART25_RULES,
  ...ART26_RULES,
  ...ART27_RULES,
  ...ART28_RULES,
  ...ART29_RULES,
  ...ART30_RULES,
  ...ART36_RULES,
];

const sanctions = new Map(SITUATION_RULES.filter((r) => r.sanction).map((r) => [r.id, r.sanction as Sanction]));

/** The penalty rules of art 31-35: they read the violations the situation rules found. */
export const PENALTY_RULES: readonly AnyRule[] = makePenaltyRules((id) => sanctions.get(id));

/** Every rule, in the order of the articles. */
export const RULES: readonly AnyRule[] = [...SITUATION_RULES, ...PENALTY_RULES].sort((a, b) => a.citation.article - b.citation.article);

const byId = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): AnyRule | undefined {
  return byId.get(id);
}

/** Why an article, paragraph or item carries no rule. */
export interface NoRule {
  citation: Citation;
  reason: Bilingual;
}

/**
 * Articles (and parts) with no rule, and why. Together with `RULES` they
 * account for every article 1-37; a test checks it.
 */
export const WITHOUT_RULES: readonly NoRule[] = [
  { citation: { article: 1 }, reason: { zh: '立法目的和依据，没有规范内容', en: 'Purpose and legal basis; no normative content' } },
  { citation: { article: 2 }, reason: { zh: '适用范围（本省行政区域），由平台的部署范围体现，不作为规则', en: 'Scope (the territory of the province); carried by where the platform is deployed, not a rule' } },
  {
    citation: { article: 3, paragraph: 1 },
    reason: { zh: '“公共安全技术防范”的总体定义，其他条款不以此作判断；第二、三款的定义是规则', en: 'The general definition of "public security technical prevention"; no provision turns on it. The definitions of ¶2 and ¶3 are rules' },
  },
  {
    citation: { article: 4, paragraph: 1 },
    reason: { zh: '合法、公开、有序、适当的原则，没有可以判断的事实条件；第二款是规则', en: 'Principles of legality, openness, order and appropriateness; no testable condition. ¶2 is a rule' },
  },
  {
    citation: { article: 5 },
    reason: {
      zh: '省、市、县人民政府的领导、协调、统筹和规划职责，没有可以在具体情形中判断的条件；其可操作部分（政府组织建设、提供资金）见第八条第一款的规则',
      en: 'Duties of provincial, city and county governments to lead, coordinate and plan; nothing a situation can test. The operational part (government builds and funds public-area systems) is the rule of art 8 ¶1',
    },
  },
  {
    citation: { article: 6 },
    reason: {
      zh: '职责分工：公安机关主管监督管理，其他部门各负其责；由平台的机关层级和权限体现，不作为规则',
      en: 'Allocation of competence: the police supervise, other departments act within their remit; carried by the organ hierarchy and permissions of the platform, not a rule',
    },
  },
  {
    citation: { article: 7 },
    reason: {
      zh: '倡导性规定（增强防范意识、行业自律）；单位的具体义务规定在第十条、第十一条',
      en: "Exhortation (awareness of prevention, self-regulation of the trade); units' concrete duties are in art 10 and 11",
    },
  },
  {
    citation: { article: 16, paragraph: 1, item: 5 },
    reason: { zh: '“法律、法规规定的其他条件”未指明具体法律，无法编码', en: '"Other conditions laid down by laws and regulations" names no law, so it cannot be encoded' },
  },
  {
    citation: { article: 27, paragraph: 1 },
    reason: { zh: '监督检查的内容清单，作为数据（INSPECTION_CHECKLIST）列出各项对应的规则', en: 'The inspection checklist, kept as data (INSPECTION_CHECKLIST) naming the rules behind each item' },
  },
  {
    citation: { article: 37 },
    reason: { zh: '施行日期，体现为每条规则第一个版本的起始日2015-02-01', en: 'Date of entry into force; it is the first day of every rule’s first version, 2015-02-01' },
  },
];

/** For each article 1-37: the rules citing it and the reasons given for parts without one. */
export function coverage(articles: readonly number[]): Map<number, { rules: string[]; reasons: NoRule[] }> {
  const m = new Map<number, { rules: string[]; reasons: NoRule[] }>();
  for (const a of articles) m.set(a, { rules: RULES.filter((r) => r.citation.article === a).map((r) => r.id), reasons: WITHOUT_RULES.filter((w) => w.citation.article === a) });
  return m;
}

import { isTechPreventionSystem } from '../situation/derive.js';
import { decide, defineRule, each } from './rule.js';

/**
 * @see art 13: 技防系统的设计、安装、验收应当符合国家标准、行业标准或者地方标准。
 * GAP(art 13): the standards themselves (GB 50348, GA 38 …) are not held, so
 * conformity is a fact given to the rule, not something it checks.
 */
export const standardsConformity = defineRule<{ conformsToStandards?: boolean }>({
  id: 'art13.standards-conformity',
  citation: { article: 13 },
  kind: 'obligation',
  title: { zh: '设计、安装、验收符合标准', en: 'Design, installation and acceptance meet the standards' },
  subjects: (s) => each(s.systems, 'systems', (x) => (isTechPreventionSystem(x) ? { conformsToStandards: x.conformsToStandards } : undefined)),
  evaluate: (f) => {
    if (f.conformsToStandards === true) return decide.compliant('设计、安装、验收符合标准', 'Design, installation and acceptance meet the standards');
    if (f.conformsToStandards === false) {
      return decide.violation(
        '技防系统的设计、安装、验收应当符合国家标准、行业标准或者地方标准（第五章未对本条单独设定罚则）',
        'Design, installation and acceptance must meet national, industry or local standards (Chapter 5 sets no penalty for this article alone)',
      );
    }
    return decide.obligation('设计、安装、验收应当符合国家标准、行业标准或者地方标准', 'Design, installation and acceptance must meet national, industry or local standards');
  },
});

export const ART13_RULES = [standardsConformity];

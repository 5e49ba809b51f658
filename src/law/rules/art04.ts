import { decide, defineRule, each } from './rule.js';

/** @see art 4 ¶2: 任何单位和个人不得利用技防系统侵犯公民、法人和其他组织的合法权益。 */
export const noInfringementViaSystem = defineRule<{ kind: string; by: string }>({
  id: 'art4.p2.no-infringement-via-system',
  citation: { article: 4, paragraph: 2 },
  kind: 'prohibition',
  title: { zh: '不得利用技防系统侵犯合法权益', en: 'No use of a system to infringe lawful rights' },
  subjects: (s) => each(s.acts, 'acts', (a) => (a.kind === 'infringe_rights_with_system' ? { kind: a.kind, by: a.by } : undefined)),
  evaluate: () =>
    decide.violation(
      '任何单位和个人不得利用技防系统侵犯公民、法人和其他组织的合法权益。本款在第五章没有单独的罚则，具体情形依第十四条、第二十二条及其他法律处理',
      'No unit or individual may use a technical prevention system to infringe the lawful rights of citizens, legal persons or other organisations. Chapter 5 sets no penalty for this paragraph alone; particular cases fall under art 14, art 22 and other laws',
    ),
});

export const ART4_RULES = [noInfringementViaSystem];

import type { Bilingual } from '../../shared/text.js';
import type { ActKind } from '../situation/schema.js';
import { ACT_PROVISIONS, actKindsOf } from './acts.js';
import { decide, defineRule, each, type Rule } from './rule.js';

interface ActFacts {
  kind: ActKind;
  by: string;
  systemScope: string;
  authorized?: boolean;
}

/**
 * @see art 21: 对社会公共区域和技术防范重点单位的技防系统，任何单位和个人不得有下列行为：（一）…（五）
 * A breach leads to art 34.
 */
function forbidden(item: 1 | 2 | 3 | 4 | 5, slug: string, title: Bilingual): Rule<ActFacts> {
  const kinds = actKindsOf(21, item);
  return defineRule<ActFacts>({
    id: `art21.i${item}.${slug}`,
    citation: { article: 21, paragraph: 1, item },
    kind: 'prohibition',
    title,
    sanction: { article: 34, item },
    subjects: (s) => each(s.acts, 'acts', (a) => (kinds.includes(a.kind) ? { kind: a.kind, by: a.by, systemScope: a.systemScope, authorized: a.authorized } : undefined)),
    evaluate: (f) => {
      const p = ACT_PROVISIONS[f.kind];
      if (f.systemScope === 'other') {
        return decide.notApplicable('第二十一条保护社会公共区域和技术防范重点单位的技防系统，本系统不在其列', 'Art 21 protects public-area and key-unit systems; this system is neither');
      }
      if (p.onlyIfUnauthorized && f.authorized === true) {
        return decide.allowed(`经授权的行为，不属于“${p.label.zh}”`, `Authorised, so not ${p.label.en}`);
      }
      return decide.violation(
        `任何单位和个人不得${p.label.zh}；依第三十四条对单位处1万元罚款、对直接责任人处5000元罚款，情节严重的从重`,
        `No unit or individual may engage in ${p.label.en}; under art 34 the unit is fined 10,000 yuan and the directly responsible person 5,000 yuan, more in serious cases`,
      );
    },
  });
}

export const noDamageOrUnauthorizedRemoval = forbidden(1, 'no-damage-or-unauthorized-removal', { zh: '不得损坏或者擅自拆除技防系统', en: 'No damage or unauthorised removal' });
export const noObstructionOrInterruption = forbidden(2, 'no-obstruction-or-interruption', { zh: '不得妨碍或者擅自中断技防系统的正常使用', en: 'No obstruction or unauthorised interruption' });
export const noChangeOfPurposeOrScope = forbidden(3, 'no-change-of-purpose-or-scope', { zh: '不得擅自改变技防系统的用途和使用范围', en: 'No unauthorised change of purpose or scope' });
export const noTamperingWithProgramsOrRecords = forbidden(4, 'no-tampering-with-programs-or-records', { zh: '不得删改或者破坏运行程序和运行记录', en: 'No tampering with programs or operation records' });
export const noOtherSabotage = forbidden(5, 'no-other-sabotage', { zh: '不得有破坏或者妨碍技防系统正常使用的其他行为', en: 'No other sabotage or obstruction' });

export const ART21_RULES = [noDamageOrUnauthorizedRemoval, noObstructionOrInterruption, noChangeOfPurposeOrScope, noTamperingWithProgramsOrRecords, noOtherSabotage];

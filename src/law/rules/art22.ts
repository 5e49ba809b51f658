import type { Bilingual } from '../../shared/text.js';
import type { ActKind } from '../situation/schema.js';
import { ACT_PROVISIONS, actKindsOf } from './acts.js';
import { decide, defineRule, each, type Rule, type Sanction } from './rule.js';

interface InfoActFacts {
  kind: ActKind;
  by: string;
  authorized?: boolean;
}

/**
 * @see art 22: 任何单位和个人不得有下列行为：（一）买卖或者违法使用、传播采获信息；（二）利用采获信息侵犯他人隐私权或者其他合法权益；（三）擅自提供、复制、翻拍或者删改、隐匿、毁弃采获信息；（四）违法使用采获信息的其他行为。
 * Items 1, 3 and 4 lead to art 35; item 2 has no penalty in this regulation.
 */
function forbidden(item: 1 | 2 | 3 | 4, slug: string, title: Bilingual, consequence: Bilingual, sanction?: Sanction): Rule<InfoActFacts> {
  const kinds = actKindsOf(22, item);
  return defineRule<InfoActFacts>({
    id: `art22.i${item}.${slug}`,
    citation: { article: 22, paragraph: 1, item },
    kind: 'prohibition',
    title,
    ...(sanction ? { sanction } : {}),
    subjects: (s) => each(s.acts, 'acts', (a) => (kinds.includes(a.kind) ? { kind: a.kind, by: a.by, authorized: a.authorized } : undefined)),
    evaluate: (f) => {
      const p = ACT_PROVISIONS[f.kind];
      if (p.onlyIfUnauthorized && f.authorized === true) {
        return decide.allowed(`有合法依据的行为（如依第二十四条、第二十五条调取，或依第二十三条期满消除），不属于“${p.label.zh}”`, `Done on a lawful basis (such as retrieval under art 24 or 25, or erasure after the period of art 23), so not ${p.label.en}`);
      }
      return decide.violation(`任何单位和个人不得${p.label.zh}；${consequence.zh}`, `No unit or individual may engage in ${p.label.en}. ${consequence.en}`);
    },
  });
}

const art35: Bilingual = {
  zh: '依第三十五条对单位处3万元罚款、对个人处1万元罚款，有违法所得的没收并处三倍罚款',
  en: 'Under art 35 a unit is fined 30,000 yuan and an individual 10,000 yuan; illegal gains are confiscated and fined three times over',
};

export const noTradeOrUnlawfulUse = forbidden(1, 'no-trade-or-unlawful-use', { zh: '不得买卖或者违法使用、传播采获信息', en: 'No trading in, unlawful use or dissemination of captured information' }, art35, { article: 35, item: 1 });
export const noPrivacyInfringement = forbidden(
  2,
  'no-privacy-infringement',
  { zh: '不得利用采获信息侵犯他人隐私权或者其他合法权益', en: "No use of captured information to infringe others' privacy or rights" },
  {
    zh: '第三十五条不处罚本项行为，由受害人依照民事法律或者由有关机关依照其他法律处理',
    en: 'Art 35 does not punish this item; the injured person may sue under civil law, and other authorities act under other laws',
  },
);
export const noUnauthorizedCopyOrDeletion = forbidden(3, 'no-unauthorized-copy-or-deletion', { zh: '不得擅自提供、复制、翻拍或者删改、隐匿、毁弃采获信息', en: 'No unauthorised providing, copying, re-photographing, altering, hiding or destroying' }, art35, { article: 35, item: 3 });
export const noOtherUnlawfulUse = forbidden(4, 'no-other-unlawful-use', { zh: '不得有违法使用采获信息的其他行为', en: 'No other unlawful use of captured information' }, art35, { article: 35, item: 4 });

export const ART22_RULES = [noTradeOrUnlawfulUse, noPrivacyInfringement, noUnauthorizedCopyOrDeletion, noOtherUnlawfulUse];

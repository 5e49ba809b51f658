import { ART10_ITEMS, UNIT_TYPE_ART10_ITEM, type KeyUnitType } from '../interpretations/unit-types.js';
import { keyUnitStatus } from '../situation/derive.js';
import { decide, defineRule, each } from './rule.js';

interface Art10Facts {
  unitType: string;
  secretSite?: boolean;
  installationFeasible?: boolean;
  systemInstalled: boolean;
}

const itemLabel = (item: number) => ART10_ITEMS[item - 1].label;
const typeLabel = (t: string) => UNIT_TYPE_ART10_ITEM[t as KeyUnitType]?.label ?? { zh: t, en: t };

/**
 * @see art 10 ¶1: 下列场所和部位应当安装技防系统：（一）…（十二）
 * With the exceptions of item 5 (涉密场所除外) and item 11 (有安装条件).
 */
export const keyUnitMustInstall = defineRule<Art10Facts>({
  id: 'art10.p1.key-unit-must-install',
  citation: { article: 10, paragraph: 1 },
  kind: 'obligation',
  title: { zh: '重点场所和部位应当安装技防系统', en: 'Listed places must have a system' },
  sanction: { article: 31, item: 1 },
  interpretations: ['art10.unit-types'],
  subjects: (s) =>
    each(s.keyUnits, 'keyUnits', (k) => ({ unitType: k.unitType, secretSite: k.secretSite, installationFeasible: k.installationFeasible, systemInstalled: k.systemInstalled })),
  evaluate: (f) => {
    const st = keyUnitStatus(f);
    const interpretations = ['art10.unit-types'];
    if (!st.keyUnit) {
      if (st.reason === 'secret_site') {
        return decide.notApplicable('第十条第一款第（五）项明确“涉密场所除外”，本项不要求安装', 'Art 10 ¶1 (5) excepts secret sites: this item does not require a system', {
          citation: { article: 10, paragraph: 1, item: 5 },
          interpretations,
        });
      }
      if (st.reason === 'installation_not_feasible') {
        return decide.notApplicable('已建成的居民小区没有安装条件，第（十一）项不要求安装', 'An existing residential community without the conditions for installation: item (11) does not require a system', {
          citation: { article: 10, paragraph: 1, item: 11 },
          interpretations,
        });
      }
      return decide.notApplicable(
        '该单位类型不属于第十条第一款列明的场所；县以上人民政府确定为重要场所的，按第（十二）项办理',
        'This kind of unit is not among the places art 10 ¶1 lists; if a county-level or higher government designates it, item (12) applies',
        { interpretations },
      );
    }
    const c = { article: 10, paragraph: 1, item: st.item };
    const label = typeLabel(f.unitType);
    const item = itemLabel(st.item);
    if (f.systemInstalled) {
      return decide.compliant(`${label.zh}属第（${st.item}）项“${item.zh}”，已安装技防系统`, `${label.en}: item (${st.item}) "${item.en}"; a system is installed`, { citation: c, interpretations });
    }
    if (st.conditional) {
      return decide.obligation('已建成的居民小区有安装条件的，应当安装技防系统', 'An existing residential community must install a system where the conditions for installation exist', {
        citation: c,
        interpretations,
      });
    }
    return decide.violation(
      `${label.zh}属第十条第一款第（${st.item}）项“${item.zh}”，应当安装技防系统而未安装；依第三十一条第（一）项责令限期改正，逾期不改正的处罚款`,
      `${label.en} falls under art 10 ¶1 (${st.item}) "${item.en}" and must have a system, but has none; under art 31 (1) rectification is ordered, and a fine follows if the time limit is missed`,
      { citation: c, interpretations },
    );
  },
});

/**
 * @see art 10 ¶2: 具有前款规定场所和部位的单位属于技术防范重点单位，应当由本单位负责安装建设和管理、使用、维护技防系统，履行公共安全技术防范责任。
 */
export const keyUnitStatusRule = defineRule<{ unitType: string; secretSite?: boolean; installationFeasible?: boolean }>({
  id: 'art10.p2.key-unit-status',
  citation: { article: 10, paragraph: 2 },
  kind: 'definition',
  title: { zh: '技术防范重点单位及其责任', en: 'Key units and their responsibility' },
  interpretations: ['art10.unit-types'],
  subjects: (s) => each(s.keyUnits, 'keyUnits', (k) => ({ unitType: k.unitType, secretSite: k.secretSite, installationFeasible: k.installationFeasible })),
  evaluate: (f) => {
    const st = keyUnitStatus(f);
    return st.keyUnit
      ? decide.compliant(
          '属于技术防范重点单位：由本单位负责安装建设和管理、使用、维护技防系统，并履行第十一条的义务',
          'A key unit: it installs, manages, uses and maintains its own system and has the duties of art 11',
          { interpretations: ['art10.unit-types'] },
        )
      : decide.notApplicable('不属于技术防范重点单位', 'Not a key unit', { interpretations: ['art10.unit-types'] });
  },
});

export const ART10_RULES = [keyUnitMustInstall, keyUnitStatusRule];

import { isTechPreventionSystem } from '../situation/derive.js';
import { decide, defineRule, each } from './rule.js';

/**
 * @see art 19: 涉及国家秘密、国家安全技防系统的安装和报警运营服务，经有关部门依法履行程序后，应当由符合国家规定的单位承担。
 * GAP(art 19): the national requirements are not held; whether a unit meets them is a given fact.
 */
export const secretSystemsByQualifiedUnits = defineRule<{ installerMeetsNationalRequirements?: boolean }>({
  id: 'art19.secret-systems-by-qualified-units',
  citation: { article: 19 },
  kind: 'obligation',
  title: { zh: '涉密技防系统由符合国家规定的单位承担', en: 'Secret systems only by units meeting national requirements' },
  subjects: (s) =>
    each(s.systems, 'systems', (x) => (isTechPreventionSystem(x) && x.involvesStateSecrets === true ? { installerMeetsNationalRequirements: x.installerMeetsNationalRequirements } : undefined)),
  evaluate: (f) => {
    if (f.installerMeetsNationalRequirements === true) return decide.compliant('由符合国家规定的单位承担', 'Done by a unit meeting national requirements');
    if (f.installerMeetsNationalRequirements === false) {
      return decide.violation('涉及国家秘密、国家安全的技防系统，其安装和报警运营服务应当由符合国家规定的单位承担', 'A system concerning state secrets or national security may only be installed and operated by a unit meeting national requirements');
    }
    return decide.obligation('经有关部门依法履行程序后，应当由符合国家规定的单位承担安装和报警运营服务', 'After the procedures of the competent departments, installation and alarm operation must be done by a unit meeting national requirements');
  },
});

export const ART19_RULES = [secretSystemsByQualifiedUnits];

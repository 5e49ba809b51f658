import { PUBLIC_AREA_KIND_LABELS, PUBLIC_AREA_KINDS, type PublicAreaKind } from '../interpretations/public-area-kinds.js';
import { isTechPreventionSystem } from '../situation/derive.js';
import { decide, defineRule, each } from './rule.js';

/**
 * @see art 8 ¶1: 社会公共区域的技防系统属于市政基础设施，应当由市或者县人民政府指派有关部门统一组织规划建设、运行维护，并提供建设、运行、维护的资金。
 * A system someone else installed is art 9 ¶1's business, not this rule's.
 */
export const governmentOrganizesPublicAreaSystems = defineRule<{ installedBy?: string; fundedByGovernment?: boolean }>({
  id: 'art8.p1.government-organizes-public-area-systems',
  citation: { article: 8, paragraph: 1 },
  kind: 'obligation',
  title: { zh: '社会公共区域技防系统由政府组织建设并提供资金', en: 'Public-area systems are organised and funded by the government' },
  subjects: (s) =>
    each(s.systems, 'systems', (x) =>
      x.scope === 'public_area' && isTechPreventionSystem(x) && (x.installedBy === undefined || x.installedBy === 'government_department')
        ? { installedBy: x.installedBy, fundedByGovernment: x.fundedByGovernment }
        : undefined,
    ),
  evaluate: (f) => {
    if (f.fundedByGovernment === true) {
      return decide.compliant('由政府指派部门组织建设、运行维护，并由政府提供资金', 'Organised by the designated government department and funded by the government');
    }
    if (f.fundedByGovernment === false) {
      return decide.violation(
        '社会公共区域技防系统属于市政基础设施，建设、运行、维护的资金应当由市或者县人民政府提供',
        'A public-area system is municipal infrastructure: the city or county government must fund its building, running and maintenance',
      );
    }
    return decide.obligation(
      '市或者县人民政府应当指派有关部门统一组织规划建设、运行维护，并提供资金',
      'The city or county government must designate a department to plan, build, run and maintain it, and must fund it',
    );
  },
});

/**
 * @see art 8 ¶2: 广场、公园、主要道路、治安复杂区域路段以及路口，地下通道、过街天桥、隧道、大型桥梁等社会公共区域应当安装技防系统。
 * Only the kinds named are a duty here (interpretation art8.public-area-kinds).
 */
export const requiredPublicAreaCoverage = defineRule<{ kind: string; covered: boolean }>({
  id: 'art8.p2.required-public-area-coverage',
  citation: { article: 8, paragraph: 2 },
  kind: 'obligation',
  title: { zh: '应当安装技防系统的社会公共区域', en: 'Public areas that must have a system' },
  interpretations: ['art8.public-area-kinds'],
  subjects: (s) => each(s.publicAreas, 'publicAreas', (a) => ({ kind: a.kind, covered: a.covered })),
  evaluate: (f) => {
    if (!(PUBLIC_AREA_KINDS as readonly string[]).includes(f.kind)) {
      return decide.notApplicable(
        '不属于第八条第二款列明的社会公共区域，本款不要求安装（政府仍可规划建设）',
        'Not a kind of public area art 8 ¶2 names, so this paragraph does not require a system (the government may still plan one)',
        { interpretations: ['art8.public-area-kinds'] },
      );
    }
    const label = PUBLIC_AREA_KIND_LABELS[f.kind as PublicAreaKind];
    return f.covered
      ? decide.compliant(`${label.zh}已安装技防系统`, `The ${label.en.toLowerCase()} is covered by a system`, { interpretations: ['art8.public-area-kinds'] })
      : decide.violation(
          `${label.zh}属于应当安装技防系统的社会公共区域，尚未覆盖；由市或者县人民政府指派的部门负责建设`,
          `A ${label.en.toLowerCase()} must have a technical prevention system and this one has none; the department the city or county government designates must build it`,
          { interpretations: ['art8.public-area-kinds'] },
        );
  },
});

export const ART8_RULES = [governmentOrganizesPublicAreaSystems, requiredPublicAreaCoverage];

import { SUBSYSTEM_KINDS } from '../situation/schema.js';
import { decide, defineRule, each } from './rule.js';

/** @see art 3 ¶3: 技防系统，是指…入侵报警系统、视频和音频监控系统、出入口识别控制系统、防盗抢防护系统、防爆安全检查系统等… */
export const systemDefinition = defineRule<{ subsystems: string[] }>({
  id: 'art3.p3.system-definition',
  citation: { article: 3, paragraph: 3 },
  kind: 'definition',
  title: { zh: '技防系统的含义', en: 'What a technical prevention system is' },
  subjects: (s) => each(s.systems, 'systems', (x) => ({ subsystems: x.subsystems })),
  evaluate: (f) => {
    const named = f.subsystems.filter((k) => (SUBSYSTEM_KINDS as readonly string[]).includes(k));
    if (named.length === 0) {
      return decide.notApplicable(
        '不含第三条第三款列明的任何子系统，不按技防系统评估；是否属于“等”所指的同类系统，由公安机关认定',
        'It contains none of the subsystems art 3 ¶3 names, so it is not assessed as a technical prevention system; whether it is one "of the like" is for the police to decide',
      );
    }
    return named.length > 1
      ? decide.compliant('属于本条例所称技防系统（以多个子系统组合、集成）', 'It is a technical prevention system in the sense of the regulation (several subsystems combined or integrated)')
      : decide.compliant('属于本条例所称技防系统', 'It is a technical prevention system in the sense of the regulation');
  },
});

/** @see art 3 ¶2: 技防产品，是指…并列入国家《安全技术防范产品目录》的专用产品。 */
export const productDefinition = defineRule<{ inNationalCatalogue: boolean }>({
  id: 'art3.p2.product-definition',
  citation: { article: 3, paragraph: 2 },
  kind: 'definition',
  title: { zh: '技防产品的含义', en: 'What a technical prevention product is' },
  subjects: (s) => each(s.products, 'products', (x) => ({ inNationalCatalogue: x.inNationalCatalogue })),
  evaluate: (f) =>
    f.inNationalCatalogue
      ? decide.compliant('列入国家《安全技术防范产品目录》，属于技防产品', 'Listed in the national Catalogue of Security Technical Prevention Products: a technical prevention product')
      : decide.notApplicable('未列入国家《安全技术防范产品目录》，不属于本条例所称技防产品', 'Not listed in the national Catalogue, so not a technical prevention product in the sense of the regulation'),
});

export const ART3_RULES = [productDefinition, systemDefinition];

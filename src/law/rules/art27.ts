import type { Bilingual } from '../../shared/text.js';
import { decide, defineRule, each } from './rule.js';

/**
 * @see art 27 ¶1: 公安机关实施监督检查包括下列内容：（一）…（五）
 * The checklist as data: each item and the rules that check it. Item 5
 * ("其他依法需要监督检查的事项") is open by nature.
 */
export const INSPECTION_CHECKLIST: readonly { item: number; label: Bilingual; rules: readonly string[] }[] = [
  { item: 1, label: { zh: '重点单位履行技防系统安装义务的情况', en: 'Key units installing their systems' }, rules: ['art10.p1.key-unit-must-install'] },
  {
    item: 2,
    label: { zh: '重点单位建立和执行日常运行维护、采获信息管理和使用等制度情况', en: 'Key units’ maintenance and captured-information rules' },
    rules: ['art11.i1.maintenance-rules', 'art11.i2.designated-trained-operator', 'art11.i3.captured-information-rules', 'art11.i4.duty-roster-and-emergency-plan', 'art23.p1.information-security-measures', 'art23.p2.minimum-retention'],
  },
  {
    item: 3,
    label: { zh: '技防产品生产销售执行国家规定的情况，服务单位的备案情况', en: 'Products under national rules; providers’ filings' },
    rules: ['art3.p2.product-definition', 'art16.p1.file-with-city-police', 'art17.out-of-province-files-with-province'],
  },
  { item: 4, label: { zh: '方案论证和工程检验、验收情况', en: 'Design review, testing and acceptance' }, rules: ['art12.p1.build-with-project', 'art12.p2.design-review-before-construction', 'art13.standards-conformity'] },
  { item: 5, label: { zh: '其他依法需要监督检查的事项', en: 'Other matters the law requires to be inspected' }, rules: [] },
];

/** @see art 27 ¶2: 公安机关实施监督检查时，有关单位和个人应当予以配合。 */
export const cooperateWithInspection = defineRule<{ cooperated?: boolean }>({
  id: 'art27.p2.cooperate-with-inspection',
  citation: { article: 27, paragraph: 2 },
  kind: 'obligation',
  title: { zh: '配合监督检查', en: 'Cooperate with inspections' },
  subjects: (s) => each(s.inspections, 'inspections', (x) => ({ cooperated: x.cooperated })),
  evaluate: (f) => {
    if (f.cooperated === true) return decide.compliant('有关单位和个人予以配合', 'The units and persons concerned cooperated');
    if (f.cooperated === false) return decide.violation('公安机关实施监督检查时，有关单位和个人应当予以配合（第五章未对本款设定罚则）', 'Units and persons must cooperate with a police inspection (Chapter 5 sets no penalty for this paragraph)');
    return decide.obligation('有关单位和个人应当配合监督检查', 'The units and persons concerned must cooperate with the inspection');
  },
});

export const ART27_RULES = [cooperateWithInspection];

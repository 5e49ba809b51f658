import { defineRule, each } from './rule.js';
import { filingDecision, filingFacts, type FilingFacts } from './providers.js';

/** @see art 17: 在本省从事技防系统设计、安装、维护和报警运营服务的外省单位和个人，应当持相应证明材料到省公安机关备案。 */
export const outOfProvinceFilesWithProvince = defineRule<FilingFacts>({
  id: 'art17.out-of-province-files-with-province',
  citation: { article: 17 },
  kind: 'procedure',
  title: { zh: '外省单位和个人到省公安机关备案', en: 'Providers from other provinces file with the provincial police' },
  subjects: (s) => each(s.providers, 'providers', (p) => (p.outOfProvince ? filingFacts(p) : undefined)),
  evaluate: (f) => filingDecision(f, 'provincial_police', { zh: '省公安机关', en: 'the provincial police' }),
});

export const ART17_RULES = [outOfProvinceFilesWithProvince];

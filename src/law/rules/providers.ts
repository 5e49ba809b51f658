import { chineseNumeral } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';
import type { Provider } from '../situation/schema.js';
import { decide, type Decision } from './rule.js';

type Materials = NonNullable<Provider['materials']>;

/** The conditions of art 16 ¶1 (1)-(4) and the proof a filing carries. */
export const FILING_CONDITIONS: readonly { item: 1 | 2 | 3 | 4; key: keyof Materials; slug: string; label: Bilingual }[] = [
  { item: 1, key: 'businessLicence', slug: 'business-licence', label: { zh: '营业执照', en: 'a business licence' } },
  { item: 2, key: 'trainedStaff', slug: 'trained-staff', label: { zh: '与经营业务相适应的经过专业培训的管理、技术人员', en: 'trained management and technical staff suited to the business' } },
  { item: 3, key: 'equipmentAndPremises', slug: 'equipment-and-premises', label: { zh: '与经营业务相适应的技术设备和场所', en: 'technical equipment and premises suited to the business' } },
  { item: 4, key: 'safetyManagementRules', slug: 'safety-management-rules', label: { zh: '健全的安全管理和岗位责任制度', en: 'sound safety management and post-responsibility rules' } },
];

export interface FilingFacts {
  status?: 'not_filed' | 'applying' | 'filed';
  organ?: string;
  missing: number[];
}

export function filingFacts(p: Provider): FilingFacts {
  const m = p.materials ?? {};
  return {
    status: p.filing?.status,
    organ: p.filing?.organ,
    missing: FILING_CONDITIONS.filter((c) => m[c.key] !== true).map((c) => c.item),
  };
}

/** Shared by art 16 and 17: the filing must go, with complete proof, to the right organ. */
export function filingDecision(f: FilingFacts, requiredOrgan: string, organText: Bilingual): Decision {
  const wrongOrgan = f.organ !== undefined && f.organ !== requiredOrgan;
  if (f.status === 'filed') {
    return wrongOrgan
      ? decide.violation(`备案机关不正确：应当到${organText.zh}备案`, `Filed with the wrong organ: the filing belongs with ${organText.en}`)
      : decide.compliant(`已向${organText.zh}备案`, `Filed with ${organText.en}`);
  }
  if (f.status === 'applying') {
    if (wrongOrgan) return decide.refused(`应当到${organText.zh}备案`, `The filing belongs with ${organText.en}`);
    if (f.missing.length) {
      const items = f.missing.map((i) => FILING_CONDITIONS[i - 1]);
      return decide.refused(
        `备案材料不全，缺少第十六条第（${f.missing.map(chineseNumeral).join('）、（')}）项的证明：${items.map((c) => c.label.zh).join('；')}`,
        `The filing is incomplete: proof under art 16 (${f.missing.join('), (')}) is missing: ${items.map((c) => c.label.en).join('; ')}`,
      );
    }
    return decide.allowed('备案材料齐全，予以备案', 'The filing is complete and is accepted');
  }
  return decide.obligation(`从事技防系统设计、安装、维护和报警运营服务，应当持相应证明材料到${organText.zh}备案`, `A provider of design, installation, maintenance or alarm operation services must file, with proof, with ${organText.en}`);
}

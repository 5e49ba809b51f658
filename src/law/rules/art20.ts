import type { Bilingual } from '../../shared/text.js';
import type { Provider } from '../situation/schema.js';
import { decide, defineRule, each, type Rule } from './rule.js';

type Duties = NonNullable<Provider['duties']>;

/**
 * @see art 20: 从事技防系统设计、安装、维护和报警运营服务的单位应当履行下列义务：（一）…（四）
 * Chapter 5 sets no fine for these; a verified breach puts the provider on the warning list (art 28).
 */
function duty(item: 1 | 2 | 3 | 4, slug: string, key: keyof Duties, text: Bilingual): Rule<{ met?: boolean }> {
  return defineRule<{ met?: boolean }>({
    id: `art20.i${item}.${slug}`,
    citation: { article: 20, paragraph: 1, item },
    kind: 'obligation',
    title: text,
    subjects: (s) => each(s.providers, 'providers', (p) => ({ met: p.duties?.[key] })),
    evaluate: (f) => {
      if (f.met === true) return decide.compliant(`已${text.zh}`, `Done: ${text.en.toLowerCase()}`);
      if (f.met === false) {
        return decide.violation(`未${text.zh}；查证属实后依第二十八条列入目录并发布警示公告`, `Not done: ${text.en.toLowerCase()}. Once verified, art 28 puts the provider on the warning list`);
      }
      return decide.obligation(`应当${text.zh}`, `Must ${text.en.toLowerCase()}`);
    },
  });
}

export const staffTraining = duty(1, 'staff-training', 'staffTraining', { zh: '对从业人员进行业务和保密教育培训', en: 'Train staff in the work and in confidentiality' });
export const lawfulWorkAndArchives = duty(2, 'lawful-work-and-archives', 'lawfulWorkAndArchives', { zh: '依法施工并将相关建设资料存档备查', en: 'Work lawfully and keep the project records on file' });
export const clientConfidentiality = duty(3, 'client-confidentiality', 'clientConfidentiality', { zh: '对业务中涉及的客户信息保守秘密', en: 'Keep client information confidential' });
export const standardsAndQuality = duty(4, 'standards-and-quality', 'standardsAndQuality', { zh: '设计、安装、维护符合相关标准并保证质量，履行服务承诺', en: 'Design, install and maintain to standard and quality, and keep service commitments' });

export const ART20_RULES = [staffTraining, lawfulWorkAndArchives, clientConfidentiality, standardsAndQuality];

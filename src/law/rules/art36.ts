import type { Bilingual } from '../../shared/text.js';
import type { OfficialConduct } from '../situation/schema.js';
import { decide, defineRule, each, type Rule } from './rule.js';

/**
 * @see art 36: 公安机关和其他有关部门工作人员在安全技术防范管理工作中，有下列情形之一的，依法给予行政处分；构成犯罪的，依法追究刑事责任：（一）…（四）
 */
function misconduct(item: 1 | 2 | 3 | 4, slug: string, title: Bilingual, committed: (o: OfficialConduct) => boolean | undefined): Rule<{ committed: boolean }> {
  return defineRule<{ committed: boolean }>({
    id: `art36.i${item}.${slug}`,
    citation: { article: 36, paragraph: 1, item },
    kind: 'penalty',
    title,
    subjects: (s) =>
      each(s.officialConduct, 'officialConduct', (o) => {
        const c = committed(o);
        return c === undefined ? undefined : { committed: c };
      }),
    evaluate: (f) =>
      f.committed
        ? decide.violation(`${title.zh}：依法给予行政处分；构成犯罪的，依法追究刑事责任`, `${title.en}: an administrative sanction according to law; criminal liability where it is a crime`)
        : decide.compliant(`未发现：${title.zh}`, `Not found: ${title.en.toLowerCase()}`),
  });
}

const anyTrue = (...v: (boolean | undefined)[]) => (v.every((x) => x === undefined) ? undefined : v.some((x) => x === true));
const inFilingOrInspection = (o: OfficialConduct) => o.context === 'filing_publication' || o.context === 'inspection';

export const dutyFailureWithSeriousHarm = misconduct(1, 'duty-failure-with-serious-harm', { zh: '未依法履行监督管理或者行业指导职责，造成严重危害后果', en: 'Failure of supervisory or guidance duty causing serious harm' }, (o) => o.dutyFailureWithSeriousHarm);
export const feesOrBenefits = misconduct(2, 'fees-or-benefits', { zh: '在实施备案公告、监督检查过程中，收取费用或者谋取其他利益', en: 'Fees or other benefits taken in filing, publication or inspection' }, (o) =>
  inFilingOrInspection(o) ? anyTrue(o.feeCharged, o.benefitSought) : undefined,
);
export const designationOrRestriction = misconduct(3, 'designation-or-restriction', { zh: '指定产品和服务或者利用职权影响、限制当事人自主选择权', en: "Naming products or services, or restricting the parties' choice" }, (o) =>
  anyTrue(o.productOrServiceDesignated, o.choiceRestricted),
);
export const otherMisconduct = misconduct(4, 'other-misconduct', { zh: '玩忽职守、徇私舞弊、滥用职权的其他情形', en: 'Other neglect of duty, favouritism or abuse of power' }, (o) => o.otherMisconduct);

export const ART36_RULES = [dutyFailureWithSeriousHarm, feesOrBenefits, designationOrRestriction, otherMisconduct];

import type { Bilingual } from '../../shared/text.js';
import type { OfficialConduct } from '../situation/schema.js';
import { decide, defineRule, each, type Rule } from './rule.js';

/** Art 29 reaches police officers while filing and publishing, or inspecting. */
function underArt29(o: OfficialConduct): boolean {
  return o.actor === 'police' && (o.context === 'filing_publication' || o.context === 'inspection');
}

/**
 * @see art 29: 公安机关及其工作人员依法实施备案公示、监督检查时，不得收取费用或者谋取其他利益，不得指定产品和服务，不得利用职权影响、限制当事人的自主选择权。
 * A breach is dealt with under art 36.
 */
function prohibition(slug: string, title: Bilingual, item36: 2 | 3, breached: (o: OfficialConduct) => boolean | undefined): Rule<{ breached: boolean }> {
  return defineRule<{ breached: boolean }>({
    id: `art29.${slug}`,
    citation: { article: 29 },
    kind: 'prohibition',
    title,
    sanction: { article: 36, item: item36 },
    subjects: (s) =>
      each(s.officialConduct, 'officialConduct', (o) => {
        const b = breached(o);
        return underArt29(o) && b !== undefined ? { breached: b } : undefined;
      }),
    evaluate: (f) =>
      f.breached
        ? decide.violation(`公安机关及其工作人员${title.zh}；依第三十六条第（${item36}）项给予处分`, `The police and their officers: ${title.en.toLowerCase()}. Art 36 (${item36}) applies`)
        : decide.compliant(`遵守：${title.zh}`, `Respected: ${title.en.toLowerCase()}`),
  });
}

const anyTrue = (...v: (boolean | undefined)[]) => (v.every((x) => x === undefined) ? undefined : v.some((x) => x === true));

export const noFeesOrBenefits = prohibition('no-fees-or-benefits', { zh: '不得收取费用或者谋取其他利益', en: 'No fees and no other benefits' }, 2, (o) => anyTrue(o.feeCharged, o.benefitSought));
export const noDesignatedProductsOrServices = prohibition('no-designated-products-or-services', { zh: '不得指定产品和服务', en: 'No naming of products or services' }, 3, (o) => o.productOrServiceDesignated);
export const noRestrictingChoice = prohibition('no-restricting-choice', { zh: '不得利用职权影响、限制当事人的自主选择权', en: "No use of office to sway or restrict the parties' own choice" }, 3, (o) => o.choiceRestricted);

export const ART29_RULES = [noFeesOrBenefits, noDesignatedProductsOrServices, noRestrictingChoice];

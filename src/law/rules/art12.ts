import { isTechPreventionSystem } from '../situation/derive.js';
import { decide, defineRule, each } from './rule.js';

interface Art12P1Facts {
  kind: string;
  designedTogether?: boolean;
  builtTogether?: boolean;
  acceptedTogether?: boolean;
  acceptanceConclusionCoversSystem?: boolean;
}

/**
 * @see art 12 ¶1: 应当安装技防系统的新建、改建、扩建建设工程，建设单位应当将技防系统与建设工程同步设计、同步施工、同步验收，并在建设工程验收结论中说明技防系统的验收情况。
 */
export const buildWithProject = defineRule<Art12P1Facts>({
  id: 'art12.p1.build-with-project',
  citation: { article: 12, paragraph: 1 },
  kind: 'obligation',
  title: { zh: '技防系统与建设工程同步设计、同步施工、同步验收', en: 'Design, build and accept the system with the building' },
  subjects: (s) =>
    each(s.constructionProjects, 'constructionProjects', (p) =>
      p.kind !== 'municipal_works' && p.requiresSystem
        ? {
            kind: p.kind,
            designedTogether: p.designedTogether,
            builtTogether: p.builtTogether,
            acceptedTogether: p.acceptedTogether,
            acceptanceConclusionCoversSystem: p.acceptanceConclusionCoversSystem,
          }
        : undefined,
    ),
  evaluate: (f) => {
    const steps = [
      { v: f.designedTogether, zh: '同步设计', en: 'designed with the building' },
      { v: f.builtTogether, zh: '同步施工', en: 'built with the building' },
      { v: f.acceptedTogether, zh: '同步验收', en: 'accepted with the building' },
      { v: f.acceptanceConclusionCoversSystem, zh: '在验收结论中说明技防系统验收情况', en: 'its acceptance stated in the acceptance conclusion' },
    ];
    const failed = steps.filter((s) => s.v === false);
    if (failed.length) {
      return decide.violation(
        `建设单位未做到：${failed.map((s) => s.zh).join('、')}`,
        `The construction unit did not have the system ${failed.map((s) => s.en).join(', ')}`,
      );
    }
    if (steps.every((s) => s.v === true)) {
      return decide.compliant('技防系统与建设工程同步设计、同步施工、同步验收，验收结论已说明', 'The system was designed, built and accepted with the building, and the acceptance conclusion says so');
    }
    return decide.obligation(
      '建设单位应当将技防系统与建设工程同步设计、同步施工、同步验收，并在验收结论中说明技防系统的验收情况',
      'The construction unit must design, build and accept the system together with the building and state its acceptance in the acceptance conclusion',
    );
  },
});

interface ReviewFacts {
  status: 'not_done' | 'failed' | 'passed';
  reviewer?: string;
  constructionStarted: boolean;
  builtAsReviewed?: boolean;
}

/**
 * @see art 12 ¶2: 社会公共区域和技术防范重点单位技防系统的设计方案，应当由建设单位组织设计、施工单位和技术专家进行论证，或者委托具有相应资质的专业机构论证，并在论证通过后进行施工图设计和施工。
 * A breach is art 31 (4): 未经论证或者论证未通过或者未按照论证方案进行施工.
 */
export const designReviewBeforeConstruction = defineRule<ReviewFacts>({
  id: 'art12.p2.design-review-before-construction',
  citation: { article: 12, paragraph: 2 },
  kind: 'procedure',
  title: { zh: '设计方案论证通过后方可施工', en: 'Construction only after the design scheme passes review' },
  sanction: { article: 31, item: 4 },
  subjects: (s) =>
    each(s.systems, 'systems', (x) =>
      x.scope !== 'other' && isTechPreventionSystem(x) && x.designReview
        ? { status: x.designReview.status, reviewer: x.designReview.reviewer, constructionStarted: x.designReview.constructionStarted, builtAsReviewed: x.designReview.builtAsReviewed }
        : undefined,
    ),
  evaluate: (f) => {
    const validReviewer = f.reviewer === undefined || f.reviewer === 'construction_unit_panel' || f.reviewer === 'qualified_agency';
    const passed = f.status === 'passed' && validReviewer;
    if (passed) {
      if (!f.constructionStarted) return decide.allowed('设计方案已论证通过，可以进行施工图设计和施工', 'The design scheme passed review: construction drawings and construction may proceed');
      if (f.builtAsReviewed === false) {
        return decide.violation(
          '未按照论证方案进行施工；依第三十一条第（四）项责令限期改正，逾期不改正的处罚款',
          'Not built according to the reviewed scheme; under art 31 (4) rectification is ordered, and a fine follows if the time limit is missed',
        );
      }
      return decide.compliant('论证通过后施工', 'Built after the scheme passed review');
    }
    const why =
      f.status === 'failed'
        ? { zh: '设计方案论证未通过', en: 'the design scheme failed review' }
        : !validReviewer && f.status === 'passed'
          ? { zh: '论证不是由建设单位组织设计、施工单位和技术专家进行，也不是由具有相应资质的专业机构进行', en: 'the review was neither organised by the construction unit with designers, builders and experts nor done by a qualified agency' }
          : { zh: '设计方案未经论证', en: 'the design scheme has not been reviewed' };
    return f.constructionStarted
      ? decide.violation(
          `${why.zh}即施工；依第三十一条第（四）项责令限期改正，逾期不改正的处罚款`,
          `Construction started although ${why.en}; under art 31 (4) rectification is ordered, and a fine follows if the time limit is missed`,
        )
      : decide.refused(`${why.zh}，论证通过前不得进行施工图设计和施工`, `${why.en[0].toUpperCase()}${why.en.slice(1)}: no construction drawings or construction before it passes`);
  },
});

export const ART12_RULES = [buildWithProject, designReviewBeforeConstruction];

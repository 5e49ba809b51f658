import type { Bilingual } from '../../shared/text.js';
import { getInstrument } from '../corpus/index.js';
import { minimumRetention, type MinimumRetention, type RetentionCategory } from '../parameters/retention.js';
import { findSystem, isTechPreventionSystem, retentionCategory } from '../situation/derive.js';
import type { IsoDate } from './dates.js';
import { decide, defineRule, each } from './rule.js';

/** @see art 23 ¶1: 技防系统使用单位应当采取技术手段，加强对采获信息的管理，保障信息安全。 */
export const informationSecurityMeasures = defineRule<{ infoSecurityMeasures?: boolean }>({
  id: 'art23.p1.information-security-measures',
  citation: { article: 23, paragraph: 1 },
  kind: 'obligation',
  title: { zh: '采取技术手段保障采获信息安全', en: 'Protect captured information by technical means' },
  subjects: (s) => each(s.systems, 'systems', (x) => (isTechPreventionSystem(x) ? { infoSecurityMeasures: x.infoSecurityMeasures } : undefined)),
  evaluate: (f) => {
    if (f.infoSecurityMeasures === true) return decide.compliant('已采取技术手段保障采获信息安全', 'Technical measures protect the captured information');
    if (f.infoSecurityMeasures === false) return decide.violation('使用单位应当采取技术手段，加强对采获信息的管理，保障信息安全', 'The using unit must protect captured information by technical means');
    return decide.obligation('使用单位应当采取技术手段，加强对采获信息的管理，保障信息安全', 'The using unit must protect captured information by technical means');
  },
});

/** `30日（第二十三条第二款；《公共安全视频图像信息系统管理条例》）` */
export function describeMinimum(m: MinimumRetention): Bilingual {
  const names = m.concurring.map((f) => {
    if (f.source.instrument === 'liaoning-2014') return { zh: '本条例第二十三条第二款', en: 'art 23 ¶2 of the regulation' };
    const i = getInstrument(f.source.instrument);
    return i ? i.citedAs : { zh: f.source.instrument, en: f.source.instrument };
  });
  return {
    zh: `${m.days}日（${names.map((n) => n.zh).join('；')}）`,
    en: `${m.days} days (${names.map((n) => n.en).join('; ')})`,
  };
}

interface RetentionFacts extends RetentionCategory {
  retentionDays?: number;
}

/**
 * @see art 23 ¶2: 社会公共区域和技术防范重点单位技防系统的采获信息留存时间不得少于三十日。国家另有规定的，从其规定。
 * The minimum is a dated parameter per category (parameters/retention.ts).
 */
export const minimumRetentionRule = defineRule<RetentionFacts>({
  id: 'art23.p2.minimum-retention',
  citation: { article: 23, paragraph: 2 },
  kind: 'obligation',
  title: { zh: '采获信息留存不少于三十日', en: 'Keep captured information for at least thirty days' },
  interpretations: ['art23.national-rules'],
  subjects: (s) =>
    each(s.systems, 'systems', (x) => (x.scope !== 'other' && isTechPreventionSystem(x) ? { ...retentionCategory(x, s), retentionDays: x.retentionDays } : undefined)),
  evaluate: (f, asOf) => retentionDecision(f, asOf),
});

function retentionDecision(f: RetentionFacts, asOf: IsoDate) {
  const { retentionDays, ...category } = f;
  const m = minimumRetention(category, asOf);
  const interpretations = ['art23.national-rules'];
  if (!m) return decide.notApplicable('第二十三条第二款不为此类系统规定最短留存时间', 'Art 23 ¶2 sets no minimum for this kind of system', { interpretations });
  const min = describeMinimum(m);
  if (retentionDays === undefined) return decide.obligation(`采获信息留存时间不得少于${min.zh}`, `Captured information must be kept for at least ${min.en}`, { interpretations });
  if (retentionDays < m.days) {
    return decide.violation(
      `留存时间${retentionDays}日，少于最短留存时间${min.zh}`,
      `Kept for ${retentionDays} days, less than the minimum of ${min.en}`,
      { interpretations },
    );
  }
  return decide.compliant(`留存时间${retentionDays}日，不少于${min.zh}`, `Kept for ${retentionDays} days, no less than ${min.en}`, { interpretations });
}

interface SealOrEraseFacts {
  action: 'seal' | 'erase';
  recordAgeDays: number;
  policeRequestedExtraction?: boolean;
  /** Absent when the action names a system the situation does not describe. */
  category?: RetentionCategory;
}

/**
 * @see art 23 ¶2: 留存期满，公安机关没有要求提取的，即可以自行封存或者消除。
 * Before the minimum has run, sealing or erasing is refused whatever the reason.
 */
export const sealOrEraseAfterExpiry = defineRule<SealOrEraseFacts>({
  id: 'art23.p2.seal-or-erase-after-expiry',
  citation: { article: 23, paragraph: 2 },
  kind: 'permission',
  title: { zh: '留存期满可以封存或者消除', en: 'Seal or erase once the period has run' },
  interpretations: ['art23.national-rules'],
  subjects: (s) =>
    each(s.retentionActions, 'retentionActions', (r) => {
      const sys = findSystem(s, r.systemRef);
      return {
        action: r.action,
        recordAgeDays: r.recordAgeDays,
        policeRequestedExtraction: r.policeRequestedExtraction,
        ...(sys ? { category: retentionCategory(sys, s) } : {}),
      };
    }),
  evaluate: (f, asOf) => {
    const verb = f.action === 'seal' ? { zh: '封存', en: 'sealing' } : { zh: '消除', en: 'erasing' };
    const interpretations = ['art23.national-rules'];
    if (!f.category) {
      return decide.refused(`未说明所属技防系统，无法确定最短留存时间，不得${verb.zh}`, `The system is not described, so the minimum period cannot be established: ${verb.en} is refused`, { interpretations });
    }
    const m = minimumRetention(f.category, asOf);
    if (!m) return decide.notApplicable('第二十三条第二款不为此类系统规定最短留存时间', 'Art 23 ¶2 sets no minimum for this kind of system', { interpretations });
    const min = describeMinimum(m);
    if (f.recordAgeDays < m.days) {
      return decide.refused(`信息已留存${f.recordAgeDays}日，未满${min.zh}，不得${verb.zh}`, `Kept ${f.recordAgeDays} days, short of ${min.en}: ${verb.en} is refused`, { interpretations });
    }
    if (f.policeRequestedExtraction === true) {
      return decide.refused(`公安机关已要求提取，不得${verb.zh}`, `The police have asked to extract it: ${verb.en} is refused`, { interpretations });
    }
    return decide.allowed(`留存期满（${min.zh}），公安机关没有要求提取，可以${verb.zh}`, `The period (${min.en}) has run and the police have not asked to extract it: ${verb.en} is allowed`, { interpretations });
  },
});

export const ART23_RULES = [informationSecurityMeasures, minimumRetentionRule, sealOrEraseAfterExpiry];

import { isTechPreventionSystem } from '../situation/derive.js';
import { decide, defineRule, each } from './rule.js';

/** @see art 9 ¶1: 除政府组织建设社会公共区域技防系统外，任何单位和个人不得在社会公共区域安装技防系统 */
export const onlyGovernmentInstallsInPublicAreas = defineRule<{ installedBy: string }>({
  id: 'art9.p1.only-government-installs-in-public-areas',
  citation: { article: 9, paragraph: 1 },
  kind: 'prohibition',
  title: { zh: '只有政府可以在社会公共区域安装技防系统', en: 'Only the government installs systems in public areas' },
  sanction: { article: 31, item: 2 },
  subjects: (s) =>
    each(s.systems, 'systems', (x) => (x.scope === 'public_area' && isTechPreventionSystem(x) && x.installedBy !== undefined ? { installedBy: x.installedBy } : undefined)),
  evaluate: (f) =>
    f.installedBy === 'government_department'
      ? decide.compliant('由政府组织建设', 'Built by the government')
      : decide.violation(
          '除政府组织建设外，任何单位和个人不得在社会公共区域安装技防系统；依第三十一条第（二）项责令限期改正，逾期不改正的处罚款',
          'Apart from systems the government builds, no unit or individual may install a system in a public area; under art 31 (2) rectification is ordered, and a fine follows if the time limit is missed',
        ),
});

/**
 * @see art 9 ¶1: …不得妨碍社会公共区域技防系统的正常运行。
 * The same act also breaks art 21 (2); see interpretation art31-34.obstruction-overlap.
 */
export const noObstructionOfPublicAreaSystems = defineRule<{ kind: string; by: string; authorized?: boolean }>({
  id: 'art9.p1.no-obstruction-of-public-area-systems',
  citation: { article: 9, paragraph: 1 },
  kind: 'prohibition',
  title: { zh: '不得妨碍社会公共区域技防系统正常运行', en: 'No obstruction of public-area systems' },
  sanction: { article: 31, item: 3 },
  interpretations: ['art31-34.obstruction-overlap'],
  subjects: (s) =>
    each(s.acts, 'acts', (a) =>
      a.systemScope === 'public_area' && (a.kind === 'obstruct_operation' || a.kind === 'interrupt_operation') ? { kind: a.kind, by: a.by, authorized: a.authorized } : undefined,
    ),
  evaluate: (f) =>
    f.kind === 'interrupt_operation' && f.authorized === true
      ? decide.allowed('经批准中断运行，不属于妨碍正常运行', 'An authorised interruption is not an obstruction')
      : decide.violation(
          '任何单位和个人不得妨碍社会公共区域技防系统的正常运行；依第三十一条第（三）项责令限期改正，同一行为也违反第二十一条第（二）项',
          'No unit or individual may obstruct the normal operation of a public-area system; rectification is ordered under art 31 (3), and the same act also breaks art 21 (2)',
          { interpretations: ['art31-34.obstruction-overlap'] },
        ),
});

/**
 * @see art 9 ¶2: 因市政施工建设等公共利益需要，确需调整社会公共区域技防系统的，建设单位应当事先征求当地市或者县公安机关意见，并在恢复原状或者复建方案协商一致后施工。
 */
export const consultPoliceBeforeAdjusting = defineRule<{ policeConsultedBeforehand?: boolean; restorationPlanAgreed?: boolean; workStarted?: boolean }>({
  id: 'art9.p2.consult-police-before-adjusting',
  citation: { article: 9, paragraph: 2 },
  kind: 'procedure',
  title: { zh: '调整社会公共区域技防系统须事先征求公安机关意见', en: 'Consult the police before adjusting a public-area system' },
  subjects: (s) =>
    each(s.constructionProjects, 'constructionProjects', (p) =>
      p.adjustsPublicAreaSystem ? { policeConsultedBeforehand: p.policeConsultedBeforehand, restorationPlanAgreed: p.restorationPlanAgreed, workStarted: p.workStarted } : undefined,
    ),
  evaluate: (f) => {
    const ready = f.policeConsultedBeforehand === true && f.restorationPlanAgreed === true;
    if (ready) {
      return f.workStarted
        ? decide.compliant('已事先征求公安机关意见，恢复原状或者复建方案协商一致后施工', 'The police were consulted beforehand and the restoration or rebuilding plan was agreed before work began')
        : decide.allowed('已征求意见并就恢复原状或者复建方案协商一致，可以施工', 'The police were consulted and the restoration or rebuilding plan agreed: the works may start');
    }
    const missing = [
      f.policeConsultedBeforehand !== true ? { zh: '事先征求当地市或者县公安机关意见', en: 'consult the city or county police beforehand' } : undefined,
      f.restorationPlanAgreed !== true ? { zh: '就恢复原状或者复建方案协商一致', en: 'agree a restoration or rebuilding plan' } : undefined,
    ].filter((x) => x !== undefined);
    const zh = missing.map((m) => m.zh).join('、');
    const en = missing.map((m) => m.en).join(' and ');
    return f.workStarted
      ? decide.violation(`未${zh}即施工`, `The works started without the duty to ${en}`)
      : decide.refused(`施工前须${zh}，在此之前不得施工`, `Before the works the builder must ${en}; until then the works may not start`);
  },
});

export const ART9_RULES = [onlyGovernmentInstallsInPublicAreas, noObstructionOfPublicAreaSystems, consultPoliceBeforeAdjusting];

import { ORGAN_POWERS, type OrganKind } from '../interpretations/investigating-organs.js';
import type { Access } from '../situation/schema.js';
import { decide, defineRule, each, type Decision, type Rule } from './rule.js';

type Investigation = NonNullable<Access['investigation']>;
const investigations = (s: { accesses?: Access[] }) => (s.accesses ?? []).map((a, i) => ({ a, i })).filter(({ a }) => a.path === 'investigation');

/** The rules of art 24 ¶1 each read one part of an investigation access. */
function onInvestigation<F extends object>(spec: {
  id: string;
  item?: 1 | 2 | 3 | 4;
  title: { zh: string; en: string };
  facts: (a: Access, inv: Investigation) => F;
  evaluate: (f: F) => Decision;
  interpretations?: string[];
}): Rule<F> {
  return defineRule<F>({
    id: spec.id,
    citation: spec.item ? { article: 24, paragraph: 1, item: spec.item } : { article: 24, paragraph: 1 },
    kind: 'procedure',
    title: spec.title,
    ...(spec.interpretations ? { interpretations: spec.interpretations } : {}),
    subjects: (s) => investigations(s).map(({ a, i }) => ({ subject: `accesses[${i}]`, facts: spec.facts(a, a.investigation ?? {}) })),
    evaluate: spec.evaluate,
  });
}

/** @see art 24 ¶1: 具有法定刑事侦查权和依法具有公共突发事件事故调查权的国家机关，其工作人员依法履行职务时可以查看、复制、使用采获信息。 */
export const lawfulOrgan = onInvestigation<{ organKind?: string; action: string }>({
  id: 'art24.p1.lawful-organ',
  title: { zh: '有侦查权或者事故调查权的国家机关', en: 'Organs with investigation powers' },
  interpretations: ['art24.investigating-organs'],
  facts: (a) => ({ organKind: a.organKind, action: a.action }),
  evaluate: (f) => {
    const interpretations = ['art24.investigating-organs'];
    const powers = f.organKind ? ORGAN_POWERS[f.organKind as OrganKind] : undefined;
    if (!powers) return decide.refused('未说明提出查看的国家机关', 'The organ asking is not stated', { interpretations });
    if (!['view', 'copy', 'use'].includes(f.action)) {
      return decide.refused('本款只允许查看、复制、使用采获信息', 'This paragraph allows viewing, copying and using captured information only', { interpretations });
    }
    if (powers.criminalInvestigation || powers.emergencyAccidentInvestigation) {
      return decide.allowed(`${powers.label.zh}依法履行职务时可以查看、复制、使用采获信息`, `A ${powers.label.en} may view, copy and use captured information in the lawful exercise of its duties`, { interpretations });
    }
    return decide.refused(`${powers.label.zh}不具有法定刑事侦查权或者突发事件事故调查权，不能依本款查看、复制、使用`, `A ${powers.label.en} has neither criminal investigation nor emergency investigation power and may not use this paragraph`, { interpretations });
  },
});

/** @see art 24 ¶1 (1): 工作人员不得少于两人； */
export const twoOfficers = onInvestigation<{ officers?: number }>({
  id: 'art24.p1.two-officers',
  item: 1,
  title: { zh: '工作人员不得少于两人', en: 'At least two officers' },
  facts: (_a, inv) => ({ officers: inv.officers }),
  evaluate: (f) =>
    (f.officers ?? 0) >= 2
      ? decide.allowed(`${f.officers}名工作人员，不少于两人`, `${f.officers} officers, at least two`)
      : decide.refused(`工作人员不得少于两人（现为${f.officers ?? 0}人）`, `There must be at least two officers (there are ${f.officers ?? 0})`),
});

/** @see art 24 ¶1 (2): 出示单位证明和工作证件； */
export const credentials = onInvestigation<{ unitCertificateShown?: boolean; workIdsShown?: boolean }>({
  id: 'art24.p1.credentials',
  item: 2,
  title: { zh: '出示单位证明和工作证件', en: 'Show the unit certificate and work IDs' },
  facts: (_a, inv) => ({ unitCertificateShown: inv.unitCertificateShown, workIdsShown: inv.workIdsShown }),
  evaluate: (f) => {
    if (f.unitCertificateShown && f.workIdsShown) return decide.allowed('已出示单位证明和工作证件', 'The unit certificate and work IDs were shown');
    const missing = [!f.unitCertificateShown && { zh: '单位证明', en: 'the unit certificate' }, !f.workIdsShown && { zh: '工作证件', en: 'the work IDs' }].filter((x) => x !== false);
    return decide.refused(`未出示${missing.map((m) => m.zh).join('和')}`, `${missing.map((m) => m.en).join(' and ')} not shown`.replace(/^t/, 'T'));
  },
});

/** @see art 24 ¶1 (3): 履行相关登记手续； */
export const registration = onInvestigation<{ registered?: boolean }>({
  id: 'art24.p1.registration',
  item: 3,
  title: { zh: '履行相关登记手续', en: 'Complete the registration' },
  facts: (_a, inv) => ({ registered: inv.registered }),
  evaluate: (f) => (f.registered ? decide.allowed('已履行登记手续', 'Registered') : decide.refused('未履行相关登记手续', 'The registration has not been completed')),
});

/** @see art 24 ¶1 (4): 获取的信息只限于执行职务需要范围，并承担保密义务。 */
export const scopeLimitedToDuty = onInvestigation<{ withinDutyScope?: boolean; confidentialityAccepted?: boolean }>({
  id: 'art24.p1.scope-limited-to-duty',
  item: 4,
  title: { zh: '只限于执行职务需要范围并保密', en: 'Only what the duty needs, kept confidential' },
  facts: (_a, inv) => ({ withinDutyScope: inv.withinDutyScope, confidentialityAccepted: inv.confidentialityAccepted }),
  evaluate: (f) => {
    if (f.withinDutyScope !== true) return decide.refused('获取的信息超出或者未说明执行职务需要的范围', 'The information asked for goes beyond, or does not state, what the duty needs');
    if (f.confidentialityAccepted === false) return decide.refused('获取信息的工作人员应当承担保密义务', 'The officers must accept the duty of confidentiality');
    return decide.allowed('限于执行职务需要范围；获取人承担保密义务', 'Limited to what the duty needs; the officers are bound to confidentiality');
  },
});

/** @see art 24 ¶2: 为了国家利益、社会公共利益，在紧急情况下，公安机关、国家安全机关可以直接使用相关的技防系统，也可以将该系统接入其指定的技防系统或者其他技术平台。 */
export const emergencyDirectUse = defineRule<{ organKind?: string; emergency?: boolean; nationalOrPublicInterest?: boolean }>({
  id: 'art24.p2.emergency-direct-use',
  citation: { article: 24, paragraph: 2 },
  kind: 'permission',
  title: { zh: '紧急情况下直接使用或者接入', en: 'Direct use or connection in an emergency' },
  interpretations: ['art24.investigating-organs'],
  subjects: (s) =>
    each(s.accesses, 'accesses', (a) =>
      a.path === 'emergency' ? { organKind: a.organKind, emergency: a.emergency?.emergency, nationalOrPublicInterest: a.emergency?.nationalOrPublicInterest } : undefined,
    ),
  evaluate: (f) => {
    const powers = f.organKind ? ORGAN_POWERS[f.organKind as OrganKind] : undefined;
    if (!powers?.emergencyDirectUse) {
      return decide.refused('紧急情况下直接使用或者接入技防系统，只限公安机关、国家安全机关', 'Only public security and state security organs may directly use or connect a system in an emergency');
    }
    if (f.emergency !== true) return decide.refused('未说明存在紧急情况', 'No emergency is shown');
    if (f.nationalOrPublicInterest !== true) return decide.refused('须为了国家利益、社会公共利益', 'It must serve the national or the public interest');
    return decide.allowed(
      `${powers.label.zh}为了国家利益、社会公共利益，在紧急情况下可以直接使用该技防系统，或者将其接入指定的技防系统或者其他技术平台`,
      `In an emergency and for the national or public interest, a ${powers.label.en} may use the system directly or connect it to a designated system or platform`,
    );
  },
});

export const ART24_RULES = [lawfulOrgan, twoOfficers, credentials, registration, scopeLimitedToDuty, emergencyDirectUse];

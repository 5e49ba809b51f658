import type { Access } from '../situation/schema.js';
import { decide, defineRule, type Decision, type Rule } from './rule.js';

type Citizen = NonNullable<Access['citizen']>;
type Evidence = NonNullable<Access['evidence']>;

function onPath<F extends object>(
  path: 'citizen' | 'evidence',
  spec: { id: string; paragraph: 1 | 2; item?: 1 | 2 | 3 | 4; title: { zh: string; en: string }; facts: (a: Access) => F; evaluate: (f: F) => Decision; interpretations?: string[] },
): Rule<F> {
  return defineRule<F>({
    id: spec.id,
    citation: spec.item ? { article: 25, paragraph: spec.paragraph, item: spec.item } : { article: 25, paragraph: spec.paragraph },
    kind: 'procedure',
    title: spec.title,
    ...(spec.interpretations ? { interpretations: spec.interpretations } : {}),
    subjects: (s) =>
      (s.accesses ?? []).flatMap((a, i) => (a.path === path ? [{ subject: `accesses[${i}]`, facts: spec.facts(a) }] : [])),
    evaluate: spec.evaluate,
  });
}

const c = (a: Access): Citizen => a.citizen ?? {};
const e = (a: Access): Evidence => a.evidence ?? {};

/**
 * @see art 25 ¶1: 社会公共区域和技术防范重点单位技防系统使用单位以外的公民、法人和其他组织，因涉及其合法权益事由，可以按照下列规定申请查看…
 */
export const applicantEligible = onPath('citizen', {
  id: 'art25.p1.applicant-eligible',
  paragraph: 1,
  title: { zh: '使用单位以外、因涉及其合法权益申请查看', en: 'Others than the user, for their own lawful rights' },
  facts: (a) => ({ systemScope: a.systemScope, applicantIsSystemUser: c(a).applicantIsSystemUser, concernsOwnRights: c(a).concernsOwnRights }),
  evaluate: (f) => {
    if (f.systemScope === 'other') return decide.refused('本款只适用于社会公共区域和技术防范重点单位的采获信息', 'This paragraph covers captured information of public-area and key-unit systems only');
    if (f.applicantIsSystemUser === true) return decide.refused('申请人是使用单位本身，不适用本款', 'The applicant is the using unit itself; this paragraph is for others');
    if (f.concernsOwnRights !== true) return decide.refused('须因涉及申请人合法权益的事由申请查看', 'The application must concern the applicant’s own lawful rights');
    return decide.allowed('申请人可以依本款申请查看', 'The applicant may apply to view under this paragraph');
  },
});

/** @see art 25 ¶1: …可以按照下列规定申请查看… ; copies as evidence go through ¶2. */
export const viewingOnly = onPath('citizen', {
  id: 'art25.p1.viewing-only',
  paragraph: 1,
  title: { zh: '本款只允许查看', en: 'Viewing only' },
  facts: (a) => ({ action: a.action }),
  evaluate: (f) =>
    f.action === 'view'
      ? decide.allowed('申请查看', 'An application to view')
      : decide.refused('本款只允许查看；需要调取作为证据的，依第二十五条第二款向公安机关提出书面申请', 'This paragraph allows viewing only; to retrieve information as evidence, apply in writing to the police under art 25 ¶2'),
});

/** @see art 25 ¶1: …但涉及国家秘密、国家安全和他人隐私的除外 */
export const excludedContent = onPath('citizen', {
  id: 'art25.p1.excluded-content',
  paragraph: 1,
  title: { zh: '涉及国家秘密、国家安全和他人隐私的除外', en: 'Except state secrets, national security and the privacy of others' },
  interpretations: ['art25.others-privacy'],
  facts: (a) => ({ stateSecret: a.content?.stateSecret, nationalSecurity: a.content?.nationalSecurity, othersPrivacy: a.content?.othersPrivacy }),
  evaluate: (f) => {
    const interpretations = ['art25.others-privacy'];
    if (f.stateSecret) return decide.refused('涉及国家秘密，不予查看', 'It involves state secrets: viewing is refused', { interpretations });
    if (f.nationalSecurity) return decide.refused('涉及国家安全，不予查看', 'It involves national security: viewing is refused', { interpretations });
    if (f.othersPrivacy) return decide.refused('涉及他人隐私，不予查看', 'It involves the privacy of others: viewing is refused', { interpretations });
    return decide.allowed('不涉及国家秘密、国家安全和他人隐私', 'No state secrets, national security or privacy of others are involved', { interpretations });
  },
});

/** @see art 25 ¶1 (1): 到当地公安派出所登记，说明查看理由并提供居民身份证； */
export const registerAtStation = onPath('citizen', {
  id: 'art25.p1.register-at-station',
  paragraph: 1,
  item: 1,
  title: { zh: '到派出所登记、说明理由、提供身份证', en: 'Register at the police station with reason and ID' },
  facts: (a) => ({ registeredAtStation: c(a).registeredAtStation, reasonStated: c(a).reasonStated, residentIdProvided: c(a).residentIdProvided }),
  evaluate: (f) => {
    const missing = [
      f.registeredAtStation !== true && { zh: '到当地公安派出所登记', en: 'registration at the local police station' },
      f.reasonStated !== true && { zh: '说明查看理由', en: 'a stated reason' },
      f.residentIdProvided !== true && { zh: '提供居民身份证', en: 'the resident ID card' },
    ].filter((x) => x !== false);
    return missing.length
      ? decide.refused(`缺少：${missing.map((m) => m.zh).join('、')}`, `Missing: ${missing.map((m) => m.en).join(', ')}`)
      : decide.allowed('已在派出所登记，说明理由并提供居民身份证', 'Registered at the station with a reason and the resident ID card');
  },
});

/** @see art 25 ¶1 (2): 经公安派出所同意，由公安民警现场陪同或者持公安派出所出具的查看采获信息文书进行查看； */
export const stationApproval = onPath('citizen', {
  id: 'art25.p1.station-approval',
  paragraph: 1,
  item: 2,
  title: { zh: '经派出所同意，民警陪同或者持文书查看', en: 'Station approval; an officer or a viewing document' },
  facts: (a) => ({ stationApproved: c(a).stationApproved, accompaniedOrDocument: c(a).accompaniedOrDocument }),
  evaluate: (f) => {
    if (f.stationApproved !== true) return decide.refused('未经公安派出所同意', 'The police station has not approved');
    if (f.accompaniedOrDocument !== true) return decide.refused('须由公安民警现场陪同，或者持派出所出具的查看采获信息文书', 'An officer must accompany the applicant, or the applicant must hold the station’s viewing document');
    return decide.allowed('经派出所同意，由民警陪同或者持文书查看', 'Approved by the station, with an officer present or a viewing document');
  },
});

/** @see art 25 ¶1 (3): 到采获单位履行相关登记手续； */
export const registerAtCapturingUnit = onPath('citizen', {
  id: 'art25.p1.register-at-capturing-unit',
  paragraph: 1,
  item: 3,
  title: { zh: '到采获单位登记', en: 'Register with the capturing unit' },
  facts: (a) => ({ registeredAtCapturingUnit: c(a).registeredAtCapturingUnit }),
  evaluate: (f) => (f.registeredAtCapturingUnit === true ? decide.allowed('已在采获单位登记', 'Registered with the capturing unit') : decide.refused('未到采获单位履行登记手续', 'Not registered with the capturing unit')),
});

/** @see art 25 ¶1 (4): 查看的信息只限于涉及其合法权益的内容。 */
export const onlyOwnContent = onPath('citizen', {
  id: 'art25.p1.only-own-content',
  paragraph: 1,
  item: 4,
  title: { zh: '只限于涉及其合法权益的内容', en: "Only content concerning the applicant's rights" },
  interpretations: ['art25.others-privacy'],
  facts: (a) => ({ contentOnlyOwn: c(a).contentOnlyOwn }),
  evaluate: (f) =>
    f.contentOnlyOwn === true
      ? decide.allowed('查看的信息限于涉及申请人合法权益的内容', 'Viewing is limited to content concerning the applicant’s rights')
      : decide.refused('查看的信息只限于涉及申请人合法权益的内容', 'Viewing must be limited to content concerning the applicant’s rights'),
});

/** @see art 25 ¶2: 需要调取作为行政、民事、刑事案件证据的采获信息的，由负有举证责任一方向公安机关提出书面申请，并出具有效证明… */
export const evidenceWrittenApplication = onPath('evidence', {
  id: 'art25.p2.written-application',
  paragraph: 2,
  title: { zh: '负有举证责任一方提出书面申请并出具有效证明', en: 'Written application with proof by the party bearing the burden of proof' },
  facts: (a) => ({ caseKind: e(a).caseKind, burdenOfProofParty: e(a).burdenOfProofParty, writtenApplication: e(a).writtenApplication, validProof: e(a).validProof }),
  evaluate: (f) => {
    const missing = [
      f.caseKind === undefined && { zh: '说明所涉行政、民事或者刑事案件', en: 'the administrative, civil or criminal case concerned' },
      f.burdenOfProofParty !== true && { zh: '由负有举证责任一方申请', en: 'an application by the party bearing the burden of proof' },
      f.writtenApplication !== true && { zh: '向公安机关提出书面申请', en: 'a written application to the police' },
      f.validProof !== true && { zh: '出具有效证明', en: 'valid proof' },
    ].filter((x) => x !== false);
    return missing.length
      ? decide.refused(`缺少：${missing.map((m) => m.zh).join('、')}`, `Missing: ${missing.map((m) => m.en).join(', ')}`)
      : decide.allowed('负有举证责任一方已提出书面申请并出具有效证明', 'The party bearing the burden of proof applied in writing with valid proof');
  },
});

/** @see art 25 ¶2: …经公安机关备案并出具手续后，持相关手续进行调取。 */
export const evidencePoliceProcedure = onPath('evidence', {
  id: 'art25.p2.police-filing-and-procedure',
  paragraph: 2,
  title: { zh: '经公安机关备案并出具手续后调取', en: 'Retrieval with the papers the police issue after recording it' },
  facts: (a) => ({ action: a.action, policeFiled: e(a).policeFiled, policeProcedureIssued: e(a).policeProcedureIssued }),
  evaluate: (f) => {
    if (f.policeFiled !== true) return decide.refused('申请尚未经公安机关备案', 'The police have not recorded the application');
    if (f.policeProcedureIssued !== true) return decide.refused('公安机关尚未出具调取手续', 'The police have not issued the retrieval papers');
    return decide.allowed('经公安机关备案并出具手续，可以持手续调取', 'Recorded by the police with papers issued: the information may be retrieved on those papers');
  },
});

export const ART25_RULES = [
  applicantEligible,
  viewingOnly,
  excludedContent,
  registerAtStation,
  stationApproval,
  registerAtCapturingUnit,
  onlyOwnContent,
  evidenceWrittenApplication,
  evidencePoliceProcedure,
];

import { describe, expect, it } from 'vitest';
import { assess, assessAccess } from '../situation/assess.js';
import type { Access } from '../situation/schema.js';
import { noOtherUnlawfulUse, noPrivacyInfringement, noTradeOrUnlawfulUse, noUnauthorizedCopyOrDeletion } from './art22.js';
import { informationSecurityMeasures, minimumRetentionRule, sealOrEraseAfterExpiry } from './art23.js';
import { credentials, emergencyDirectUse, lawfulOrgan, registration, scopeLimitedToDuty, twoOfficers } from './art24.js';
import type { Rule } from './rule.js';

const ON = '2026-01-01';
const outcome = <F extends object>(r: Rule<F>, facts: F, asOf = ON) => r.evaluate(facts, asOf).outcome;

describe('art 22: 任何单位和个人不得有下列行为', () => {
  it.each([
    [noTradeOrUnlawfulUse, 'trade_info', undefined, 'violation', '（一）买卖…采获信息'],
    [noTradeOrUnlawfulUse, 'unlawful_dissemination_info', true, 'violation', '（一）违法…传播: unlawful whatever the authorisation'],
    [noPrivacyInfringement, 'infringe_privacy_with_info', undefined, 'violation', '（二）利用采获信息侵犯他人隐私权'],
    [noUnauthorizedCopyOrDeletion, 'copy_info', false, 'violation', '（三）擅自…复制'],
    [noUnauthorizedCopyOrDeletion, 'copy_info', true, 'allowed', '（三）an authorised copy'],
    [noUnauthorizedCopyOrDeletion, 'destroy_info', undefined, 'violation', '（三）…毁弃'],
    [noOtherUnlawfulUse, 'other_unlawful_use_info', undefined, 'violation', '（四）违法使用采获信息的其他行为'],
  ] as const)('%#: %s authorized=%s → %s (%s)', (rule, kind, authorized, expected, _sentence) => {
    expect(outcome(rule, { kind, by: 'unit', authorized })).toBe(expected);
  });
  it('items 1, 3, 4 lead to art 35; item 2 to no penalty of this regulation', () => {
    expect([noTradeOrUnlawfulUse, noPrivacyInfringement, noUnauthorizedCopyOrDeletion, noOtherUnlawfulUse].map((r) => r.sanction?.article)).toEqual([35, undefined, 35, 35]);
  });
});

describe('art 23', () => {
  it('¶1 “应当采取技术手段…保障信息安全”', () => {
    expect([true, false, undefined].map((infoSecurityMeasures) => outcome(informationSecurityMeasures, { infoSecurityMeasures }))).toEqual(['compliant', 'violation', 'obligation']);
  });
  it.each([
    [29, 'violation'],
    [30, 'compliant'],
    [90, 'compliant'],
    [undefined, 'obligation'],
  ] as const)('¶2 “留存时间不得少于三十日”: %s days → %s', (retentionDays, expected) => {
    expect(outcome(minimumRetentionRule, { scope: 'public_area', captures: ['video'], retentionDays })).toBe(expected);
  });
  it('¶2 on both sides of 2015-02-01', () => {
    expect(outcome(minimumRetentionRule, { scope: 'key_unit', retentionDays: 7 }, '2015-01-31')).toBe('not_applicable');
    expect(outcome(minimumRetentionRule, { scope: 'key_unit', retentionDays: 7 }, '2015-02-01')).toBe('violation');
  });
  it('¶2 “国家另有规定的，从其规定”: from 2025-04-01 the message also names State Council Decree No. 799', () => {
    const before = minimumRetentionRule.evaluate({ scope: 'public_area', captures: ['video'], retentionDays: 30 }, '2025-03-31');
    const after = minimumRetentionRule.evaluate({ scope: 'public_area', captures: ['video'], retentionDays: 30 }, '2025-04-01');
    expect(before.message.en).not.toContain('Decree No. 799');
    expect(after.message.en).toContain('State Council Decree No. 799');
    expect(after.message.zh).toContain('《公共安全视频图像信息系统管理条例》');
    expect(after.interpretations).toEqual(['art23.national-rules']);
  });
  it.each([
    [29, undefined, 'refused'],
    [30, undefined, 'allowed'],
    [45, true, 'refused'],
    [45, false, 'allowed'],
  ] as const)('¶2 “留存期满，公安机关没有要求提取的，即可以自行封存或者消除”: age %d, police asked=%s → %s', (recordAgeDays, policeRequestedExtraction, expected) => {
    expect(outcome(sealOrEraseAfterExpiry, { action: 'erase', recordAgeDays, policeRequestedExtraction, category: { scope: 'key_unit', art10Item: 7 } })).toBe(expected);
  });
  it('¶2: erasure on a system the situation does not describe is refused', () => {
    expect(outcome(sealOrEraseAfterExpiry, { action: 'erase', recordAgeDays: 400 })).toBe('refused');
  });
});

const investigation = (over: Partial<Access> = {}, inv: Access['investigation'] = {}): Access => ({
  id: 'a',
  path: 'investigation',
  action: 'copy',
  systemScope: 'public_area',
  organKind: 'public_security',
  ...over,
  investigation: { officers: 2, unitCertificateShown: true, workIdsShown: true, registered: true, withinDutyScope: true, ...inv },
});

describe('art 24 ¶1: 查看、复制、使用采获信息时应当遵守下列规定', () => {
  it('all four items met by a public security organ → allowed', () => {
    expect(assessAccess(investigation(), ON).outcome).toBe('allowed');
  });
  it.each([
    [twoOfficers, { officers: 1 }, '（一）工作人员不得少于两人'],
    [credentials, { workIdsShown: false }, '（二）出示单位证明和工作证件'],
    [credentials, { unitCertificateShown: undefined }, '（二）出示单位证明'],
    [registration, { registered: false }, '（三）履行相关登记手续'],
    [scopeLimitedToDuty, { withinDutyScope: false }, '（四）获取的信息只限于执行职务需要范围'],
    [scopeLimitedToDuty, { confidentialityAccepted: false }, '（四）并承担保密义务'],
  ] as const)('%#: a breach of %s refuses the access (%s)', (rule, inv, _sentence) => {
    const r = assessAccess(investigation({}, inv), ON);
    expect(r.outcome).toBe('refused');
    expect(r.findings.find((f) => f.ruleId === rule.id)?.outcome).toBe('refused');
  });
  it.each([
    ['public_security', 'allowed'],
    ['state_security', 'allowed'],
    ['procuratorate', 'allowed'],
    ['accident_investigation', 'allowed'],
    ['supervisory_commission', 'refused'],
    ['court', 'refused'],
    ['other', 'refused'],
    [undefined, 'refused'],
  ] as const)('“具有法定刑事侦查权和依法具有公共突发事件事故调查权的国家机关”: %s → %s', (organKind, expected) => {
    expect(outcome(lawfulOrgan, { organKind, action: 'view' })).toBe(expected);
  });
});

describe('art 24 ¶2: 在紧急情况下，公安机关、国家安全机关可以直接使用相关的技防系统', () => {
  it.each([
    ['public_security', true, true, 'allowed'],
    ['state_security', true, true, 'allowed'],
    ['procuratorate', true, true, 'refused'],
    ['public_security', false, true, 'refused'],
    ['public_security', true, false, 'refused'],
  ] as const)('%s, emergency=%s, public interest=%s → %s', (organKind, emergency, nationalOrPublicInterest, expected) => {
    expect(outcome(emergencyDirectUse, { organKind, emergency, nationalOrPublicInterest })).toBe(expected);
  });
});

const citizen = (over: Partial<NonNullable<Access['citizen']>> = {}, rest: Partial<Access> = {}): Access => ({
  id: 'c',
  path: 'citizen',
  action: 'view',
  systemScope: 'public_area',
  citizen: {
    applicantIsSystemUser: false,
    concernsOwnRights: true,
    registeredAtStation: true,
    reasonStated: true,
    residentIdProvided: true,
    stationApproved: true,
    accompaniedOrDocument: true,
    registeredAtCapturingUnit: true,
    contentOnlyOwn: true,
    ...over,
  },
  ...rest,
});

describe('art 25 ¶1: 因涉及其合法权益事由，可以按照下列规定申请查看', () => {
  it('the whole path met → allowed', () => {
    expect(assessAccess(citizen(), ON).outcome).toBe('allowed');
  });
  it.each([
    ['art25.p1.register-at-station', { residentIdProvided: false }, '（一）…提供居民身份证'],
    ['art25.p1.register-at-station', { reasonStated: undefined }, '（一）说明查看理由'],
    ['art25.p1.station-approval', { stationApproved: false }, '（二）经公安派出所同意'],
    ['art25.p1.station-approval', { accompaniedOrDocument: false }, '（二）由公安民警现场陪同或者持…文书'],
    ['art25.p1.register-at-capturing-unit', { registeredAtCapturingUnit: false }, '（三）到采获单位履行相关登记手续'],
    ['art25.p1.only-own-content', { contentOnlyOwn: false }, '（四）查看的信息只限于涉及其合法权益的内容'],
    ['art25.p1.applicant-eligible', { concernsOwnRights: false }, '因涉及其合法权益事由'],
    ['art25.p1.applicant-eligible', { applicantIsSystemUser: true }, '使用单位以外的公民、法人和其他组织'],
  ] as const)('%s refuses when %o (%s)', (ruleId, over, _sentence) => {
    const r = assessAccess(citizen(over), ON);
    expect(r.outcome).toBe('refused');
    expect(r.findings.find((f) => f.ruleId === ruleId)?.outcome).toBe('refused');
  });
  it.each(['stateSecret', 'nationalSecurity', 'othersPrivacy'] as const)('“但涉及国家秘密、国家安全和他人隐私的除外”: %s → refused', (k) => {
    const r = assessAccess(citizen({}, { content: { [k]: true } }), ON);
    expect(r.findings.find((f) => f.ruleId === 'art25.p1.excluded-content')?.outcome).toBe('refused');
    expect(r.outcome).toBe('refused');
  });
  it('viewing only: a copy under ¶1 is refused', () => {
    expect(assessAccess(citizen({}, { action: 'copy' }), ON).findings.find((f) => f.ruleId === 'art25.p1.viewing-only')?.outcome).toBe('refused');
  });
  it('only for public-area and key-unit systems', () => {
    expect(assessAccess(citizen({}, { systemScope: 'other' }), ON).outcome).toBe('refused');
  });
});

describe('art 25 ¶2: 由负有举证责任一方向公安机关提出书面申请，并出具有效证明，经公安机关备案并出具手续后，持相关手续进行调取', () => {
  const evidence = (e: NonNullable<Access['evidence']>): Access => ({ id: 'e', path: 'evidence', action: 'retrieve', systemScope: 'key_unit', evidence: e });
  const full = { caseKind: 'civil', burdenOfProofParty: true, writtenApplication: true, validProof: true, policeFiled: true, policeProcedureIssued: true } as const;
  it('complete → allowed', () => {
    expect(assessAccess(evidence(full), ON).outcome).toBe('allowed');
  });
  it.each([
    [{ writtenApplication: false }, 'art25.p2.written-application'],
    [{ burdenOfProofParty: false }, 'art25.p2.written-application'],
    [{ validProof: false }, 'art25.p2.written-application'],
    [{ policeFiled: false }, 'art25.p2.police-filing-and-procedure'],
    [{ policeProcedureIssued: false }, 'art25.p2.police-filing-and-procedure'],
  ] as const)('%o → refused by %s', (over, ruleId) => {
    const r = assessAccess(evidence({ ...full, ...over }), ON);
    expect(r.outcome).toBe('refused');
    expect(r.findings.find((f) => f.ruleId === ruleId)?.outcome).toBe('refused');
  });
});

describe('access on either side of 2015-02-01', () => {
  it('before the regulation no path exists, so every access is refused', () => {
    expect(assessAccess(investigation(), '2015-01-31').outcome).toBe('refused');
    expect(assessAccess(investigation(), '2015-02-01').outcome).toBe('allowed');
  });
  it('assess lists every rule on the path', () => {
    expect(assess({ accesses: [investigation()] }, ON).map((f) => f.ruleId)).toEqual([
      'art24.p1.lawful-organ',
      'art24.p1.two-officers',
      'art24.p1.credentials',
      'art24.p1.registration',
      'art24.p1.scope-limited-to-duty',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { productDefinition, systemDefinition } from './art03.js';
import { noInfringementViaSystem } from './art04.js';
import { governmentOrganizesPublicAreaSystems, requiredPublicAreaCoverage } from './art08.js';
import { consultPoliceBeforeAdjusting, noObstructionOfPublicAreaSystems, onlyGovernmentInstallsInPublicAreas } from './art09.js';
import { keyUnitMustInstall, keyUnitStatusRule } from './art10.js';
import { designatedOperator, dutyRosterAndEmergencyPlan, informationRules, maintenanceRules } from './art11.js';
import { buildWithProject, designReviewBeforeConstruction } from './art12.js';
import { standardsConformity } from './art13.js';
import { noCaptureInPrivatePlaces } from './art14.js';
import { signageWhereVideoCaptured } from './art15.js';
import { businessLicence, fileWithCityPolice, safetyManagementRules } from './art16.js';
import { outOfProvinceFilesWithProvince } from './art17.js';
import { publishFiledProviders } from './art18.js';
import { secretSystemsByQualifiedUnits } from './art19.js';
import { clientConfidentiality, lawfulWorkAndArchives, staffTraining, standardsAndQuality } from './art20.js';
import { noChangeOfPurposeOrScope, noDamageOrUnauthorizedRemoval, noObstructionOrInterruption, noOtherSabotage, noTamperingWithProgramsOrRecords } from './art21.js';
import type { Rule } from './rule.js';

const ON = '2026-01-01';
const outcome = <F extends object>(r: Rule<F>, facts: F, asOf = ON) => r.evaluate(facts, asOf).outcome;

describe('art 3: definitions', () => {
  it.each([
    [['video_audio_surveillance'], 'compliant'],
    [['intrusion_alarm', 'access_control'], 'compliant'],
    [['other'], 'not_applicable'],
    [[], 'not_applicable'],
  ] as const)('¶3 “入侵报警系统、视频和音频监控系统…等”: subsystems %j → %s', (subsystems, expected) => {
    expect(outcome(systemDefinition, { subsystems: [...subsystems] })).toBe(expected);
  });
  it('¶2 “列入国家《安全技术防范产品目录》的专用产品”', () => {
    expect(outcome(productDefinition, { inNationalCatalogue: true })).toBe('compliant');
    expect(outcome(productDefinition, { inNationalCatalogue: false })).toBe('not_applicable');
  });
});

describe('art 4 ¶2: 任何单位和个人不得利用技防系统侵犯公民、法人和其他组织的合法权益', () => {
  it('an infringement is a violation', () => {
    expect(outcome(noInfringementViaSystem, { kind: 'infringe_rights_with_system', by: 'unit' })).toBe('violation');
  });
});

describe('art 8', () => {
  it.each([
    [true, 'compliant'],
    [false, 'violation'],
    [undefined, 'obligation'],
  ] as const)('¶1 “并提供建设、运行、维护的资金”: government funding %s → %s', (fundedByGovernment, expected) => {
    expect(outcome(governmentOrganizesPublicAreaSystems, { installedBy: 'government_department', fundedByGovernment })).toBe(expected);
  });
  it.each([
    ['square', false, 'violation'],
    ['intersection', false, 'violation'],
    ['large_bridge', true, 'compliant'],
    ['other', false, 'not_applicable'],
  ] as const)('¶2 “广场、公园、主要道路…应当安装技防系统”: %s covered=%s → %s', (kind, covered, expected) => {
    const f = requiredPublicAreaCoverage.evaluate({ kind, covered }, ON);
    expect(f.outcome).toBe(expected);
    expect(f.interpretations).toEqual(['art8.public-area-kinds']);
  });
});

describe('art 9', () => {
  it.each([
    ['government_department', 'compliant'],
    ['unit', 'violation'],
    ['individual', 'violation'],
  ] as const)('¶1 “除政府组织建设…外，任何单位和个人不得在社会公共区域安装技防系统”: %s → %s', (installedBy, expected) => {
    expect(outcome(onlyGovernmentInstallsInPublicAreas, { installedBy })).toBe(expected);
  });
  it('¶1 “不得妨碍社会公共区域技防系统的正常运行”, unless an interruption is authorised', () => {
    expect(outcome(noObstructionOfPublicAreaSystems, { kind: 'obstruct_operation', by: 'unit' })).toBe('violation');
    expect(outcome(noObstructionOfPublicAreaSystems, { kind: 'interrupt_operation', by: 'unit', authorized: true })).toBe('allowed');
  });
  it.each([
    [true, true, false, 'allowed'],
    [true, true, true, 'compliant'],
    [true, false, false, 'refused'],
    [false, false, true, 'violation'],
  ] as const)('¶2 “事先征求…公安机关意见，并在…方案协商一致后施工”: consulted=%s agreed=%s started=%s → %s', (policeConsultedBeforehand, restorationPlanAgreed, workStarted, expected) => {
    expect(outcome(consultPoliceBeforeAdjusting, { policeConsultedBeforehand, restorationPlanAgreed, workStarted })).toBe(expected);
  });
});

describe('art 10', () => {
  it.each([
    ['primary_school', false, undefined, undefined, 'violation', 7],
    ['bank_branch', true, undefined, undefined, 'compliant', 3],
    ['gas_station', false, undefined, undefined, 'violation', 4],
    ['hospital', false, undefined, undefined, 'violation', 7],
    ['hotel', false, undefined, undefined, 'violation', 7],
    ['residential_community_new', false, undefined, undefined, 'violation', 11],
    ['research_site', false, true, undefined, 'not_applicable', 5],
    ['residential_community_existing', false, undefined, false, 'not_applicable', 11],
    ['residential_community_existing', false, undefined, undefined, 'obligation', 11],
    ['residential_community_existing', false, undefined, true, 'violation', 11],
    ['other', false, undefined, undefined, 'not_applicable', undefined],
  ] as const)('¶1 “下列场所和部位应当安装技防系统”: %s installed=%s secret=%s feasible=%s → %s (item %s)', (unitType, systemInstalled, secretSite, installationFeasible, expected, item) => {
    const f = keyUnitMustInstall.evaluate({ unitType, systemInstalled, secretSite, installationFeasible }, ON);
    expect(f.outcome).toBe(expected);
    expect(f.citation.item).toBe(item);
  });
  it('¶2 “具有前款规定场所和部位的单位属于技术防范重点单位”', () => {
    expect(outcome(keyUnitStatusRule, { unitType: 'kindergarten' })).toBe('compliant');
    expect(outcome(keyUnitStatusRule, { unitType: 'other' })).toBe('not_applicable');
  });
});

describe('art 11: 应当安装技防系统的单位应当履行下列义务', () => {
  it.each([
    [maintenanceRules, 1, '（一）制定技防系统使用、保养、维护和更新制度'],
    [designatedOperator, 2, '（二）指定专人负责…并对其进行相应业务培训'],
    [informationRules, 3, '（三）建立…采获信息的查询、调取、登记和保密制度'],
    [dutyRosterAndEmergencyPlan, 4, '（四）建立相应的值班制度和应急处置预案'],
  ] as const)('item %#: %s', (rule, item, _sentence) => {
    expect([true, false, undefined].map((met) => outcome(rule, { met }))).toEqual(['compliant', 'violation', 'obligation']);
    expect(rule.citation).toEqual({ article: 11, paragraph: 1, item });
    expect(rule.sanction).toEqual({ article: 32, item });
  });
});

describe('art 12', () => {
  it('¶1 “同步设计、同步施工、同步验收，并在…验收结论中说明”', () => {
    const all = { kind: 'new', designedTogether: true, builtTogether: true, acceptedTogether: true, acceptanceConclusionCoversSystem: true };
    expect(outcome(buildWithProject, all)).toBe('compliant');
    expect(outcome(buildWithProject, { ...all, acceptanceConclusionCoversSystem: false })).toBe('violation');
    expect(outcome(buildWithProject, { kind: 'expansion' })).toBe('obligation');
  });
  it.each([
    ['passed', 'qualified_agency', false, undefined, 'allowed'],
    ['passed', 'construction_unit_panel', true, true, 'compliant'],
    ['passed', undefined, true, false, 'violation'],
    ['not_done', undefined, false, undefined, 'refused'],
    ['not_done', undefined, true, undefined, 'violation'],
    ['failed', undefined, true, undefined, 'violation'],
    ['passed', 'other', true, undefined, 'violation'],
  ] as const)('¶2 “论证通过后进行施工图设计和施工”: %s by %s, started=%s, as reviewed=%s → %s', (status, reviewer, constructionStarted, builtAsReviewed, expected) => {
    expect(outcome(designReviewBeforeConstruction, { status, reviewer, constructionStarted, builtAsReviewed })).toBe(expected);
  });
});

describe('art 13: 设计、安装、验收应当符合国家标准、行业标准或者地方标准', () => {
  it('tri-state', () => {
    expect([true, false, undefined].map((conformsToStandards) => outcome(standardsConformity, { conformsToStandards }))).toEqual(['compliant', 'violation', 'obligation']);
  });
});

describe('art 14: 禁止在宾馆客房、集体宿舍的寝室、公共浴室、更衣室、卫生间以及针对居民住宅窗口、门口等…安装、使用具有视（音）频采集功能的技防系统', () => {
  it.each(['hotel_room', 'dormitory_bedroom', 'public_bath', 'changing_room', 'toilet', 'residential_window_or_door', 'other_private_place'])('%s with video or audio → violation', (placeKind) => {
    expect(outcome(noCaptureInPrivatePlaces, { captures: ['video'], placeKind })).toBe('violation');
    expect(outcome(noCaptureInPrivatePlaces, { captures: ['audio'], placeKind })).toBe('violation');
  });
  it('a capturing device elsewhere is compliant; a device that captures nothing is not reached', () => {
    expect(outcome(noCaptureInPrivatePlaces, { captures: ['video'], placeKind: 'entrance_exit' })).toBe('compliant');
    expect(outcome(noCaptureInPrivatePlaces, { captures: [], placeKind: 'toilet' })).toBe('not_applicable');
  });
});

describe('art 15: 应当设置明显提示性的标识。标识的样式由省公安机关统一制定', () => {
  it.each([
    [true, true, 'compliant'],
    [true, undefined, 'compliant'],
    [true, false, 'violation'],
    [false, undefined, 'violation'],
    [undefined, undefined, 'obligation'],
  ] as const)('signage=%s provincial style=%s → %s', (signagePresent, signageProvincialStyle, expected) => {
    expect(outcome(signageWhereVideoCaptured, { signagePresent, signageProvincialStyle })).toBe(expected);
  });
});

describe('art 16-18: filing', () => {
  const complete: number[] = [];
  it('16 ¶1 (1)-(4) “应当具备下列条件”: a missing condition refuses an application, and is a violation otherwise', () => {
    expect(outcome(businessLicence, { met: true })).toBe('compliant');
    expect(outcome(safetyManagementRules, { met: false, filingStatus: 'applying' })).toBe('refused');
    expect(outcome(safetyManagementRules, { met: false, filingStatus: 'filed' })).toBe('violation');
  });
  it.each([
    ['applying', 'city_police_of_business_place', complete, 'allowed'],
    ['applying', 'city_police_of_business_place', [2, 4], 'refused'],
    ['applying', 'provincial_police', complete, 'refused'],
    ['filed', 'city_police_of_business_place', complete, 'compliant'],
    ['filed', 'other_city_police', complete, 'violation'],
    ['not_filed', undefined, complete, 'obligation'],
  ] as const)('16 ¶1 “到经营场所所在地的市公安机关备案”: %s with %s, missing %j → %s', (status, organ, missing, expected) => {
    expect(outcome(fileWithCityPolice, { kind: 'unit', status, organ, missing: [...missing] })).toBe(expected);
  });
  it('16: an individual from the province has no filing path (GAP)', () => {
    expect(outcome(fileWithCityPolice, { kind: 'individual', status: 'not_filed', missing: [] })).toBe('not_applicable');
  });
  it('16: the refusal names the missing items', () => {
    const f = fileWithCityPolice.evaluate({ kind: 'unit', status: 'applying', organ: 'city_police_of_business_place', missing: [2, 4] }, ON);
    expect(f.message.zh).toContain('第十六条第（二）、（四）项');
  });
  it.each([
    ['filed', 'provincial_police', 'compliant'],
    ['filed', 'city_police_of_business_place', 'violation'],
    ['applying', 'provincial_police', 'allowed'],
  ] as const)('17 “外省单位和个人，应当…到省公安机关备案”: %s with %s → %s', (status, organ, expected) => {
    expect(outcome(outOfProvinceFilesWithProvince, { status, organ, missing: [] })).toBe(expected);
  });
  it('18 “应当及时将备案单位名录向社会公布”', () => {
    expect(outcome(publishFiledProviders, { published: true })).toBe('compliant');
    expect(outcome(publishFiledProviders, { published: false })).toBe('obligation');
  });
});

describe('art 19: 涉及国家秘密、国家安全技防系统的安装和报警运营服务…应当由符合国家规定的单位承担', () => {
  it('tri-state', () => {
    expect([true, false, undefined].map((installerMeetsNationalRequirements) => outcome(secretSystemsByQualifiedUnits, { installerMeetsNationalRequirements }))).toEqual([
      'compliant',
      'violation',
      'obligation',
    ]);
  });
});

describe('art 20: 从事技防系统设计、安装、维护和报警运营服务的单位应当履行下列义务', () => {
  it.each([
    [staffTraining, 1],
    [lawfulWorkAndArchives, 2],
    [clientConfidentiality, 3],
    [standardsAndQuality, 4],
  ] as const)('item %#', (rule, item) => {
    expect([true, false, undefined].map((met) => outcome(rule, { met }))).toEqual(['compliant', 'violation', 'obligation']);
    expect(rule.citation.item).toBe(item);
  });
});

describe('art 21: 对社会公共区域和技术防范重点单位的技防系统，任何单位和个人不得有下列行为', () => {
  it.each([
    [noDamageOrUnauthorizedRemoval, 'damage_system', true, 'violation', '（一）损坏…'],
    [noDamageOrUnauthorizedRemoval, 'remove_system', false, 'violation', '（一）…擅自拆除'],
    [noDamageOrUnauthorizedRemoval, 'remove_system', true, 'allowed', '（一）authorised removal'],
    [noObstructionOrInterruption, 'obstruct_operation', true, 'violation', '（二）妨碍…'],
    [noObstructionOrInterruption, 'interrupt_operation', true, 'allowed', '（二）authorised interruption'],
    [noChangeOfPurposeOrScope, 'change_purpose_or_scope', false, 'violation', '（三）擅自改变…'],
    [noTamperingWithProgramsOrRecords, 'tamper_program_or_records', true, 'violation', '（四）删改或者破坏…'],
    [noOtherSabotage, 'other_sabotage', undefined, 'violation', '（五）其他行为'],
  ] as const)('%#: %s authorized=%s → %s (%s)', (rule, kind, authorized, expected, _sentence) => {
    expect(outcome(rule, { kind, by: 'unit', systemScope: 'key_unit', authorized })).toBe(expected);
  });
  it('protects public-area and key-unit systems only', () => {
    expect(outcome(noDamageOrUnauthorizedRemoval, { kind: 'damage_system', by: 'individual', systemScope: 'other' })).toBe('not_applicable');
    expect(outcome(noDamageOrUnauthorizedRemoval, { kind: 'damage_system', by: 'individual', systemScope: 'public_area' })).toBe('violation');
  });
});

describe('本条例自2015年2月1日起施行: every rule answers on both sides of the date', () => {
  it('not in force on 2015-01-31, in force on 2015-02-01', () => {
    const facts = { captures: ['video'], placeKind: 'toilet' };
    const before = noCaptureInPrivatePlaces.evaluate(facts, '2015-01-31');
    const after = noCaptureInPrivatePlaces.evaluate(facts, '2015-02-01');
    expect([before.outcome, after.outcome]).toEqual(['not_applicable', 'violation']);
    expect(before.version).toBeUndefined();
    expect(after.version).toEqual({ from: '2015-02-01' });
    expect(outcome(keyUnitMustInstall, { unitType: 'bank_branch', systemInstalled: false }, '2015-01-31')).toBe('not_applicable');
    expect(outcome(keyUnitMustInstall, { unitType: 'bank_branch', systemInstalled: false }, '2015-02-01')).toBe('violation');
  });
});

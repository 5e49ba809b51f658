import type { Bilingual } from '../../shared/text.js';
import type { Outcome } from '../rules/finding.js';
import type { Situation } from './schema.js';

export interface SituationExample {
  article: number;
  title: Bilingual;
  situation: Situation;
  /** Findings the assessment must contain (on 2026-01-01 unless `asOf`). */
  expect: { ruleId: string; outcome: Outcome; subject?: string }[];
  asOf?: string;
}

const primarySchool = { id: 'school-1', name: '沈阳市某小学', unitType: 'primary_school' as const };

/**
 * One example situation per article with a rule: documentation for readers
 * and a test fixture (`examples.test.ts` assesses each one).
 */
export const EXAMPLES: readonly SituationExample[] = [
  {
    article: 3,
    title: { zh: '一套视频监控加入侵报警的集成系统', en: 'Video surveillance and intrusion alarm integrated' },
    situation: { systems: [{ id: 'sys-1', scope: 'key_unit', subsystems: ['video_audio_surveillance', 'intrusion_alarm'] }], products: [{ id: 'cam-model', inNationalCatalogue: true }] },
    expect: [
      { ruleId: 'art3.p3.system-definition', outcome: 'compliant' },
      { ruleId: 'art3.p2.product-definition', outcome: 'compliant' },
    ],
  },
  {
    article: 4,
    title: { zh: '用监控跟踪邻居', en: 'Using cameras to track a neighbour' },
    situation: { acts: [{ id: 'act-1', kind: 'infringe_rights_with_system', by: 'individual', systemScope: 'other' }] },
    expect: [{ ruleId: 'art4.p2.no-infringement-via-system', outcome: 'violation' }],
  },
  {
    article: 8,
    title: { zh: '未覆盖的过街天桥', en: 'A footbridge without coverage' },
    situation: {
      publicAreas: [{ id: 'bridge-1', kind: 'footbridge', covered: false }],
      systems: [{ id: 'square-sys', scope: 'public_area', subsystems: ['video_audio_surveillance'], installedBy: 'government_department', fundedByGovernment: true }],
    },
    expect: [
      { ruleId: 'art8.p2.required-public-area-coverage', outcome: 'violation' },
      { ruleId: 'art8.p1.government-organizes-public-area-systems', outcome: 'compliant' },
    ],
  },
  {
    article: 9,
    title: { zh: '商户在人行道上自装摄像头；地铁施工迁移监控', en: 'A shop installs a camera on the pavement; metro works move a public camera' },
    situation: {
      systems: [{ id: 'shop-cam', scope: 'public_area', subsystems: ['video_audio_surveillance'], installedBy: 'unit' }],
      constructionProjects: [{ id: 'metro-works', kind: 'municipal_works', adjustsPublicAreaSystem: true, policeConsultedBeforehand: true, restorationPlanAgreed: false, workStarted: false }],
    },
    expect: [
      { ruleId: 'art9.p1.only-government-installs-in-public-areas', outcome: 'violation' },
      { ruleId: 'art9.p2.consult-police-before-adjusting', outcome: 'refused' },
    ],
  },
  {
    article: 10,
    title: { zh: '未安装技防系统的加油站', en: 'A filling station without a system' },
    situation: { keyUnits: [{ id: 'station-1', unitType: 'gas_station', systemInstalled: false }] },
    expect: [
      { ruleId: 'art10.p1.key-unit-must-install', outcome: 'violation' },
      { ruleId: 'art10.p2.key-unit-status', outcome: 'compliant' },
      { ruleId: 'art31.rectify-then-fine', outcome: 'violation' },
    ],
  },
  {
    article: 11,
    title: { zh: '小学没有值班制度，整改期限已过', en: 'A primary school without a duty roster, past its time limit' },
    situation: {
      keyUnits: [
        {
          ...primarySchool,
          systemInstalled: true,
          duties: { maintenanceRules: true, operatorDesignated: true, operatorTrained: true, informationRules: true, dutyRosterAndEmergencyPlan: false },
          rectification: { ordered: true, rectifiedInTime: false },
        },
      ],
    },
    expect: [
      { ruleId: 'art11.i4.duty-roster-and-emergency-plan', outcome: 'violation' },
      { ruleId: 'art11.i1.maintenance-rules', outcome: 'compliant' },
      { ruleId: 'art32.rectify-then-fine', outcome: 'violation' },
    ],
  },
  {
    article: 12,
    title: { zh: '设计方案未论证即开工的银行网点', en: 'A bank branch built before its design review' },
    situation: {
      keyUnits: [{ id: 'bank-1', unitType: 'bank_branch', systemInstalled: true }],
      systems: [{ id: 'bank-sys', scope: 'key_unit', keyUnitRef: 'bank-1', subsystems: ['video_audio_surveillance', 'anti_theft_robbery'], designReview: { status: 'not_done', constructionStarted: true } }],
      constructionProjects: [{ id: 'bank-building', kind: 'new', requiresSystem: true, designedTogether: true, builtTogether: true, acceptedTogether: true, acceptanceConclusionCoversSystem: true }],
    },
    expect: [
      { ruleId: 'art12.p2.design-review-before-construction', outcome: 'violation' },
      { ruleId: 'art12.p1.build-with-project', outcome: 'compliant' },
      { ruleId: 'art31.rectify-then-fine', outcome: 'violation', subject: 'systems[0]' },
    ],
  },
  {
    article: 13,
    title: { zh: '不符合标准的系统', en: 'A system below standard' },
    situation: { systems: [{ id: 'sys-1', scope: 'key_unit', subsystems: ['access_control'], conformsToStandards: false }] },
    expect: [{ ruleId: 'art13.standards-conformity', outcome: 'violation' }],
  },
  {
    article: 14,
    title: { zh: '宾馆客房内的摄像头', en: 'A camera in a hotel room' },
    situation: { devices: [{ id: 'cam-7', captures: ['video'], placeKind: 'hotel_room', signagePresent: true }] },
    expect: [
      { ruleId: 'art14.no-capture-in-private-places', outcome: 'violation' },
      { ruleId: 'art33.removal-order', outcome: 'violation' },
    ],
  },
  {
    article: 15,
    title: { zh: '校门口摄像头没有提示标识', en: 'A school-gate camera without a notice' },
    situation: { devices: [{ id: 'gate-cam', captures: ['video'], placeKind: 'entrance_exit', signagePresent: false }] },
    expect: [
      { ruleId: 'art15.signage-where-video-captured', outcome: 'violation' },
      { ruleId: 'art14.no-capture-in-private-places', outcome: 'compliant' },
    ],
  },
  {
    article: 16,
    title: { zh: '缺少岗位责任制度的安装公司申请备案', en: 'An installer applies to file without post-responsibility rules' },
    situation: {
      providers: [
        {
          id: 'installer-1',
          kind: 'unit',
          services: ['installation', 'maintenance'],
          outOfProvince: false,
          materials: { businessLicence: true, trainedStaff: true, equipmentAndPremises: true, safetyManagementRules: false },
          filing: { status: 'applying', organ: 'city_police_of_business_place' },
        },
      ],
    },
    expect: [
      { ruleId: 'art16.p1.file-with-city-police', outcome: 'refused' },
      { ruleId: 'art16.i4.safety-management-rules', outcome: 'refused' },
      { ruleId: 'art16.i1.business-licence', outcome: 'compliant' },
    ],
  },
  {
    article: 17,
    title: { zh: '外省公司向沈阳市公安局备案', en: 'An out-of-province firm files with a city police bureau' },
    situation: {
      providers: [
        {
          id: 'beijing-co',
          kind: 'unit',
          services: ['design'],
          outOfProvince: true,
          materials: { businessLicence: true, trainedStaff: true, equipmentAndPremises: true, safetyManagementRules: true },
          filing: { status: 'filed', organ: 'other_city_police' },
        },
      ],
    },
    expect: [{ ruleId: 'art17.out-of-province-files-with-province', outcome: 'violation' }],
  },
  {
    article: 18,
    title: { zh: '已备案尚未公布', en: 'Filed but not yet published' },
    situation: { providers: [{ id: 'p-1', kind: 'unit', services: ['alarm_operation'], outOfProvince: false, filing: { status: 'filed', organ: 'city_police_of_business_place', published: false } }] },
    expect: [{ ruleId: 'art18.publish-filed-providers', outcome: 'obligation' }],
  },
  {
    article: 19,
    title: { zh: '涉密场所的系统由不符合国家规定的单位安装', en: 'A secret site’s system installed by an unqualified unit' },
    situation: { systems: [{ id: 'sys-s', scope: 'key_unit', subsystems: ['intrusion_alarm'], involvesStateSecrets: true, installerMeetsNationalRequirements: false }] },
    expect: [{ ruleId: 'art19.secret-systems-by-qualified-units', outcome: 'violation' }],
  },
  {
    article: 20,
    title: { zh: '泄露客户信息的维护公司', en: 'A maintenance firm that leaked client information' },
    situation: {
      providers: [
        {
          id: 'p-2',
          kind: 'unit',
          services: ['maintenance'],
          outOfProvince: false,
          duties: { staffTraining: true, lawfulWorkAndArchives: true, clientConfidentiality: false, standardsAndQuality: true },
          violationVerified: true,
          warningPublished: false,
        },
      ],
    },
    expect: [
      { ruleId: 'art20.i3.client-confidentiality', outcome: 'violation' },
      { ruleId: 'art28.warning-list-for-providers', outcome: 'obligation' },
    ],
  },
  {
    article: 21,
    title: { zh: '情节严重地擅自拆除小区监控', en: 'Unauthorised removal of a community’s cameras, serious case' },
    situation: { acts: [{ id: 'act-2', kind: 'remove_system', by: 'unit', systemScope: 'key_unit', authorized: false, serious: true }] },
    expect: [
      { ruleId: 'art21.i1.no-damage-or-unauthorized-removal', outcome: 'violation' },
      { ruleId: 'art34.fines', outcome: 'violation' },
    ],
  },
  {
    article: 22,
    title: { zh: '保安出售监控录像获利2000元', en: 'A guard sells footage for 2,000 yuan' },
    situation: { acts: [{ id: 'act-3', kind: 'trade_info', by: 'individual', systemScope: 'key_unit', illegalGainsYuan: 2000 }] },
    expect: [
      { ruleId: 'art22.i1.no-trade-or-unlawful-use', outcome: 'violation' },
      { ruleId: 'art35.fines-and-confiscation', outcome: 'violation' },
    ],
  },
  {
    article: 23,
    title: { zh: '只保存15天的医院监控；第20天要求消除', en: 'A hospital keeping 15 days; erasure asked on day 20' },
    situation: {
      keyUnits: [{ id: 'hospital-1', unitType: 'hospital', systemInstalled: true }],
      systems: [{ id: 'hosp-sys', scope: 'key_unit', keyUnitRef: 'hospital-1', subsystems: ['video_audio_surveillance'], captures: ['video'], retentionDays: 15, infoSecurityMeasures: true }],
      retentionActions: [{ id: 'erase-1', systemRef: 'hosp-sys', action: 'erase', recordAgeDays: 20 }],
    },
    expect: [
      { ruleId: 'art23.p2.minimum-retention', outcome: 'violation' },
      { ruleId: 'art23.p2.seal-or-erase-after-expiry', outcome: 'refused' },
      { ruleId: 'art23.p1.information-security-measures', outcome: 'compliant' },
    ],
  },
  {
    article: 24,
    title: { zh: '一名民警前来复制录像', en: 'A single officer comes to copy footage' },
    situation: {
      accesses: [
        {
          id: 'acc-1',
          path: 'investigation',
          action: 'copy',
          systemScope: 'key_unit',
          organKind: 'public_security',
          investigation: { officers: 1, unitCertificateShown: true, workIdsShown: true, registered: true, withinDutyScope: true },
        },
      ],
    },
    expect: [
      { ruleId: 'art24.p1.two-officers', outcome: 'refused' },
      { ruleId: 'art24.p1.lawful-organ', outcome: 'allowed' },
    ],
  },
  {
    article: 25,
    title: { zh: '车主经派出所同意查看停车场录像', en: 'A car owner views car-park footage with the station’s approval' },
    situation: {
      accesses: [
        {
          id: 'acc-2',
          path: 'citizen',
          action: 'view',
          systemScope: 'key_unit',
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
          },
          content: { stateSecret: false, nationalSecurity: false, othersPrivacy: false },
        },
      ],
    },
    expect: [
      { ruleId: 'art25.p1.register-at-station', outcome: 'allowed' },
      { ruleId: 'art25.p1.excluded-content', outcome: 'allowed' },
      { ruleId: 'art25.p1.only-own-content', outcome: 'allowed' },
    ],
  },
  {
    article: 26,
    title: { zh: '检查发现隐患', en: 'An inspection finds hazards' },
    situation: { inspections: [{ id: 'insp-1', hazardsFound: 2, rectificationUrged: false, cooperated: true }] },
    expect: [
      { ruleId: 'art26.urge-rectification-of-hazards', outcome: 'obligation' },
      { ruleId: 'art27.p2.cooperate-with-inspection', outcome: 'compliant' },
    ],
  },
  {
    article: 27,
    title: { zh: '单位拒绝配合检查', en: 'A unit refuses to cooperate with an inspection' },
    situation: { inspections: [{ id: 'insp-2', hazardsFound: 0, cooperated: false }] },
    expect: [{ ruleId: 'art27.p2.cooperate-with-inspection', outcome: 'violation' }],
  },
  {
    article: 28,
    title: { zh: '投诉查证属实，已列入警示目录', en: 'A verified complaint, warning published' },
    situation: { providers: [{ id: 'p-3', kind: 'unit', services: ['installation'], outOfProvince: false, complaintVerified: true, warningPublished: true }] },
    expect: [{ ruleId: 'art28.warning-list-for-providers', outcome: 'compliant' }],
  },
  {
    article: 29,
    title: { zh: '检查民警指定安装公司', en: 'An inspecting officer names an installer' },
    situation: { officialConduct: [{ id: 'oc-1', actor: 'police', context: 'inspection', productOrServiceDesignated: true, feeCharged: false }] },
    expect: [
      { ruleId: 'art29.no-designated-products-or-services', outcome: 'violation' },
      { ruleId: 'art29.no-fees-or-benefits', outcome: 'compliant' },
      { ruleId: 'art36.i3.designation-or-restriction', outcome: 'violation' },
    ],
  },
  {
    article: 30,
    title: { zh: '商户提供录像破获盗窃案', en: 'A shop’s footage solves a theft' },
    situation: { contributions: [{ id: 'c-1', kind: 'lead_or_evidence_from_captured_info', important: true }] },
    expect: [{ ruleId: 'art30.commendation-or-reward', outcome: 'allowed' }],
  },
  {
    article: 31,
    title: { zh: '未安装系统的幼儿园，整改期限内已改正', en: 'A kindergarten without a system that rectified in time' },
    situation: { keyUnits: [{ id: 'kg-1', unitType: 'kindergarten', systemInstalled: false, rectification: { ordered: true, rectifiedInTime: true } }] },
    expect: [{ ruleId: 'art31.rectify-then-fine', outcome: 'violation' }],
  },
  {
    article: 32,
    title: { zh: '酒店未指定专人，整改期限未到', en: 'A hotel with no designated operator, time limit running' },
    situation: { keyUnits: [{ id: 'hotel-1', unitType: 'hotel', systemInstalled: true, duties: { operatorDesignated: false }, rectification: { ordered: true } }] },
    expect: [{ ruleId: 'art32.rectify-then-fine', outcome: 'violation' }],
  },
  {
    article: 33,
    title: { zh: '针对邻居门口的摄像头', en: "A camera aimed at a neighbour's door" },
    situation: { devices: [{ id: 'doorbell', captures: ['video', 'audio'], placeKind: 'residential_window_or_door', operatedBy: 'individual' }] },
    expect: [{ ruleId: 'art33.removal-order', outcome: 'violation' }],
  },
  {
    article: 34,
    title: { zh: '个人损坏广场监控', en: 'An individual damages a square’s camera' },
    situation: { acts: [{ id: 'act-4', kind: 'damage_system', by: 'individual', systemScope: 'public_area' }] },
    expect: [{ ruleId: 'art34.fines', outcome: 'violation' }],
  },
  {
    article: 35,
    title: { zh: '单位擅自向第三方提供录像', en: 'A unit hands footage to a third party without authorisation' },
    situation: { acts: [{ id: 'act-5', kind: 'provide_info', by: 'unit', systemScope: 'key_unit', authorized: false }] },
    expect: [
      { ruleId: 'art22.i3.no-unauthorized-copy-or-deletion', outcome: 'violation' },
      { ruleId: 'art35.fines-and-confiscation', outcome: 'violation' },
    ],
  },
  {
    article: 36,
    title: { zh: '备案时收取费用', en: 'A fee charged for a filing' },
    situation: { officialConduct: [{ id: 'oc-2', actor: 'police', context: 'filing_publication', feeCharged: true }] },
    expect: [
      { ruleId: 'art36.i2.fees-or-benefits', outcome: 'violation' },
      { ruleId: 'art29.no-fees-or-benefits', outcome: 'violation' },
    ],
  },
];

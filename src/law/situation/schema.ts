import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ORGAN_KINDS } from '../interpretations/investigating-organs.js';
import { PLACE_KINDS } from '../interpretations/private-places.js';
import { PUBLIC_AREA_KINDS_OR_OTHER } from '../interpretations/public-area-kinds.js';
import { UNIT_TYPES } from '../interpretations/unit-types.js';
import { StringEnum } from './string-enum.js';

/**
 * A situation: the facts a what-if assessment runs every applicable rule on.
 * Every part is optional; a rule whose facts are absent is simply not
 * reached. Absent facts a permission needs count as not shown (an access
 * without a registration is refused), absent facts a duty needs count as not
 * known (the duty is reported as an obligation). The schema is the type.
 */

const MAX = 1000;
const Id = Type.String({ minLength: 1, maxLength: 100, description: 'Any label, unique within its list' });
const Flag = (description: string) => Type.Optional(Type.Boolean({ description }));
const List = <T extends TSchema>(item: T, description: string) => Type.Optional(Type.Array(item, { maxItems: MAX, description }));
const Obj = <P extends Parameters<typeof Type.Object>[0]>(props: P, description?: string) =>
  Type.Object(props, { additionalProperties: false, ...(description ? { description } : {}) });

/** Art 3 ¶3: the subsystems a technical prevention system is made of. */
export const SUBSYSTEM_KINDS = ['intrusion_alarm', 'video_audio_surveillance', 'access_control', 'anti_theft_robbery', 'explosive_inspection'] as const;
/** The registry's system kinds: a named subsystem, or several integrated (art 3 ¶3, second limb). */
export const SYSTEM_KINDS = [...SUBSYSTEM_KINDS, 'integrated'] as const;
export const CAPTURE_KINDS = ['video', 'audio'] as const;
export const SYSTEM_SCOPES = ['public_area', 'key_unit', 'other'] as const;
export const INSTALLERS = ['government_department', 'unit', 'individual'] as const;
export const ACTORS = ['unit', 'individual'] as const;
export const SERVICE_KINDS = ['design', 'installation', 'maintenance', 'alarm_operation'] as const;
export const FILING_ORGANS = ['city_police_of_business_place', 'other_city_police', 'provincial_police'] as const;

/**
 * Acts art 4 ¶2, 9 ¶1, 21 and 22 speak of. Which article and item each falls
 * under is in `ACT_PROVISIONS` (rules/acts.ts).
 */
export const ACT_KINDS = [
  'damage_system',
  'remove_system',
  'obstruct_operation',
  'interrupt_operation',
  'change_purpose_or_scope',
  'tamper_program_or_records',
  'other_sabotage',
  'trade_info',
  'unlawful_use_info',
  'unlawful_dissemination_info',
  'infringe_privacy_with_info',
  'provide_info',
  'copy_info',
  'rephotograph_info',
  'alter_info',
  'hide_info',
  'destroy_info',
  'other_unlawful_use_info',
  'infringe_rights_with_system',
] as const;
export type ActKind = (typeof ACT_KINDS)[number];

export const ACCESS_PATHS = ['investigation', 'emergency', 'citizen', 'evidence'] as const;
export const ACCESS_ACTIONS = ['view', 'copy', 'use', 'retrieve', 'connect'] as const;

const Rectification = Obj(
  {
    ordered: Type.Boolean({ description: '责令限期改正: rectification was ordered with a time limit' }),
    rectifiedInTime: Flag('Rectified within the time limit; omitted while it runs'),
  },
  'Art 31, 32: the rectification order and whether it was met',
);

export const KeyUnitSchema = Obj({
  id: Id,
  name: Type.Optional(Type.String({ maxLength: 200 })),
  unitType: StringEnum(UNIT_TYPES, { description: 'Art 10 ¶1: the kind of place; mapped to an item by UNIT_TYPE_ART10_ITEM' }),
  secretSite: Flag('Art 10 ¶1 (5): the research site is a secret site (涉密场所除外)'),
  installationFeasible: Flag('Art 10 ¶1 (11): an existing residential community has the conditions for installation'),
  systemInstalled: Type.Boolean({ description: 'Art 10: a technical prevention system is installed' }),
  duties: Type.Optional(
    Obj(
      {
        maintenanceRules: Flag('Art 11 (1): rules for use, upkeep, maintenance and renewal'),
        operatorDesignated: Flag('Art 11 (2): a designated person runs the system'),
        operatorTrained: Flag('Art 11 (2): that person is trained'),
        informationRules: Flag('Art 11 (3): rules for querying, retrieving, registering and keeping captured information secret'),
        dutyRosterAndEmergencyPlan: Flag('Art 11 (4): a duty roster and an emergency plan'),
      },
      'Art 11: duties of a unit that must install a system',
    ),
  ),
  rectification: Type.Optional(Rectification),
});

export const PublicAreaSchema = Obj({
  id: Id,
  kind: StringEnum(PUBLIC_AREA_KINDS_OR_OTHER, { description: 'Art 8 ¶2: the kind of public area' }),
  covered: Type.Boolean({ description: 'Art 8 ¶2: a public-area system covers it' }),
});

export const SystemSchema = Obj({
  id: Id,
  scope: StringEnum(SYSTEM_SCOPES, { description: 'Public-area system (art 8), key-unit system (art 10) or other' }),
  keyUnitRef: Type.Optional(Type.String({ description: 'id of the key unit in `keyUnits` it belongs to' })),
  art10Item: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: 'Art 10 item of its place, when no key unit is given' })),
  subsystems: Type.Array(StringEnum([...SUBSYSTEM_KINDS, 'other'] as const), { maxItems: 20, description: 'Art 3 ¶3: what it is made of' }),
  captures: Type.Optional(Type.Array(StringEnum(CAPTURE_KINDS), { maxItems: 2, description: 'Video, audio' })),
  installedBy: Type.Optional(StringEnum(INSTALLERS, { description: 'Art 8 ¶1, art 9 ¶1: who installed it' })),
  fundedByGovernment: Flag('Art 8 ¶1: the government funds building, running and maintenance'),
  retentionDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 36500, description: 'Art 23 ¶2: days captured information is kept' })),
  infoSecurityMeasures: Flag('Art 23 ¶1: technical measures protect captured information'),
  conformsToStandards: Flag('Art 13: design, installation and acceptance meet national, industry or local standards'),
  involvesStateSecrets: Flag('Art 19: the system concerns state secrets or national security'),
  installerMeetsNationalRequirements: Flag('Art 19: installed and operated by a unit meeting national requirements, after the procedures'),
  designReview: Type.Optional(
    Obj(
      {
        status: StringEnum(['not_done', 'failed', 'passed'] as const, { description: 'Art 12 ¶2: 论证' }),
        reviewer: Type.Optional(StringEnum(['construction_unit_panel', 'qualified_agency', 'other'] as const)),
        constructionStarted: Type.Boolean({ description: 'Construction drawings or construction have started' }),
        builtAsReviewed: Flag('Built according to the reviewed scheme'),
      },
      'Art 12 ¶2: design-scheme review',
    ),
  ),
  rectification: Type.Optional(Rectification),
});

export const DeviceSchema = Obj({
  id: Id,
  systemRef: Type.Optional(Type.String({ description: 'id of its system in `systems`' })),
  captures: Type.Array(StringEnum(CAPTURE_KINDS), { maxItems: 2, description: 'Art 14, 15: video and/or audio capture' }),
  placeKind: StringEnum(PLACE_KINDS, { description: 'Art 14: the place or part it is installed in or aimed at' }),
  operatedBy: Type.Optional(StringEnum(ACTORS, { description: 'Art 33: who installed or uses it' })),
  signagePresent: Flag('Art 15: a clear notice marks the covered area'),
  signageProvincialStyle: Flag('Art 15: the notice follows the style set by the provincial police'),
});

export const ConstructionProjectSchema = Obj({
  id: Id,
  kind: StringEnum(['new', 'rebuild', 'expansion', 'municipal_works'] as const),
  requiresSystem: Flag('Art 12 ¶1: the project includes a place that must have a system'),
  designedTogether: Flag('Art 12 ¶1: system designed with the project'),
  builtTogether: Flag('Art 12 ¶1: system built with the project'),
  acceptedTogether: Flag('Art 12 ¶1: system accepted with the project'),
  acceptanceConclusionCoversSystem: Flag('Art 12 ¶1: the acceptance conclusion states the system acceptance'),
  adjustsPublicAreaSystem: Flag('Art 9 ¶2: the works move or alter a public-area system'),
  policeConsultedBeforehand: Flag('Art 9 ¶2: the city or county police were consulted beforehand'),
  restorationPlanAgreed: Flag('Art 9 ¶2: a restoration or rebuilding plan was agreed'),
  workStarted: Flag('Art 9 ¶2: the works have started'),
});

export const ProviderSchema = Obj({
  id: Id,
  kind: StringEnum(ACTORS, { description: 'Art 16 speaks of units; art 17 of units and individuals' }),
  services: Type.Array(StringEnum(SERVICE_KINDS), { minItems: 1, maxItems: 4 }),
  outOfProvince: Type.Boolean({ description: 'Art 17: from outside Liaoning' }),
  materials: Type.Optional(
    Obj(
      {
        businessLicence: Flag('Art 16 (1)'),
        trainedStaff: Flag('Art 16 (2)'),
        equipmentAndPremises: Flag('Art 16 (3)'),
        safetyManagementRules: Flag('Art 16 (4)'),
      },
      'Art 16 ¶1: conditions and the proof of them',
    ),
  ),
  filing: Type.Optional(
    Obj({
      status: StringEnum(['not_filed', 'applying', 'filed'] as const),
      organ: Type.Optional(StringEnum(FILING_ORGANS, { description: 'Art 16, 17: where it filed' })),
      published: Flag('Art 18: the police published it on the list'),
    }),
  ),
  duties: Type.Optional(
    Obj(
      {
        staffTraining: Flag('Art 20 (1)'),
        lawfulWorkAndArchives: Flag('Art 20 (2)'),
        clientConfidentiality: Flag('Art 20 (3)'),
        standardsAndQuality: Flag('Art 20 (4)'),
      },
      'Art 20: duties of a provider',
    ),
  ),
  violationVerified: Flag('Art 28: a violation has been verified'),
  complaintVerified: Flag('Art 28: a complaint about its service has been verified'),
  warningPublished: Flag('Art 28: it is on the warning list'),
});

export const ActSchema = Obj({
  id: Id,
  kind: StringEnum(ACT_KINDS),
  by: StringEnum(ACTORS),
  systemScope: StringEnum(SYSTEM_SCOPES, { description: 'Art 21 protects public-area and key-unit systems' }),
  authorized: Flag('For acts art 21 and 22 forbid when done 擅自 (without authorization): whether it was authorized'),
  serious: Flag('Art 34: 情节严重'),
  illegalGainsYuan: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12, description: 'Art 35: 违法所得' })),
  rectification: Type.Optional(Rectification),
});

export const RetentionActionSchema = Obj({
  id: Id,
  systemRef: Type.String({ description: 'id of the system in `systems`' }),
  action: StringEnum(['seal', 'erase'] as const, { description: 'Art 23 ¶2: 封存 or 消除' }),
  recordAgeDays: Type.Integer({ minimum: 0, maximum: 36500, description: 'Whole days since the information was captured' }),
  policeRequestedExtraction: Flag('Art 23 ¶2: the police asked to extract it'),
});

export const AccessSchema = Obj({
  id: Id,
  path: StringEnum(ACCESS_PATHS, { description: 'Art 24 ¶1 investigation, art 24 ¶2 emergency, art 25 ¶1 citizen, art 25 ¶2 evidence' }),
  action: StringEnum(ACCESS_ACTIONS),
  systemScope: StringEnum(SYSTEM_SCOPES),
  organKind: Type.Optional(StringEnum(ORGAN_KINDS, { description: 'Art 24: the organ asking' })),
  investigation: Type.Optional(
    Obj({
      officers: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'Art 24 ¶1 (1)' })),
      unitCertificateShown: Flag('Art 24 ¶1 (2): 单位证明'),
      workIdsShown: Flag('Art 24 ¶1 (2): 工作证件'),
      registered: Flag('Art 24 ¶1 (3)'),
      withinDutyScope: Flag('Art 24 ¶1 (4): only what the duty needs'),
      confidentialityAccepted: Flag('Art 24 ¶1 (4): 承担保密义务'),
    }),
  ),
  emergency: Type.Optional(
    Obj({
      emergency: Flag('Art 24 ¶2: 紧急情况'),
      nationalOrPublicInterest: Flag('Art 24 ¶2: 为了国家利益、社会公共利益'),
    }),
  ),
  citizen: Type.Optional(
    Obj({
      applicantIsSystemUser: Flag('Art 25 ¶1 is for those other than the using unit'),
      concernsOwnRights: Flag('Art 25 ¶1: 因涉及其合法权益事由'),
      registeredAtStation: Flag('Art 25 ¶1 (1)'),
      reasonStated: Flag('Art 25 ¶1 (1)'),
      residentIdProvided: Flag('Art 25 ¶1 (1)'),
      stationApproved: Flag('Art 25 ¶1 (2)'),
      accompaniedOrDocument: Flag('Art 25 ¶1 (2): an officer accompanies, or the station issued a viewing document'),
      registeredAtCapturingUnit: Flag('Art 25 ¶1 (3)'),
      contentOnlyOwn: Flag('Art 25 ¶1 (4): only content concerning the applicant'),
    }),
  ),
  content: Type.Optional(
    Obj({
      stateSecret: Flag('Art 25 ¶1: 涉及国家秘密'),
      nationalSecurity: Flag('Art 25 ¶1: 涉及国家安全'),
      othersPrivacy: Flag("Art 25 ¶1: reveals another person's private space, activities or information"),
    }),
  ),
  evidence: Type.Optional(
    Obj({
      caseKind: Type.Optional(StringEnum(['administrative', 'civil', 'criminal'] as const)),
      burdenOfProofParty: Flag('Art 25 ¶2: 负有举证责任一方'),
      writtenApplication: Flag('Art 25 ¶2: 书面申请'),
      validProof: Flag('Art 25 ¶2: 有效证明'),
      policeFiled: Flag('Art 25 ¶2: 经公安机关备案'),
      policeProcedureIssued: Flag('Art 25 ¶2: 出具手续'),
    }),
  ),
});

export const InspectionSchema = Obj({
  id: Id,
  hazardsFound: Type.Integer({ minimum: 0, maximum: 10000, description: 'Art 26: hazards found' }),
  rectificationUrged: Flag('Art 26: the police urged their rectification'),
  cooperated: Flag('Art 27 ¶2: the units and persons concerned cooperated'),
});

export const OfficialConductSchema = Obj({
  id: Id,
  actor: StringEnum(['police', 'other_department'] as const),
  context: StringEnum(['filing_publication', 'inspection', 'other_management'] as const),
  feeCharged: Flag('Art 29, 36 (2)'),
  benefitSought: Flag('Art 29, 36 (2)'),
  productOrServiceDesignated: Flag('Art 29, 36 (3)'),
  choiceRestricted: Flag('Art 29, 36 (3)'),
  dutyFailureWithSeriousHarm: Flag('Art 36 (1)'),
  otherMisconduct: Flag('Art 36 (4): 玩忽职守、徇私舞弊、滥用职权'),
});

export const ContributionSchema = Obj({
  id: Id,
  kind: StringEnum(['lead_or_evidence_from_captured_info', 'stopped_crime_with_system'] as const),
  important: Flag('Art 30: 重要线索或者证据'),
});

export const ProductSchema = Obj({
  id: Id,
  inNationalCatalogue: Type.Boolean({ description: 'Art 3 ¶2: listed in the national Catalogue of Security Technical Prevention Products' }),
});

export const SituationSchema = Obj(
  {
    keyUnits: List(KeyUnitSchema, 'Art 10, 11'),
    publicAreas: List(PublicAreaSchema, 'Art 8 ¶2'),
    systems: List(SystemSchema, 'Art 3, 8, 9, 12, 13, 19, 23'),
    devices: List(DeviceSchema, 'Art 14, 15'),
    constructionProjects: List(ConstructionProjectSchema, 'Art 9 ¶2, 12 ¶1'),
    providers: List(ProviderSchema, 'Art 16-20, 28'),
    acts: List(ActSchema, 'Art 4 ¶2, 9 ¶1, 21, 22'),
    retentionActions: List(RetentionActionSchema, 'Art 23 ¶2'),
    accesses: List(AccessSchema, 'Art 24, 25'),
    inspections: List(InspectionSchema, 'Art 26, 27'),
    officialConduct: List(OfficialConductSchema, 'Art 29, 36'),
    contributions: List(ContributionSchema, 'Art 30'),
    products: List(ProductSchema, 'Art 3 ¶2'),
  },
  'Facts for a what-if assessment under the Liaoning regulation',
);

export type Situation = Static<typeof SituationSchema>;
export type KeyUnit = Static<typeof KeyUnitSchema>;
export type PublicArea = Static<typeof PublicAreaSchema>;
export type SecuritySystem = Static<typeof SystemSchema>;
export type Device = Static<typeof DeviceSchema>;
export type ConstructionProject = Static<typeof ConstructionProjectSchema>;
export type Provider = Static<typeof ProviderSchema>;
export type Act = Static<typeof ActSchema>;
export type RetentionAction = Static<typeof RetentionActionSchema>;
export type Access = Static<typeof AccessSchema>;
export type Inspection = Static<typeof InspectionSchema>;
export type OfficialConduct = Static<typeof OfficialConductSchema>;
export type Contribution = Static<typeof ContributionSchema>;
export type Product = Static<typeof ProductSchema>;

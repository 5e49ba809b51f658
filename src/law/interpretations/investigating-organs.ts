import type { Bilingual } from '../../shared/text.js';

/** Kinds of state organ that may ask for captured information. */
export const ORGAN_KINDS = [
  'public_security',
  'state_security',
  'procuratorate',
  'military_security',
  'coast_guard',
  'prison',
  'customs_anti_smuggling',
  'accident_investigation',
  'supervisory_commission',
  'court',
  'other',
] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

interface OrganPowers {
  label: Bilingual;
  /** 法定刑事侦查权 (art 24 ¶1). */
  criminalInvestigation: boolean;
  /** 依法具有公共突发事件事故调查权 (art 24 ¶1). */
  emergencyAccidentInvestigation: boolean;
  /** 公安机关、国家安全机关 (art 24 ¶2). */
  emergencyDirectUse: boolean;
}

/**
 * What each kind of organ may do under art 24. Criminal investigation power
 * follows the Criminal Procedure Law (public security incl. customs
 * anti-smuggling police, state security, procuratorates for the cases they
 * investigate, military security departments, the coast guard, prisons).
 * Supervisory commissions investigate (调查) under the Supervision Law rather
 * than 侦查, and courts try cases: art 24 ¶1 does not reach them.
 * @see interpretation art24.investigating-organs
 */
export const ORGAN_POWERS: Readonly<Record<OrganKind, OrganPowers>> = {
  public_security: { label: { zh: '公安机关', en: 'public security organ' }, criminalInvestigation: true, emergencyAccidentInvestigation: false, emergencyDirectUse: true },
  state_security: { label: { zh: '国家安全机关', en: 'state security organ' }, criminalInvestigation: true, emergencyAccidentInvestigation: false, emergencyDirectUse: true },
  procuratorate: { label: { zh: '人民检察院', en: "people's procuratorate" }, criminalInvestigation: true, emergencyAccidentInvestigation: false, emergencyDirectUse: false },
  military_security: { label: { zh: '军队保卫部门', en: 'military security department' }, criminalInvestigation: true, emergencyAccidentInvestigation: false, emergencyDirectUse: false },
  coast_guard: { label: { zh: '中国海警局', en: 'China Coast Guard' }, criminalInvestigation: true, emergencyAccidentInvestigation: false, emergencyDirectUse: false },
  prison: { label: { zh: '监狱', en: 'prison' }, criminalInvestigation: true, emergencyAccidentInvestigation: false, emergencyDirectUse: false },
  customs_anti_smuggling: { label: { zh: '海关缉私部门', en: 'customs anti-smuggling police' }, criminalInvestigation: true, emergencyAccidentInvestigation: false, emergencyDirectUse: false },
  accident_investigation: {
    label: { zh: '依法具有突发事件事故调查权的机关', en: 'organ empowered to investigate public emergencies and accidents' },
    criminalInvestigation: false,
    emergencyAccidentInvestigation: true,
    emergencyDirectUse: false,
  },
  supervisory_commission: { label: { zh: '监察委员会', en: 'supervisory commission' }, criminalInvestigation: false, emergencyAccidentInvestigation: false, emergencyDirectUse: false },
  court: { label: { zh: '人民法院', en: "people's court" }, criminalInvestigation: false, emergencyAccidentInvestigation: false, emergencyDirectUse: false },
  other: { label: { zh: '其他机关', en: 'other organ' }, criminalInvestigation: false, emergencyAccidentInvestigation: false, emergencyDirectUse: false },
};

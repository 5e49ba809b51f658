import type { Device, Finding, KeyUnit, Provider, PublicArea, SecuritySystem, Situation } from '../../law/index.js';
import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';
import type { EntityKind, EntityPlace } from './entities.js';

/** The province's GB/T 2260 code: where a provider from outside Liaoning files (art 17). */
const LIAONING = '210000';

/**
 * From registry rows to the facts of a situation the law's rules read.
 *
 * Each function below takes one row with what the registry knows around it
 * (a unit's systems, a system's devices) and returns the situation of that
 * one entity, and where the entity is. The situation carries only facts: its
 * ids are fixed labels, never the row's id, so two entities with the same
 * facts have the same situation and, the rules being pure, the same findings.
 *
 * A fact the registry does not hold is left out, never guessed: a duty whose
 * fact is missing comes out as an `obligation` (still to be shown met), and a
 * rule whose subject needs a missing fact is not reached. `unknownFacts` says
 * which facts those are for each entity.
 */

export interface KeyUnitRow {
  id: number;
  unitType: string;
  restricted: boolean;
  divisionCode: string;
  /** Some system of the registry names the unit. */
  hasSystem: boolean;
}

export interface SiteRow {
  id: number;
  keyUnitId: number;
  /** The unit's type: a site is a place or part of its unit (art 10 ¶1). */
  unitType: string;
  restricted: boolean;
  divisionCode: string;
  /** A system is recorded at this site. */
  systemAtSite: boolean;
  /** The unit has a system recorded at no particular site. */
  unitWideSystem: boolean;
}

export interface PublicAreaRow {
  id: number;
  kind: string;
  divisionCode: string;
  /** A system of the registry belongs to the area. */
  hasSystem: boolean;
}

export interface SystemRow {
  id: number;
  subsystemKind: string;
  keyUnitId: number | null;
  siteId: number | null;
  publicAreaId: number | null;
  /** The art 10 item of its unit's type, for a unit's system. */
  art10Item: number | null;
  retentionDays: number;
  restricted: boolean;
  divisionCode: string;
  /** How many devices the registry records for it, and whether any captures video or audio. */
  devices: number;
  capturesVideo: boolean;
  capturesAudio: boolean;
}

export interface DeviceRow {
  id: number;
  systemId: number;
  capturesVideo: boolean;
  capturesAudio: boolean;
  placeKind: string;
  restricted: boolean;
  divisionCode: string;
}

export interface ProviderRow {
  id: number;
  services: string[];
  fromOutsideLiaoning: boolean;
  divisionCode: string | null;
}

export interface ProductRow {
  id: number;
  catalogueListed: boolean;
}

export interface EntityRows {
  'key-units': KeyUnitRow;
  sites: SiteRow;
  'public-areas': PublicAreaRow;
  'security-systems': SystemRow;
  devices: DeviceRow;
  providers: ProviderRow;
  products: ProductRow;
}

export interface EntityFacts {
  situation: Situation;
  place: EntityPlace;
}

const NOWHERE: EntityPlace = { divisionCode: null, restricted: false, keyUnitId: null, siteId: null, publicAreaId: null, systemId: null };

/** The named subsystems of art 3 ¶3 a registry system kind stands for. */
function subsystemsOf(kind: string): SecuritySystem['subsystems'] {
  switch (kind) {
    case 'intrusion_alarm':
    case 'video_audio_surveillance':
    case 'access_control':
    case 'anti_theft_robbery':
    case 'explosive_inspection':
      return [kind];
    case 'integrated':
      // GAP(art 3 ¶3): the registry records that a system integrates named
      // subsystems (第三条第三款后段), not which. It is given as the regulation's
      // own example of an integrated system, video surveillance with intrusion
      // alarm; only the wording of the art 3 ¶3 finding turns on the choice.
      return ['video_audio_surveillance', 'intrusion_alarm'];
    default:
      return ['other'];
  }
}

/** What a system captures: what its devices capture; with no device recorded, what its kind implies. */
function systemCaptures(r: SystemRow): ('video' | 'audio')[] {
  if (r.devices > 0) return [...(r.capturesVideo ? ['video' as const] : []), ...(r.capturesAudio ? ['audio' as const] : [])];
  return r.subsystemKind === 'video_audio_surveillance' || r.subsystemKind === 'integrated' ? ['video'] : [];
}

export const factsOf: { [K in EntityKind]: (row: EntityRows[K]) => EntityFacts } = {
  /**
   * Art 10, 11. A unit has a system when the registry records one for it.
   * `secretSite` (art 10 ¶1 (5) 涉密场所除外) is the unit's art 19 restriction:
   * both mean the place involves state secrets.
   */
  'key-units': (r) => ({
    situation: {
      keyUnits: [{ id: 'key-unit', unitType: r.unitType as KeyUnit['unitType'], ...(r.unitType === 'research_site' ? { secretSite: r.restricted } : {}), systemInstalled: r.hasSystem }],
    },
    place: { ...NOWHERE, divisionCode: r.divisionCode, restricted: r.restricted },
  }),

  /**
   * Art 10 ¶1 "下列场所和部位应当安装技防系统": a site is one of the places or
   * parts of its unit, under the item of the unit's type. It has a system when
   * one is recorded at it, or when the unit has a system recorded at no
   * particular site (taken to serve the whole unit). Only the art 10 ¶1 rule
   * and the penalty it leads to are the site's; the unit's status and duties
   * (art 10 ¶2, 11) are the unit's own findings.
   */
  sites: (r) => ({
    situation: {
      keyUnits: [
        {
          id: 'site',
          unitType: r.unitType as KeyUnit['unitType'],
          ...(r.unitType === 'research_site' ? { secretSite: r.restricted } : {}),
          systemInstalled: r.systemAtSite || r.unitWideSystem,
        },
      ],
    },
    place: { ...NOWHERE, divisionCode: r.divisionCode, restricted: r.restricted },
  }),

  /** Art 8 ¶2: an area is covered when a system of the registry belongs to it. */
  'public-areas': (r) => ({
    situation: { publicAreas: [{ id: 'public-area', kind: r.kind as PublicArea['kind'], covered: r.hasSystem }] },
    place: { ...NOWHERE, divisionCode: r.divisionCode },
  }),

  /**
   * Art 3, 8, 13, 19, 23. Scope from its owner (a key unit or a public area),
   * the art 10 item from its unit, retention as recorded, art 19 from the
   * restriction.
   */
  'security-systems': (r) => {
    const scope = r.keyUnitId != null ? 'key_unit' : r.publicAreaId != null ? 'public_area' : 'other';
    return {
      situation: {
        systems: [
          {
            id: 'system',
            scope,
            ...(scope === 'key_unit' && r.art10Item != null ? { art10Item: r.art10Item } : {}),
            subsystems: subsystemsOf(r.subsystemKind),
            captures: systemCaptures(r),
            retentionDays: r.retentionDays,
            ...(r.restricted ? { involvesStateSecrets: true } : {}),
          },
        ],
      },
      place: { divisionCode: r.divisionCode, restricted: r.restricted, keyUnitId: r.keyUnitId, siteId: r.siteId, publicAreaId: r.publicAreaId, systemId: null },
    };
  },

  /**
   * Art 14, 15 (and 33). A device of the registry belongs to a unit's or a
   * public area's system, so it is operated by a unit, never an individual.
   */
  devices: (r) => ({
    situation: {
      devices: [
        {
          id: 'device',
          captures: [...(r.capturesVideo ? ['video' as const] : []), ...(r.capturesAudio ? ['audio' as const] : [])],
          placeKind: r.placeKind as Device['placeKind'],
          operatedBy: 'unit',
        },
      ],
    },
    place: { ...NOWHERE, divisionCode: r.divisionCode, restricted: r.restricted, systemId: r.systemId },
  }),

  /**
   * Art 16-20, 28. A registered provider has a unified social credit code, so
   * it is a unit. Its place is where it files: the county of its place of
   * business (so its city's police), or the province for a unit from outside
   * (art 17).
   */
  providers: (r) => ({
    situation: { providers: [{ id: 'provider', kind: 'unit', services: [...r.services].sort() as Provider['services'], outOfProvince: r.fromOutsideLiaoning }] },
    place: { ...NOWHERE, divisionCode: r.fromOutsideLiaoning ? LIAONING : r.divisionCode },
  }),

  /** Art 3 ¶2. */
  products: (r) => ({
    situation: { products: [{ id: 'product', inNationalCatalogue: r.catalogueListed }] },
    place: NOWHERE,
  }),
};

/** Rules whose findings belong to a site; the rest of a unit's rules are the unit's. */
const SITE_RULES = new Set(['art10.p1.key-unit-must-install']);

/**
 * The findings that are the entity's own. For a site, the art 10 ¶1 finding
 * and the penalty it triggers; for every other kind, all of them.
 */
export function ownFindings(kind: EntityKind, findings: Finding[]): Finding[] {
  if (kind !== 'sites') return findings;
  return findings.filter((f) => SITE_RULES.has(f.ruleId) || (f.kind === 'penalty' && SITE_RULES.has(String(f.facts.trigger))));
}

/** A fact of the regulation the registry does not record. */
export interface UnknownFact {
  /** The fact's path in the situation, e.g. `keyUnits[0].duties.maintenanceRules`. */
  fact: string;
  citation: Citation;
  label: Bilingual;
}

const u = (fact: string, citation: Citation, zh: string, en: string): UnknownFact => ({ fact, citation, label: { zh, en } });

const ART11: UnknownFact[] = [
  u('keyUnits[0].duties.maintenanceRules', { article: 11, paragraph: 1, item: 1 }, '是否制定技防系统使用、保养、维护和更新制度', 'Whether rules for use, upkeep, maintenance and renewal are set'),
  u('keyUnits[0].duties.operatorDesignated', { article: 11, paragraph: 1, item: 2 }, '是否指定专人负责并进行业务培训', 'Whether a trained person is designated to run the system'),
  u('keyUnits[0].duties.informationRules', { article: 11, paragraph: 1, item: 3 }, '是否建立采获信息查询、调取、登记和保密制度', 'Whether rules for captured information are set'),
  u('keyUnits[0].duties.dutyRosterAndEmergencyPlan', { article: 11, paragraph: 1, item: 4 }, '是否建立值班制度和应急处置预案', 'Whether a duty roster and an emergency plan exist'),
];
const RECTIFICATION = u('keyUnits[0].rectification', { article: 31 }, '是否已责令限期改正及是否按期改正', 'Whether rectification was ordered and met in time');
const FEASIBLE = u('keyUnits[0].installationFeasible', { article: 10, paragraph: 1, item: 11 }, '已建成的居民小区是否有安装条件', 'Whether an existing residential community has the conditions for installation');

/**
 * The facts the rules would read that the registry does not hold for this
 * entity, so the rule answers `obligation` or is not reached. They come from
 * inspections, filings and reviews, not from the registry.
 */
export function unknownFacts(kind: EntityKind, situation: Situation): UnknownFact[] {
  switch (kind) {
    case 'key-units': {
      const k = situation.keyUnits![0];
      return [...ART11, ...(k.unitType === 'residential_community_existing' ? [FEASIBLE] : []), RECTIFICATION];
    }
    case 'sites': {
      const k = situation.keyUnits![0];
      return [...(k.unitType === 'residential_community_existing' ? [FEASIBLE] : []), RECTIFICATION];
    }
    case 'public-areas':
      return [];
    case 'security-systems': {
      const s = situation.systems![0];
      return [
        ...(s.scope === 'public_area'
          ? [
              u('systems[0].fundedByGovernment', { article: 8, paragraph: 1 }, '是否由政府指派部门组织建设并提供资金', 'Whether the government organised and funds it'),
              u('systems[0].installedBy', { article: 9, paragraph: 1 }, '由谁安装', 'Who installed it'),
            ]
          : []),
        ...(s.scope !== 'other' ? [u('systems[0].designReview', { article: 12, paragraph: 2 }, '设计方案论证情况', 'The design-scheme review')] : []),
        u('systems[0].conformsToStandards', { article: 13 }, '设计、安装、验收是否符合标准', 'Whether design, installation and acceptance meet the standards'),
        ...(s.involvesStateSecrets ? [u('systems[0].installerMeetsNationalRequirements', { article: 19 }, '承担单位是否符合国家规定', 'Whether the installer meets national requirements')] : []),
        u('systems[0].infoSecurityMeasures', { article: 23, paragraph: 1 }, '是否采取技术手段保障采获信息安全', 'Whether technical measures protect captured information'),
      ];
    }
    case 'devices': {
      const d = situation.devices![0];
      return d.captures.includes('video') ? [u('devices[0].signagePresent', { article: 15 }, '覆盖区域是否设置省公安机关统一样式的提示标识', 'Whether the covered area carries the notice in the provincial style')] : [];
    }
    case 'providers':
      return [
        u('providers[0].materials', { article: 16, paragraph: 1 }, '第十六条第一款第（一）至（四）项条件的证明材料', 'Proof of the conditions of art 16 ¶1 (1)-(4)'),
        u('providers[0].filing', { article: situation.providers![0].outOfProvince ? 17 : 16, ...(situation.providers![0].outOfProvince ? {} : { paragraph: 1 }) }, '备案情况', 'The filing'),
        u('providers[0].duties', { article: 20 }, '第二十条义务的履行情况', 'Whether the duties of art 20 are met'),
        u('providers[0].violationVerified', { article: 28 }, '是否有查证属实的违法行为或者投诉', 'Whether a violation or complaint has been verified'),
      ];
    case 'products':
      return [];
  }
}

/** `factsOf[kind]` for a row of that kind. */
export function factsFor<K extends EntityKind>(kind: K, row: EntityRows[K]): EntityFacts {
  return (factsOf[kind] as (r: EntityRows[K]) => EntityFacts)(row);
}

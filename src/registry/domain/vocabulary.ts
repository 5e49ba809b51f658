import {
  ART10_ITEMS,
  art10ItemOf,
  isPrivatePlace,
  PLACE_KINDS,
  PRIVATE_PLACE_LABELS,
  PUBLIC_AREA_KIND_LABELS,
  PUBLIC_AREA_KINDS,
  UNIT_TYPE_ART10_ITEM,
  type KeyUnitType,
  type PlaceKind,
  type PublicAreaKind,
} from '../../law/index.js';
import type { Bilingual } from '../../shared/text.js';

/**
 * The registry's closed vocabularies. Where the regulation draws the line
 * (art 10 items, art 8 ¶2 public-area kinds, art 14 private places) the list
 * comes from `law`, maintained there; the rest is the registry's own.
 */

export interface Option<V extends string | number = string> {
  value: V;
  label: Bilingual;
}

export { ART10_ITEMS, art10ItemOf, PLACE_KINDS, PUBLIC_AREA_KINDS, isPrivatePlace, type KeyUnitType, type PlaceKind, type PublicAreaKind };

/** Key-unit types, each under one item of art 10 ¶1. */
export const KEY_UNIT_TYPE_OPTIONS: readonly Option[] = Object.entries(UNIT_TYPE_ART10_ITEM).map(([value, e]) => ({ value, label: e.label }));

/** Art 10 ¶1 items, labelled `（七）学校、幼儿园、医疗机构等人员密集场所`. */
export const ART10_ITEM_OPTIONS: readonly Option<number>[] = ART10_ITEMS.map((i) => ({
  value: i.item,
  label: { zh: `（${cnItem(i.item)}）${i.label.zh}`, en: `(${i.item}) ${i.label.en}` },
}));

function cnItem(n: number): string {
  return n <= 10 ? '一二三四五六七八九十'[n - 1] : `十${'一二三四五六七八九'[n - 11]}`;
}

export const PUBLIC_AREA_KIND_OPTIONS: readonly Option[] = PUBLIC_AREA_KINDS.map((value) => ({ value, label: PUBLIC_AREA_KIND_LABELS[value] }));

/** Art 3 ¶3: the subsystems a technical prevention system is made of, or their integration. */
export const SUBSYSTEM_KINDS = ['intrusion_alarm', 'video_audio_surveillance', 'access_control', 'anti_theft_robbery', 'explosive_inspection', 'integrated'] as const;
export type SubsystemKind = (typeof SUBSYSTEM_KINDS)[number];
const SUBSYSTEM_LABELS: Record<SubsystemKind, Bilingual> = {
  intrusion_alarm: { zh: '入侵报警系统', en: 'Intrusion alarm system' },
  video_audio_surveillance: { zh: '视频和音频监控系统', en: 'Video and audio surveillance system' },
  access_control: { zh: '出入口识别控制系统', en: 'Entrance and exit identification and control system' },
  anti_theft_robbery: { zh: '防盗抢防护系统', en: 'Anti-theft and anti-robbery protection system' },
  explosive_inspection: { zh: '防爆安全检查系统', en: 'Explosive safety inspection system' },
  integrated: { zh: '以上述系统为子系统组合、集成的电子系统或者网络', en: 'Integrated electronic system or network of the above as subsystems' },
};
export const SUBSYSTEM_KIND_OPTIONS: readonly Option[] = SUBSYSTEM_KINDS.map((value) => ({ value, label: SUBSYSTEM_LABELS[value] }));

const ORDINARY_PLACE_LABELS: Record<string, Bilingual> = {
  entrance_exit: { zh: '出入口', en: 'Entrance or exit' },
  perimeter: { zh: '周界', en: 'Perimeter' },
  public_space: { zh: '公共活动区域', en: 'Public space' },
  business_counter: { zh: '营业柜台', en: 'Business counter' },
  vault_or_storage: { zh: '金库、库房', en: 'Vault or storeroom' },
  corridor: { zh: '走廊、通道', en: 'Corridor' },
  parking: { zh: '停车场', en: 'Car park' },
  classroom: { zh: '教室', en: 'Classroom' },
  office: { zh: '办公室', en: 'Office' },
  other: { zh: '其他', en: 'Other' },
};
/** Where a device watches; the art 14 private places first (see `isPrivatePlace`). */
export const PLACE_KIND_OPTIONS: readonly Option[] = PLACE_KINDS.map((value) => ({
  value,
  label: isPrivatePlace(value) ? withArt14(PRIVATE_PLACE_LABELS[value]) : ORDINARY_PLACE_LABELS[value] ?? { zh: value, en: value },
}));
function withArt14(l: Bilingual): Bilingual {
  return { zh: `${l.zh}（第十四条禁止视音频采集）`, en: `${l.en} (art 14: no video or audio capture)` };
}

/** Art 16: the services a provider files for. */
export const PROVIDER_SERVICES = ['design', 'installation', 'maintenance', 'alarm_operation'] as const;
export type ProviderService = (typeof PROVIDER_SERVICES)[number];
const SERVICE_LABELS: Record<ProviderService, Bilingual> = {
  design: { zh: '设计', en: 'Design' },
  installation: { zh: '安装', en: 'Installation' },
  maintenance: { zh: '维护', en: 'Maintenance' },
  alarm_operation: { zh: '报警运营服务', en: 'Alarm operation service' },
};
export const PROVIDER_SERVICE_OPTIONS: readonly Option[] = PROVIDER_SERVICES.map((value) => ({ value, label: SERVICE_LABELS[value] }));

/** Product categories, after the headings of the national 安全技术防范产品目录 (art 3 ¶2). */
export const PRODUCT_CATEGORIES = [
  'intrusion_detector',
  'alarm_control_panel',
  'video_camera',
  'video_recorder',
  'video_platform',
  'access_controller',
  'building_intercom',
  'anti_theft_door',
  'safe',
  'anti_theft_lock',
  'explosive_detector',
  'security_xray',
  'other',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
const CATEGORY_LABELS: Record<ProductCategory, Bilingual> = {
  intrusion_detector: { zh: '入侵探测器', en: 'Intrusion detector' },
  alarm_control_panel: { zh: '防盗报警控制器', en: 'Burglar alarm control panel' },
  video_camera: { zh: '摄像机', en: 'Video camera' },
  video_recorder: { zh: '录像设备', en: 'Video recorder' },
  video_platform: { zh: '视频监控管理平台', en: 'Video management platform' },
  access_controller: { zh: '出入口控制设备', en: 'Access controller' },
  building_intercom: { zh: '楼宇对讲（可视）系统', en: 'Building (video) intercom' },
  anti_theft_door: { zh: '防盗安全门', en: 'Security door' },
  safe: { zh: '防盗保险柜（箱）', en: 'Burglary-resistant safe' },
  anti_theft_lock: { zh: '机械防盗锁', en: 'Mechanical anti-theft lock' },
  explosive_detector: { zh: '爆炸物探测设备', en: 'Explosives detector' },
  security_xray: { zh: '安全检查X射线设备', en: 'Security X-ray inspection equipment' },
  other: { zh: '其他', en: 'Other' },
};
export const PRODUCT_CATEGORY_OPTIONS: readonly Option[] = PRODUCT_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }));

/** Art 6: police organs at province, city and county level, and the stations under a county organ. */
export const ORGAN_LEVELS = ['province', 'city', 'county', 'station'] as const;
export type OrganLevel = (typeof ORGAN_LEVELS)[number];
const ORGAN_LEVEL_LABELS: Record<OrganLevel, Bilingual> = {
  province: { zh: '省公安机关', en: 'Provincial public security department' },
  city: { zh: '市公安机关', en: 'City public security bureau' },
  county: { zh: '县级公安机关', en: 'County-level public security bureau' },
  station: { zh: '公安派出所', en: 'Police station' },
};
export const ORGAN_LEVEL_OPTIONS: readonly Option[] = ORGAN_LEVELS.map((value) => ({ value, label: ORGAN_LEVEL_LABELS[value] }));

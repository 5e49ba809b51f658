import type { Bilingual } from '../../shared/text.js';

/** The twelve items of art 10 ¶1, summarised; the text itself is in the corpus. */
export const ART10_ITEMS = [
  { item: 1, label: { zh: '重要新闻单位', en: 'Major news organisations' } },
  { item: 2, label: { zh: '交通枢纽以及公共交通工具', en: 'Transport hubs and public transport vehicles' } },
  { item: 3, label: { zh: '电信、邮政、金融机构的营业、存放场所，有价证券印制、存放、销毁场所', en: 'Business and storage premises of telecom, postal and financial institutions; sites printing, storing or destroying securities' } },
  { item: 4, label: { zh: '能源动力、水利和城市供水电气热设施，油库、加油（气）站', en: 'Energy, water-conservancy and urban utility facilities; oil depots; filling stations' } },
  { item: 5, label: { zh: '重要科研、生产单位的研究、试验和资料存放场所（涉密场所除外）', en: 'Research, testing and records sites of major research or production units (except secret sites)' } },
  { item: 6, label: { zh: '重要物资仓库，排污单位的生产、存放场所', en: 'Warehouses of important materials; production and storage sites of polluting units' } },
  { item: 7, label: { zh: '学校、幼儿园、医疗机构等人员密集场所', en: 'Schools, kindergartens, medical institutions and other crowded places' } },
  { item: 8, label: { zh: '重点文物保护单位、档案馆等收藏、陈列、展览场所', en: 'Protected heritage sites, archives and other places keeping or showing valuables' } },
  { item: 9, label: { zh: '危险物品的研制、生产、销售、存放场所', en: 'Places making, selling or storing dangerous goods' } },
  { item: 10, label: { zh: '印制、存储国家秘密资料的场所', en: 'Places printing or storing state-secret materials' } },
  { item: 11, label: { zh: '新建居民住宅小区和已建成并有安装条件的居民小区', en: 'New residential communities, and existing ones where installation is feasible' } },
  { item: 12, label: { zh: '县以上人民政府确定的其他重要场所和部位', en: 'Other important places designated by a government at county level or above' } },
] as const satisfies readonly { item: number; label: Bilingual }[];

export type Art10Item = (typeof ART10_ITEMS)[number]['item'];

interface UnitTypeEntry {
  item: Art10Item;
  label: Bilingual;
  /** Why the type falls under the item, where the text leaves room. */
  note?: Bilingual;
}

/**
 * Unit types and the item of art 10 ¶1 each falls under: the key-unit
 * categories of the registry. Maintained here, in one place.
 * @see interpretation art10.unit-types
 */
export const UNIT_TYPE_ART10_ITEM = {
  radio_station: { item: 1, label: { zh: '广播电台', en: 'Radio station' } },
  tv_station: { item: 1, label: { zh: '电视台', en: 'Television station' } },
  news_agency: { item: 1, label: { zh: '通讯社', en: 'News agency' } },
  port: { item: 2, label: { zh: '港口', en: 'Port' } },
  wharf: { item: 2, label: { zh: '码头', en: 'Wharf' } },
  airport: { item: 2, label: { zh: '机场', en: 'Airport' } },
  metro: { item: 2, label: { zh: '地铁', en: 'Metro' } },
  large_station: { item: 2, label: { zh: '大型车站', en: 'Large railway or coach station' } },
  public_transport_vehicle: { item: 2, label: { zh: '公共交通工具', en: 'Public transport vehicle' } },
  telecom_outlet: { item: 3, label: { zh: '电信营业场所', en: 'Telecom business hall' } },
  postal_outlet: { item: 3, label: { zh: '邮政营业场所', en: 'Post office' } },
  bank_branch: { item: 3, label: { zh: '银行营业网点', en: 'Bank branch' } },
  financial_outlet: {
    item: 3,
    label: { zh: '其他金融机构营业场所', en: 'Other financial institution business premises' },
    note: { zh: '证券、保险等金融机构的营业场所同属“金融机构的营业场所”', en: 'Securities and insurance premises are also "business premises of financial institutions"' },
  },
  financial_storage: { item: 3, label: { zh: '金融机构存放场所（金库等）', en: 'Financial storage site (vault)' } },
  securities_printing_site: { item: 3, label: { zh: '有价证券印制、存放、销毁场所', en: 'Site printing, storing or destroying securities' } },
  large_energy_facility: { item: 4, label: { zh: '大型能源动力设施', en: 'Large energy or power facility' } },
  water_conservancy_facility: { item: 4, label: { zh: '水利设施', en: 'Water-conservancy facility' } },
  water_supply: { item: 4, label: { zh: '城市供水设施', en: 'Urban water supply facility' } },
  power_supply: { item: 4, label: { zh: '城市供电设施', en: 'Urban power supply facility' } },
  gas_supply: { item: 4, label: { zh: '城市燃气供应设施', en: 'Urban gas supply facility' } },
  heat_supply: { item: 4, label: { zh: '城市热力供应设施', en: 'Urban heat supply facility' } },
  oil_depot: { item: 4, label: { zh: '油库', en: 'Oil depot' } },
  gas_station: { item: 4, label: { zh: '加油（气）站', en: 'Filling station (fuel or gas)' } },
  research_site: {
    item: 5,
    label: { zh: '重要科研、生产单位的研究、试验和资料存放场所', en: 'Research, testing or records site of a major research or production unit' },
    note: { zh: '涉密场所不属本项（见第十项）', en: 'A secret site is excluded from this item (see item 10)' },
  },
  important_materials_warehouse: { item: 6, label: { zh: '重要物资仓库', en: 'Warehouse of important materials' } },
  pollutant_discharging_site: { item: 6, label: { zh: '排污单位的生产、存放场所', en: 'Production or storage site of a unit discharging pollutants' } },
  primary_school: { item: 7, label: { zh: '小学', en: 'Primary school' } },
  secondary_school: { item: 7, label: { zh: '中学', en: 'Secondary school' } },
  vocational_school: { item: 7, label: { zh: '职业学校', en: 'Vocational school' } },
  university: { item: 7, label: { zh: '高等学校', en: 'University or college' } },
  kindergarten: { item: 7, label: { zh: '幼儿园', en: 'Kindergarten' } },
  hospital: { item: 7, label: { zh: '医院', en: 'Hospital' } },
  clinic: {
    item: 7,
    label: { zh: '诊所等其他医疗机构', en: 'Clinic or other medical institution' },
    note: { zh: '“医疗机构”不以规模区分', en: '"Medical institutions" carries no size threshold' },
  },
  large_shopping_mall: { item: 7, label: { zh: '大型商场', en: 'Large shopping mall' } },
  farmers_market: { item: 7, label: { zh: '农贸市场', en: "Farmers' market" } },
  entertainment_venue: { item: 7, label: { zh: '文化娱乐场所', en: 'Cultural or entertainment venue' } },
  stadium: { item: 7, label: { zh: '体育场馆', en: 'Sports venue' } },
  hotel: { item: 7, label: { zh: '宾馆、酒店', en: 'Hotel' } },
  tourist_attraction: { item: 7, label: { zh: '旅游景区', en: 'Tourist attraction' } },
  key_cultural_relic_site: { item: 8, label: { zh: '重点文物保护单位', en: 'Protected cultural heritage site' } },
  archive: { item: 8, label: { zh: '档案馆', en: 'Archive' } },
  museum: {
    item: 8,
    label: { zh: '博物馆', en: 'Museum' },
    note: { zh: '属“用于收藏、陈列、展览具有重要价值的物品、资料的场所”', en: 'A place "keeping, displaying or exhibiting articles of great value"' },
  },
  hazardous_materials_site: { item: 9, label: { zh: '易燃、易爆、剧毒、放射性物品场所', en: 'Site for flammable, explosive, highly toxic or radioactive goods' } },
  controlled_drug_site: { item: 9, label: { zh: '管制药品场所', en: 'Controlled-drug site' } },
  pathogen_site: { item: 9, label: { zh: '病菌等危险物品场所', en: 'Pathogen or other dangerous-goods site' } },
  state_secret_document_site: { item: 10, label: { zh: '印制、存储国家秘密文件、信息的场所', en: 'Site printing or storing state-secret documents or information' } },
  exam_paper_site: { item: 10, label: { zh: '印制、存储保密试卷的场所', en: 'Site printing or storing confidential exam papers' } },
  residential_community_new: { item: 11, label: { zh: '新建居民住宅小区', en: 'New residential community' } },
  residential_community_existing: {
    item: 11,
    label: { zh: '已建成的居民小区', en: 'Existing residential community' },
    note: { zh: '仅在“有安装条件”时属本项', en: 'Falls under the item only where installation is feasible' },
  },
  government_designated: { item: 12, label: { zh: '县以上人民政府确定的其他重要场所', en: 'Other important place designated by a county-or-higher government' } },
} as const satisfies Record<string, UnitTypeEntry>;

export type KeyUnitType = keyof typeof UNIT_TYPE_ART10_ITEM;
export const KEY_UNIT_TYPES = Object.keys(UNIT_TYPE_ART10_ITEM) as KeyUnitType[];
/** Every unit type a situation may name: the key-unit types and `other`. */
export const UNIT_TYPES = [...KEY_UNIT_TYPES, 'other'] as [...KeyUnitType[], 'other'];
export type UnitType = KeyUnitType | 'other';

/** The art 10 item a unit type falls under, or undefined for `other`. */
export function art10ItemOf(unitType: string): Art10Item | undefined {
  return (UNIT_TYPE_ART10_ITEM as Record<string, UnitTypeEntry>)[unitType]?.item;
}

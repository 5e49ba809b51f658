import { creditCodeCheckCharacter } from '../../shared/standards/gb32100.js';
import { liaoningDivisions, type Division } from '../../shared/standards/gb2260.js';
import type { Clock } from '../../shared/clock.js';
import { art10ItemOf, UNIT_TYPE_ART10_ITEM_LABELS } from './unit-type-labels.js';
import { BANKS, CITY_CENTRES, CITY_WEIGHTS, PLACE_WORDS, shortName } from './places.js';
import { cumulate, Prng } from './prng.js';
import type { RegistryRepository } from '../repository.js';

/**
 * A province-scale registry for benchmarks and load tests: by default
 * 300,000 key units and 3,000,000 devices (with their systems) spread over
 * the 14 cities by population, generated from a fixed seed so every run
 * builds the same province. Rows are generated already derived (city, art 10
 * item, a device's unit and place) by the rules the validator enforces, and
 * inserted through the repository's multi-row inserts, a batch of units with
 * their systems and devices to one transaction.
 */

export interface ScaleOptions {
  keyUnits: number;
  devices: number;
  seed?: number;
  /** Key units per batch (and transaction). */
  batchSize?: number;
  firstIds?: { keyUnit: number; system: number; device: number };
  /** Product ids devices may name, by category. */
  products?: { cameras: number[]; detectors: number[] };
}

export const PROVINCE_SCALE = { keyUnits: 300_000, devices: 3_000_000 } as const;
export const DEFAULT_SEED = 20150201;

type Row = Record<string, unknown>;

export interface ScaleBatch {
  keyUnits: Row[];
  systems: Row[];
  devices: Row[];
}

/** Unit types and how common they are, per thousand key units. */
const TYPE_WEIGHTS: Record<string, number> = {
  residential_community_existing: 120,
  residential_community_new: 40,
  bank_branch: 100,
  primary_school: 70,
  secondary_school: 45,
  kindergarten: 80,
  university: 6,
  vocational_school: 10,
  hospital: 25,
  clinic: 60,
  hotel: 60,
  large_shopping_mall: 25,
  farmers_market: 30,
  entertainment_venue: 40,
  stadium: 5,
  tourist_attraction: 8,
  gas_station: 50,
  telecom_outlet: 30,
  postal_outlet: 25,
  financial_outlet: 20,
  financial_storage: 3,
  securities_printing_site: 1,
  important_materials_warehouse: 15,
  pollutant_discharging_site: 15,
  hazardous_materials_site: 10,
  controlled_drug_site: 3,
  pathogen_site: 2,
  research_site: 8,
  large_station: 2,
  public_transport_vehicle: 10,
  port: 1,
  wharf: 2,
  airport: 0.3,
  metro: 1,
  radio_station: 1,
  tv_station: 1,
  news_agency: 0.5,
  water_supply: 5,
  power_supply: 8,
  gas_supply: 4,
  heat_supply: 8,
  oil_depot: 2,
  large_energy_facility: 2,
  water_conservancy_facility: 3,
  key_cultural_relic_site: 4,
  archive: 4,
  museum: 4,
  state_secret_document_site: 1,
  exam_paper_site: 1,
  government_designated: 3,
};

const CAMERA_PLACES: Record<number, string[]> = {
  3: ['entrance_exit', 'business_counter', 'vault_or_storage', 'public_space'],
  7: ['entrance_exit', 'public_space', 'corridor', 'classroom', 'parking', 'perimeter'],
};
const DEFAULT_CAMERA_PLACES = ['entrance_exit', 'perimeter', 'public_space', 'corridor', 'parking', 'office'];
const PLACE_NAMES: Record<string, string> = {
  entrance_exit: '出入口',
  perimeter: '周界',
  public_space: '大厅',
  business_counter: '营业柜台',
  vault_or_storage: '库房',
  corridor: '走廊',
  parking: '停车场',
  classroom: '教室',
  office: '办公室',
};

function unitName(r: Prng, type: string, city: string, county: string): string {
  const w = r.pick(PLACE_WORDS);
  const n = r.int(1, 160);
  switch (type) {
    case 'primary_school':
      return r.chance(0.5) ? `${city}市${county}第${n}小学` : `${city}市${w}小学`;
    case 'secondary_school':
      return r.chance(0.5) ? `${city}市第${n}中学` : `${city}市${w}中学`;
    case 'vocational_school':
      return `${city}市${w}职业技术学校`;
    case 'university':
      return `${city}${w}学院`;
    case 'kindergarten':
      return `${city}市${county}${w}幼儿园`;
    case 'hospital':
      return r.chance(0.4) ? `${city}市第${r.int(1, 12)}人民医院${w}分院` : `${city}${w}医院`;
    case 'clinic':
      return `${county}${w}社区卫生服务中心`;
    case 'bank_branch':
      return `${r.pick(BANKS)}${city}${w}支行`;
    case 'hotel':
      return `${city}${w}${r.pick(['大酒店', '宾馆', '酒店', '快捷酒店'])}`;
    case 'large_shopping_mall':
      return `${city}${w}购物中心`;
    case 'farmers_market':
      return `${county}${w}农贸市场`;
    case 'entertainment_venue':
      return `${w}${r.pick(['电影院', 'KTV', '文化宫', '游艺厅'])}`;
    case 'gas_station':
      return `${r.pick(['中国石油', '中国石化'])}${city}${w}加油站`;
    case 'residential_community_existing':
    case 'residential_community_new':
      return `${w}${r.pick(['花园', '小区', '家园', '新城', '雅居', '华府'])}${r.chance(0.3) ? `${r.int(2, 6)}期` : ''}`;
    case 'telecom_outlet':
      return `${r.pick(['中国移动', '中国联通', '中国电信'])}${city}${w}营业厅`;
    case 'postal_outlet':
      return `${city}${w}邮政支局`;
    default:
      return `${city}${w}${(UNIT_TYPE_ART10_ITEM_LABELS[type] ?? '单位').replace(/[（(].*$/, '')}${n}`;
  }
}

/** The province, a batch at a time; the same options give the same rows. */
export function* provinceBatches(opts: ScaleOptions): Generator<ScaleBatch> {
  const r = new Prng(opts.seed ?? DEFAULT_SEED);
  const batchSize = opts.batchSize ?? 5000;
  const ids = { ...(opts.firstIds ?? { keyUnit: 1, system: 1, device: 1 }) };
  const divisions = liaoningDivisions();
  const cities = divisions.filter((d) => d.level === 'city');
  const countiesOf = new Map<string, Division[]>(cities.map((c) => [c.code, divisions.filter((d) => d.parentCode === c.code)]));
  const cityCum = cumulate(cities.map((c) => CITY_WEIGHTS[c.code] ?? 1));
  const types = Object.keys(TYPE_WEIGHTS).filter((t) => art10ItemOf(t) !== undefined);
  const typeCum = cumulate(types.map((t) => TYPE_WEIGHTS[t]));
  const cameras = opts.products?.cameras ?? [];
  const detectors = opts.products?.detectors ?? [];
  const N = opts.keyUnits;
  const M = opts.devices;
  const share = (i: number) => Math.floor((M * i) / N);

  for (let start = 0; start < N; start += batchSize) {
    const end = Math.min(N, start + batchSize);
    const batch: ScaleBatch = { keyUnits: [], systems: [], devices: [] };
    // Devices per unit: the even share, moved between neighbours so units differ but the total is exact.
    const counts: number[] = [];
    for (let i = start; i < end; i++) counts.push(share(i + 1) - share(i));
    for (let j = 0; j + 1 < counts.length; j += 2) {
      const room = Math.min(counts[j], counts[j + 1]) - 1;
      if (room > 0) {
        const d = r.int(-room, room);
        counts[j] += d;
        counts[j + 1] -= d;
      }
    }
    for (let i = start; i < end; i++) {
      const city = r.weighted(cities, cityCum);
      const county = r.pick(countiesOf.get(city.code)!);
      const type = r.weighted(types, typeCum);
      const item = art10ItemOf(type)!;
      const restricted = item === 10;
      const keyUnitId = ids.keyUnit++;
      const cityShort = shortName(city.name);
      const body = `${item === 3 || item === 7 ? '91' : '12'}${county.code}${keyUnitId.toString(36).toUpperCase().replace(/[IOSVZ]/g, 'X').padStart(9, '0')}`;
      batch.keyUnits.push({
        id: keyUnitId,
        name: unitName(r, type, cityShort, shortName(county.name)),
        unitType: type,
        art10Item: item,
        creditCode: body + creditCodeCheckCharacter(body),
        divisionCode: county.code,
        cityCode: city.code,
        address: `${city.name}${county.name}${r.pick(PLACE_WORDS)}路${r.int(1, 999)}号`,
        restricted,
      });
      const place = { keyUnitId, divisionCode: county.code, cityCode: city.code, restricted };
      const video = { id: ids.system++, name: '视频监控系统', subsystemKind: 'video_audio_surveillance', retentionDays: r.chance(0.2) ? 90 : 30, ...place };
      batch.systems.push(video);
      const n = counts[i - start];
      let alarmDevices = 0;
      let alarm: Row | null = null;
      if (n >= 2 && r.chance(0.5)) {
        alarm = { id: ids.system++, name: '入侵报警系统', subsystemKind: 'intrusion_alarm', retentionDays: 30, ...place };
        batch.systems.push(alarm);
        alarmDevices = Math.max(1, Math.floor(n * 0.3));
      }
      const [lat0, lng0] = CITY_CENTRES[city.code] ?? [41.8, 123.4];
      const ulat = lat0 + (r.next() - 0.5) * 0.3;
      const ulng = lng0 + (r.next() - 0.5) * 0.4;
      const placesForUnit = CAMERA_PLACES[item] ?? DEFAULT_CAMERA_PLACES;
      for (let d = 0; d < n; d++) {
        const isDetector = d < alarmDevices;
        const placeKind = isDetector ? r.pick(['perimeter', 'vault_or_storage', 'entrance_exit']) : r.pick(placesForUnit);
        batch.devices.push({
          id: ids.device++,
          systemId: isDetector ? alarm!.id : video.id,
          name: `${PLACE_NAMES[placeKind] ?? '前端'}${isDetector ? '探测器' : '摄像机'}${String(d + 1).padStart(2, '0')}`,
          capturesVideo: !isDetector,
          capturesAudio: !isDetector && r.chance(0.05),
          placeKind,
          lat: Math.round((ulat + (r.next() - 0.5) * 0.002) * 1e6) / 1e6,
          lng: Math.round((ulng + (r.next() - 0.5) * 0.002) * 1e6) / 1e6,
          bearing: isDetector ? null : r.int(0, 359),
          fieldOfView: isDetector ? null : r.int(60, 110),
          rangeMeters: r.int(8, 60),
          productId: (isDetector ? detectors : cameras).length ? r.pick(isDetector ? detectors : cameras) : null,
          keyUnitId,
          publicAreaId: null,
          divisionCode: county.code,
          cityCode: city.code,
          restricted,
        });
      }
    }
    yield batch;
  }
}

export interface ScaleResult {
  keyUnits: number;
  systems: number;
  devices: number;
  /** Seconds spent inserting, generation excluded. */
  insertSeconds: number;
  seconds: number;
}

const SCALE_PRODUCTS = [
  { name: '网络高清摄像机', model: 'JF-IPC-4T', manufacturer: '辽宁北方安防设备有限公司', category: 'video_camera', catalogueListed: true },
  { name: '半球网络摄像机', model: 'JF-IPC-2D', manufacturer: '大连海安电子科技有限公司', category: 'video_camera', catalogueListed: true },
  { name: '被动红外入侵探测器', model: 'JF-PIR-10', manufacturer: '辽宁北方安防设备有限公司', category: 'intrusion_detector', catalogueListed: true },
  { name: '主动红外对射探测器', model: 'JF-ABT-100', manufacturer: '鞍山千山电子有限公司', category: 'intrusion_detector', catalogueListed: true },
];

/** The products devices of a generated province name: the existing cameras and detectors, or four added. */
export async function scaleProducts(repo: RegistryRepository, now: string): Promise<{ cameras: number[]; detectors: number[] }> {
  for (const p of SCALE_PRODUCTS) if (!(await repo.findBy('products', { manufacturer: p.manufacturer, model: p.model }))) await repo.insert('products', p, now);
  const scope = { kind: 'all', includeRestricted: true } as const;
  const ids = async (category: string) => (await repo.list('products', scope, { filters: { category }, pageSize: 100, sort: 'id' })).items.map((i) => i.id);
  return { cameras: await ids('video_camera'), detectors: await ids('intrusion_detector') };
}

/** Generates and inserts a province; ids follow those already used. */
export async function seedProvinceScale(repo: RegistryRepository, clock: Clock, opts: Omit<ScaleOptions, 'firstIds' | 'products'> & { onBatch?: (done: ScaleResult) => void }): Promise<ScaleResult> {
  const started = performance.now();
  const now = clock.now().toISOString();
  const products = await scaleProducts(repo, now);
  const firstIds = { keyUnit: (await repo.maxId('key-units')) + 1, system: (await repo.maxId('security-systems')) + 1, device: (await repo.maxId('devices')) + 1 };
  const result: ScaleResult = { keyUnits: 0, systems: 0, devices: 0, insertSeconds: 0, seconds: 0 };
  await repo.withBulkCache(async () => {
    for (const b of provinceBatches({ ...opts, firstIds, products })) {
      const t0 = performance.now();
      await repo.transaction(async (r) => {
        await r.insertMany('key-units', b.keyUnits, now);
        await r.insertMany('security-systems', b.systems, now);
        await r.insertMany('devices', b.devices, now);
      });
      result.insertSeconds += (performance.now() - t0) / 1000;
      result.keyUnits += b.keyUnits.length;
      result.systems += b.systems.length;
      result.devices += b.devices.length;
      result.seconds = (performance.now() - started) / 1000;
      opts.onBatch?.({ ...result });
    }
  });
  await repo.refreshStatistics();
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

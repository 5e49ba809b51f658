import { createUser, ROLE_NAMES, type Role } from '../../access/index.js';
import type { JifangDb } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { creditCodeCheckCharacter } from '../../shared/standards/gb32100.js';
import { liaoningDivisions, type Division } from '../../shared/standards/gb2260.js';
import { KINDS, type RegistryKind } from '../domain/kinds.js';
import { coerceFields, missingRequired, withDefaults } from '../domain/validate.js';
import { prepareRecords } from '../prepare-records.js';
import { syncReferenceData } from '../reference-data.js';
import { RegistryRepository, type Item } from '../repository.js';
import { CITY_CENTRES, shortName } from './places.js';

/**
 * The demo Liaoning: every division and police organ, and in each of the 14
 * cities a handful of key units across the art 10 categories with their
 * sites, systems and devices, two public areas, a provider (Shenyang has a
 * second); products; and an account for every role. Seeding again adds
 * nothing (rows are found by their natural keys). One camera deliberately watches a hotel room (art 14) so the
 * rule checks have something to find; one system is restricted (art 19).
 */

/** The one password of every demo account. */
export const DEMO_PASSWORD = 'jifang-demo';

export interface DemoAccount {
  username: string;
  role: Role;
  jurisdiction: string | null;
  note: string;
}

export interface DemoResult {
  created: Record<RegistryKind | 'accounts', number>;
  accounts: DemoAccount[];
}

function creditCode(prefix: string, division: string, seq: number): string {
  const body = `${prefix}${division}MA0JF0${String(seq).padStart(2, '0')}0`;
  return body + creditCodeCheckCharacter(body);
}

const PRODUCTS = [
  { name: '网络高清摄像机', model: 'JF-IPC-4T', manufacturer: '辽宁北方安防设备有限公司', category: 'video_camera', catalogueListed: true },
  { name: '网络硬盘录像机', model: 'JF-NVR-32', manufacturer: '辽宁北方安防设备有限公司', category: 'video_recorder', catalogueListed: true },
  { name: '被动红外入侵探测器', model: 'JF-PIR-10', manufacturer: '辽宁北方安防设备有限公司', category: 'intrusion_detector', catalogueListed: true },
  { name: '防盗报警控制器', model: 'JF-AP-8', manufacturer: '大连海安电子科技有限公司', category: 'alarm_control_panel', catalogueListed: true },
  { name: '门禁控制器', model: 'JF-AC-4', manufacturer: '大连海安电子科技有限公司', category: 'access_controller', catalogueListed: false },
  { name: '通道式X射线安全检查设备', model: 'JF-XR-6550', manufacturer: '鞍山千山电子有限公司', category: 'security_xray', catalogueListed: true },
];

interface UnitPlan {
  name: string;
  unitType: string;
  county: Division;
  sites: string[];
  systems: ('video' | 'alarm' | 'access')[];
  restricted?: boolean;
}

function unitsOf(city: Division, counties: Division[]): UnitPlan[] {
  const c = shortName(city.name);
  const [a, b] = [counties[0], counties[1] ?? counties[0]];
  const plans: UnitPlan[] = [
    { name: `${city.name}${a.name}实验中学`, unitType: 'secondary_school', county: a, sites: ['教学楼', '学生宿舍楼'], systems: ['video', 'alarm', 'access'] },
    { name: `中国工商银行${c}${shortName(a.name)}支行`, unitType: 'bank_branch', county: a, sites: ['营业厅', '金库'], systems: ['video', 'alarm'] },
    { name: `${city.name}第一人民医院`, unitType: 'hospital', county: b, sites: ['门诊楼', '住院部'], systems: ['video', 'access'] },
    { name: `${c}友谊大酒店`, unitType: 'hotel', county: a, sites: ['大堂', '客房楼层'], systems: ['video'] },
    { name: `${c}站`, unitType: 'large_station', county: b, sites: ['候车大厅'], systems: ['video'] },
    { name: `${city.name}档案馆`, unitType: 'archive', county: b, sites: ['档案库房'], systems: ['video', 'alarm'] },
    { name: `中国石油${c}${shortName(b.name)}加油站`, unitType: 'gas_station', county: b, sites: ['加油区'], systems: ['video'] },
    { name: `${city.name}${b.name}中心幼儿园`, unitType: 'kindergarten', county: b, sites: ['园区'], systems: ['video'] },
  ];
  if (city.code === '210100') {
    plans.push({ name: `${city.name}${a.name}招生考试试卷保密室`, unitType: 'exam_paper_site', county: a, sites: ['试卷保管室'], systems: ['video', 'alarm'], restricted: true });
  }
  return plans;
}

const SYSTEM_PLANS = {
  video: { name: '视频监控系统', subsystemKind: 'video_audio_surveillance' },
  alarm: { name: '入侵报警系统', subsystemKind: 'intrusion_alarm' },
  access: { name: '出入口控制系统', subsystemKind: 'access_control' },
} as const;

/** Natural key of a row as one string. */
const keyOf = (fields: readonly string[], row: Record<string, unknown>) => fields.map((f) => String(row[f] ?? '')).join('\u0000');

/**
 * Adds the rows of `wanted` whose natural key is not yet recorded, checked by
 * the same validator as any write (demo data must pass it), in bulk; returns
 * every wanted row as recorded, by natural key.
 */
async function ensureMany(repo: RegistryRepository, kind: RegistryKind, key: readonly string[], wanted: Record<string, unknown>[], now: string): Promise<{ rows: Map<string, Item>; added: number }> {
  const k = KINDS[kind];
  const found = async () => {
    const out = new Map<string, Item>();
    const firsts = [...new Set(wanted.map((w) => w[key[0]]))] as (string | number)[];
    for (let i = 0; i < firsts.length; i += 500) {
      for (const item of await repo.findAll(kind, key[0], firsts.slice(i, i + 500))) out.set(keyOf(key, item), item);
    }
    return out;
  };
  const existing = await found();
  const missing = wanted.filter((w, i) => !existing.has(keyOf(key, w)) && wanted.findIndex((x) => keyOf(key, x) === keyOf(key, w)) === i);
  if (!missing.length) return { rows: existing, added: 0 };
  const records = missing.map((w) => {
    const c = coerceFields(k, w);
    const values = withDefaults(k, c.values);
    return { values, issues: [...c.issues, ...missingRequired(k, values)] };
  });
  const prepared = await prepareRecords(
    repo,
    kind,
    records.map((r) => ({ values: r.values })),
  );
  const issues = records.flatMap((r, i) => [...r.issues, ...prepared[i].issues].map((x) => `${k.kind} ${keyOf(key, missing[i])}: ${x.field} ${x.rule}`));
  if (issues.length) throw new Error(`demo data does not pass validation:\n${issues.join('\n')}`);
  await repo.insertMany(
    kind,
    prepared.map((p) => p.row),
    now,
  );
  return { rows: await found(), added: missing.length };
}

/** Seeds the demo Liaoning; safe to run again. */
export async function seedDemo(jdb: JifangDb, clock: Clock): Promise<DemoResult> {
  const repo = RegistryRepository.of(jdb);
  const reference = await syncReferenceData(repo, clock);
  const now = clock.now().toISOString();
  const created: DemoResult['created'] = { 'key-units': 0, sites: 0, 'public-areas': 0, 'security-systems': 0, devices: 0, products: 0, providers: 0, 'police-organs': reference.organs, accounts: 0 };
  const links = await repo.transaction(async (r) => {
    const ensure = async (kind: RegistryKind, key: readonly string[], wanted: Record<string, unknown>[]) => {
      const { rows, added } = await ensureMany(r, kind, key, wanted, now);
      created[kind] += added;
      return (row: Record<string, unknown>) => rows.get(keyOf(key, row))!;
    };

    const productOf = await ensure('products', ['manufacturer', 'model'], PRODUCTS);
    const idOf = (category: string) => productOf(PRODUCTS.find((p) => p.category === category)!).id;
    const [camera, detector, reader] = [idOf('video_camera'), idOf('intrusion_detector'), idOf('access_controller')];

    const divisions = liaoningDivisions();
    const cities = divisions.filter((d) => d.level === 'city');
    const countiesOf = (city: Division) => divisions.filter((d) => d.parentCode === city.code);

    const providerRows = cities.map((city, i) => {
      const county = countiesOf(city)[0];
      return { city: city.code, creditCode: creditCode('91', county.code, i + 1), name: `${shortName(city.name)}安盾技防工程有限公司`, services: ['design', 'installation', 'maintenance'], divisionCode: county.code, address: `${city.name}${county.name}安防路${i + 1}号` };
    });
    const outside = { creditCode: creditCode('91', '110105', 99), name: '北京京安报警运营服务有限公司', services: ['alarm_operation', 'maintenance'], fromOutsideLiaoning: true, address: '北京市朝阳区' };
    // A second provider in Shenyang, whose filing the demo leaves waiting for the city police (Art 18).
    const second = { creditCode: creditCode('91', '210103', 15), name: '沈阳恒安技防科技有限公司', services: ['installation', 'maintenance'], divisionCode: '210103', address: '沈阳市沈河区青年大街15号' };
    const providerOf = await ensure('providers', ['creditCode'], [...providerRows.map(({ city: _city, ...p }) => p), outside, second]);
    const cityProvider = new Map(providerRows.map((p) => [p.city, providerOf(p).id]));

    // Key units, and for each its sites and systems.
    const units = cities.flatMap((city) => unitsOf(city, countiesOf(city)).map((plan, u) => ({ city, plan, u })));
    const unitRow = ({ city, plan, u }: (typeof units)[number]) => ({
      name: plan.name,
      divisionCode: plan.county.code,
      unitType: plan.unitType,
      restricted: plan.restricted ?? false,
      creditCode: creditCode(['bank_branch', 'hotel', 'gas_station'].includes(plan.unitType) ? '91' : '12', plan.county.code, 20 + u),
      address: `${city.name}${plan.county.name}${['中山路', '青年大街', '北京街', '人民路', '解放路', '文化路', '民主路', '建设大路', '长江街'][u % 9]}${10 + u * 7}号`,
    });
    const unitOf = await ensure('key-units', ['name', 'divisionCode'], units.map(unitRow));
    const unitId = (x: (typeof units)[number]) => unitOf(unitRow(x)).id;
    const siteOf = await ensure(
      'sites',
      ['keyUnitId', 'name'],
      units.flatMap((x) => x.plan.sites.map((name) => ({ keyUnitId: unitId(x), name }))),
    );
    const systems = units.flatMap((x) =>
      x.plan.systems.map((kind) => ({
        x,
        kind,
        row: {
          keyUnitId: unitId(x),
          name: `${x.plan.name}${SYSTEM_PLANS[kind].name}`,
          subsystemKind: SYSTEM_PLANS[kind].subsystemKind,
          siteId: siteOf({ keyUnitId: unitId(x), name: x.plan.sites[0] }).id,
          providerId: cityProvider.get(x.city.code),
          retentionDays: x.plan.unitType === 'bank_branch' ? 90 : 30,
          restricted: x.plan.restricted ?? false,
        },
      })),
    );
    const systemOf = await ensure(
      'security-systems',
      ['keyUnitId', 'name'],
      systems.map((s) => s.row),
    );

    // Public areas (art 8 ¶2), each with a system of its own.
    const areas = cities.flatMap((city) => {
      const county = countiesOf(city)[0];
      const c = shortName(city.name);
      const [lat, lng] = CITY_CENTRES[city.code] ?? [41.8, 123.4];
      return [
        { name: `${c}市民广场`, kind: 'square', designatedDepartment: `${city.name}城市管理局` },
        { name: `${c}${shortName(county.name)}中心路口`, kind: 'intersection', designatedDepartment: `${city.name}公安局交通警察支队` },
      ].map((a, k) => ({ city, row: { ...a, divisionCode: county.code, lat: lat + 0.005 * k, lng: lng - 0.004 * k, address: `${city.name}${county.name}` } }));
    });
    const areaOf = await ensure(
      'public-areas',
      ['name', 'divisionCode'],
      areas.map((a) => a.row),
    );
    const areaSystems = areas.map((a) => ({
      a,
      row: { publicAreaId: areaOf(a.row).id, name: `${a.row.name}视频监控系统`, subsystemKind: 'video_audio_surveillance', providerId: cityProvider.get(a.city.code), retentionDays: 30 },
    }));
    const areaSystemOf = await ensure(
      'security-systems',
      ['publicAreaId', 'name'],
      areaSystems.map((s) => s.row),
    );

    // Devices: cameras, detectors and readers where each system needs them.
    const devices: Record<string, unknown>[] = [];
    for (const s of systems) {
      const { city, plan, u } = s.x;
      const systemId = systemOf(s.row).id;
      const [lat, lng] = CITY_CENTRES[city.code] ?? [41.8, 123.4];
      const at = (k: number) => ({ lat: Math.round((lat + 0.01 * u + 0.0002 * k) * 1e6) / 1e6, lng: Math.round((lng + 0.012 * u - 0.0003 * k) * 1e6) / 1e6 });
      const list =
        s.kind === 'video'
          ? [
              { name: '出入口摄像机', placeKind: 'entrance_exit', capturesVideo: true, bearing: 180, fieldOfView: 90, rangeMeters: 30, productId: camera, ...at(1) },
              { name: '大厅摄像机', placeKind: plan.unitType === 'bank_branch' ? 'business_counter' : 'public_space', capturesVideo: true, capturesAudio: plan.unitType === 'bank_branch', bearing: 90, fieldOfView: 100, rangeMeters: 20, productId: camera, ...at(2) },
              { name: '周界摄像机', placeKind: 'perimeter', capturesVideo: true, bearing: 0, fieldOfView: 60, rangeMeters: 50, productId: camera, ...at(3) },
              // Deliberately unlawful: art 14 forbids video capture in a hotel guest room.
              ...(city.code === '210100' && plan.unitType === 'hotel' ? [{ name: '1208客房摄像机', placeKind: 'hotel_room', capturesVideo: true, bearing: 270, fieldOfView: 110, rangeMeters: 8, productId: camera, ...at(4) }] : []),
            ]
          : s.kind === 'alarm'
            ? [
                { name: '门窗探测器', placeKind: 'entrance_exit', productId: detector, rangeMeters: 10, ...at(5) },
                { name: '库房探测器', placeKind: 'vault_or_storage', productId: detector, rangeMeters: 12, ...at(6) },
              ]
            : [{ name: '门禁读卡器', placeKind: 'entrance_exit', productId: reader, ...at(7) }];
      for (const d of list) devices.push({ systemId, ...d });
    }
    for (const s of areaSystems) {
      const systemId = areaSystemOf(s.row).id;
      const { lat, lng } = s.a.row;
      devices.push(
        { systemId, name: '东侧摄像机', placeKind: 'public_space', capturesVideo: true, bearing: 90, fieldOfView: 90, rangeMeters: 80, productId: camera, lat, lng },
        { systemId, name: '西侧摄像机', placeKind: 'public_space', capturesVideo: true, bearing: 270, fieldOfView: 90, rangeMeters: 80, productId: camera, lat, lng: Math.round((lng - 0.0006) * 1e6) / 1e6 },
      );
    }
    await ensure('devices', ['systemId', 'name'], devices);

    const shenyang = units.find((x) => x.city.code === '210100' && x.plan.unitType === 'secondary_school')!;
    const organ = async (code: string) => (await r.findBy('police-organs', { code }))?.id ?? null;
    return {
      shenyangSchool: unitId(shenyang),
      shenyangProvider: cityProvider.get('210100')!,
      shenyangSecondProvider: providerOf(second).id,
      province: await organ('210000'),
      shenyang: await organ('210100'),
      heping: await organ('210102'),
      station: await organ('210102022'),
    };
  });

  const accounts: (DemoAccount & { organId?: number | null; keyUnitId?: number; providerId?: number; displayName: string })[] = [
    { username: 'demo-province', role: 'province_supervisor', jurisdiction: '210000', organId: links.province, displayName: '辽宁省公安厅技防监管', note: '辽宁省' },
    { username: 'demo-shenyang', role: 'city_supervisor', jurisdiction: '210100', organId: links.shenyang, displayName: '沈阳市公安局技防监管', note: '沈阳市' },
    { username: 'demo-heping', role: 'county_supervisor', jurisdiction: '210102', organId: links.heping, displayName: '沈阳市公安局和平分局技防监管', note: '沈阳市和平区' },
    { username: 'demo-station', role: 'station_officer', jurisdiction: '210102', organId: links.station, displayName: '太原街派出所民警', note: '和平区太原街派出所' },
    { username: 'demo-school', role: 'key_unit', jurisdiction: null, keyUnitId: links.shenyangSchool, displayName: '沈阳市和平区实验中学', note: '沈阳市和平区实验中学' },
    { username: 'demo-provider', role: 'provider', jurisdiction: null, providerId: links.shenyangProvider, displayName: '沈阳安盾技防工程有限公司', note: '沈阳安盾技防工程有限公司' },
    { username: 'demo-provider-2', role: 'provider', jurisdiction: null, providerId: links.shenyangSecondProvider, displayName: '沈阳恒安技防科技有限公司', note: '沈阳恒安技防科技有限公司' },
    { username: 'demo-investigator', role: 'investigator', jurisdiction: null, displayName: '侦查人员', note: '' },
    { username: 'demo-citizen', role: 'citizen', jurisdiction: null, displayName: '市民', note: '' },
    { username: 'demo-oversight', role: 'oversight', jurisdiction: null, displayName: '监督人员', note: '' },
    { username: 'demo-admin', role: 'admin', jurisdiction: null, displayName: '系统管理员', note: '' },
  ];
  const existing = new Set(
    (
      await jdb.db
        .selectFrom('users')
        .select('username')
        .where(
          'username',
          'in',
          accounts.map((a) => a.username),
        )
        .execute()
    ).map((x) => String(x.username)),
  );
  // Password hashing is slow by design; the accounts are hashed side by side.
  const fresh = accounts.filter((a) => !existing.has(a.username));
  await Promise.all(
    fresh.map((a) =>
      createUser(jdb.db, clock, { username: a.username, password: DEMO_PASSWORD, role: a.role, displayName: a.displayName, jurisdiction: a.jurisdiction, organId: a.organId ?? null, keyUnitId: a.keyUnitId ?? null, providerId: a.providerId ?? null }),
    ),
  );
  created.accounts = fresh.length;
  return { created, accounts: accounts.map(({ username, role, jurisdiction, note }) => ({ username, role, jurisdiction, note })) };
}

/** The lines `serve` prints after seeding: the accounts, their roles and the password. */
export function demoAccountLines(accounts: readonly DemoAccount[]): string[] {
  const w = Math.max(...accounts.map((a) => a.username.length));
  const r = Math.max(...accounts.map((a) => a.role.length));
  return [
    `Demo accounts (password: ${DEMO_PASSWORD}) / 演示账号（密码：${DEMO_PASSWORD}）:`,
    ...accounts.map((a) => `  ${a.username.padEnd(w)}  ${a.role.padEnd(r)}  ${ROLE_NAMES[a.role].zh}${a.note ? `（${a.note}）` : ''}`),
  ];
}

/**
 * First run of `serve`: an empty database (no accounts, no key units) gets the
 * demo Liaoning; anything else is left alone.
 */
export async function seedDemoIfEmpty(jdb: JifangDb, clock: Clock): Promise<string[]> {
  const users = await jdb.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const units = await jdb.db
    .selectFrom('key_units')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  if (Number(users?.n ?? 0) > 0 || Number(units?.n ?? 0) > 0) return [];
  const r = await seedDemo(jdb, clock);
  return [`Seeded the demo Liaoning: ${r.created['key-units']} key units, ${r.created['security-systems']} systems, ${r.created.devices} devices, ${r.created['police-organs']} police organs.`, ...demoAccountLines(r.accounts)];
}


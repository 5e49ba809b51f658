import { sql } from 'kysely';
import type { Clock } from '../shared/clock.js';
import { DEFAULT_OPERATIONS_SETTINGS, type OperationsDeps } from './context.js';
import { setEndpoint } from './endpoints.js';
import { ingestRecords, type RecordInput } from './ingest.js';
import { opsDb } from './tables.js';
import type { Actor } from '../access/index.js';
import type { JifangDb } from '../db/database.js';

/** The digest password of the demo's GB/T 28181 cameras (README: pointing a device at Jifang). */
export const DEMO_DEVICE_PASSWORD = 'jifang-demo-device';

const OPERATOR: Actor = { userId: 0, username: 'operator', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

interface DemoSystem {
  id: number;
  name: string;
  kind: string;
  divisionCode: string;
  unitType: string | null;
}

/**
 * Operating status for the demo Liaoning, so the dashboard's figure and the
 * status pages have something to show after `npm start`: Shenyang's and
 * Dalian's systems have reported recently (by uploaded log, so they do not
 * go offline when no real device keeps them alive), a bank branch's video
 * system in each city has unregistered (offline), and a school's alarm system
 * in Heping lost power (interrupted). The Heping school's video system gets a
 * GB/T 28181 id a real device or sipp can register with. Idempotent: nothing
 * happens once any operation record exists.
 */
export async function seedOperationsDemo(jdb: JifangDb, clock: Clock, realm = DEFAULT_OPERATIONS_SETTINGS.realm): Promise<string[]> {
  const deps: OperationsDeps = { db: jdb.db, dialect: jdb.dialect, clock, settings: { ...DEFAULT_OPERATIONS_SETTINGS, realm } };
  const any = await opsDb(jdb.db).selectFrom('operationBatches').select('id').limit(1).executeTakeFirst();
  if (any) return [];
  const rows = (
    await sql<{ id: number; name: string; subsystem_kind: string; division_code: string; unit_type: string | null }>`
      select s.id, s.name, s.subsystem_kind, s.division_code, k.unit_type from security_systems s left join key_units k on k.id = s.key_unit_id
      where (s.city_code = '210100' or s.city_code = '210200') and s.restricted = 0 order by s.id limit 60`.execute(jdb.db.withoutPlugins())
  ).rows;
  const systems: DemoSystem[] = rows.map((r) => ({ id: Number(r.id), name: String(r.name), kind: String(r.subsystem_kind), divisionCode: String(r.division_code), unitType: r.unit_type == null ? null : String(r.unit_type) }));
  if (!systems.length) return [];
  const now = clock.now().getTime();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const offline = new Set<number>();
  const interrupted = new Set<number>();
  for (const city of ['2101', '2102']) {
    const bank = systems.find((s) => s.divisionCode.startsWith(city) && s.unitType === 'bank_branch' && s.kind === 'video_audio_surveillance');
    if (bank) offline.add(bank.id);
  }
  const schoolAlarm = systems.find((s) => s.divisionCode === '210102' && s.unitType === 'secondary_school' && s.kind === 'intrusion_alarm');
  if (schoolAlarm) interrupted.add(schoolAlarm.id);
  let records = 0;
  for (const s of systems) {
    const batch: RecordInput[] = [
      { kind: 'register', occurredAt: at(180) },
      { kind: 'keepalive', occurredAt: at(120) },
      { kind: 'keepalive', occurredAt: at(2) },
    ];
    if (offline.has(s.id)) batch.splice(2, 1, { kind: 'unregister', occurredAt: at(95), detail: '设备注销后未再注册' });
    if (interrupted.has(s.id)) batch.splice(2, 1, { kind: 'power-loss', occurredAt: at(40), detail: '报警主机断电' });
    records += (await ingestRecords(deps, { kind: 'operator' }, s.id, 'upload', batch)).records;
  }
  const schoolVideo = systems.find((s) => s.divisionCode === '210102' && s.unitType === 'secondary_school' && s.kind === 'video_audio_surveillance');
  const lines = [`Device operations of the demo: ${records} operation records for ${systems.length} systems, ${offline.size} offline and ${interrupted.size} interrupted.`];
  if (schoolVideo) {
    const gbId = '21010200001320000001';
    await setEndpoint(deps, OPERATOR, schoolVideo.id, { gbId, password: DEMO_DEVICE_PASSWORD });
    lines.push(`GB/T 28181 demo camera: id ${gbId}, password ${DEMO_DEVICE_PASSWORD}, realm ${realm} (${schoolVideo.name}).`);
  }
  return lines;
}

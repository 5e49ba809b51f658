import { sql } from 'kysely';
import { actorsByUsername } from '../access/index.js';
import type { JifangDb } from '../db/database.js';
import { RegistryRepository } from '../registry/index.js';
import { fixedClock, type Clock } from '../shared/clock.js';
import { residentIdCheckDigit } from '../shared/standards/gb11643.js';
import { confirmOfficer, fileOfficialRequest, registerAtUnit } from './access-requests.js';
import type { VaultDeps } from './context.js';
import { fileEvidence } from './evidence.js';
import { registryDirectory } from './ports/registry-directory.js';
import { vaultDb } from './tables.js';
import { createVault } from './vault.js';
import { fileViewing } from './viewing.js';

/**
 * Requests for captured information in the demo Liaoning, so that the station,
 * the investigator and the citizen have work after `npm start`: the demo
 * citizen's application to view the demo school's recordings, filed online with
 * the Taiyuan Street station and waiting to be registered there (Art 25 ¶1), and
 * an evidence request waiting for the Heping police to record it (Art 25 ¶2);
 * the investigator's request under Art 24 ¶1 waiting for a second officer, and
 * an earlier one confirmed by a second officer (the station's) and registered at
 * the school, so granted.
 *
 * Each is made through the vault's own use cases as the demo accounts, so every
 * act is checked, recorded in the access log and on the ledger; the acts are
 * dated over the past days through the vault's clock. Idempotent: a request is
 * looked for by who made it and its own reference, and left alone when found.
 */

const DAY = 86_400_000;

/**
 * The demo citizen, obviously fictitious: no county has the address code
 * 999999, and no sequence number is 000, so the resident ID (valid check digit,
 * GB 11643) can be nobody's. The station types it to register the application.
 */
export const DEMO_CITIZEN = {
  name: '演示市民',
  residentId: `99999919900101000${residentIdCheckDigit('99999919900101000')}`,
} as const;

const ACCOUNTS = ['demo-citizen', 'demo-investigator', 'demo-station', 'demo-school'] as const;

const VIEW_REASON = '本人自行车于实验中学门口被盗，需查看门口录像以确认经过（演示数据）';
const EVIDENCE_CASE = '（演示）和平区人民法院民事案件第0001号';
const PENDING_CASE = '（演示）和公刑案字第0002号';
const GRANTED_CASE = '（演示）和公刑案字第0001号';

export interface CapturedDemoResult {
  added: number;
  viewing: number;
  evidence: number;
  accessRequests: number;
}

/** The vault as the API builds it for `dataDir`, over the registry's systems. */
export function demoVault(jdb: JifangDb, clock: Clock, dataDir: string): VaultDeps {
  return createVault({ db: jdb.db, dialect: jdb.dialect, clock, dataDir, directory: registryDirectory(RegistryRepository.of(jdb)) });
}

export async function seedCapturedDemo(jdb: JifangDb, clock: Clock, dataDir: string): Promise<CapturedDemoResult> {
  const none: CapturedDemoResult = { added: 0, viewing: 0, evidence: 0, accessRequests: 0 };
  const actors = await actorsByUsername(jdb.db, ACCOUNTS);
  if (!actors) return none;
  const school = actors['demo-school'].keyUnitId;
  if (school == null) return none;
  const [video] = (
    await sql<{ id: number }>`select id from security_systems where key_unit_id = ${school} and subsystem_kind = 'video_audio_surveillance' and restricted = 0 order by id limit 1`.execute(jdb.db.withoutPlugins())
  ).rows;
  if (!video) return none;
  const scope = [{ systemId: Number(video.id), deviceId: null }];

  const base = demoVault(jdb, clock, dataDir);
  const now = clock.now().getTime();
  const iso = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  /** The vault as it was `days` days ago. */
  const at = (daysAgo: number): VaultDeps => ({ ...base, clock: fixedClock(iso(daysAgo)) });
  /** An hour's recordings, `daysAgo` days back: what the requests ask for. */
  const window = (daysAgo: number) => ({ from: iso(daysAgo), to: iso(daysAgo - 1 / 24) });
  const db = vaultDb(jdb.db);
  const result = { ...none };

  // Art 25 ¶1: filed online yesterday with the Taiyuan Street station; the citizen brings the ID card to register it.
  const viewing = await db.selectFrom('viewingApplications').select('id').where('applicantUserId', '=', actors['demo-citizen'].userId).where('reason', '=', VIEW_REASON).executeTakeFirst();
  if (!viewing) {
    await fileViewing(at(1), actors['demo-citizen'], {
      applicantKind: 'citizen',
      applicantName: DEMO_CITIZEN.name,
      residentId: DEMO_CITIZEN.residentId,
      reason: VIEW_REASON,
      stationDivision: '210102',
      window: window(2),
      scope,
    });
    result.added++;
  }
  result.viewing = 1;

  // Art 25 ¶2: the citizen, plaintiff in a civil case, asks for the same recordings as evidence.
  const evidence = await db.selectFrom('evidenceRequests').select('id').where('applicantUserId', '=', actors['demo-citizen'].userId).where('caseRef', '=', EVIDENCE_CASE).executeTakeFirst();
  if (!evidence) {
    await fileEvidence(at(1 - 2 / 24), actors['demo-citizen'], {
      partyKind: 'citizen',
      partyName: DEMO_CITIZEN.name,
      residentId: DEMO_CITIZEN.residentId,
      caseKind: 'civil',
      caseRef: EVIDENCE_CASE,
      applicationText: '本人系原告，就财产损害赔偿纠纷负有举证责任，申请调取事发时段学校门口录像作为证据（演示数据）。',
      proofDescription: '人民法院受理案件通知书（演示）',
      bearsBurdenOfProof: true,
      divisionCode: '210102',
      window: window(2),
      scope,
    });
    result.added++;
  }
  result.evidence = 1;

  // Art 24 ¶1: two requests of the investigator for the school's recordings.
  const request = (caseRef: string) => db.selectFrom('accessRequests').select('id').where('createdBy', '=', actors['demo-investigator'].userId).where('caseRef', '=', caseRef).executeTakeFirst();
  const file = (daysAgo: number, caseRef: string, duty: string) =>
    fileOfficialRequest(at(daysAgo), actors['demo-investigator'], {
      organName: '沈阳市公安局和平分局',
      organKind: 'public_security',
      organCertificateNo: '（演示）沈公和证字第0001号',
      caseRef,
      duty,
      purposes: ['view', 'copy'],
      scope,
      window: window(daysAgo + 1),
      validUntil: iso(daysAgo - 14),
      workIdNo: 'JF-DEMO-0101',
      acceptConfidentiality: true,
    });
  // Granted: the station's officer confirmed as the second officer, the school checked the credentials and registered it.
  if (!(await request(GRANTED_CASE))) {
    const filed = await file(4, GRANTED_CASE, '侦办实验中学门口盗窃案，查看并复制案发时段录像');
    await confirmOfficer(at(4 - 1 / 24), actors['demo-station'], filed.id, { workIdNo: 'JF-DEMO-0102', acceptConfidentiality: true });
    await registerAtUnit(at(3), actors['demo-school'], filed.id, { certificateChecked: true, workIdsChecked: true });
    result.added++;
  }
  // Awaiting a second officer.
  if (!(await request(PENDING_CASE))) {
    await file(0.5, PENDING_CASE, '侦办学校周边入室盗窃案，查看嫌疑人经过学校门口的录像');
    result.added++;
  }
  result.accessRequests = 2;
  return result;
}

import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { createItem, RegistryRepository, syncReferenceData } from '../../registry/index.js';
import { fixedClock } from '../../shared/clock.js';
import { checkOffline } from '../check.js';
import { DEFAULT_OPERATIONS_SETTINGS, type OperationsDeps } from '../context.js';
import { setEndpoint } from '../endpoints.js';
import { DEFAULT_SIP_SETTINGS, startSipListener, type ListenerStats, type SipListener } from './listener.js';

/**
 * The GB/T 28181 listener against a real SIP peer: sipp registers with digest
 * authentication, sends keepalives, gets refused with a wrong password and
 * unregisters. Outside CI a machine without sipp runs the rest of the suite
 * with a warning; under CI=true a missing sipp fails the run.
 */
const SIPP = '/usr/bin/sipp';
const SCENARIOS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/sipp');
const haveSipp = fs.existsSync(SIPP);
if (!haveSipp && process.env.CI !== 'true') process.stderr.write(`sipp is not installed at ${SIPP}: the GB/T 28181 listener suite is left out (CI=true requires it; apt-get install sip-tester).\n`);

const DOMAIN = '2101000000';
const SERVER = '21010000002000000001';
const CAMERA = '21010200001320000001';
const PASSWORD = 'camera-secret-1';
const admin: Actor = { userId: 1, username: 'admin', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

function sipp(listener: SipListener, scenario: string, gbId: string, password: string): Promise<{ code: number; out: string }> {
  const args = [
    `127.0.0.1:${listener.address.port}`,
    '-sf', path.join(SCENARIOS, scenario),
    '-m', '1',
    '-i', '127.0.0.1',
    '-p', '0',
    '-key', 'gbid', gbId,
    '-key', 'domain', DOMAIN,
    '-key', 'server', SERVER,
    '-au', gbId,
    '-ap', password,
    '-nostdin',
    '-timeout', '20s',
    '-timeout_error',
  ];
  return new Promise((resolve) => {
    execFile(SIPP, args, { timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 99) : 0;
      resolve({ code, out: `${stdout}\n${stderr}`.slice(-2000) });
    });
  });
}

describe('sipp is there for the GB/T 28181 tests', () => {
  it('finds /usr/bin/sipp (under CI=true a missing sipp fails the run)', () => {
    if (process.env.CI === 'true') expect(haveSipp, 'sipp is missing: .ci/run installs it with apt-get install sip-tester').toBe(true);
    else expect(typeof haveSipp).toBe('boolean');
  });
});

describe.each(haveSipp ? testDialects : [])('the GB/T 28181 listener with sipp as the device, on %s', (dialect) => {
  let tdb: TestDatabase;
  let listener: SipListener;
  let deps: OperationsDeps;
  const clock = fixedClock('2026-06-01T08:00:00.000Z');
  const stats: ListenerStats = { received: 0, answered: {} };
  let systemId: number;

  const records = async () => (await sql<{ kind: string; via: string }>`select kind, via from operation_records where system_id = ${systemId} order by id`.execute(tdb.db)).rows;
  const status = async () => (await sql<{ status: string; keepalive: number }>`select status, keepalive from operation_status where system_id = ${systemId}`.execute(tdb.db)).rows[0];
  const alerts = async () => (await sql<{ kind: string; clearedAt: unknown }>`select kind, cleared_at from operation_alerts where system_id = ${systemId} order by id`.execute(tdb.db)).rows;
  const leaves = async () => Number((await sql<{ n: number }>`select count(*) as n from ledger_queue`.execute(tdb.db)).rows[0]?.n ?? 0);

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const reg = { repo: RegistryRepository.of(tdb), clock };
    await syncReferenceData(reg.repo, clock);
    const unit = await createItem(reg, admin, 'key-units', { name: '沈阳市和平区实验中学', unitType: 'secondary_school', divisionCode: '210102' });
    systemId = (await createItem(reg, admin, 'security-systems', { name: '校园视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: unit.id, retentionDays: 30 })).id;
    deps = { db: tdb.db, dialect, clock, settings: { ...DEFAULT_OPERATIONS_SETTINGS, realm: DOMAIN } };
    await setEndpoint(deps, admin, systemId, { gbId: CAMERA, password: PASSWORD });
    listener = await startSipListener(deps, { ...DEFAULT_SIP_SETTINGS, host: '127.0.0.1', port: 0, domain: DOMAIN, serverId: SERVER }, () => undefined, stats);
  });
  afterAll(async () => {
    await listener?.close();
    await tdb?.cleanup();
  });

  it('answers an id that is not on record with 403 and creates nothing', async () => {
    const r = await sipp(listener, 'unknown-device.xml', '21010200001320009999', PASSWORD);
    expect(r.code, r.out).toBe(0);
    expect(await records()).toEqual([]);
    expect(Number((await sql<{ n: number }>`select count(*) as n from gb_endpoints`.execute(tdb.db)).rows[0].n)).toBe(1);
  });

  it('refuses a REGISTER whose digest answer was made with the wrong password (403), and records nothing', async () => {
    const r = await sipp(listener, 'wrong-password.xml', CAMERA, 'not-the-password');
    expect(r.code, r.out).toBe(0);
    expect(await records()).toEqual([]);
    expect(await status()).toBeUndefined();
  });

  it('refuses a keepalive from a device that has not registered', async () => {
    const r = await sipp(listener, 'keepalive-refused.xml', CAMERA, PASSWORD);
    expect(r.code, r.out).toBe(0);
    expect(await records()).toEqual([]);
  });

  it('registers with digest authentication, then takes GB2312 and UTF-8 keepalives: each an operation record with its ledger leaf (art 21 ¶1 (4))', async () => {
    const before = await leaves();
    const r = await sipp(listener, 'register.xml', CAMERA, PASSWORD);
    expect(r.code, r.out).toBe(0);
    expect(await records()).toEqual([
      { kind: 'register', via: 'gb28181' },
      { kind: 'keepalive', via: 'gb28181' },
      { kind: 'keepalive', via: 'gb28181' },
    ]);
    expect(await status()).toMatchObject({ status: 'online', keepalive: 1 });
    // One leaf per ingested batch: the REGISTER and each keepalive came one message at a time.
    expect((await leaves()) - before).toBe(3);
    const row = (await sql<{ registeredUntil: unknown }>`select registered_until from gb_endpoints where gb_id = ${CAMERA}`.execute(tdb.db)).rows[0];
    expect(row.registeredUntil).not.toBeNull();
  });

  it('answers a retransmitted keepalive (same branch, Call-ID, CSeq) with the response already given, and records it once (RFC 3261 §17.2.2)', async () => {
    const before = (await records()).length;
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
    const body = `<?xml version="1.0" encoding="UTF-8"?>\r\n<Notify><CmdType>Keepalive</CmdType><SN>9</SN><DeviceID>${CAMERA}</DeviceID><Status>OK</Status></Notify>`;
    const msg = Buffer.from(
      [
        `MESSAGE sip:${SERVER}@${DOMAIN} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${sock.address().port};branch=z9hG4bKretrans1;rport`,
        `From: <sip:${CAMERA}@${DOMAIN}>;tag=r1`,
        `To: <sip:${SERVER}@${DOMAIN}>`,
        'Call-ID: retrans-1@127.0.0.1',
        'CSeq: 20 MESSAGE',
        'Content-Type: Application/MANSCDP+xml',
        `Content-Length: ${Buffer.byteLength(body)}`,
        '',
        body,
      ].join('\r\n'),
    );
    const answers: string[] = [];
    const got = new Promise<void>((resolve) =>
      sock.on('message', (m) => {
        answers.push(m.toString().split('\r\n')[0]);
        if (answers.length === 2) resolve();
      }),
    );
    sock.send(msg, listener.address.port, '127.0.0.1');
    sock.send(msg, listener.address.port, '127.0.0.1');
    await got;
    sock.close();
    expect(answers).toEqual(['SIP/2.0 200 OK', 'SIP/2.0 200 OK']);
    expect((await records()).length - before).toBe(1);
  });

  it('marks the system offline after three missed 60-second keepalives, raising an alert; the next keepalive restores it and clears the alert', async () => {
    clock.advance(179_000);
    expect((await checkOffline(deps)).wentOffline).toBe(0);
    clock.advance(2_000);
    expect((await checkOffline(deps)).wentOffline).toBe(1);
    expect(await status()).toMatchObject({ status: 'offline' });
    expect(await alerts()).toEqual([{ kind: 'offline', clearedAt: null }]);
    // Checking again raises nothing more.
    expect((await checkOffline(deps)).wentOffline).toBe(0);

    const r = await sipp(listener, 'keepalive.xml', CAMERA, PASSWORD);
    expect(r.code, r.out).toBe(0);
    expect((await records()).slice(-2)).toEqual([
      { kind: 'restored', via: 'gb28181' },
      { kind: 'keepalive', via: 'gb28181' },
    ]);
    expect(await status()).toMatchObject({ status: 'online' });
    const a = await alerts();
    expect(a).toHaveLength(1);
    expect(a[0].clearedAt).not.toBeNull();
  });

  it('unregisters on Expires: 0: an unregister record, the system offline with an alert, and later keepalives refused', async () => {
    const r = await sipp(listener, 'unregister.xml', CAMERA, PASSWORD);
    expect(r.code, r.out).toBe(0);
    expect((await records()).at(-1)).toEqual({ kind: 'unregister', via: 'gb28181' });
    expect(await status()).toMatchObject({ status: 'offline', keepalive: 0 });
    expect((await alerts()).filter((x) => x.clearedAt == null)).toEqual([{ kind: 'offline', clearedAt: null }]);
    const k = await sipp(listener, 'keepalive-refused.xml', CAMERA, PASSWORD);
    expect(k.code, k.out).toBe(0);
  });

  it('keeps the credential as HA1 only, never the password', async () => {
    const row = (await sql<Record<string, unknown>>`select * from gb_endpoints where gb_id = ${CAMERA}`.execute(tdb.db)).rows[0];
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    expect(String(row.ha1)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses to alter or remove an operation record (art 21 ¶1 (4): 删改…运行记录)', async () => {
    await expect(sql`update operation_records set kind = 'keepalive' where system_id = ${systemId}`.execute(tdb.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from operation_records where system_id = ${systemId}`.execute(tdb.db)).rejects.toThrow(/append-only/);
  });
});

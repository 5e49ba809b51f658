/**
 * Device-operations benchmark (`npm run bench -- --only operations`, or
 * `npx tsx bench/operations.ts [--quick]`): GB/T 28181 keepalives handled per
 * second by the SIP listener over UDP on 127.0.0.1 — each one parsed,
 * checked against its device's registration, stored as an operation record
 * with the system's status and its ledger leaf in one SQLite transaction, and
 * answered 200 OK — beside a baseline measured in the same run: a UDP
 * responder that answers every datagram with a fixed 200 OK and does nothing
 * else (the cost of the network path and the client alone).
 */
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Actor } from '../src/access/index.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { DEFAULT_OPERATIONS_SETTINGS, DEFAULT_SIP_SETTINGS, setEndpoint, startSipListener, type OperationsDeps } from '../src/operations/index.js';
import { createItem, RegistryRepository, syncReferenceData } from '../src/registry/index.js';
import { systemClock } from '../src/shared/clock.js';

/** The runner's shapes (bench/types.ts), repeated so this module also runs alone. */
interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string | null;
  met: boolean | null;
}
interface BenchOptions {
  quick: boolean;
  args: Record<string, string>;
  log: (line: string) => void;
}

const DOMAIN = '2101000000';
const SERVER = '21010000002000000001';
const admin: Actor = { userId: 0, username: 'bench', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
const gbIdOf = (i: number) => `2101020000132${String(i).padStart(7, '0')}`;

function keepalive(gbId: string, sn: number, port: number): Buffer {
  const body = `<?xml version="1.0" encoding="GB2312"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>${sn}</SN>\r\n<DeviceID>${gbId}</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n`;
  const head = [
    `MESSAGE sip:${SERVER}@${DOMAIN} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK${sn};rport`,
    `From: <sip:${gbId}@${DOMAIN}>;tag=${sn}`,
    `To: <sip:${SERVER}@${DOMAIN}>`,
    `Call-ID: ${sn}@127.0.0.1`,
    `CSeq: ${sn} MESSAGE`,
    'Content-Type: Application/MANSCDP+xml',
    'Max-Forwards: 70',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ].join('\r\n');
  return Buffer.from(`${head}\r\n\r\n${body}`, 'utf8');
}

/**
 * Sends `total` keepalives from `devices` devices, each from its own socket
 * (a device's address) and each sending its next keepalive only after the
 * answer to the last, and measures answers of 200 OK per second.
 */
async function drive(port: number, devices: number, total: number): Promise<number> {
  let sent = 0;
  let ok = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((r) => (done = r));
  const sockets = await Promise.all(
    Array.from({ length: devices }, async (_, i) => {
      const sock = dgram.createSocket('udp4');
      await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
      const local = sock.address().port;
      // A device retransmits an unanswered request (RFC 3261 Timer E: 500 ms, doubling).
      let timer: NodeJS.Timeout | null = null;
      const transmit = (buf: Buffer, wait: number) => {
        sock.send(buf, port, '127.0.0.1');
        timer = setTimeout(() => transmit(buf, Math.min(wait * 2, 4000)), wait);
      };
      const send = () => {
        if (sent >= total) return;
        sent++;
        transmit(keepalive(gbIdOf(i + 1), sent, local), 500);
      };
      sock.on('message', (m) => {
        if (timer) clearTimeout(timer);
        timer = null;
        if (m.subarray(0, 14).toString() === 'SIP/2.0 200 OK') ok++;
        if (ok >= total) return done();
        send();
      });
      return { sock, send, stop: () => timer && clearTimeout(timer) };
    }),
  );
  const t0 = performance.now();
  for (const s of sockets) s.send();
  let limit: NodeJS.Timeout | undefined;
  await Promise.race([finished, new Promise((r) => (limit = setTimeout(r, 120_000)))]);
  clearTimeout(limit);
  const secs = (performance.now() - t0) / 1000;
  for (const s of sockets) {
    s.stop();
    s.sock.close();
  }
  if (ok < total) throw new Error(`only ${ok} of ${total} keepalives were answered 200 OK`);
  return total / secs;
}

export const operationsBench: { name: string; run(o: BenchOptions): Promise<BenchResult[]> } = {
  name: 'operations',
  async run(o) {
    const devices = o.quick ? 20 : 200;
    const total = o.quick ? 400 : 10_000;
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-bench-operations-'));
    const jdb = openDatabase({ dataDir: root });
    try {
      await migrateToLatest(jdb);
      const reg = { repo: RegistryRepository.of(jdb), clock: systemClock };
      await syncReferenceData(reg.repo, systemClock);
      const unit = await createItem(reg, admin, 'key-units', { name: '基准测试单位', unitType: 'secondary_school', divisionCode: '210102' });
      const deps: OperationsDeps = { db: jdb.db, dialect: jdb.dialect, clock: systemClock, settings: { ...DEFAULT_OPERATIONS_SETTINGS, realm: DOMAIN } };
      for (let i = 1; i <= devices; i++) {
        const system = await createItem(reg, admin, 'security-systems', { name: `基准系统${i}`, subsystemKind: 'video_audio_surveillance', keyUnitId: unit.id, retentionDays: 30 });
        await setEndpoint(deps, admin, system.id, { gbId: gbIdOf(i), password: 'bench-password' });
      }
      // Registered already: the benchmark is of keepalives.
      await sql`update gb_endpoints set registered_until = ${new Date(Date.now() + 86_400_000).toISOString()}`.execute(jdb.db);

      // Baseline: a responder that answers every datagram with a fixed 200 OK.
      const echo = dgram.createSocket('udp4');
      await new Promise<void>((r) => echo.bind(0, '127.0.0.1', r));
      echo.on('message', (m, from) => {
        const f = /From: [^\r\n]*/.exec(m.toString('latin1'))?.[0] ?? '';
        echo.send(Buffer.from(`SIP/2.0 200 OK\r\n${f}\r\nContent-Length: 0\r\n\r\n`), from.port, from.address);
      });
      const baseline = await drive(echo.address().port, devices, total);
      echo.close();

      const listener = await startSipListener(deps, { ...DEFAULT_SIP_SETTINGS, host: '127.0.0.1', port: 0, domain: DOMAIN, serverId: SERVER });
      const rate = await drive(listener.address.port, devices, total);
      await listener.close();
      const stored = Number((await sql<{ n: number }>`select count(*) as n from operation_records`.execute(jdb.db)).rows[0].n);
      if (stored !== total) throw new Error(`${stored} operation records stored for ${total} keepalives`);
      o.log(`operations: ${total.toLocaleString('en')} keepalives from ${devices} devices, ${rate.toFixed(0)}/s stored with their ledger leaves; a bare UDP responder ${baseline.toFixed(0)}/s`);
      // A province of 3,000,000 devices at one keepalive a minute is 50,000/s across its servers; one SQLite server is sized for a city.
      return [{ name: 'operations GB/T 28181 keepalives handled (SQLite)', value: rate, unit: 'keepalives/s', baseline, ratio: rate / baseline, target: null, met: null }];
    } finally {
      await jdb.destroy();
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
};

// Run alone: `npx tsx bench/operations.ts [--quick]`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick') || process.env.JIFANG_BENCH_QUICK === '1';
  const out = await operationsBench.run({ quick, args: {}, log: (l: string) => process.stdout.write(`${l}\n`) });
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import type { OperationsDeps } from '../context.js';
import { endpointByGbId, markRegistered } from '../endpoints.js';
import { ingestRecords, prepareBatch, writeBatches, type IngestResult, type PreparedBatch } from '../ingest.js';
import { issueNonce, nonceValid, parseDigest, responseMatches } from './digest-auth.js';
import { ManscdpError, parseManscdp } from './manscdp.js';
import { header, paramOf, parseSip, responseTo, SipParseError, userOf, type SipHeaders, type SipRequest } from './message.js';

/**
 * The GB/T 28181 access point: a UDP SIP listener that devices and lower
 * platforms register with (digest authentication, RFC 2617 MD5) and send
 * their keepalives to (MESSAGE with a MANSCDP `Notify`/`Keepalive` body).
 * Every REGISTER, unregistration and keepalive becomes an operation record
 * through the same ingest as an upload, with its ledger leaf. An id that is
 * not on record is refused and creates nothing.
 */
export interface SipSettings {
  host: string;
  port: number;
  /** The platform's own 20-digit SIP id (GB/T 28181 §4.2.3). */
  serverId: string;
  /** The 10-digit SIP domain; also the realm of digest challenges. */
  domain: string;
  /** How long a challenge's nonce stays valid. */
  nonceSeconds: number;
  /** Longest registration granted, seconds. */
  maxExpires: number;
}

export const DEFAULT_SIP_SETTINGS: SipSettings = {
  host: '0.0.0.0',
  port: 5060,
  serverId: '21000000002000000001',
  domain: '2100000000',
  nonceSeconds: 300,
  maxExpires: 86_400,
};

export interface SipListener {
  /** The address actually bound (port 0 picks a free one). */
  address: { address: string; port: number };
  close(): Promise<void>;
}

export interface SipLog {
  (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>): void;
}

export interface ListenerStats {
  received: number;
  answered: Record<number, number>;
}

const USER_AGENT = 'Jifang';
/** How long a transaction's response is kept for retransmissions (64 × T1, RFC 3261 Timer J). */
const TRANSACTION_MS = 32_000;
/** Most keepalives one commit holds. */
const GROUP_MAX = 200;

export async function startSipListener(deps: OperationsDeps, sip: SipSettings, log: SipLog = () => undefined, stats?: ListenerStats): Promise<SipListener> {
  const socket = dgram.createSocket(sip.host.includes(':') ? 'udp6' : 'udp4');
  const secret = randomBytes(32);
  const tag = () => randomBytes(6).toString('hex');
  // One message at a time per device: a keepalive never overtakes the REGISTER it follows.
  const queues = new Map<string, Promise<void>>();

  // Keepalives that arrive together are written in one transaction (group
  // commit): each keeps its own records and leaf, the commit is shared.
  const group: { batch: PreparedBatch; done: (r: IngestResult | Error) => void }[] = [];
  let flushing: Promise<void> | null = null;
  const writeGrouped = (batch: PreparedBatch) =>
    new Promise<IngestResult>((resolve, reject) => {
      group.push({ batch, done: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
      flushing ??= (async () => {
        while (group.length) {
          // Let the datagrams already received join this commit.
          await new Promise((r) => setImmediate(r));
          const take = group.splice(0, GROUP_MAX);
          const results = await writeBatches(deps, take.map((x) => x.batch));
          take.forEach((x, i) => x.done(results[i]));
        }
        flushing = null;
      })();
    });

  const send = (buf: Buffer, to: dgram.RemoteInfo, status: number) => {
    if (stats) stats.answered[status] = (stats.answered[status] ?? 0) + 1;
    socket.send(buf, to.port, to.address);
  };
  // RFC 3261 §17.2.2: a retransmitted request (same branch, Call-ID and CSeq) is
  // answered with the response already given, never acted on twice, for 32 s.
  const transactions = new Map<string, { at: number; response: Buffer | null }>();
  const transactionKey = (req: SipRequest) => {
    const branch = paramOf(header(req.headers, 'via'), 'branch') ?? '';
    return `${branch}|${header(req.headers, 'call-id') ?? ''}|${header(req.headers, 'cseq') ?? ''}`;
  };
  const forget = (now: number) => {
    for (const [k, v] of transactions) {
      if (now - v.at < TRANSACTION_MS) break;
      transactions.delete(k);
    }
  };
  const reply = (req: SipRequest, to: dgram.RemoteInfo, status: number, reason: string, extra: SipHeaders = []) => {
    const buf = responseTo(req, status, reason, [['user-agent', USER_AGENT], ...extra], { address: to.address, port: to.port }, tag());
    const t = transactions.get(transactionKey(req));
    if (t) t.response = buf;
    send(buf, to, status);
  };

  async function onRegister(req: SipRequest, from: dgram.RemoteInfo, gbId: string) {
    const ep = await endpointByGbId(deps, gbId);
    // Unknown ids learn nothing and leave nothing behind.
    if (!ep) return reply(req, from, 403, 'Forbidden');
    const auth = header(req.headers, 'authorization');
    const creds = auth ? parseDigest(auth) : undefined;
    const now = deps.clock.now();
    const challenge = (stale: boolean) =>
      reply(req, from, 401, 'Unauthorized', [['www-authenticate', `Digest realm="${ep.realm}", nonce="${issueNonce(secret, now.getTime())}", algorithm=MD5${stale ? ', stale=TRUE' : ''}`]]);
    if (!creds) return challenge(false);
    if (creds.username !== gbId || creds.realm !== ep.realm) return reply(req, from, 403, 'Forbidden');
    if (!nonceValid(secret, creds.nonce, now.getTime(), sip.nonceSeconds * 1000)) return challenge(true);
    if (!responseMatches(ep.ha1, 'REGISTER', creds)) {
      // The device is named by its id only; the credential it sent is never logged.
      log('warn', 'GB/T 28181 REGISTER refused: wrong credentials', { gbId, from: from.address });
      return reply(req, from, 403, 'Forbidden');
    }
    const contact = header(req.headers, 'contact') ?? null;
    const rawExpires = header(req.headers, 'expires') ?? paramOf(contact ?? undefined, 'expires') ?? '3600';
    const expires = Math.min(Math.max(Number.parseInt(rawExpires, 10) || 0, 0), sip.maxExpires);
    const systemId = Number(ep.systemId);
    const deviceId = ep.deviceId == null ? null : Number(ep.deviceId);
    if (expires === 0) {
      await ingestRecords(deps, { kind: 'device', gbId }, systemId, 'gb28181', [{ kind: 'unregister', occurredAt: now.toISOString(), deviceId }]);
      await markRegistered(deps, Number(ep.id), null, null);
    } else {
      await ingestRecords(deps, { kind: 'device', gbId }, systemId, 'gb28181', [{ kind: 'register', occurredAt: now.toISOString(), deviceId }]);
      await markRegistered(deps, Number(ep.id), new Date(now.getTime() + expires * 1000).toISOString(), contact);
    }
    // GB/T 28181: the Date header of the answer lets the device set its clock, in local (China) time.
    const date = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 23);
    return reply(req, from, 200, 'OK', [...(contact ? [['contact', contact] as [string, string]] : []), ['expires', String(expires)], ['date', date]]);
  }

  async function onMessage(req: SipRequest, from: dgram.RemoteInfo, gbId: string) {
    const ep = await endpointByGbId(deps, gbId);
    const now = deps.clock.now();
    if (!ep) return reply(req, from, 403, 'Forbidden');
    // Only a registered device reports (GB/T 28181 §9.6: keepalives follow registration).
    if (!ep.registeredUntil || new Date(ep.registeredUntil as unknown as string).getTime() < now.getTime()) return reply(req, from, 403, 'Forbidden');
    let body;
    try {
      body = parseManscdp(req.body);
    } catch (e) {
      if (e instanceof ManscdpError) return reply(req, from, 400, 'Bad Request');
      throw e;
    }
    if (body.root === 'Notify' && body.fields.CmdType === 'Keepalive') {
      const status = (body.fields.Status ?? '').toUpperCase();
      const kind = status === 'OK' || status === 'ON' ? 'keepalive' : 'interruption';
      const batch = await prepareBatch(deps, { kind: 'device', gbId }, Number(ep.systemId), 'gb28181', [
        { kind, occurredAt: now.toISOString(), deviceId: ep.deviceId == null ? null : Number(ep.deviceId), detail: kind === 'keepalive' ? null : `keepalive status ${status.slice(0, 20) || 'missing'}` },
      ]);
      await writeGrouped(batch);
    }
    // Other notifications are acknowledged; the platform records only what it understands.
    return reply(req, from, 200, 'OK');
  }

  async function handle(data: Buffer, from: dgram.RemoteInfo) {
    if (stats) stats.received++;
    let msg;
    try {
      msg = parseSip(data);
    } catch (e) {
      if (e instanceof SipParseError) return; // Not SIP, or cut short: nothing to answer.
      throw e;
    }
    if (msg.kind !== 'request' || msg.method === 'ACK') return;
    const now = Date.now();
    forget(now);
    const key = transactionKey(msg);
    const seen = transactions.get(key);
    if (seen) {
      if (seen.response) send(seen.response, from, Number(seen.response.subarray(8, 11).toString()));
      return;
    }
    transactions.set(key, { at: now, response: null });
    const gbId = userOf(header(msg.headers, 'from'));
    try {
      switch (msg.method) {
        case 'REGISTER':
          if (!gbId) return reply(msg, from, 400, 'Bad Request');
          return await onRegister(msg, from, gbId);
        case 'MESSAGE':
          if (!gbId) return reply(msg, from, 400, 'Bad Request');
          return await onMessage(msg, from, gbId);
        case 'OPTIONS':
          return reply(msg, from, 200, 'OK', [['allow', 'REGISTER, MESSAGE, OPTIONS']]);
        default:
          return reply(msg, from, 405, 'Method Not Allowed', [['allow', 'REGISTER, MESSAGE, OPTIONS']]);
      }
    } catch (e) {
      log('error', 'GB/T 28181 message failed', { gbId, method: msg.method, err: (e as Error).message });
      return reply(msg, from, 500, 'Server Internal Error');
    }
  }

  socket.on('message', (data, from) => {
    const key = `${from.address}:${from.port}`;
    const prev = queues.get(key) ?? Promise.resolve();
    const next = prev.then(() => handle(data, from)).catch((e) => log('error', 'GB/T 28181 listener', { err: (e as Error).message }));
    queues.set(key, next);
    void next.then(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
  });

  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(sip.port, sip.host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  socket.on('error', (e) => log('error', 'GB/T 28181 socket', { err: e.message }));
  const a = socket.address();
  log('info', 'GB/T 28181 listener started', { host: a.address, port: a.port, serverId: sip.serverId, domain: sip.domain });
  return {
    address: { address: a.address, port: a.port },
    async close() {
      await Promise.allSettled([...queues.values()]);
      await flushing;
      await new Promise<void>((resolve) => socket.close(() => resolve()));
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import {
  appendEvent,
  decodeLeaf,
  digestOf,
  drainQueue,
  generateNoteKey,
  ledgerConfigFrom,
  leafHash,
  openCheckpoint,
  rotateLedgerKey,
  signerFromKey,
  signNote,
  verifierFromKey,
  verifyConsistency,
  verifyInclusion,
  verifyRemote,
  type LedgerConfig,
  type RemoteSource,
} from '../../ledger/index.js';

const b64 = (s: string) => Buffer.from(s, 'base64');

describe.each(testDialects)('ledger API on %s', (dialect) => {
  let t: TestApp;
  let cfg: LedgerConfig;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const source: RemoteSource = { get: async (path) => { const r = await get(path); return { status: r.statusCode, body: r.body }; } };
  const drain = () => drainQueue(t.tdb.db, cfg, t.clock);
  const log = (n: number) =>
    t.tdb.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) await appendEvent(trx, { type: 'vault/view', actorUserId: 3, subjectRef: `captured-segment:${i}`, rule: 'art24.p1.two-officers', digest: digestOf(`s${i}`), at: t.clock.now() });
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    cfg = ledgerConfigFrom(t.config.dataDir, {}, { origin: 'jifang.test/ledger', checkpointHistoryMs: 0 });
  });
  afterAll(() => t.close());

  it('answers 503 for the checkpoint and key before the ledger has a key', async () => {
    const r = await get('/api/v1/ledger/checkpoint');
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ code: 'JF_LEDGER_NOT_STARTED', messages: { zh: '账本尚未启用签名密钥', en: 'The ledger has no signing key yet' } });
  });

  it('serves the signed checkpoint and its verifier key as text, without a login', async () => {
    await drain();
    const key = await get('/api/v1/ledger/verifier-key');
    expect(key.statusCode).toBe(200);
    expect(key.headers['content-type']).toMatch(/^text\/plain/);
    expect(key.body).toMatch(/^jifang\.test\/ledger\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}\n$/);
    const cp = await get('/api/v1/ledger/checkpoint');
    expect(cp.statusCode).toBe(200);
    expect(cp.headers['content-type']).toMatch(/^text\/plain/);
    expect(cp.headers['cache-control']).toBe('no-cache');
    const o = openCheckpoint(cp.body, [verifierFromKey(key.body.trim())], 'jifang.test/ledger');
    expect(o).toMatchObject({ ok: true, checkpoint: { size: 1 } });
  });

  it('logs every login, refused login and logout, with pseudonyms and no username', async () => {
    const headers = await t.as({ username: 'dalian-officer', role: 'city_supervisor', jurisdiction: '210200' });
    await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'dalian-officer', password: 'not-the-password' } });
    await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'nobody-at-all', password: TEST_PASSWORD } });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { ...headers } })).statusCode).toBe(204);
    await drain();
    const r = (await get('/api/v1/ledger/entries?start=1&end=5')).json();
    expect(r.entries.map((e: { fields: { type: string } }) => e.fields.type)).toEqual(['access/login', 'access/login.refused', 'access/login.refused', 'access/logout']);
    const [login, refusedKnown, refusedUnknown, logout] = r.entries;
    expect(login.fields.actorRef).toMatch(/^user:[0-9a-f]{32}$/);
    expect(logout.fields.actorRef).toBe(login.fields.actorRef);
    expect(logout.fields.subjectRef).toBe(login.fields.subjectRef);
    expect(refusedKnown.fields.subjectRef).toMatch(/^login-name:[0-9a-f]{32}$/);
    expect(refusedUnknown.fields.subjectRef).not.toBe(refusedKnown.fields.subjectRef);
    for (const e of r.entries) {
      const leaf = b64(e.leaf).toString('latin1');
      expect(leaf).not.toMatch(/dalian-officer|nobody-at-all/);
      expect(decodeLeaf(b64(e.leaf))).toMatchObject({ ok: true, leaf: { index: e.index } });
      expect(e.leafHash).toBe(leafHash(b64(e.leaf)).toString('base64'));
    }
  });

  it('serves inclusion and consistency proofs that verify against the signed checkpoints', async () => {
    const key = verifierFromKey((await get('/api/v1/ledger/verifier-key')).body.trim());
    const first = openCheckpoint((await get('/api/v1/ledger/checkpoint')).body, [key]);
    await log(9);
    await drain();
    const cur = openCheckpoint((await get('/api/v1/ledger/checkpoint')).body, [key]);
    if (!first.ok || !cur.ok) throw new Error('checkpoints do not verify');
    const n = cur.checkpoint.size;
    const { entries } = (await get(`/api/v1/ledger/entries?start=0&end=${n}`)).json();
    expect(entries).toHaveLength(n);
    for (const e of entries) {
      const p = await get(`/api/v1/ledger/proof/inclusion?leaf=${e.index}&size=${n}`);
      expect(p.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const body = p.json();
      expect(body).toMatchObject({ leafIndex: e.index, treeSize: n });
      expect(verifyInclusion(e.index, n, b64(e.leafHash), body.hashes.map(b64), cur.checkpoint.rootHash)).toEqual({ ok: true });
    }
    const c = (await get(`/api/v1/ledger/proof/consistency?from=${first.checkpoint.size}&to=${n}`)).json();
    expect(c).toMatchObject({ from: first.checkpoint.size, to: n });
    expect(verifyConsistency(first.checkpoint.size, n, c.hashes.map(b64), first.checkpoint.rootHash, cur.checkpoint.rootHash)).toEqual({ ok: true });
    expect((await get(`/api/v1/ledger/proof/consistency?from=${n}`)).json()).toEqual({ from: n, to: n, hashes: [] });
    const old = await get(`/api/v1/ledger/checkpoint?size=${first.checkpoint.size}`);
    expect(old.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(openCheckpoint(old.body, [key])).toMatchObject({ ok: true, checkpoint: { size: first.checkpoint.size } });
  });

  it('answers 400 with the reason, in both languages, for sizes beyond the tree, leaves out of range and from > to', async () => {
    const size = (await get('/api/v1/ledger/status')).json().treeSize;
    const cases: [string, string, RegExp][] = [
      [`/api/v1/ledger/proof/inclusion?leaf=0&size=${size + 1}`, 'JF_LEDGER_SIZE_BEYOND_TREE', new RegExp(`Tree size ${size + 1} is beyond the ledger, which holds ${size} entries`)],
      [`/api/v1/ledger/proof/inclusion?leaf=${size}&size=${size}`, 'JF_LEDGER_LEAF_OUT_OF_RANGE', new RegExp(`Leaf index ${size} must be below tree size ${size}`)],
      [`/api/v1/ledger/proof/inclusion?leaf=${size}`, 'JF_LEDGER_LEAF_OUT_OF_RANGE', /must be below/],
      ['/api/v1/ledger/proof/consistency?from=5&to=3', 'JF_LEDGER_FROM_AFTER_TO', /from 5 back to 3/],
      ['/api/v1/ledger/proof/consistency?from=0&to=3', 'JF_LEDGER_FROM_EMPTY', /empty tree/],
      [`/api/v1/ledger/proof/consistency?from=1&to=${size + 7}`, 'JF_LEDGER_SIZE_BEYOND_TREE', /beyond the ledger/],
      ['/api/v1/ledger/entries?start=4&end=4', 'JF_LEDGER_BAD_RANGE', /start 4 must be below end 4/],
      [`/api/v1/ledger/entries?start=${size}`, 'JF_LEDGER_BAD_RANGE', new RegExp(`start ${size} is not below the tree size ${size}`)],
      [`/api/v1/ledger/entries?start=0&end=${size + 1}`, 'JF_LEDGER_SIZE_BEYOND_TREE', /beyond/],
      ['/api/v1/ledger/proof/inclusion?leaf=abc', 'JF_VALIDATION', /invalid/],
      ['/api/v1/ledger/proof/inclusion?leaf=-1', 'JF_VALIDATION', /invalid/],
    ];
    for (const [url, code, en] of cases) {
      const r = await get(url, { 'accept-language': 'en' });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().code, url).toBe(code);
      expect(r.json().message, url).toMatch(en);
      expect(r.json().messages.zh, url).toBeTruthy();
    }
    expect((await get(`/api/v1/ledger/checkpoint?size=${size + 100}`)).statusCode).toBe(404);
  });

  it('reports size, queue and the merge delay against its bound', async () => {
    await log(2);
    const s = (await get('/api/v1/ledger/status')).json();
    expect(s).toMatchObject({ origin: 'jifang.test/ledger', queued: 2, mergeDelay: { boundMs: 1000 } });
    await drain();
    expect((await get('/api/v1/ledger/status')).json()).toMatchObject({ queued: 0, oldestQueuedMs: null });
  });

  it('lets an outsider hold the server to a checkpoint kept earlier, across a key rotation', async () => {
    const vkey = (await get('/api/v1/ledger/verifier-key')).body.trim();
    const held = (await get('/api/v1/ledger/checkpoint')).body;
    await log(5);
    await drain();
    await rotateLedgerKey(t.tdb.db, cfg, t.clock, { actorUserId: 1 });
    await drain();
    await log(3);
    await drain();
    const r = await verifyRemote(source, { heldCheckpoint: held, trustedKeys: [vkey] });
    expect(r).toMatchObject({ ok: true, anchor: 'given-keys', origin: 'jifang.test/ledger' });
    expect(r.keys).toHaveLength(2);
    expect(r.current.size).toBeGreaterThan(openCheckpoint(held, [verifierFromKey(vkey)]).ok ? 0 : Infinity);
    expect(r.message.en).toMatch(/extends the checkpoint you hold/);
    // Trust on first use, when no key is given: the server's current key, and back through the hand-over.
    expect(await verifyRemote(source, { heldCheckpoint: held })).toMatchObject({ ok: true, anchor: 'server' });
  });

  it('rejects a checkpoint with a bad signature or a foreign key id, a rolled-back log and a rewritten one', async () => {
    const vkey = (await get('/api/v1/ledger/verifier-key')).body.trim();
    const held = (await get('/api/v1/ledger/checkpoint')).body;
    const text = held.slice(0, held.lastIndexOf('\n\n') + 1);
    const tampered = held.replace(/\n(\d+)\n/, (_m, n) => `\n${Number(n) + 1}\n`);
    await expect(verifyRemote(source, { heldCheckpoint: tampered, trustedKeys: [vkey] })).rejects.toMatchObject({
      code: 'JF_LEDGER_CHECKPOINT_REJECTED',
      bilingual: { en: expect.stringMatching(/the checkpoint you hold: the signature of trusted key jifang\.test\/ledger\+[0-9a-f]{8} does not verify/) },
    });
    const foreign = generateNoteKey('jifang.test/ledger');
    const forged = signNote(text, [signerFromKey(foreign.skey)]);
    await expect(verifyRemote(source, { heldCheckpoint: forged, trustedKeys: [vkey] })).rejects.toMatchObject({
      bilingual: { en: expect.stringMatching(/no signature from a trusted key \(signed by jifang\.test\/ledger\+[0-9a-f]{8}; trusted: jifang\.test\/ledger\+[0-9a-f]{8}(, [^)]+)?\)/) },
    });
    // A server that answers with an older tree than the one already held has rolled back.
    const older = (await get('/api/v1/ledger/checkpoint?size=1')).body;
    const rolledBack: RemoteSource = { get: async (p) => (p === '/api/v1/ledger/checkpoint' ? { status: 200, body: older } : source.get(p)) };
    await expect(verifyRemote(rolledBack, { heldCheckpoint: held, trustedKeys: [vkey] })).rejects.toMatchObject({ code: 'JF_LEDGER_INCONSISTENT', bilingual: { en: expect.stringMatching(/rolled back/) } });
    // A proof that does not link the two trees means the log was rewritten.
    await log(1);
    await drain();
    const rewritten: RemoteSource = {
      get: async (p) => {
        const r = await source.get(p);
        if (!p.startsWith('/api/v1/ledger/proof/consistency')) return r;
        const body = JSON.parse(r.body);
        body.hashes[0] = Buffer.alloc(32, 9).toString('base64');
        return { status: 200, body: JSON.stringify(body) };
      },
    };
    await expect(verifyRemote(rewritten, { heldCheckpoint: held, trustedKeys: [vkey] })).rejects.toMatchObject({ code: 'JF_LEDGER_INCONSISTENT', bilingual: { en: expect.stringMatching(/was rewritten/) } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { drainQueue, leafHash, ledgerConfigFrom, type LedgerConfig } from '../../ledger/index.js';
import { createItem, RegistryRepository, syncReferenceData, type RegistryContext } from '../../registry/index.js';

const admin: Actor = { userId: 1, username: 'admin', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
const b64 = (s: string) => Buffer.from(s, 'base64');

/** An entity's ledger history, for whoever may read the entity (art 36; policy `mayReadHistory`). */
describe.each(testDialects)('ledger history and checkpoint history API on %s', (dialect) => {
  let t: TestApp;
  let cfg: LedgerConfig;
  let ctx: RegistryContext;
  let heping: number;
  let dadong: number;
  let hp: AuthHeaders;
  let oversight: AuthHeaders;
  let citizen: AuthHeaders;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    cfg = ledgerConfigFrom(t.config.dataDir, {}, { origin: 'jifang.test/ledger', checkpointHistoryMs: 0 });
    ctx = { repo: RegistryRepository.of(t.tdb), clock: t.clock };
    await syncReferenceData(ctx.repo, t.clock);
    heping = (await createItem(ctx, admin, 'key-units', { name: '和平区第一中学', unitType: 'secondary_school', divisionCode: '210102', creditCode: '12210100MB1234567C' })).id;
    dadong = (await createItem(ctx, admin, 'key-units', { name: '大东区第二中学', unitType: 'secondary_school', divisionCode: '210104' })).id;
    hp = await t.as({ username: 'hp-police', role: 'county_supervisor', jurisdiction: '210102' });
    oversight = await t.as({ username: 'watch', role: 'oversight' });
    citizen = await t.as({ username: 'someone', role: 'citizen' });
    await drainQueue(t.tdb.db, cfg, t.clock);
  });
  afterAll(() => t.close());

  const get = (url: string, headers?: AuthHeaders) => t.app.inject({ url, headers: headers ? { ...headers } : {} });

  it("lists the entries that name a record, newest first, each with its leaf and leaf hash, to an officer of the record's area", async () => {
    const r = await get(`/api/v1/ledger/history/key-units/${heping}`, hp);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.subjects).toEqual([`key-unit:${heping}`]);
    expect(body.queued).toBe(0);
    expect(body.entries).toHaveLength(1);
    const e = body.entries[0];
    expect(e.fields).toMatchObject({ type: 'registry/create', subjectRef: `key-unit:${heping}` });
    expect(b64(e.leafHash)).toEqual(leafHash(b64(e.leaf)));
    expect(e.index).toBeLessThan(body.treeSize);
  });

  it('counts a change still waiting for the sequencer, then lists it once integrated', async () => {
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/registry/key-units/${heping}`, headers: { ...hp }, payload: { name: '和平区第一中学（北校区）' } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await get(`/api/v1/ledger/history/key-units/${heping}`, hp)).json()).toMatchObject({ queued: 1, entries: [{ fields: { type: 'registry/create' } }] });
    await drainQueue(t.tdb.db, cfg, t.clock);
    const after = (await get(`/api/v1/ledger/history/key-units/${heping}`, hp)).json();
    expect(after.queued).toBe(0);
    expect(after.entries.map((e: { fields: { type: string } }) => e.fields.type)).toEqual(['registry/update', 'registry/create']);
  });

  it('answers 404 to whoever may not read the record, and 401 without a login; oversight reads every history', async () => {
    expect((await get(`/api/v1/ledger/history/key-units/${dadong}`, hp)).statusCode).toBe(404);
    expect((await get(`/api/v1/ledger/history/key-units/${heping}`, citizen)).statusCode).toBe(404);
    expect((await get(`/api/v1/ledger/history/key-units/${heping}`)).statusCode).toBe(401);
    expect((await get(`/api/v1/ledger/history/key-units/999999`, oversight)).statusCode).toBe(404);
    const o = await get(`/api/v1/ledger/history/key-units/${dadong}`, oversight);
    expect(o.statusCode).toBe(200);
    expect(o.json().entries).toHaveLength(1);
  });

  it('refuses an unknown kind of record with 400 naming the field', async () => {
    const r = await get(`/api/v1/ledger/history/users/1`, oversight);
    expect(r.statusCode).toBe(400);
  });

  it('serves the checkpoint history newest first without a login, headed by the latest signed checkpoint', async () => {
    const r = await get('/api/v1/ledger/checkpoints');
    expect(r.statusCode).toBe(200);
    const { checkpoints } = r.json();
    const latest = await get('/api/v1/ledger/checkpoint');
    expect(checkpoints[0].note).toBe(latest.body);
    const sizes = checkpoints.map((c: { treeSize: number }) => c.treeSize);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(checkpoints.length).toBeGreaterThanOrEqual(2);
    const page = (await get(`/api/v1/ledger/checkpoints?before=${sizes[0]}&limit=1`)).json().checkpoints;
    expect(page.map((c: { treeSize: number }) => c.treeSize)).toEqual([sizes[1]]);
    // The whole history as a file, without a login: each row's size, root and signed note as the list serves them.
    const csv = await get('/api/v1/ledger/checkpoints/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '');
    expect(lines.split('\n')[0]).toContain('树大小');
    expect(lines.split('\n')[0]).toContain('Tree size');
    for (const c of checkpoints as { treeSize: number; rootHash: string }[]) expect(lines).toContain(c.rootHash);
    expect(lines).toContain(checkpoints[0].note.split('\n')[0]);
    const xlsx = await get('/api/v1/ledger/checkpoints/export?format=xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get('/api/v1/ledger/checkpoints/export?format=pdf')).statusCode).toBe(400);
  });
});

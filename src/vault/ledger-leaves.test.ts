import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/support/databases.js';
import { digestOfRecord } from '../ledger/index.js';
import { authorizeContent } from './content.js';
import type { VaultDeps } from './context.js';
import { recordEvent } from './events.js';
import { ingest } from './ingest.js';
import { dispose, setPolicy, sweep } from './retention.js';
import { vaultDb } from './tables.js';
import { actor, at, days, footage, minutes, resetVault, testVault, T0 } from './test-support.js';

const unit = actor('key_unit', { keyUnitId: 1 });
const investigator = actor('investigator');

/** Queued leaf bodies (no sequencer runs in these tests). */
async function leaves(tdb: TestDatabase): Promise<string[]> {
  return (await tdb.db.selectFrom('ledgerQueue').select('body').orderBy('id').execute()).map((r: { body: string }) => r.body);
}
const typeOf = (body: string) => /\ntype (\S+)\n/.exec(body)![1];

/**
 * Art 11 (3), 22-25: every ingest, access, sealing, erasure and refused
 * attempt on captured information queues its ledger leaf in the transaction
 * that records it, so neither exists without the other.
 */
describe.each(testDialects)('captured information in the ledger on %s', (dialect) => {
  let tdb: TestDatabase;
  let v: VaultDeps;
  let clock: ReturnType<typeof testVault>['clock'];
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  beforeEach(async () => {
    await resetVault(tdb);
    await tdb.db.deleteFrom('ledgerQueue').execute();
    ({ vault: v, clock } = testVault(tdb));
  });
  afterAll(() => tdb.cleanup());

  async function recording() {
    const clip = footage(3);
    const r = await ingest(v, unit, { systemId: 1, deviceId: null, startedAt: at(T0, -minutes(5)), endedAt: T0, mediaType: 'video/mp4', source: 'upload' }, Readable.from([clip.bytes]));
    return { seg: r.segment, sha256: clip.sha256 };
  }

  it('queues the ingest with the recording’s SHA-256, a sealing, and each refused attempt with the rule that refused it', async () => {
    const { seg, sha256 } = await recording();
    await expect(dispose(v, unit, seg.id, 'seal')).rejects.toMatchObject({ code: 'JF_VAULT_RETENTION_MINIMUM' });
    await expect(authorizeContent(v, investigator, seg.id, 'view', null)).rejects.toMatchObject({ status: 403 });
    clock.set(at(seg.endedAt, days(30)));
    await dispose(v, unit, seg.id, 'seal');
    const bodies = await leaves(tdb);
    expect(bodies.map(typeOf)).toEqual(['vault/ingest', 'vault/refused', 'vault/refused', 'vault/seal']);
    for (const b of bodies) expect(b).toContain(`\nsubject captured-segment:${seg.id}\n`);
    expect(bodies[0]).toContain(`\ndigest sha256:${sha256}\n`);
    expect(bodies[1]).toContain('\nrule art23.p2.minimum-retention\n');
    expect(bodies[3]).toContain('\nrule art23.p2.police-extraction\n');
    // One event row per leaf: the access log and the ledger tell the same story.
    const events = await vaultDb(v.db).selectFrom('capturedEvents').select('id').where('segmentId', '=', seg.id).execute();
    expect(events).toHaveLength(bodies.length);
  });

  it('queues one leaf per sweep batch that erases, bound by digest to the batch the access log records (art 23 ¶2)', async () => {
    const clip = footage(4);
    for (let i = 0; i < 3; i++) {
      const endedAt = at(T0, -days(31) - minutes(10 * i));
      await ingest(v, unit, { systemId: 1, deviceId: null, startedAt: at(endedAt, -minutes(5)), endedAt, mediaType: 'video/mp4', source: 'upload' }, Readable.from([clip.bytes]));
    }
    await setPolicy(v, unit, { keyUnitId: 1, systemId: null, action: 'erase', keepDays: null, minimumDays: 30 });
    await tdb.db.deleteFrom('ledgerQueue').execute();
    await sweep(v, null, { execute: true, batchSize: 2 });
    const bodies = (await leaves(tdb)).filter((b) => typeOf(b) === 'vault/erase');
    expect(bodies).toHaveLength(2);
    const rows = await vaultDb(v.db).selectFrom('capturedEvents').select('detail').where('action', '=', 'erase').orderBy('id').execute();
    expect(rows.map((r) => `\ndigest ${digestOfRecord(JSON.parse(r.detail!))}\n`)).toEqual(bodies.map((b) => /\ndigest \S+\n/.exec(b)![0]));
    for (const b of bodies) expect(b).toContain('\nsubject security-system:1\n');
  });

  it('leaves neither the event nor its leaf when the transaction that records them rolls back', async () => {
    const { seg } = await recording();
    await tdb.db.deleteFrom('ledgerQueue').execute();
    const before = await vaultDb(v.db).selectFrom('capturedEvents').select('id').execute();
    await expect(
      v.db.transaction().execute(async (trx) => {
        await recordEvent(trx, v, investigator, { action: 'view', outcome: 'allowed', segmentId: seg.id, systemId: 1 });
        expect(await trx.selectFrom('ledgerQueue').select('id').execute()).toHaveLength(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await leaves(tdb)).toEqual([]);
    expect(await vaultDb(v.db).selectFrom('capturedEvents').select('id').execute()).toHaveLength(before.length);
  });
});

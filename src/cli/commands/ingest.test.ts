import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { createItem, RegistryRepository, syncReferenceData } from '../../registry/index.js';
import { fixedClock } from '../../shared/clock.js';
import { footage } from '../../vault/test-support.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/jifang.js');
const admin: Actor = { userId: 0, username: 'fixture', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

/** `jifang ingest` and `jifang evidence verify` as an operator runs them, against an embedded database. */
describe('jifang ingest and jifang evidence verify', { timeout: 180_000 }, () => {
  let tdb: TestDatabase;
  let systemId: number;
  let folder: string;
  const jifang = (args: string[]) =>
    run(process.execPath, [BIN, ...args], { env: { ...process.env, JIFANG_DATA_DIR: tdb.dataDir, DATABASE_URL: '' } }).catch((e: { stdout: string; stderr: string; code: number }) => e);

  beforeAll(async () => {
    tdb = await createTestDatabase('sqlite');
    const ctx = { repo: RegistryRepository.of(tdb), clock: fixedClock('2026-06-01T08:00:00.000Z') };
    await syncReferenceData(ctx.repo, ctx.clock);
    const unit = await createItem(ctx, admin, 'key-units', { name: '沈阳市某商场', unitType: 'large_shopping_mall', divisionCode: '210102' });
    systemId = (await createItem(ctx, admin, 'security-systems', { name: '商场视频监控', subsystemKind: 'video_audio_surveillance', keyUnitId: unit.id, retentionDays: 30 })).id;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-nvr-'));
    // Recorder exports name each file by camera and span (China time).
    fs.copyFileSync(footage(1).file, path.join(folder, 'cam01_20260101080000_20260101080500.mp4'));
    fs.copyFileSync(footage(2).file, path.join(folder, 'cam01_20260101080500_20260101081000.mp4'));
    fs.writeFileSync(path.join(folder, 'readme.txt'), 'not footage');
  }, 300_000);
  afterAll(() => tdb.cleanup());

  it('takes in a recorder’s folder once; a second run finds everything already held', async () => {
    const first = await jifang(['ingest', folder, '--system', String(systemId), '--json']);
    const lines = first.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l: { outcome: string }) => l.outcome).sort()).toEqual(['created', 'created', 'skipped']);
    const again = await jifang(['ingest', folder, '--system', String(systemId)]);
    expect(again.stdout).toContain('0 taken in, 2 already held, 0 refused, 1 skipped');
    const rows = await tdb.db.withoutPlugins().selectFrom('captured_segments').select(['started_at', 'ended_at', 'source']).orderBy('started_at').execute();
    expect(rows).toEqual([
      { started_at: '2026-01-01T00:00:00.000Z', ended_at: '2026-01-01T00:05:00.000Z', source: 'folder' },
      { started_at: '2026-01-01T00:05:00.000Z', ended_at: '2026-01-01T00:10:00.000Z', source: 'folder' },
    ]);
  });

  it('refuses a file whose digest does not match its manifest, leaves nothing behind, and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-nvr-'));
    fs.copyFileSync(footage(3).file, path.join(dir, 'a.mp4'));
    fs.writeFileSync(path.join(dir, 'jifang-export.json'), JSON.stringify({ systemId, files: [{ path: 'a.mp4', startedAt: '2026-01-02T00:00:00Z', endedAt: '2026-01-02T00:05:00Z', sha256: 'c'.repeat(64) }] }));
    const r = await jifang(['ingest', dir]);
    expect('code' in r ? r.code : 0).toBe(1);
    expect(r.stdout).toContain('REFUSED');
    expect(r.stdout).toContain('digest does not match');
    const n = await tdb.db.withoutPlugins().selectFrom('captured_segments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
    const unknown = await jifang(['ingest', dir, '--system', '999']);
    expect('code' in unknown ? unknown.code : 0).toBe(1);
  });

  it('verifies an evidence package and names what is wrong with a tampered one', async () => {
    const bag = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-bag-'));
    fs.mkdirSync(path.join(bag, 'data'));
    fs.writeFileSync(path.join(bag, 'data', 'a.txt'), 'hello\n');
    const { createHash } = await import('node:crypto');
    const h = (s: string) => createHash('sha256').update(s).digest('hex');
    fs.writeFileSync(path.join(bag, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    fs.writeFileSync(path.join(bag, 'manifest-sha256.txt'), `${h('hello\n')}  data/a.txt\n`);
    const ok = await jifang(['evidence', 'verify', bag]);
    expect(ok.stdout).toContain('valid');
    fs.writeFileSync(path.join(bag, 'data', 'a.txt'), 'hellO\n');
    fs.writeFileSync(path.join(bag, 'data', 'extra.txt'), 'slipped in\n');
    const bad = await jifang(['evidence', 'verify', bag]);
    expect('code' in bad ? bad.code : 0).toBe(1);
    expect(bad.stdout).toContain('data/a.txt: digest');
    expect(bad.stdout).toContain('data/extra.txt is in the payload but not in the manifest');
    const missing = await jifang(['evidence', 'verify', path.join(bag, 'nope')]);
    expect('code' in missing ? missing.code : 0).toBe(2);
  });
});

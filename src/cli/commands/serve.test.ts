import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { createItem, RegistryRepository, syncReferenceData } from '../../registry/index.js';
import { systemClock } from '../../shared/clock.js';
import { createVault, ingest, registryDirectory, setPolicy } from '../../vault/index.js';
import { footage } from '../../vault/test-support.js';
import { sweepIntervalMs } from './serve.js';

const BIN = path.resolve('bin/jifang.js');
const admin: Actor = { userId: 0, username: 'fixture', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
const DAY = 86_400_000;

/** `jifang serve` as an operator runs it: the retention sweeper of art 23 ¶2 runs beside the server. */
describe('jifang serve runs the retention sweeper', { timeout: 180_000 }, () => {
  let tdb: TestDatabase;
  let old: number;
  let young: number;
  let child: ChildProcess;
  let out = '';

  beforeAll(async () => {
    tdb = await createTestDatabase('sqlite');
    const ctx = { repo: RegistryRepository.of(tdb), clock: systemClock };
    await syncReferenceData(ctx.repo, ctx.clock);
    const unit = await createItem(ctx, admin, 'key-units', { name: '沈阳市某商场', unitType: 'large_shopping_mall', divisionCode: '210102' });
    const systemId = (await createItem(ctx, admin, 'security-systems', { name: '商场视频监控', subsystemKind: 'video_audio_surveillance', keyUnitId: unit.id, retentionDays: 30 })).id;
    const vault = createVault({ db: tdb.db, dialect: tdb.dialect, clock: systemClock, dataDir: tdb.dataDir, directory: registryDirectory(ctx.repo) });
    // The unit's policy: erase what has passed the minimum (art 23 ¶2 "可以封存或者消除").
    await setPolicy(vault, null, { keyUnitId: unit.id, systemId: null, action: 'erase', keepDays: null, minimumDays: 30 });
    const take = async (variant: number, endedDaysAgo: number) => {
      const clip = footage(variant);
      const ended = new Date(Date.now() - endedDaysAgo * DAY);
      const started = new Date(ended.getTime() - 60_000);
      const r = await ingest(vault, null, { systemId, deviceId: null, startedAt: started.toISOString(), endedAt: ended.toISOString(), sha256: clip.sha256, size: clip.bytes.length, captureKind: 'video', mediaType: 'video/mp4', originalName: null, source: 'folder' }, fs.createReadStream(clip.file));
      return r.segment.id;
    };
    old = await take(1, 31);
    young = await take(2, 29);
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode == null) child.kill('SIGKILL');
    await tdb?.cleanup();
  });

  const stateOf = async (id: number) => (await tdb.db.withoutPlugins().selectFrom('captured_segments').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

  it('erases what the unit’s policy says once the minimum has passed, keeps what is younger, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--no-demo'], {
      env: { ...process.env, JIFANG_DATA_DIR: tdb.dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', JIFANG_RETENTION_SWEEP_INTERVAL: '0.2', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stderr!.on('data', (d) => (out += String(d)));
    const deadline = Date.now() + 120_000;
    while ((await stateOf(old)) !== 'erased') {
      if (child.exitCode != null) throw new Error(`serve exited early (${child.exitCode}):\n${out}`);
      if (Date.now() > deadline) throw new Error(`the sweeper did not erase the recording in time:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await stateOf(young), out).toBe('kept');
    // The run's report is logged once its transaction has committed, so it may reach the pipe a moment after the erase is visible.
    while (!/"msg":"retention sweep"/.test(out)) {
      if (Date.now() > deadline) throw new Error(`the sweeper erased but never reported its run:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(out).toMatch(/"carriedOut":1[,}]/);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited, out).toBe(0);
  });

  it('reads the interval in seconds and refuses a nonsense one', () => {
    expect(sweepIntervalMs(undefined)).toBe(3_600_000);
    expect(sweepIntervalMs('0.5')).toBe(500);
    expect(() => sweepIntervalMs('-1')).toThrow(/JIFANG_RETENTION_SWEEP_INTERVAL/);
    expect(() => sweepIntervalMs('soon')).toThrow(/JIFANG_RETENTION_SWEEP_INTERVAL/);
  });
});

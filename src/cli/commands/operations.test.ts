import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../access/index.js';
import { createItem, RegistryRepository, syncReferenceData } from '../../registry/index.js';
import { systemClock } from '../../shared/clock.js';
import { withDatabase } from '../runtime.js';
import { registerOperationsCommand } from './operations.js';

const admin: Actor = { userId: 0, username: 'setup', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

async function run(...args: string[]): Promise<string> {
  const program = new Command('jifang').exitOverride();
  registerOperationsCommand(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'jifang', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('jifang operations', () => {
  let dir: string;
  let systemId: number;
  const saved = { data: process.env.JIFANG_DATA_DIR, url: process.env.DATABASE_URL };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-cli-ops-'));
    process.env.JIFANG_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    systemId = await withDatabase(async (jdb) => {
      const reg = { repo: RegistryRepository.of(jdb), clock: systemClock };
      await syncReferenceData(reg.repo, systemClock);
      const unit = await createItem(reg, admin, 'key-units', { name: '沈阳市和平区实验中学', unitType: 'secondary_school', divisionCode: '210102' });
      return (await createItem(reg, admin, 'security-systems', { name: '校园视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: unit.id, retentionDays: 30 })).id;
    });
  });
  afterAll(() => {
    process.env.JIFANG_DATA_DIR = saved.data;
    if (saved.url) process.env.DATABASE_URL = saved.url;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes in a recorder’s JSON-lines log for one system and says the batch and its digest', async () => {
    const file = path.join(dir, 'log.jsonl');
    fs.writeFileSync(file, ['{"kind":"register","occurredAt":"2026-06-01T08:00:00+08:00"}', '{"kind":"recording-stopped","occurredAt":"2026-06-01T09:00:00+08:00","detail":"硬盘已满"}'].join('\n'));
    const out = await run('operations', 'ingest', '--system', String(systemId), file);
    expect(out).toMatch(/Took in 2 operation records \(batch \d+, sha256:[0-9a-f]{64}\); system status: interrupted/);
    const n = await withDatabase(async (jdb) => Number((await sql<{ n: number }>`select count(*) as n from operation_alerts`.execute(jdb.db)).rows[0].n));
    expect(n).toBe(1);
  });

  it('refuses a bad log whole, naming each row in both languages', async () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, 'kind,occurredAt\nkeepalive,yesterday\n');
    await expect(run('operations', 'ingest', '--system', String(systemId), file)).rejects.toThrow(/#1 occurredAt \(iso-8601\)/);
    await expect(run('operations', 'ingest', '--system', 'x', file)).rejects.toThrow(/positive integer/);
  });

  it('runs the offline check once', async () => {
    expect(JSON.parse(await run('operations', 'check', '--json'))).toEqual({ wentOffline: 0 });
  });
});

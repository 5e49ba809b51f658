import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { createItem, RegistryRepository, syncReferenceData, type RegistryContext } from '../../registry/index.js';
import { fixedClock } from '../../shared/clock.js';
import { CliError } from '../runtime.js';
import { registerAssessCommand, type CliDeps } from './assess.js';
import { registerSweepCommand } from './sweep.js';

const admin: Actor = { userId: 0, username: 'setup', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

describe.each(testDialects)('jifang assess and jifang sweep on %s', (dialect) => {
  let tdb: TestDatabase;
  const clock = fixedClock('2026-06-01T08:00:00.000Z');
  const id: Record<string, number> = {};

  /** Runs a command in process against the test database; returns what it wrote to standard output. */
  async function run(...args: string[]): Promise<string> {
    const program = new Command('jifang').exitOverride();
    const deps: CliDeps = { withDb: (fn) => fn(tdb), clock };
    registerAssessCommand(program, deps);
    registerSweepCommand(program, deps);
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

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const reg: RegistryContext = { repo: RegistryRepository.of(tdb), clock };
    await syncReferenceData(reg.repo, clock);
    id.hotel = (await createItem(reg, admin, 'key-units', { name: '沈阳和平大酒店', unitType: 'hotel', divisionCode: '210102' })).id;
    id.system = (await createItem(reg, admin, 'security-systems', { name: '酒店视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: id.hotel })).id;
    id.cam = (await createItem(reg, admin, 'devices', { name: '客房摄像机', systemId: id.system, capturesVideo: true, placeKind: 'hotel_room' })).id;
  });
  afterAll(() => tdb.cleanup());

  it('prints each finding with its outcome, article, link and message, in Chinese and English', async () => {
    const out = await run('assess', 'devices', String(id.cam));
    const lines = out.split('\n');
    expect(lines[0]).toBe(`前端设备 / Device #${id.cam} 客房摄像机 (沈阳市和平区)`);
    expect(lines[1]).toBe('适用日期 / As of 2026-06-01');
    expect(lines[2]).toBe('违法 / violation 2  待履行 / obligation 1  不予准许 / refused 0  允许 / allowed 0  符合 / compliant 0  不适用 / not applicable 0');
    const i = lines.indexOf('[违法 / violation] 第十四条 / Art 14  /law/14  art14.no-capture-in-private-places');
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toMatch(/^ {4}禁止在宾馆客房安装、使用具有视（音）频采集功能的技防系统/);
    expect(lines[i + 2]).toMatch(/^ {4}Installing or using a system that captures video or audio in a hotel guest room is forbidden/);
    expect(lines).toContain('[违法 / violation] 第三十三条 / Art 33  /law/33  art33.removal-order');
    expect(lines).toContain('[待履行 / obligation] 第十五条 / Art 15  /law/15  art15.signage-where-video-captured');
    expect(out).toContain('  - 第十五条 / Art 15: 覆盖区域是否设置省公安机关统一样式的提示标识 / Whether the covered area carries the notice in the provincial style');
  });

  it('prints one language when asked, and JSON', async () => {
    const en = await run('assess', 'key-units', String(id.hotel), '--lang', 'en');
    expect(en).toContain('[compliant] Art 10 ¶1 (7)  /law/10#p1-i7  art10.p1.key-unit-must-install');
    expect(en).toContain('[obligation] Art 11 ¶1 (1)  /law/11#p1-i1  art11.i1.maintenance-rules');
    // Only the entity's own name and place stay in Chinese.
    expect(en.split('\n').slice(1).filter((l) => /[\u4e00-\u9fff]/.test(l))).toEqual([]);
    const json = JSON.parse(await run('assess', 'devices', String(id.cam), '--json', '--at', '2020-01-01'));
    expect(json.at).toBe('2020-01-01');
    expect(json.findings.find((f: { ruleId: string }) => f.ruleId === 'art14.no-capture-in-private-places')).toMatchObject({ outcome: 'violation', href: '/law/14' });
  });

  it('exits with code 2 for what it cannot assess', async () => {
    await expect(run('assess', 'police-organs', '1')).rejects.toBeInstanceOf(CliError);
    await expect(run('assess', 'devices', '999999')).rejects.toThrow(/未找到|not found/);
    await expect(run('assess', 'devices', 'x')).rejects.toThrow(/positive integer/);
  });

  it('sweeps every entity, then only what changed', async () => {
    const first = await run('sweep');
    expect(first).toMatch(/^sweep #\d+ full, as of 2026-06-01: /);
    const row = (name: string) => first.split('\n').find((l) => l.trim().startsWith(`${name} `))?.trim().split(/\s+/);
    expect(row('kind')).toEqual(['kind', 'examined', 'assessed', 'moved', 'unchanged', 'removed']);
    expect(row('devices')).toEqual(['devices', '1', '1', '0', '0', '0']);
    expect(row('total')).toEqual(['total', '3', '3', '0', '0', '0']);
    clock.advance(60_000);
    const again = JSON.parse(await run('sweep', '--json'));
    expect(again).toMatchObject({ mode: 'incremental', examined: 3, reevaluated: 0, unchanged: 3 });
  });
});

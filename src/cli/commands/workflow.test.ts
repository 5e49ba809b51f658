import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerWorkflowCommand } from './workflow.js';

async function run(...args: string[]): Promise<string> {
  const program = new Command('jifang').exitOverride();
  registerWorkflowCommand(program);
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

describe('jifang scheduler / workflow', () => {
  let dir: string;
  const saved = { data: process.env.JIFANG_DATA_DIR, url: process.env.DATABASE_URL };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-cli-wf-'));
    process.env.JIFANG_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env.JIFANG_DATA_DIR = saved.data;
    if (saved.url) process.env.DATABASE_URL = saved.url;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ticks the scheduler once and says what it did', async () => {
    expect(JSON.parse(await run('scheduler', 'tick', '--json'))).toMatchObject({ claimed: 0, transitioned: 0, missed: 0, failed: 0 });
    expect(await run('scheduler', 'tick')).toMatch(/^领取 claimed 0；/);
  });

  it('reports pending, due, leased and failed deadlines', async () => {
    expect(JSON.parse(await run('scheduler', 'status', '--json'))).toEqual({ pending: 0, due: 0, leased: 0, failed: 0 });
  });

  it('prints the workflows as markdown tables', async () => {
    const md = await run('workflow', 'docs');
    expect(md).toMatch(/^# Workflows/);
    expect(md).toContain('## 技防服务单位备案 — Provider filing (Art 16)');
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The benchmark runner works end to end in quick mode; its timings are not judged here. */
describe('npm run bench', () => {
  it('runs the registry benchmark quickly and writes results.json with one figure per entry', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-bench-smoke-'));
    const out = path.join(dir, 'results.json');
    try {
      await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--only', 'registry', '--key-units', '300', '--devices', '3000', '--out', out], { timeout: 170_000 });
      const results = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>[];
      expect(results.length).toBeGreaterThanOrEqual(6);
      for (const r of results) {
        expect(Object.keys(r).sort()).toEqual(['baseline', 'met', 'name', 'ratio', 'target', 'unit', 'value']);
        expect(typeof r.name).toBe('string');
        expect(Number.isFinite(r.value)).toBe(true);
        expect(typeof r.unit).toBe('string');
        expect(r.baseline === null || Number.isFinite(r.baseline)).toBe(true);
        expect(r.ratio === null || Number.isFinite(r.ratio)).toBe(true);
        expect(r.target === null || typeof r.target === 'string').toBe(true);
        expect(r.met === null || typeof r.met === 'boolean').toBe(true);
      }
      expect(results.map((r) => r.name)).toEqual(expect.arrayContaining(['registry.sqlite.bulk-insert', 'registry.sqlite.search.p95', 'registry.sqlite.list.p95']));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

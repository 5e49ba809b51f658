import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';

const run = promisify(execFile);

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('is served at /api/openapi.json as OpenAPI 3.1 and passes redocly lint', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/session');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-openapi-'));
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, res.body);
    const bin = path.resolve('node_modules/.bin/redocly');
    const out = await run(bin, ['lint', file, '--format', 'stylish'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    }).catch((e: { stdout: string; stderr: string; code: number }) => e);
    expect(`${out.stdout}\n${out.stderr}`).toMatch(/valid/i);
    expect('code' in out ? out.code : 0, `${out.stdout}\n${out.stderr}`).toBe(0);
  });

  it('marks the routes open without a login as needing no session, and the rest as needing one', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const sec = (p: string, m = 'get') => doc.paths[p]?.[m]?.security ?? doc.security;
    expect(sec('/api/v1/law/articles/{number}')).toEqual([]);
    expect(sec('/api/v1/public/providers')).toEqual([]);
    expect(sec('/api/v1/penalties/calculate', 'post')).toEqual([]);
    expect(sec('/api/v1/registry/key-units')).toEqual([{ session: [] }]);
  });

  it('has a docs page at /api/docs', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.js';
import { readTar, verifyBag } from '../../vault/index.js';
import { createWorld, type Headers, type World } from './captured-fixtures.js';

const T0 = '2026-06-01T08:00:00.000Z';
const t = (ms: number) => new Date(new Date(T0).getTime() + ms).toISOString();
const MIN = 60_000;
/** A CSV export's rows, header first, after its byte-order mark. */
const csv = (raw: Buffer) => {
  expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(raw, { bom: true }) as string[][];
};

describe.each(testDialects)('art 25 ¶2 evidence retrieval over HTTP on %s', (dialect) => {
  let w: World;
  let unitA: Headers;
  let party: Headers;
  let stranger: Headers;
  let heping: Headers;
  let zhongshan: Headers;
  let inWindow: number;
  let outside: number;
  let id: number;
  let formalityNo: string;
  let packageFile: string;
  const window = { from: t(-60 * MIN), to: t(-30 * MIN) };

  beforeAll(async () => {
    w = await createWorld(dialect);
    unitA = await w.as({ username: 'unit-a', role: 'key_unit', keyUnitId: w.unitA });
    party = await w.as({ username: 'plaintiff', role: 'citizen' });
    stranger = await w.as({ username: 'stranger', role: 'citizen' });
    heping = await w.as({ username: 'heping-supervisor', role: 'county_supervisor', jurisdiction: '210102' });
    zhongshan = await w.as({ username: 'zhongshan-supervisor', role: 'county_supervisor', jurisdiction: '210202' });
    inWindow = (await w.upload(unitA, w.sysA, w.camA1, t(-50 * MIN), t(-45 * MIN), 1)).id;
    outside = (await w.upload(unitA, w.sysA, w.camA2, t(-50 * MIN), t(-45 * MIN), 2)).id;
  }, 300_000);
  afterAll(() => w.t.close());

  const inject = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) => w.t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const application = (over: object = {}) => ({
    partyKind: 'citizen',
    partyName: '赵六',
    caseKind: 'civil',
    caseRef: '(2026)辽0102民初1234号',
    applicationText: '本人系原告，就校门口交通事故纠纷负有举证责任，申请调取东门摄像机录像作为证据。',
    proofDescription: '沈阳市和平区人民法院受理案件通知书 (2026)辽0102民初1234号',
    bearsBurdenOfProof: true,
    divisionCode: '210102',
    window,
    ...over,
  });

  it('takes a written application only from the party bearing the burden of proof, with proof', async () => {
    const noBurden = await inject('POST', '/api/v1/evidence-requests', party, application({ bearsBurdenOfProof: false }));
    expect(noBurden.statusCode).toBe(400);
    expect(noBurden.json()).toMatchObject({ code: 'JF_VAULT_BURDEN_REQUIRED', citation: { article: 25, paragraph: 2 } });
    const res = await inject('POST', '/api/v1/evidence-requests', party, application());
    expect(res.statusCode).toBe(201);
    id = res.json().request.id;
    expect(res.json().request).toMatchObject({ state: 'submitted', partyName: '赵六' });
    expect((await inject('POST', '/api/v1/evidence-requests', unitA, application())).statusCode).toBe(403);
  });

  it('is recorded by the police of the area, who issue the formalities; nothing is handed over before', async () => {
    expect((await inject('POST', `/api/v1/evidence-requests/${id}/handover`, unitA, { formalityNo: 'X', segmentIds: [inWindow] })).statusCode).toBe(403);
    expect((await inject('POST', `/api/v1/evidence-requests/${id}/record`, zhongshan, { approve: true, scope: [{ systemId: w.sysA, deviceId: w.camA1 }] })).statusCode).toBe(403);
    const rec = await inject('POST', `/api/v1/evidence-requests/${id}/record`, heping, { approve: true, scope: [{ systemId: w.sysA, deviceId: w.camA1 }] });
    expect(rec.json().request).toMatchObject({ state: 'recorded', keyUnitId: w.unitA, formalityNo: expect.stringMatching(/^DZ210102/) });
    formalityNo = rec.json().request.formalityNo;
    const other = (await inject('POST', '/api/v1/evidence-requests', stranger, application({ partyName: '钱七' }))).json().request;
    const refused = await inject('POST', `/api/v1/evidence-requests/${other.id}/record`, heping, { approve: false, reason: '未能证明负有举证责任' });
    expect(refused.json().request).toMatchObject({ state: 'refused', refusalReason: '未能证明负有举证责任' });
    expect((await inject('GET', `/api/v1/evidence-requests/${id}`, unitA)).json().request.partyName).toBe('赵*');
  });

  it('is handed over by the unit only with the formalities and only within them', async () => {
    const wrong = await inject('POST', `/api/v1/evidence-requests/${id}/handover`, unitA, { formalityNo: 'DZ2101022026060100000XFFFF', segmentIds: [inWindow] });
    expect(wrong.json()).toMatchObject({ code: 'JF_VAULT_FORMALITIES_REQUIRED', citation: { article: 25, paragraph: 2 } });
    const out = await inject('POST', `/api/v1/evidence-requests/${id}/handover`, unitA, { formalityNo, segmentIds: [inWindow, outside] });
    expect(out.json()).toMatchObject({ code: 'JF_VAULT_OUTSIDE_SCOPE', citation: { article: 25, paragraph: 2 } });
    const ok = await inject('POST', `/api/v1/evidence-requests/${id}/handover`, unitA, { formalityNo, segmentIds: [inWindow] });
    expect(ok.json().request).toMatchObject({ state: 'handed_over', packageSha256: expect.stringMatching(/^[0-9a-f]{64}$/), packageSegmentIds: [inWindow] });
  });

  it('gives the party a BagIt package that standard tools can validate: files, SHA-256 manifest, request, approvals, chain of custody', async () => {
    expect((await inject('GET', `/api/v1/evidence-requests/${id}/package`, stranger)).json()).toMatchObject({ code: 'JF_VAULT_NO_GRANT', citation: { article: 22, item: 3 } });
    const res = await inject('GET', `/api/v1/evidence-requests/${id}/package`, party);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    packageFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-evidence-')), 'evidence.tar');
    fs.writeFileSync(packageFile, res.rawPayload);
    const check = await verifyBag(packageFile);
    expect(check).toMatchObject({ valid: true, errors: [], payloadFiles: 5, info: { 'External-Identifier': formalityNo, 'Bag-Software-Agent': 'Jifang' } });
    const entries = await readTar(packageFile);
    const names = entries.filter((e) => e.type === 'file').map((e) => e.path);
    expect(names).toEqual(
      expect.arrayContaining([
        `jifang-evidence-${id}/bagit.txt`,
        `jifang-evidence-${id}/bag-info.txt`,
        `jifang-evidence-${id}/manifest-sha256.txt`,
        `jifang-evidence-${id}/tagmanifest-sha256.txt`,
        `jifang-evidence-${id}/data/request.json`,
        `jifang-evidence-${id}/data/approvals.json`,
        `jifang-evidence-${id}/data/chain-of-custody.json`,
        `jifang-evidence-${id}/data/segments.json`,
      ]),
    );
    const custody = JSON.parse(entries.find((e) => e.path.endsWith('chain-of-custody.json'))!.text!);
    expect(custody.map((c: { action: string }) => c.action)).toEqual(expect.arrayContaining(['ingest', 'request', 'register', 'copy']));
    // The system's own tar reads it too.
    const { execFileSync } = await import('node:child_process');
    const listing = execFileSync('tar', ['-tf', packageFile]).toString();
    expect(listing).toContain(`jifang-evidence-${id}/data/footage/`);
  });

  it('detects a package altered after hand-over', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-evidence-x-'));
    const { execFileSync } = await import('node:child_process');
    execFileSync('tar', ['-xf', packageFile, '-C', dir]);
    const bag = path.join(dir, `jifang-evidence-${id}`);
    expect((await verifyBag(bag)).valid).toBe(true);
    const footageDir = path.join(bag, 'data', 'footage');
    const f = path.join(footageDir, fs.readdirSync(footageDir)[0]);
    const bytes = fs.readFileSync(f);
    bytes[bytes.length - 1] ^= 0xff;
    fs.writeFileSync(f, bytes);
    const check = await verifyBag(bag);
    expect(check.valid).toBe(false);
    expect(check.errors[0]).toMatch(/does not match the manifest/);
  });

  it('pages the list on the server with its total, sorts by filing or window, and refuses an unknown sort naming the field', async () => {
    const early = (await inject('POST', '/api/v1/evidence-requests', party, application({ window: { from: t(-120 * MIN), to: t(-90 * MIN) } }))).json().request;
    const ids = (r: { json(): { items: { id: number }[] } }) => r.json().items.map((x) => x.id);
    const all = (await inject('GET', '/api/v1/evidence-requests', heping)).json();
    expect(all.total).toBe(3);
    const first = (await inject('GET', '/api/v1/evidence-requests?limit=2', heping)).json();
    const rest = (await inject('GET', '/api/v1/evidence-requests?limit=2&offset=2', heping)).json();
    expect([first.total, first.items.length, rest.total, rest.items.length]).toEqual([3, 2, 3, 1]);
    expect([...first.items, ...rest.items].map((x: { id: number }) => x.id)).toEqual(all.items.map((x: { id: number }) => x.id));
    expect(ids(await inject('GET', '/api/v1/evidence-requests?sort=window&order=asc', heping))[0]).toBe(early.id);
    expect(ids(await inject('GET', '/api/v1/evidence-requests?sort=window&order=desc', heping)).at(-1)).toBe(early.id);
    const created = ids(await inject('GET', '/api/v1/evidence-requests?sort=created&order=asc', heping));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect((await inject('GET', '/api/v1/evidence-requests?state=refused', heping)).json()).toMatchObject({ total: 1, items: [{ state: 'refused', partyName: '钱七' }] });
    expect((await inject('GET', '/api/v1/evidence-requests', party)).json().total).toBe(2);
    const bad = await inject('GET', '/api/v1/evidence-requests?sort=party', heping);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'sort', rule: 'enum' })]);
    expect((await inject('GET', '/api/v1/evidence-requests?limit=500', heping)).statusCode).toBe(400);
  });

  it('exports what the list shows to each caller, never the resident ID or the application text, and nothing to another area', async () => {
    const res = await inject('GET', '/api/v1/evidence-requests/export?format=csv&sort=created&order=asc', heping);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/evidence-requests-\d{8}\.csv/);
    const [header, ...rows] = csv(res.rawPayload);
    expect(header).toEqual(expect.arrayContaining(['当事人 / Party', '案号 / Case reference', '状态 / State']));
    expect(rows.map((r) => Number(r[0]))).toEqual((await inject('GET', '/api/v1/evidence-requests?sort=created&order=asc', heping)).json().items.map((x: { id: number }) => x.id));
    expect(rows.map((r) => r[header.indexOf('当事人 / Party')])).toEqual(expect.arrayContaining(['赵六', '钱七']));
    expect(res.body).not.toContain('举证责任');
    // The capturing unit's list masks the party, so does its export.
    const unit = csv((await inject('GET', '/api/v1/evidence-requests/export', unitA)).rawPayload);
    expect(unit.length - 1).toBe((await inject('GET', '/api/v1/evidence-requests', unitA)).json().total);
    expect(unit.slice(1).map((r) => r[header.indexOf('当事人 / Party')])).toEqual(['赵*']);
    const xlsx = await inject('GET', '/api/v1/evidence-requests/export?format=xlsx', heping);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(csv((await inject('GET', '/api/v1/evidence-requests/export', zhongshan)).rawPayload)).toHaveLength(1);
    expect(csv((await inject('GET', '/api/v1/evidence-requests/export', stranger)).rawPayload).map((r) => r[header.indexOf('当事人 / Party')])).toEqual(['当事人 / Party', '钱七']);
  });
});

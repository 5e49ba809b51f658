import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { digestOfRecord } from '../../ledger/index.js';
import { createItem, RegistryRepository, syncReferenceData, type RegistryContext } from '../../registry/index.js';

const admin: Actor = { userId: 0, username: 'setup', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

describe.each(testDialects)('device operations over HTTP on %s', (dialect) => {
  let t: TestApp;
  let reg: RegistryContext;
  let school: AuthHeaders;
  let bank: AuthHeaders;
  let heping: AuthHeaders;
  let shenhe: AuthHeaders;
  let province: AuthHeaders;
  let citizen: AuthHeaders;
  let adminH: AuthHeaders;
  const id: Record<string, number> = {};

  const get = (h: AuthHeaders, url: string) => t.app.inject({ method: 'GET', url, headers: { ...h } });
  const post = (h: AuthHeaders, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: { ...h }, payload: payload as object });
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.tdb.db)).rows[0].n);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    reg = { repo: RegistryRepository.of(t.tdb), clock: t.clock };
    await syncReferenceData(reg.repo, t.clock);
    const create = async (kind: Parameters<typeof createItem>[2], values: Record<string, unknown>) => (await createItem(reg, admin, kind, values)).id;
    id.school = await create('key-units', { name: '沈阳市和平区实验中学', unitType: 'secondary_school', divisionCode: '210102' });
    id.bank = await create('key-units', { name: '沈河支行', unitType: 'bank_branch', divisionCode: '210103' });
    id.schoolVideo = await create('security-systems', { name: '校园视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: id.school, retentionDays: 30 });
    id.schoolAlarm = await create('security-systems', { name: '校园入侵报警系统', subsystemKind: 'intrusion_alarm', keyUnitId: id.school, retentionDays: 30 });
    id.bankVideo = await create('security-systems', { name: '支行视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: id.bank, retentionDays: 30 });
    id.camera = await create('devices', { name: '校门摄像机', systemId: id.schoolVideo, capturesVideo: true, placeKind: 'public_space' });
    id.bankCamera = await create('devices', { name: '营业厅摄像机', systemId: id.bankVideo, capturesVideo: true, placeKind: 'public_space' });
    school = await t.as({ username: 'school', role: 'key_unit', keyUnitId: id.school });
    bank = await t.as({ username: 'bank', role: 'key_unit', keyUnitId: id.bank });
    heping = await t.as({ username: 'heping', role: 'county_supervisor', jurisdiction: '210102' });
    shenhe = await t.as({ username: 'shenhe', role: 'county_supervisor', jurisdiction: '210103' });
    province = await t.as({ username: 'province', role: 'province_supervisor', jurisdiction: '210000' });
    citizen = await t.as({ username: 'citizen', role: 'citizen' });
    adminH = await t.as({ username: 'admin', role: 'admin' });
  });
  afterAll(() => t.close());

  it("takes in a key unit's exported operation log (CSV) for its own system as one batch with one ledger leaf whose digest covers it (art 21 ¶1 (4))", async () => {
    const leaves = await count('ledger_queue');
    const content = ['kind,occurredAt,deviceId,detail', `keepalive,2026-06-01T15:00:00+08:00,${id.camera},`, `register,2026-06-01T14:59:00+08:00,${id.camera},开机`].join('\n');
    const res = await post(school, '/api/v1/operations/records', { systemId: id.schoolVideo, content });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ records: 2, status: 'online', alertsRaised: 0 });
    expect((await count('ledger_queue')) - leaves).toBe(1);
    // The batch digest is recomputable from the stored records, in time order.
    const page = (await get(school, `/api/v1/operations/systems/${id.schoolVideo}/records`)).json();
    expect(page.total).toBe(2);
    const asc = [...page.items].reverse();
    expect(asc.map((x: { kind: string }) => x.kind)).toEqual(['register', 'keepalive']);
    expect(digestOfRecord({ systemId: id.schoolVideo, via: 'upload', records: asc.map((x: { digest: string }) => x.digest) })).toBe(r.digest);
    expect(page.status).toMatchObject({ status: 'online', lastReportAt: '2026-06-01T07:00:00.000Z' });
  });

  it('refuses the whole batch when any record is bad, naming each row, field and rule; nothing is written', async () => {
    const before = await count('operation_records');
    const leaves = await count('ledger_queue');
    const res = await post(school, '/api/v1/operations/records', {
      systemId: id.schoolVideo,
      records: [
        { kind: 'keepalive', occurredAt: '2026-06-01T07:30:00Z' },
        { kind: 'reboot', occurredAt: '2026-06-01T07:31:00Z' },
        { kind: 'interruption', occurredAt: '2027-01-01T00:00:00Z' },
        { kind: 'interruption', occurredAt: '2026-06-01T07:32:00Z', deviceId: id.bankCamera },
      ],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('JF_VALIDATION');
    expect(body.errors.map((e: { row: number; field: string; rule: string }) => `${e.row}:${e.field}:${e.rule}`)).toEqual(['2:kind:enum', '3:occurredAt:not-in-future', '4:deviceId:device-of-system']);
    expect(body.errors[0].message.zh).toContain('reboot');
    expect(body.errors[0].message.en).toContain('reboot');
    expect(await count('operation_records')).toBe(before);
    expect(await count('ledger_queue')).toBe(leaves);
  });

  it('refuses a line that is not JSON in a JSON-lines log, and an upload with neither records nor content', async () => {
    const bad = await post(school, '/api/v1/operations/records', { systemId: id.schoolVideo, content: '{"kind":"keepalive","occurredAt":"2026-06-01T07:40:00Z"}\nnot json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ row: 2, field: 'line', rule: 'json' });
    const none = await post(school, '/api/v1/operations/records', { systemId: id.schoolVideo });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ field: 'records', rule: 'one-of' });
  });

  it("keeps a key unit to its own systems (art 10 ¶2) and a citizen out of all of them, without saying whether a system exists", async () => {
    const other = await post(bank, '/api/v1/operations/records', { systemId: id.schoolVideo, records: [{ kind: 'keepalive', occurredAt: '2026-06-01T07:40:00Z' }] });
    expect(other.statusCode).toBe(404);
    const none = await post(bank, '/api/v1/operations/records', { systemId: 999_999, records: [{ kind: 'keepalive', occurredAt: '2026-06-01T07:40:00Z' }] });
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe(other.json().code);
    expect((await post(citizen, '/api/v1/operations/records', { systemId: id.schoolVideo, records: [{ kind: 'keepalive', occurredAt: '2026-06-01T07:40:00Z' }] })).statusCode).toBe(404);
    expect((await get(citizen, '/api/v1/operations/status')).json().total).toBe(0);
    expect((await get(bank, `/api/v1/operations/systems/${id.schoolVideo}/records`)).statusCode).toBe(404);
    // A supervisor reads but does not write a unit's operation records.
    expect((await post(heping, '/api/v1/operations/records', { systemId: id.schoolVideo, records: [{ kind: 'keepalive', occurredAt: '2026-06-01T07:40:00Z' }] })).statusCode).toBe(403);
  });

  it('raises an interrupted alert from an interruption record (art 21 ¶1 (2)), shown to the county and the unit, not to another county', async () => {
    const res = await post(bank, '/api/v1/operations/records', { systemId: id.bankVideo, records: [{ kind: 'power-loss', occurredAt: '2026-06-01T07:10:00Z', deviceId: id.bankCamera, detail: '市电中断' }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'interrupted', alertsRaised: 1 });
    const alerts = (await get(shenhe, '/api/v1/operations/alerts?open=true')).json();
    expect(alerts.items).toHaveLength(1);
    expect(alerts.items[0]).toMatchObject({ systemId: id.bankVideo, kind: 'interrupted', clearedAt: null, caseId: null, divisionName: '沈河区' });
    expect((await get(heping, '/api/v1/operations/alerts')).json().total).toBe(0);
    expect((await get(bank, '/api/v1/operations/alerts')).json().total).toBe(1);
    expect((await get(school, '/api/v1/operations/alerts')).json().total).toBe(0);
  });

  it('lists the status of every system in the jurisdiction, never reported included, filtered by status and place, sorted and paged, and exports it', async () => {
    const all = (await get(province, '/api/v1/operations/status?sort=name')).json();
    expect(all.total).toBe(3);
    const byId = Object.fromEntries(all.items.map((r: { systemId: number; status: string }) => [r.systemId, r.status]));
    expect(byId).toEqual({ [id.schoolVideo]: 'online', [id.schoolAlarm]: 'never', [id.bankVideo]: 'interrupted' });
    const down = (await get(province, '/api/v1/operations/status?status=offline&status=interrupted')).json();
    expect(down.items.map((r: { systemId: number }) => r.systemId)).toEqual([id.bankVideo]);
    expect(down.items[0].openAlertId).toEqual(expect.any(Number));
    expect((await get(province, '/api/v1/operations/status?status=never')).json().items.map((r: { systemId: number }) => r.systemId)).toEqual([id.schoolAlarm]);
    expect((await get(province, '/api/v1/operations/status?divisionCode=210102')).json().total).toBe(2);
    expect((await get(heping, '/api/v1/operations/status')).json().total).toBe(2);
    const paged = (await get(province, '/api/v1/operations/status?sort=name&order=desc&limit=1&offset=1')).json();
    expect(paged).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(paged.items).toHaveLength(1);
    const csv = await get(province, '/api/v1/operations/status/export?format=csv&status=interrupted');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('运行状态 / Status');
    expect(csv.body).toContain('支行视频监控系统');
    expect(csv.body).not.toContain('校园视频监控系统');
    const xlsx = await get(province, '/api/v1/operations/alerts/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const bad = await get(province, '/api/v1/operations/status?status=sleeping');
    expect(bad.statusCode).toBe(400);
  });

  it('lets a county supervisor open an art 21 case from an alert, once; the alert keeps the case (art 21 ¶1 (2))', async () => {
    const alert = (await get(shenhe, '/api/v1/operations/alerts?open=true')).json().items[0];
    expect((await post(bank, `/api/v1/operations/alerts/${alert.id}/case`, {})).statusCode).toBe(403);
    expect((await post(heping, `/api/v1/operations/alerts/${alert.id}/case`, {})).statusCode).toBe(404);
    const cases = async () => (await get(shenhe, '/api/v1/workflow/items?machine=case')).json().total as number;
    const before = await cases();
    // Two supervisors at once: one case is opened and linked, the other is refused and opens nothing.
    const both = await Promise.all([post(shenhe, `/api/v1/operations/alerts/${alert.id}/case`, {}), post(shenhe, `/api/v1/operations/alerts/${alert.id}/case`, {})]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await cases()).toBe(before + 1);
    const res = both.find((r) => r.statusCode === 201)!;
    const { caseId } = res.json();
    const item = (await get(shenhe, `/api/v1/workflow/items/${caseId}`)).json().item;
    expect(item).toMatchObject({ machine: 'case', state: 'open', divisionCode: '210103' });
    expect(JSON.stringify(item)).toContain('art21.i2.no-obstruction-or-interruption');
    expect((await get(shenhe, '/api/v1/operations/alerts')).json().items[0].caseId).toBe(caseId);
    const again = await post(shenhe, `/api/v1/operations/alerts/${alert.id}/case`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'JF_OPS_CASE_ALREADY_OPENED', citation: { article: 21 } });
  });

  it('clears the alert when the system reports again, recording that it was restored', async () => {
    const res = await post(bank, '/api/v1/operations/records', { systemId: id.bankVideo, records: [{ kind: 'keepalive', occurredAt: '2026-06-01T07:50:00Z' }] });
    expect(res.json()).toMatchObject({ status: 'online', alertsCleared: 1, records: 2 });
    const kinds = (await get(bank, `/api/v1/operations/systems/${id.bankVideo}/records`)).json().items.map((x: { kind: string }) => x.kind);
    expect(kinds.slice(0, 2).sort()).toEqual(['keepalive', 'restored']);
    expect((await get(shenhe, '/api/v1/operations/alerts?open=true')).json().total).toBe(0);
  });

  it('lets a key unit set a GB/T 28181 id and password for its own system, kept only as HA1; another unit cannot take the id', async () => {
    const res = await post(school, `/api/v1/operations/systems/${id.schoolVideo}/endpoints`, { gbId: '21010200001320000001', deviceId: id.camera, password: 'camera-secret-1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ gbId: '21010200001320000001', deviceId: id.camera, registeredUntil: null });
    expect(res.body).not.toContain('camera-secret-1');
    expect(res.body).not.toContain('ha1');
    const taken = await post(adminH, `/api/v1/operations/systems/${id.bankVideo}/endpoints`, { gbId: '21010200001320000001', password: 'another-secret' });
    expect(taken.statusCode).toBe(409);
    const short = await post(school, `/api/v1/operations/systems/${id.schoolVideo}/endpoints`, { gbId: '2101', password: 'x' });
    expect(short.statusCode).toBe(400);
    expect((await post(bank, `/api/v1/operations/systems/${id.schoolVideo}/endpoints`, { gbId: '21010200001320000002', password: 'camera-secret-2' })).statusCode).toBe(404);
    expect((await get(heping, `/api/v1/operations/systems/${id.schoolVideo}/endpoints`)).json()).toHaveLength(1);
    // One new id set for two systems at once: one gets it, the other is told it is taken; nothing answers 500.
    const both = await Promise.all([
      post(adminH, `/api/v1/operations/systems/${id.schoolVideo}/endpoints`, { gbId: '21010200001320000009', password: 'camera-secret-9' }),
      post(adminH, `/api/v1/operations/systems/${id.bankVideo}/endpoints`, { gbId: '21010200001320000009', password: 'camera-secret-9' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it("exports one system's operation records for the same kind filter, to whoever may read the list and nobody else (art 21 ¶1 (4))", async () => {
    const list = (await get(bank, `/api/v1/operations/systems/${id.bankVideo}/records`)).json();
    expect(list.total).toBeGreaterThanOrEqual(2);
    const csv = await get(bank, `/api/v1/operations/systems/${id.bankVideo}/records/export?format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`operation-records-${id.bankVideo}-`);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('记录编号 / Record ID');
    expect(lines[0]).toContain('依据条款 / Article');
    expect(lines).toHaveLength(list.total + 1);
    expect(csv.body).toContain('市电中断');
    expect(csv.body).toContain('Art 21 ¶1 (4)');
    const power = await get(shenhe, `/api/v1/operations/systems/${id.bankVideo}/records/export?kind=power-loss`);
    expect(power.statusCode, power.body).toBe(200);
    const powerLines = power.body.trim().split(/\r?\n/);
    expect(powerLines).toHaveLength(2);
    const xlsx = await get(bank, `/api/v1/operations/systems/${id.bankVideo}/records/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The same refusal as the list: another unit, another county and a citizen learn nothing.
    for (const h of [school, heping, citizen]) {
      const listed = await get(h, `/api/v1/operations/systems/${id.bankVideo}/records`);
      const exported = await get(h, `/api/v1/operations/systems/${id.bankVideo}/records/export`);
      expect(listed.statusCode).not.toBe(200);
      expect(exported.statusCode).toBe(listed.statusCode);
    }
    const bad = await get(bank, `/api/v1/operations/systems/${id.bankVideo}/records/export?kind=sleeping`);
    expect(bad.statusCode).toBe(400);
    const badFormat = await get(bank, `/api/v1/operations/systems/${id.bankVideo}/records/export?format=pdf`);
    expect(badFormat.statusCode).toBe(400);
  });

  /** The ids of every page of two, checking each page's total; and the first column of the export for the same query. */
  const pages = async (h: AuthHeaders, url: string, query: string, total: number) => {
    const out: number[] = [];
    for (let offset = 0; offset < total; offset += 2) {
      const res = await get(h, `${url}?${query}&limit=2&offset=${offset}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().total).toBe(total);
      out.push(...res.json().items.map((x: { id: number }) => x.id));
    }
    return out;
  };
  const exported = async (h: AuthHeaders, url: string, query: string) => {
    const res = await get(h, `${url}/export?format=csv&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((line) => Number(line.split(',')[0]));
  };
  const refusesBadOrder = async (h: AuthHeaders, url: string, sorts: string) => {
    for (const [query, field, values] of [['sort=severity', 'sort', sorts], ['order=up', 'order', 'asc, desc']] as const) {
      for (const u of [`${url}?${query}`, `${url}/export?format=csv&${query}`]) {
        const res = await get(h, u);
        expect(res.statusCode, u).toBe(400);
        expect(res.json()).toMatchObject({ code: 'JF_VALIDATION', messages: { zh: expect.any(String), en: expect.any(String) } });
        expect(res.json().errors).toEqual([expect.objectContaining({ field, rule: 'enum' })]);
        expect(res.json().errors[0].message.en).toContain(values);
        expect(res.json().errors[0].message.zh).toContain(values.replace(/, /g, '、'));
      }
    }
  };

  it('sorts the alerts by when they were raised, by system and by kind, both ways, a page at a time, and exports them in the same order (art 21 ¶1 (2): 不得妨碍或者擅自中断技防系统的正常使用)', async () => {
    // Before: the bank's interruption at 07:10, cleared. Then the alarm system is interrupted, restored and unregistered; the video system unregistered, back and interrupted.
    const alarm = await post(school, '/api/v1/operations/records', {
      systemId: id.schoolAlarm,
      records: [
        { kind: 'register', occurredAt: '2026-06-01T07:20:00Z' },
        { kind: 'power-loss', occurredAt: '2026-06-01T07:25:00Z' },
        { kind: 'keepalive', occurredAt: '2026-06-01T07:30:00Z' },
        { kind: 'unregister', occurredAt: '2026-06-01T07:40:00Z' },
      ],
    });
    expect(alarm.json(), alarm.body).toMatchObject({ alertsRaised: 2 });
    const video = await post(school, '/api/v1/operations/records', {
      systemId: id.schoolVideo,
      records: [
        { kind: 'unregister', occurredAt: '2026-06-01T07:35:00Z' },
        { kind: 'register', occurredAt: '2026-06-01T07:45:00Z' },
        { kind: 'interruption', occurredAt: '2026-06-01T07:55:00Z' },
      ],
    });
    expect(video.json(), video.body).toMatchObject({ alertsRaised: 2 });
    const all = (await get(province, '/api/v1/operations/alerts?limit=100')).json().items as { id: number; systemId: number; kind: string; raisedAt: string }[];
    const at = (systemId: number, hhmm: string) => all.find((a) => a.systemId === systemId && a.raisedAt === `2026-06-01T${hhmm}:00.000Z`)!.id;
    const a = { bank: at(id.bankVideo, '07:10'), alarmDown: at(id.schoolAlarm, '07:25'), videoOff: at(id.schoolVideo, '07:35'), alarmOff: at(id.schoolAlarm, '07:40'), videoDown: at(id.schoolVideo, '07:55') };
    const url = '/api/v1/operations/alerts';
    const newestFirst = [a.videoDown, a.alarmOff, a.videoOff, a.alarmDown, a.bank];
    expect(await pages(province, url, 'sort=raisedAt&order=desc', 5)).toEqual(newestFirst);
    expect(await pages(province, url, 'sort=raisedAt&order=asc', 5)).toEqual([...newestFirst].reverse());
    expect(await pages(province, url, '', 5)).toEqual(newestFirst);
    // 支行… before 校园入侵… before 校园视频…; newest first within a system.
    expect(await pages(province, url, 'sort=system&order=asc', 5)).toEqual([a.bank, a.alarmOff, a.alarmDown, a.videoDown, a.videoOff]);
    expect(await pages(province, url, 'sort=system&order=desc', 5)).toEqual([a.videoDown, a.videoOff, a.alarmOff, a.alarmDown, a.bank]);
    // interrupted before offline; newest first within a kind.
    expect(await pages(province, url, 'sort=kind&order=asc', 5)).toEqual([a.videoDown, a.alarmDown, a.bank, a.alarmOff, a.videoOff]);
    expect(await pages(province, url, 'sort=kind&order=desc', 5)).toEqual([a.alarmOff, a.videoOff, a.videoDown, a.alarmDown, a.bank]);
    // Filters and scope still hold under a sort.
    expect(await pages(heping, url, 'sort=system&order=desc&open=true', 2)).toEqual([a.videoDown, a.alarmOff]);
    expect(await exported(province, url, 'sort=system&order=asc')).toEqual([a.bank, a.alarmOff, a.alarmDown, a.videoDown, a.videoOff]);
    expect(await exported(province, url, 'sort=raisedAt&order=asc')).toEqual([...newestFirst].reverse());
    await refusesBadOrder(province, url, 'raisedAt, system, kind');
  });

  it("sorts a system's operation records by when they occurred, both ways, a page at a time, and exports them in the same order (art 21 ¶1 (4): 不得删改或者破坏技防系统的运行记录)", async () => {
    // An older log uploaded afterwards: kept, and placed by when it happened, not by when it came.
    const late = await post(school, '/api/v1/operations/records', {
      systemId: id.schoolAlarm,
      records: [
        { kind: 'keepalive', occurredAt: '2026-06-01T07:15:00Z' },
        { kind: 'keepalive', occurredAt: '2026-06-01T07:22:00Z' },
      ],
    });
    expect(late.statusCode, late.body).toBe(201);
    const url = `/api/v1/operations/systems/${id.schoolAlarm}/records`;
    const all = (await get(heping, `${url}?limit=100`)).json().items as { id: number; kind: string; occurredAt: string }[];
    expect(all).toHaveLength(7);
    // By time, and records of the same moment (the keepalive that ended the outage and the restoration it added) in the order they came.
    const oldestFirst = [...all].sort((x, y) => x.occurredAt.localeCompare(y.occurredAt) || x.id - y.id).map((r) => r.id);
    expect(oldestFirst).not.toEqual([...oldestFirst].sort((x, y) => x - y));
    expect(all.map((r) => r.id)).toEqual([...oldestFirst].reverse());
    expect(await pages(heping, url, 'sort=occurredAt&order=desc', 7)).toEqual([...oldestFirst].reverse());
    expect(await pages(heping, url, 'sort=occurredAt&order=asc', 7)).toEqual(oldestFirst);
    expect(await pages(school, url, 'order=asc', 7)).toEqual(oldestFirst);
    expect(await exported(school, url, 'sort=occurredAt&order=asc')).toEqual(oldestFirst);
    expect(await exported(school, url, '')).toEqual([...oldestFirst].reverse());
    await refusesBadOrder(school, url, 'occurredAt');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { complianceContext, sweep } from '../../compliance/index.js';
import { createItem, RegistryRepository, syncReferenceData, type RegistryContext } from '../../registry/index.js';
import { creditCodeCheckCharacter } from '../../shared/standards/gb32100.js';

const cc = (body17: string) => body17 + creditCodeCheckCharacter(body17);
const admin: Actor = { userId: 0, username: 'setup', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

/**
 * Art 20 (2): "依法施工，并将相关建设资料存档备查" — a provider keeps the records
 * of what it built, so it reads the systems it installed; art 20 (3): "对在业务中
 * 涉及的客户信息保守秘密" — and nobody else's.
 */
describe.each(testDialects)("a provider's projects over HTTP on %s", (dialect) => {
  let t: TestApp;
  let reg: RegistryContext;
  let andun: AuthHeaders;
  const id: Record<string, number> = {};

  const get = (h: AuthHeaders, url: string) => t.app.inject({ url, headers: { ...h } });
  const create = async (kind: Parameters<typeof createItem>[2], values: Record<string, unknown>) => (await createItem(reg, admin, kind, values)).id;
  const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name).sort();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    reg = { repo: RegistryRepository.of(t.tdb), clock: t.clock };
    await syncReferenceData(reg.repo, t.clock);
    id.andun = await create('providers', { name: '沈阳安盾技防工程有限公司', creditCode: cc('91210102MA0000001'), services: ['design', 'installation'], divisionCode: '210102' });
    id.other = await create('providers', { name: '大连海防技防工程有限公司', creditCode: cc('91210202MA0000002'), services: ['installation'], divisionCode: '210202' });
    id.school = await create('key-units', { name: '沈阳市和平区第一二〇中学', unitType: 'secondary_school', divisionCode: '210102' });
    id.exam = await create('key-units', { name: '沈阳市和平区试卷保密室', unitType: 'exam_paper_site', divisionCode: '210102', restricted: true });
    id.bank = await create('key-units', { name: '中国工商银行大连中山支行', unitType: 'bank_branch', divisionCode: '210202' });
    id.square = await create('public-areas', { name: '中山广场', kind: 'square', divisionCode: '210102', designatedDepartment: '沈阳市和平区城市管理局' });
    // The other provider's system first: its id is the first provider's id, so a scope that
    // took a system's own id for its provider would hand it over.
    id.othersSystem = await create('security-systems', { name: '一二〇中学入侵报警系统', subsystemKind: 'intrusion_alarm', keyUnitId: id.school, providerId: id.other });
    expect(id.othersSystem).toBe(id.andun);
    id.schoolVideo = await create('security-systems', { name: '一二〇中学视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: id.school, providerId: id.andun, retentionDays: 30 });
    id.bankVideo = await create('security-systems', { name: '工行中山支行视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: id.bank, providerId: id.andun, retentionDays: 90 });
    id.squareVideo = await create('security-systems', { name: '中山广场视频监控系统', subsystemKind: 'video_audio_surveillance', publicAreaId: id.square, providerId: id.andun, retentionDays: 30 });
    id.examAlarm = await create('security-systems', { name: '试卷保密室入侵报警系统', subsystemKind: 'intrusion_alarm', keyUnitId: id.exam, providerId: id.andun });
    id.unknownInstaller = await create('security-systems', { name: '一二〇中学出入口控制系统', subsystemKind: 'access_control', keyUnitId: id.school });
    id.camera = await create('devices', { name: '教学楼东门摄像机', systemId: id.schoolVideo, capturesVideo: true, placeKind: 'entrance_exit' });
    andun = await t.as({ username: 'andun', role: 'provider', providerId: id.andun });
  });
  afterAll(() => t.close());

  it('lists the systems it installed, wherever they are, and no other provider’s, unknown installer’s or restricted one', async () => {
    const res = await get(andun, '/api/v1/registry/security-systems?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(names(body)).toEqual(['一二〇中学视频监控系统', '中山广场视频监控系统', '工行中山支行视频监控系统']);
    expect(body.items.every((i: { providerId: number }) => i.providerId === id.andun)).toBe(true);
    // Searches, filters and the one-row count the workspace reads stay within the scope.
    expect(names((await get(andun, `/api/v1/registry/security-systems?q=${encodeURIComponent('一二〇')}`)).json())).toEqual(['一二〇中学视频监控系统']);
    expect((await get(andun, `/api/v1/registry/security-systems?q=${encodeURIComponent('入侵报警')}`)).json().total).toBe(0);
    expect((await get(andun, '/api/v1/registry/security-systems?restricted=true')).json().total).toBe(0);
    expect((await get(andun, `/api/v1/registry/security-systems?providerId=${id.other}`)).json().total).toBe(0);
    expect((await get(andun, '/api/v1/registry/security-systems?pageSize=1&sort=updatedAt&order=desc')).json()).toMatchObject({ total: 3, pageSize: 1 });
  });

  it('names the clients of its projects on the list, and reads nothing more of them (Art 20 (3): 对在业务中涉及的客户信息保守秘密)', async () => {
    const body = (await get(andun, '/api/v1/registry/security-systems?pageSize=100')).json();
    expect(body.refNames).toEqual({
      [`key-units:${id.school}`]: '沈阳市和平区第一二〇中学',
      [`key-units:${id.bank}`]: '中国工商银行大连中山支行',
      [`public-areas:${id.square}`]: '中山广场',
    });
    expect(JSON.stringify(body)).not.toContain('试卷保密室');
    // The names come with its projects only: the unit's own record stays closed to it.
    expect((await get(andun, `/api/v1/registry/key-units/${id.school}`)).statusCode).toBe(403);
    expect((await get(andun, '/api/v1/registry/key-units')).statusCode).toBe(403);
  });

  it('names on a list only what the caller may read itself: an investigator sees the units of systems, not the public areas it may not read', async () => {
    const investigator = await t.as({ username: 'investigator', role: 'investigator' });
    const body = (await get(investigator, '/api/v1/registry/security-systems?pageSize=100')).json();
    expect(body.refNames[`key-units:${id.school}`]).toBe('沈阳市和平区第一二〇中学');
    expect(Object.keys(body.refNames).some((k) => k.startsWith('public-areas:'))).toBe(false);
    expect(JSON.stringify(body)).not.toContain('试卷保密室');
  });

  it('reads one of its systems; another provider’s or a restricted one is refused (403) as any unreadable record is, an unknown one is 404', async () => {
    const own = await get(andun, `/api/v1/registry/security-systems/${id.schoolVideo}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ id: id.schoolVideo, keyUnitId: id.school, providerId: id.andun, divisionName: '和平区' });
    expect((await get(andun, `/api/v1/registry/security-systems/${id.bankVideo}`)).statusCode).toBe(200);
    for (const other of [id.othersSystem, id.examAlarm, id.unknownInstaller]) expect((await get(andun, `/api/v1/registry/security-systems/${other}`)).statusCode, String(other)).toBe(403);
    expect((await get(andun, '/api/v1/registry/security-systems/987654')).statusCode).toBe(404);
  });

  it('changes nothing: no create, change, delete or import of a system (Art 10 ¶2: the key unit keeps its own)', async () => {
    const create = await t.app.inject({ method: 'POST', url: '/api/v1/registry/security-systems', headers: { ...andun }, payload: { name: '新系统', subsystemKind: 'intrusion_alarm', keyUnitId: id.school, providerId: id.andun } });
    expect(create.statusCode).toBe(403);
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/registry/security-systems/${id.schoolVideo}`, headers: { ...andun }, payload: { retentionDays: 15 } });
    expect(patch.statusCode).toBe(403);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/registry/security-systems/${id.schoolVideo}`, headers: { ...andun } });
    expect(del.statusCode).toBe(403);
    const imp = await t.app.inject({ method: 'POST', url: '/api/v1/registry/security-systems/import', headers: { ...andun, 'content-type': 'text/csv' }, payload: 'name,subsystemKind,keyUnitId\n新系统,intrusion_alarm,1\n' });
    expect(imp.statusCode).toBe(403);
    expect((await get(andun, `/api/v1/registry/security-systems/${id.schoolVideo}`)).json().retentionDays).toBe(30);
  });

  it('exports its own systems only, as CSV', async () => {
    const res = await get(andun, '/api/v1/registry/security-systems/export?format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-total-count']).toBe('3');
    const [header, ...rows] = res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const cols = header.split(',');
    const at = (name: string) => cols.indexOf(name);
    expect(rows.map((r) => Number(r.split(',')[at('id')])).sort((a, b) => a - b)).toEqual([id.schoolVideo, id.bankVideo, id.squareVideo]);
    expect(rows.every((r) => Number(r.split(',')[at('providerId')]) === id.andun)).toBe(true);
    expect(res.body).not.toContain('试卷保密室');
    expect(res.body).not.toContain('入侵报警');
  });

  it('reaches no unit, site, public area or device around its systems', async () => {
    for (const kind of ['key-units', 'sites', 'public-areas', 'devices']) expect((await get(andun, `/api/v1/registry/${kind}`)).statusCode, kind).toBe(403);
    expect((await get(andun, `/api/v1/registry/key-units/${id.school}`)).statusCode).toBe(403);
    expect((await get(andun, `/api/v1/registry/public-areas/${id.square}`)).statusCode).toBe(403);
    expect((await get(andun, `/api/v1/registry/devices/${id.camera}`)).statusCode).toBe(403);
    expect((await get(andun, '/api/v1/registry/devices/export')).statusCode).toBe(403);
  });

  it("sees the compliance findings of its own systems and provider record, never another provider's system that shares a number", async () => {
    await sweep(complianceContext(t.tdb, t.clock));
    const res = await get(andun, '/api/v1/compliance/findings?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const seen = new Set<string>(res.json().items.map((i: { entity: { type: string; id: number } }) => `${i.entity.type}/${i.entity.id}`));
    expect(seen).toContain(`providers/${id.andun}`);
    expect(seen).toContain(`security-systems/${id.schoolVideo}`);
    const mine = new Set([`providers/${id.andun}`, ...[id.schoolVideo, id.bankVideo, id.squareVideo].map((s) => `security-systems/${s}`)]);
    expect([...seen].filter((s) => !mine.has(s))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import { accountIdOf, changeRights } from '../../access/index.js';
import { recordPermissionChange, userRef } from '../../ledger/index.js';

type Headers = AuthHeaders & Record<string, string>;

/**
 * Account administration over HTTP. Art 36: officials answer for what they
 * do under their accounts, so "every login and permission change" is on the
 * ledger: each change below must queue exactly one `access/permission-change`
 * leaf in its own transaction, and a refused change neither.
 */
describe.each(testDialects)('accounts API on %s', (dialect) => {
  let t: TestApp;
  let admin: Headers;
  let adminId: number;

  const queued = async (): Promise<string[]> => (await t.tdb.db.selectFrom('ledgerQueue').select('body').orderBy('id').execute()).map((r: { body: string }) => r.body);
  /** Runs `fn` and answers the leaf bodies it queued. */
  const leavesOf = async (fn: () => Promise<unknown>): Promise<string[]> => {
    const before = (await queued()).length;
    await fn();
    return (await queued()).slice(before);
  };
  const login = async (username: string, password = TEST_PASSWORD) => t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  const headersOf = (res: Awaited<ReturnType<typeof login>>): Headers => ({ cookie: `jifang_session=${res.cookies.find((c) => c.name === 'jifang_session')!.value}`, 'x-csrf-token': res.json().csrfToken });
  /** Whether a session still works on a route that needs one. */
  const works = async (h: Headers) => (await t.app.inject({ url: '/api/v1/registry/meta', headers: h })).statusCode === 200;
  const roleOf = async (username: string) => (await t.tdb.db.selectFrom('users').select('role').where('username', '=', username).executeTakeFirstOrThrow()).role;

  const asUser = async (u: Parameters<TestApp['as']>[0]): Promise<Headers> => (await t.as(u)) as Headers;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await asUser({ username: 'admin-one', role: 'admin' });
    adminId = await accountIdOf(t.tdb.db, 'admin-one');
  });
  afterAll(() => t.close());

  it('lists accounts with search, filters by role, jurisdiction and status, sorting and paging, never a password', async () => {
    await asUser({ username: 'list-shenyang', role: 'city_supervisor', jurisdiction: '210100', displayName: '沈阳市公安局' });
    await asUser({ username: 'list-heping', role: 'county_supervisor', jurisdiction: '210102' });
    await asUser({ username: 'list-dalian', role: 'city_supervisor', jurisdiction: '210200' });
    const q = async (query: string) => (await t.app.inject({ url: `/api/v1/accounts?${query}`, headers: admin })).json();
    expect((await q('q=list-&jurisdiction=210100&sort=username')).items.map((a: { username: string }) => a.username)).toEqual(['list-heping', 'list-shenyang']);
    expect((await q('q=list-&role=city_supervisor&sort=username&order=desc')).items.map((a: { username: string }) => a.username)).toEqual(['list-shenyang', 'list-dalian']);
    expect((await q('q=沈阳市公安')).items.map((a: { username: string }) => a.username)).toEqual(['list-shenyang']);
    const page = await q('q=list-&sort=username&pageSize=2&page=2');
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((a: { username: string }) => a.username)).toEqual(['list-shenyang']);
    expect(page.items[0]).toMatchObject({ role: 'city_supervisor', roleName: { zh: '市公安机关技防监管' }, jurisdictionName: '沈阳市', disabled: false, activeSessions: 1 });
    expect(JSON.stringify(page)).not.toMatch(/password|argon/i);
    expect((await q('status=disabled&q=list-')).total).toBe(0);
  });

  it('exports the filtered list as CSV and XLSX, with bilingual headers', async () => {
    const csv = await t.app.inject({ url: '/api/v1/accounts/export?q=list-&role=city_supervisor', headers: admin });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['x-total-count']).toBe('2');
    expect(csv.body).toContain('用户名 / Username');
    expect(csv.body).toContain('list-dalian');
    expect(csv.body).not.toContain('list-heping');
    const xlsx = await t.app.inject({ url: '/api/v1/accounts/export?format=xlsx', headers: admin });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/accounts-\d{8}\.xlsx/);
  });

  it('names each bad query field and rule in both languages', async () => {
    const r = await t.app.inject({ url: '/api/v1/accounts?role=king&jurisdiction=21&pageSize=1000', headers: admin });
    expect(r.statusCode).toBe(400);
    const errors = r.json().errors as { field: string; message: { zh: string; en: string } }[];
    expect(errors.map((e) => e.field).sort()).toEqual(['jurisdiction', 'pageSize', 'role']);
    for (const e of errors) expect(e.message.zh && e.message.en).toBeTruthy();
  });

  it('lets only the administrator manage accounts (deny by default): others get 403 before any lookup, anonymous callers 401', async () => {
    const city = await asUser({ username: 'deny-city', role: 'city_supervisor', jurisdiction: '210100' });
    const cityId = await accountIdOf(t.tdb.db, 'deny-city');
    for (const [method, url, payload] of [
      ['GET', '/api/v1/accounts', undefined],
      ['GET', `/api/v1/accounts/${adminId}`, undefined],
      ['PATCH', `/api/v1/accounts/${cityId}`, { role: 'province_supervisor', jurisdiction: '210000' }],
      ['POST', `/api/v1/accounts/${adminId}/password`, { password: 'a-new-password-1' }],
      ['POST', `/api/v1/accounts/${adminId}/disable`, undefined],
      ['POST', `/api/v1/accounts/${adminId}/revoke-sessions`, undefined],
      ['POST', '/api/v1/accounts/999999/disable', undefined],
    ] as const) {
      const leaves = await leavesOf(async () => {
        const r = await t.app.inject({ method, url, headers: city, payload });
        expect(r.statusCode, `${method} ${url}`).toBe(403);
        expect(r.json().code).toBe('JF_FORBIDDEN');
      });
      expect(leaves).toEqual([]);
    }
    expect(await roleOf('deny-city')).toBe('city_supervisor');
    expect((await t.app.inject({ url: '/api/v1/accounts' })).statusCode).toBe(401);
  });

  it('answers 404 for an unknown account', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/accounts/999999'],
      ['POST', '/api/v1/accounts/999999/enable'],
    ] as const) {
      const r = await t.app.inject({ method, url, headers: admin });
      expect(r.statusCode).toBe(404);
      expect(r.json().messages).toEqual({ zh: '未找到账号', en: 'Account not found' });
    }
  });

  it("changes an account's role with exactly one permission-change leaf naming it by pseudonym, and that account's open session stops working", async () => {
    const user = await asUser({ username: 'role-station', role: 'station_officer', jurisdiction: '210102' });
    const id = await accountIdOf(t.tdb.db, 'role-station');
    expect(await works(user)).toBe(true);
    const leaves = await leavesOf(async () => {
      const r = await t.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: admin, payload: { role: 'city_supervisor', jurisdiction: '210100' } });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ role: 'city_supervisor', jurisdiction: '210100', activeSessions: 0 });
    });
    expect(leaves).toHaveLength(1);
    expect(leaves[0]).toContain('type access/permission-change\n');
    expect(leaves[0]).toContain(`actor ${await userRef(t.tdb.db, adminId)}\n`);
    expect(leaves[0]).toContain(`subject ${await userRef(t.tdb.db, id)}\n`);
    expect(leaves[0]).toMatch(/\ndigest sha256:[0-9a-f]{64}\n$/);
    for (const clear of ['role-station', '210100', 'city_supervisor']) expect(leaves[0]).not.toContain(clear);
    expect(await works(user)).toBe(false);
    expect((await login('role-station')).json().user).toMatchObject({ role: 'city_supervisor', jurisdiction: '210100' });
  });

  it('drops the links a new role does not use, keeps a null sent as null, and writes nothing for a patch that changes nothing', async () => {
    await asUser({ username: 'links-unit', role: 'key_unit', keyUnitId: 5 });
    const id = await accountIdOf(t.tdb.db, 'links-unit');
    const r = await t.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: admin, payload: { role: 'citizen' } });
    expect(r.json()).toMatchObject({ role: 'citizen', keyUnitId: null, providerId: null, jurisdiction: null });
    const same = await leavesOf(async () => {
      const again = await t.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: admin, payload: { role: 'citizen', keyUnitId: null } });
      expect(again.statusCode).toBe(200);
    });
    expect(same).toEqual([]);
  });

  it('refuses rights a new account could not have, naming field and rule in both languages, and writes neither change nor leaf', async () => {
    await asUser({ username: 'bad-city', role: 'city_supervisor', jurisdiction: '210100' });
    const id = await accountIdOf(t.tdb.db, 'bad-city');
    const leaves = await leavesOf(async () => {
      // A county code for a city role; a key-unit role without its unit.
      const a = await t.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: admin, payload: { jurisdiction: '210102' } });
      expect(a.statusCode).toBe(400);
      expect(a.json().errors).toEqual([expect.objectContaining({ field: 'jurisdiction', rule: 'gb2260-division', message: { zh: '辖区须为辽宁省的市行政区划代码', en: 'Jurisdiction must be a Liaoning city-level GB/T 2260 code' } })]);
      const b = await t.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: admin, payload: { role: 'key_unit' } });
      expect(b.json().errors).toEqual([expect.objectContaining({ field: 'keyUnitId', rule: 'required' })]);
      const c = await t.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: admin, payload: {} });
      expect(c.statusCode).toBe(400);
    });
    expect(leaves).toEqual([]);
    expect(await roleOf('bad-city')).toBe('city_supervisor');
  });

  it('rolls the change back when its leaf cannot be queued: the change and its record commit together or not at all', async () => {
    await asUser({ username: 'atomic-user', role: 'citizen' });
    const id = await accountIdOf(t.tdb.db, 'atomic-user');
    const leaves = await leavesOf(() =>
      expect(
        changeRights(t.tdb.db, t.clock, id, { role: 'investigator' }, {
          within: async (trx, c) => {
            await recordPermissionChange(trx, { change: c.change, userId: c.userId, rights: c.rights, at: t.clock.now() });
            throw new Error('the ledger queue is unavailable');
          },
        }),
      ).rejects.toThrow('the ledger queue is unavailable'),
    );
    expect(leaves).toEqual([]);
    expect(await roleOf('atomic-user')).toBe('citizen');
  });

  it('does not let an administrator demote or disable their own account, or reset their own password, and says why', async () => {
    const leaves = await leavesOf(async () => {
      const demote = await t.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${adminId}`, headers: admin, payload: { role: 'oversight' } });
      expect(demote.statusCode).toBe(403);
      expect(demote.json()).toMatchObject({ code: 'JF_ACCESS_OWN_DEMOTION', messages: { zh: expect.stringContaining('另一名管理员'), en: expect.stringContaining('another administrator') } });
      const disable = await t.app.inject({ method: 'POST', url: `/api/v1/accounts/${adminId}/disable`, headers: admin });
      expect(disable.json().code).toBe('JF_ACCESS_OWN_DISABLE');
      const reset = await t.app.inject({ method: 'POST', url: `/api/v1/accounts/${adminId}/password`, headers: admin, payload: { password: 'another-password-1' } });
      expect(reset.json().code).toBe('JF_ACCESS_OWN_RESET');
    });
    expect(leaves).toEqual([]);
    expect(await works(admin)).toBe(true);
  });

  it("resets a password: the account's sessions end, the new password logs in and the old one no longer does", async () => {
    const user = await asUser({ username: 'reset-user', role: 'investigator' });
    const id = await accountIdOf(t.tdb.db, 'reset-user');
    const short = await t.app.inject({ method: 'POST', url: `/api/v1/accounts/${id}/password`, headers: admin, payload: { password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([expect.objectContaining({ field: 'password', rule: 'min-length', message: { zh: '密码至少10位', en: 'Password must have at least 10 characters' } })]);
    const leaves = await leavesOf(async () => {
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/accounts/${id}/password`, headers: admin, payload: { password: 'brand-new-password' } });
      expect(r.statusCode).toBe(200);
    });
    expect(leaves).toHaveLength(1);
    expect(leaves[0]).toContain('type access/permission-change\n');
    expect(leaves[0]).not.toContain('brand-new-password');
    expect(await works(user)).toBe(false);
    expect((await login('reset-user')).statusCode).toBe(401);
    expect((await login('reset-user', 'brand-new-password')).statusCode).toBe(200);
  });

  it('disables an account: its sessions end, a login with the right password is refused with a clear message and logged as a refused login; enabling lets it in again', async () => {
    const user = await asUser({ username: 'off-user', role: 'citizen' });
    const id = await accountIdOf(t.tdb.db, 'off-user');
    const off = await leavesOf(async () => {
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/accounts/${id}/disable`, headers: admin });
      expect(r.json()).toMatchObject({ disabled: true, activeSessions: 0 });
    });
    expect(off).toHaveLength(1);
    expect(await works(user)).toBe(false);
    // Disabling again changes nothing and records nothing.
    expect(await leavesOf(() => t.app.inject({ method: 'POST', url: `/api/v1/accounts/${id}/disable`, headers: admin }))).toEqual([]);
    const refused = await leavesOf(async () => {
      const r = await login('off-user');
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ code: 'JF_ACCESS_ACCOUNT_DISABLED', messages: { zh: '该账号已停用，不能登录；请联系系统管理员', en: 'This account is disabled and cannot log in; contact the system administrator' } });
      expect(r.cookies.find((c) => c.name === 'jifang_session')).toBeUndefined();
    });
    expect(refused).toEqual([expect.stringMatching(/\ntype access\/login\.refused\nactor client:anonymous\nsubject login-name:[0-9a-f]{32}\n/)]);
    expect(refused[0]).not.toContain('off-user');
    // A wrong password tells a stranger nothing about the account.
    expect((await login('off-user', 'not-the-password')).json().code).toBe('JF_ACCESS_BAD_CREDENTIALS');
    const on = await leavesOf(async () => {
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/accounts/${id}/enable`, headers: admin })).json().disabled).toBe(false);
    });
    expect(on).toHaveLength(1);
    expect((await login('off-user')).statusCode).toBe(200);
  });

  it('revokes every session of an account with one leaf, and the revoked sessions stop working', async () => {
    const first = await asUser({ username: 'many-sessions', role: 'oversight' });
    const second = headersOf(await login('many-sessions'));
    const id = await accountIdOf(t.tdb.db, 'many-sessions');
    expect((await t.app.inject({ url: `/api/v1/accounts/${id}`, headers: admin })).json().activeSessions).toBe(2);
    const leaves = await leavesOf(async () => {
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/accounts/${id}/revoke-sessions`, headers: admin });
      expect(r.json().activeSessions).toBe(0);
    });
    expect(leaves).toHaveLength(1);
    expect(leaves[0]).not.toContain(first.cookie.split('=')[1]);
    expect(await works(first)).toBe(false);
    expect(await works(second)).toBe(false);
  });

  it('lets anyone change their own password given the current one: this session stays, the others end, the new password logs in', async () => {
    const mine = await asUser({ username: 'own-citizen', role: 'citizen' });
    const other = headersOf(await login('own-citizen'));
    const wrong = await leavesOf(async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session/password', headers: mine, payload: { currentPassword: 'not-the-password', newPassword: 'my-new-password-1' } });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors).toEqual([expect.objectContaining({ field: 'currentPassword', rule: 'matches-current', message: { zh: '当前密码不正确', en: 'The current password is wrong' } })]);
      const same = await t.app.inject({ method: 'POST', url: '/api/v1/session/password', headers: mine, payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } });
      expect(same.json().errors).toEqual([expect.objectContaining({ field: 'newPassword', rule: 'differs-from-current' })]);
      const short = await t.app.inject({ method: 'POST', url: '/api/v1/session/password', headers: mine, payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
      expect(short.json().errors).toEqual([expect.objectContaining({ field: 'newPassword', rule: 'min-length' })]);
    });
    expect(wrong).toEqual([]);
    expect((await login('own-citizen')).statusCode).toBe(200);
    const leaves = await leavesOf(async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session/password', headers: mine, payload: { currentPassword: TEST_PASSWORD, newPassword: 'my-new-password-1' } });
      expect(r.statusCode, r.body).toBe(204);
    });
    expect(leaves).toHaveLength(1);
    expect(leaves[0]).toContain(`subject ${await userRef(t.tdb.db, await accountIdOf(t.tdb.db, 'own-citizen'))}\n`);
    expect(leaves[0]).not.toContain('my-new-password-1');
    expect(await works(mine)).toBe(true);
    expect(await works(other)).toBe(false);
    expect((await login('own-citizen')).statusCode).toBe(401);
    expect((await login('own-citizen', 'my-new-password-1')).statusCode).toBe(200);
  });

  it('needs a session and the CSRF token to change one’s own password', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session/password', payload: { currentPassword: 'x', newPassword: 'y' } })).statusCode).toBe(401);
    const mine = await asUser({ username: 'csrf-user', role: 'citizen' });
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session/password', headers: { cookie: mine.cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'my-new-password-1' } });
    expect(r.json().code).toBe('JF_CSRF');
  });
});

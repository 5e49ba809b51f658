import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import { createUser } from '../../access/index.js';

describe.each(testDialects)('session API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t.tdb.db, t.clock, { username: 'shenyang', password: TEST_PASSWORD, role: 'city_supervisor', jurisdiction: '210100', displayName: '沈阳市公安局技防' });
  });
  afterAll(() => t.close());

  it('answers health with the database in use', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('logs in with a session cookie that is HttpOnly and SameSite, and says who is logged in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'shenyang', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'jifang_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    const who = await t.app.inject({ url: '/api/v1/session', headers: { cookie: `jifang_session=${c.value}` } });
    expect(who.json()).toMatchObject({ authenticated: true, user: { username: 'shenyang', role: 'city_supervisor', jurisdiction: '210100', jurisdictionName: '沈阳市' } });
  });

  it('answers 401 with the same message for an unknown user and a wrong password', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'nobody', password: TEST_PASSWORD } });
    const b = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'shenyang', password: 'wrong-password' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json().messages).toEqual({ zh: '用户名或密码不正确', en: 'Wrong username or password' });
  });

  it('names each bad field of a login body in both languages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['password', 'username']);
    expect(res.json().errors[0].message.zh).toBeTruthy();
    expect(res.json().errors[0].message.en).toBeTruthy();
  });

  it('ends the session on logout, and refuses logout without the CSRF token', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'shenyang', password: TEST_PASSWORD } });
    const cookie = `jifang_session=${login.cookies[0].value}`;
    const noCsrf = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('JF_CSRF');
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie, 'x-csrf-token': login.json().csrfToken } });
    expect(out.statusCode).toBe(204);
    const who = await t.app.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(who.json()).toEqual({ authenticated: false });
  });

  it('checks the password outside any transaction: another write commits while argon2 works (art 36 leaf still queued with the session)', async () => {
    const before = await t.tdb.db.selectFrom('ledgerQueue').select('id').execute();
    const t0 = performance.now();
    let loginMs = 0;
    const login = t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'shenyang', password: TEST_PASSWORD } }).then((r) => {
      loginMs = performance.now() - t0;
      return r;
    });
    // argon2id (m=64 MiB, t=3) takes tens to hundreds of milliseconds; a write transaction
    // started meanwhile must not wait for it (on SQLite a held transaction would hold the one connection).
    await new Promise((r) => setTimeout(r, 15));
    const w0 = performance.now();
    await t.tdb.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ updatedAt: t.clock.now().toISOString() }).where('username', '=', 'shenyang').execute();
    });
    const writeMs = performance.now() - w0;
    const res = await login;
    expect(res.statusCode).toBe(200);
    expect(writeMs).toBeLessThan(loginMs / 2);
    const after = await t.tdb.db.selectFrom('ledgerQueue').select(['id', 'body']).orderBy('id').execute();
    const added = after.slice(before.length).map((r: { body: string }) => r.body);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/\ntype access\/login\nactor user:[0-9a-f]{32}\nsubject session:[0-9a-f]+\n/);
    expect(added[0]).not.toContain(res.cookies[0].value);
  });

  it('queues one refused-login leaf per failed attempt, naming the login name by pseudonym only, and no session', async () => {
    const before = (await t.tdb.db.selectFrom('ledgerQueue').select('id').execute()).length;
    const sessions = (await t.tdb.db.selectFrom('sessions').select('idHash').execute()).length;
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'shenyang', password: 'not-the-password' } });
    expect(r.statusCode).toBe(401);
    const after = await t.tdb.db.selectFrom('ledgerQueue').select('body').orderBy('id').execute();
    expect(after.slice(before).map((x: { body: string }) => x.body)).toEqual([expect.stringMatching(/\ntype access\/login\.refused\nactor client:anonymous\nsubject login-name:[0-9a-f]{32}\n/)]);
    expect(after.slice(before)[0].body).not.toContain('shenyang');
    expect((await t.tdb.db.selectFrom('sessions').select('idHash').execute()).length).toBe(sessions);
  });

  it('rate-limits login attempts', async () => {
    const limited = await createTestApp(dialect, { loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'x', password: 'y' } });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

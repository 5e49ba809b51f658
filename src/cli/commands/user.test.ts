import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { fixedClock } from '../../shared/clock.js';
import { userRef } from '../../ledger/index.js';
import { listAccounts, login } from '../../access/index.js';
import { addUser, formatAccountPage, resetUserPassword, revokeUserSessions, setUserDisabled, setUserRights } from './user.js';

const clock = fixedClock('2026-06-01T08:00:00.000Z');

/** Queued leaf bodies (the sequencer has not run in these tests). */
async function queuedBodies(t: TestDatabase): Promise<string[]> {
  return (await t.db.selectFrom('ledgerQueue').select('body').orderBy('id').execute()).map((r: { body: string }) => r.body);
}

describe.each(testDialects)('jifang user add and the ledger on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.cleanup());

  it('queues a permission-change leaf naming the new account by pseudonym only, with the account (art 36)', async () => {
    const a = await addUser(t.db, clock, { username: 'sy-police', password: 'correct-horse-battery', role: 'city_supervisor', jurisdiction: '210100' });
    const bodies = await queuedBodies(t);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('type access/permission-change\n');
    expect(bodies[0]).toContain(`subject ${await userRef(t.db, a.userId)}\n`);
    expect(bodies[0]).toMatch(/\ndigest sha256:[0-9a-f]{64}\n$/);
    // Neither the login name nor the jurisdiction code is in clear.
    expect(bodies[0]).not.toContain('sy-police');
    expect(bodies[0]).not.toContain('210100');
  });

  it('leaves neither account nor leaf when the transaction that adds it rolls back', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await addUser(trx, clock, { username: 'hp-police', password: 'correct-horse-battery', role: 'county_supervisor', jurisdiction: '210102' });
        expect(await trx.selectFrom('ledgerQueue').select('id').execute()).toHaveLength(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await queuedBodies(t)).toEqual([]);
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'hp-police').execute()).toEqual([]);
  });

  it('queues nothing for a refused account (a taken name)', async () => {
    await addUser(t.db, clock, { username: 'station', password: 'correct-horse-battery', role: 'citizen' });
    await expect(addUser(t.db, clock, { username: 'station', password: 'correct-horse-battery', role: 'citizen' })).rejects.toMatchObject({ code: 'JF_ACCESS_USERNAME_TAKEN' });
    expect(await queuedBodies(t)).toHaveLength(1);
  });
});

describe.each(testDialects)('jifang user list, set, passwd, disable, enable, revoke-sessions on %s', (dialect) => {
  let t: TestDatabase;
  const PW = 'correct-horse-battery';
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    await addUser(t.db, clock, { username: 'root', password: PW, role: 'admin' });
    await addUser(t.db, clock, { username: 'sy-police', password: PW, role: 'city_supervisor', jurisdiction: '210100' });
  });
  afterEach(() => t.cleanup());
  const sessions = async () => (await t.db.selectFrom('sessions').select('userId').execute()).length;

  it('lists accounts page by page with filters, and never a password', async () => {
    const text = formatAccountPage(await listAccounts(t.db, clock, { role: 'city_supervisor' }), false);
    expect(text).toMatch(/\tsy-police\tcity_supervisor \(jurisdiction 210100\)\tactive\t0 session\(s\)\n1 account\(s\), page 1 of 1\n$/);
    expect(text).not.toContain('root');
    expect(formatAccountPage(await listAccounts(t.db, clock, {}), true)).not.toMatch(/password|argon/i);
  });

  it('queues one permission-change leaf, as the platform itself, for each change it makes (art 36)', async () => {
    const before = (await queuedBodies(t)).length;
    await setUserRights(t.db, clock, 'sy-police', { role: 'province_supervisor', jurisdiction: '210000' });
    await resetUserPassword(t.db, clock, 'sy-police', 'another-long-password');
    await setUserDisabled(t.db, clock, 'sy-police', true);
    await setUserDisabled(t.db, clock, 'sy-police', false);
    await revokeUserSessions(t.db, clock, 'sy-police');
    const added = (await queuedBodies(t)).slice(before);
    expect(added).toHaveLength(5);
    for (const b of added) {
      expect(b).toContain('type access/permission-change\nactor system:jifang\n');
      expect(b).not.toContain('sy-police');
      expect(b).not.toContain('another-long-password');
    }
    // Each change is named inside the digest, so the five digests differ.
    expect(new Set(added.map((b) => b.match(/digest (\S+)/)![1])).size).toBe(5);
  });

  it('ends the account’s sessions on a rights change or a new password, and a disabled account cannot log in', async () => {
    await login(t.db, clock, 3600, 'sy-police', PW);
    expect(await sessions()).toBe(1);
    await setUserRights(t.db, clock, 'sy-police', { jurisdiction: '210200' });
    expect(await sessions()).toBe(0);
    await login(t.db, clock, 3600, 'sy-police', PW);
    await resetUserPassword(t.db, clock, 'sy-police', 'another-long-password');
    expect(await sessions()).toBe(0);
    await setUserDisabled(t.db, clock, 'sy-police', true);
    await expect(login(t.db, clock, 3600, 'sy-police', 'another-long-password')).rejects.toMatchObject({ code: 'JF_ACCESS_ACCOUNT_DISABLED' });
  });

  it('refuses bad rights and unknown accounts with nothing written, and never leaves the platform without an enabled administrator', async () => {
    const before = (await queuedBodies(t)).length;
    await expect(setUserRights(t.db, clock, 'sy-police', { role: 'station_officer', jurisdiction: '210100' })).rejects.toMatchObject({ code: 'JF_VALIDATION', errors: [expect.objectContaining({ field: 'jurisdiction', rule: 'gb2260-division' })] });
    await expect(resetUserPassword(t.db, clock, 'sy-police', 'short')).rejects.toMatchObject({ errors: [expect.objectContaining({ field: 'password', rule: 'min-length' })] });
    await expect(setUserDisabled(t.db, clock, 'nobody', true)).rejects.toMatchObject({ code: 'JF_NOT_FOUND' });
    await expect(setUserDisabled(t.db, clock, 'root', true)).rejects.toMatchObject({ code: 'JF_ACCESS_LAST_ADMIN' });
    await expect(setUserRights(t.db, clock, 'root', { role: 'oversight' })).rejects.toMatchObject({ code: 'JF_ACCESS_LAST_ADMIN' });
    expect((await queuedBodies(t)).length).toBe(before);
    // With a second administrator, the first may go.
    await addUser(t.db, clock, { username: 'root2', password: PW, role: 'admin' });
    await setUserDisabled(t.db, clock, 'root', true);
    expect((await listAccounts(t.db, clock, { status: 'disabled' })).items.map((a) => a.username)).toEqual(['root']);
  });
});

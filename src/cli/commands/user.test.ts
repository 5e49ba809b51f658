import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { fixedClock } from '../../shared/clock.js';
import { userRef } from '../../ledger/index.js';
import { addUser } from './user.js';

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

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/support/databases.js';
import type { Actor } from '../access/index.js';
import { fixedClock } from '../shared/clock.js';
import { createItem, deleteItem, RegistryRepository, syncReferenceData, updateItem, type RegistryContext } from './index.js';

const clock = fixedClock('2026-06-01T08:00:00.000Z');
const admin: Actor = { userId: 1, username: 'admin', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
const UNIT = { name: '沈阳市第一二〇中学', unitType: 'secondary_school', divisionCode: '210102', creditCode: '12210100MB1234567C' };

async function queuedBodies(t: TestDatabase): Promise<string[]> {
  return (await t.db.selectFrom('ledgerQueue').select('body').orderBy('id').execute()).map((r: { body: string }) => r.body);
}

/** Art 36: a change to a registry record and its ledger leaf commit or roll back together. */
describe.each(testDialects)('registry changes in the ledger on %s', (dialect) => {
  let t: TestDatabase;
  let ctx: RegistryContext;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    ctx = { repo: RegistryRepository.of(t), clock };
    await syncReferenceData(ctx.repo, clock);
    await t.db.deleteFrom('ledgerQueue').execute();
  });
  afterEach(() => t.cleanup());

  it('queues one leaf per create, update and delete, naming the record by kind and id and its content by digest only', async () => {
    const unit = await createItem(ctx, admin, 'key-units', UNIT);
    await updateItem(ctx, admin, 'key-units', unit.id, { name: '沈阳市第一二〇中学（南校区）' });
    await deleteItem(ctx, admin, 'key-units', unit.id);
    const bodies = await queuedBodies(t);
    expect(bodies.map((b) => /\ntype (\S+)\n/.exec(b)![1])).toEqual(['registry/create', 'registry/update', 'registry/delete']);
    for (const b of bodies) {
      expect(b).toContain(`\nsubject key-unit:${unit.id}\n`);
      expect(b).toMatch(/\nactor user:[0-9a-f]{32}\n/);
      expect(b).toMatch(/\ndigest sha256:[0-9a-f]{64}\n$/);
      expect(b).not.toContain('中学');
      expect(b).not.toContain('12210100MB1234567C');
    }
    // The digest follows the content: the update's differs from the create's.
    expect(bodies[0].split('digest')[1]).not.toEqual(bodies[1].split('digest')[1]);
  });

  it('leaves neither the change nor its leaf when the transaction rolls back', async () => {
    const unit = await createItem(ctx, admin, 'key-units', UNIT);
    await t.db.deleteFrom('ledgerQueue').execute();
    await expect(
      t.db.transaction().execute(async (trx) => {
        const inTrx: RegistryContext = { repo: new RegistryRepository(trx, t.dialect), clock };
        await updateItem(inTrx, admin, 'key-units', unit.id, { name: '改名' });
        expect(await trx.selectFrom('ledgerQueue').select('id').execute()).toHaveLength(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await queuedBodies(t)).toEqual([]);
    expect((await ctx.repo.get('key-units', unit.id))!.name).toBe(UNIT.name);
  });

  it('queues nothing for a refused change', async () => {
    const unit = await createItem(ctx, admin, 'key-units', UNIT);
    await t.db.deleteFrom('ledgerQueue').execute();
    await expect(updateItem(ctx, admin, 'key-units', unit.id, { divisionCode: 'not-a-code' })).rejects.toMatchObject({ status: 400 });
    expect(await queuedBodies(t)).toEqual([]);
  });
});

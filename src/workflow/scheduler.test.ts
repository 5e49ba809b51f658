import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/support/databases.js';
import type { Actor } from '../access/index.js';
import { fixedClock } from '../shared/clock.js';
import { openItem, startScheduler, tick, transitionItem } from './index.js';
import { seedRegistry } from './test-support.js';
import { workflowDb } from './tables.js';

const officer: Actor = { userId: 2, username: 'hp-police', role: 'county_supervisor', jurisdiction: '210102', organId: null, keyUnitId: null, providerId: null };
const DAY = 86_400_000;

/**
 * The scheduler: deadlines kept in the database, claimed with leases, acted
 * on once whatever the number of processes, taken over when a process dies.
 */
describe.each(testDialects)('deadline scheduler on %s', (dialect) => {
  let tdb: TestDatabase;
  let clock: ReturnType<typeof fixedClock>;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    seedRegistry(tdb);
  });
  afterAll(() => tdb.cleanup());
  beforeEach(async () => {
    clock = fixedClock('2026-06-01T08:00:00.000Z');
    await workflowDb(tdb.db).deleteFrom('workflowJobs').execute();
  });

  /** A case ordered to rectify within `days`: one pending job that moves it to overdue. */
  async function orderedCase(days: number): Promise<number> {
    const deps = { jdb: tdb, clock };
    const opened = await openItem(deps, officer, 'case', 'open', { ruleId: 'art11.i1.maintenance-rules', facts: '无维护制度', subject: { keyUnitId: 10, offender: 'unit' } });
    const limit = new Date(clock.now().getTime() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);
    await transitionItem(deps, { kind: 'person', actor: officer }, opened.item.id, 'order-rectification', { version: 1, input: { timeLimit: limit, requirements: '制定维护制度' } });
    return opened.item.id;
  }

  const state = async (id: number) => (await workflowDb(tdb.db).selectFrom('workflowItems').select(['state', 'version']).where('id', '=', id).executeTakeFirstOrThrow()).state;

  it('leaves a job alone until it is due, then acts on it once', async () => {
    const id = await orderedCase(3);
    expect((await tick({ jdb: tdb, clock })).claimed).toBe(0);
    clock.advance(4 * DAY);
    const r = await tick({ jdb: tdb, clock });
    expect(r).toMatchObject({ claimed: 1, transitioned: 1, failed: 0 });
    expect(await state(id)).toBe('overdue');
    // The overdue state sets the officers' own deadline: a new pending job, not yet due.
    expect((await tick({ jdb: tdb, clock })).claimed).toBe(0);
  });

  it('keeps deadlines across a restart: a fresh process finds them in the database', async () => {
    const id = await orderedCase(2);
    clock.advance(3 * DAY);
    // Nothing in memory carries over: new deps, new owner.
    const r = await tick({ jdb: tdb, clock: fixedClock(clock.now().toISOString()) }, { owner: 'after-restart' });
    expect(r.transitioned).toBe(1);
    expect(await state(id)).toBe('overdue');
  });

  it('never lets two processes act on the same job', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => orderedCase(1)));
    clock.advance(2 * DAY);
    const results = await Promise.all(['a', 'b', 'c'].map((owner) => tick({ jdb: tdb, clock }, { owner, batchSize: 5 })));
    const again = await tick({ jdb: tdb, clock }, { owner: 'd' });
    const transitioned = [...results, again].reduce((n, r) => n + r.transitioned, 0);
    expect(transitioned).toBe(12);
    for (const id of ids) expect(await state(id)).toBe('overdue');
    const logged = await workflowDb(tdb.db).selectFrom('workflowTransitions').select('itemId').where('transition', '=', 'deadline-passed').where('itemId', 'in', ids).execute();
    expect(logged).toHaveLength(12);
  });

  it('takes over a job whose owner died once the lease runs out', async () => {
    const id = await orderedCase(1);
    clock.advance(2 * DAY);
    const until = new Date(clock.now().getTime() + 60_000).toISOString();
    await workflowDb(tdb.db).updateTable('workflowJobs').set({ leaseOwner: 'dead-process', leaseUntil: until }).where('itemId', '=', id).where('status', '=', 'pending').execute();
    expect((await tick({ jdb: tdb, clock }, { owner: 'alive' })).claimed).toBe(0);
    clock.advance(61_000);
    const r = await tick({ jdb: tdb, clock }, { owner: 'alive' });
    expect(r).toMatchObject({ claimed: 1, transitioned: 1 });
    expect(await state(id)).toBe('overdue');
  });

  it('voids a job whose item has moved on, and retries then fails a job that cannot be acted on', async () => {
    const id = await orderedCase(5);
    const now = clock.now().toISOString();
    const db = workflowDb(tdb.db);
    await db.insertInto('workflowJobs').values({ itemId: id, state: 'open', party: 'official', onExpiry: null, dueAt: now, status: 'pending', leaseOwner: null, leaseUntil: null, lastError: null, createdAt: now, finishedAt: null }).execute();
    await db.insertInto('workflowJobs').values({ itemId: id, state: 'rectification_ordered', party: 'subject', onExpiry: 'no-such-transition', dueAt: now, status: 'pending', leaseOwner: null, leaseUntil: null, lastError: null, createdAt: now, finishedAt: null }).execute();
    const r = await tick({ jdb: tdb, clock }, { maxAttempts: 2 });
    expect(r).toMatchObject({ claimed: 2, voided: 1, failed: 1 });
    const broken = await db.selectFrom('workflowJobs').selectAll().where('onExpiry', '=', 'no-such-transition').executeTakeFirstOrThrow();
    expect(broken).toMatchObject({ status: 'pending', attempts: 1 });
    expect(broken.lastError).toContain('JF_WF_UNKNOWN_TRANSITION');
    // Backed off: not retried at once.
    expect((await tick({ jdb: tdb, clock })).claimed).toBe(0);
    clock.advance(61_000);
    expect((await tick({ jdb: tdb, clock }, { maxAttempts: 2 })).failed).toBe(1);
    expect((await db.selectFrom('workflowJobs').select('status').where('id', '=', broken.id).executeTakeFirstOrThrow()).status).toBe('failed');
  });

  it('acts on a run of several items in one transaction, voiding the job of one that moved on and finishing the others', async () => {
    const ids = await Promise.all(Array.from({ length: 3 }, () => orderedCase(1)));
    const moved = await orderedCase(5);
    const now = clock.now().toISOString();
    const db = workflowDb(tdb.db);
    // A job left for a state the item is no longer in.
    await db.insertInto('workflowJobs').values({ itemId: moved, state: 'open', party: 'official', onExpiry: null, dueAt: now, status: 'pending', leaseOwner: null, leaseUntil: null, lastError: null, createdAt: now, finishedAt: null }).execute();
    clock.advance(2 * DAY);
    const r = await tick({ jdb: tdb, clock }, { runLength: 25 });
    expect(r).toMatchObject({ claimed: 4, transitioned: 3, voided: 1, missed: 0, failed: 0 });
    for (const id of ids) expect(await state(id)).toBe('overdue');
    expect(await state(moved)).toBe('rectification_ordered');
    const jobs = await db.selectFrom('workflowJobs').select(['itemId', 'state', 'status']).where('itemId', 'in', [...ids, moved]).where('finishedAt', 'is not', null).execute();
    expect(jobs.filter((j) => j.status === 'done').map((j) => Number(j.itemId)).sort()).toEqual([...ids].sort());
    expect(jobs.filter((j) => j.status === 'void').map((j) => [Number(j.itemId), j.state])).toEqual([[moved, 'open']]);
  });

  it('runs in the background until stopped', async () => {
    const id = await orderedCase(1);
    clock.advance(2 * DAY);
    const ticks: number[] = [];
    const s = startScheduler({ jdb: tdb, clock }, { intervalMs: 20, onTick: (r) => ticks.push(r.transitioned) });
    for (let i = 0; i < 100 && (await state(id)) !== 'overdue'; i++) await new Promise((r) => setTimeout(r, 20));
    await s.stop();
    expect(await state(id)).toBe('overdue');
    expect(ticks.reduce((a, b) => a + b, 0)).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/support/databases.js';
import type { Actor } from '../access/index.js';
import { AppError } from '../shared/errors.js';
import { fixedClock } from '../shared/clock.js';
import { allWorkflows, transitionItem } from './index.js';
import { seedRegistry } from './test-support.js';
import { workflowDb } from './tables.js';
import type { Party } from './domain/machine.js';

const actor = (over: Partial<Actor>): Actor => ({ userId: 1, username: 'x', role: 'citizen', jurisdiction: null, organId: null, keyUnitId: null, providerId: null, ...over });

/** Who takes a party's transitions on the items this suite creates. */
const ACTORS: Record<Exclude<Party, 'system'>, Actor> = {
  official: actor({ userId: 2, username: 'hp-police', role: 'county_supervisor', jurisdiction: '210102' }),
  // The subject is the key unit or the provider the item is about; the items below are about both.
  subject: actor({ userId: 3, username: 'unit', role: 'key_unit', keyUnitId: 10 }),
  applicant: actor({ userId: 4, username: 'applicant', role: 'citizen' }),
};
const PROVIDER = actor({ userId: 5, username: 'provider', role: 'provider', providerId: 1 });
const SUBJECT_IS_PROVIDER = new Set(['provider-filing', 'complaint', 'warning']);

/**
 * Every transition of every machine, from every state it does not leave:
 * refused with 409, the current state, what may be done instead and the rule.
 * The allowed side of each transition is taken in the HTTP suites.
 */
describe.each(testDialects)('every transition refused where it does not belong, on %s', (dialect) => {
  let tdb: TestDatabase;
  const clock = fixedClock('2026-06-01T08:00:00.000Z');

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    seedRegistry(tdb);
  });
  afterAll(() => tdb.cleanup());

  async function itemIn(machine: string, state: string): Promise<number> {
    const now = clock.now().toISOString();
    const row = await workflowDb(tdb.db)
      .insertInto('workflowItems')
      .values({
        machine,
        state,
        version: 1,
        awaiting: null,
        divisionCode: '210102',
        competentOrgan: null,
        keyUnitId: SUBJECT_IS_PROVIDER.has(machine) ? null : 10,
        providerId: SUBJECT_IS_PROVIDER.has(machine) ? 1 : null,
        ownerUserId: ACTORS.applicant.userId,
        parentId: null,
        title: `${machine} in ${state}`,
        data: '{}',
        dueAt: null,
        dueParty: null,
        restricted: 0,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
        closedAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  for (const w of allWorkflows()) {
    const m = w.machine;
    it(`${m.name}: each transition answers 409 from each state it is not taken from`, async () => {
      let checked = 0;
      for (const t of m.transitions.filter((x) => x.from.length > 0)) {
        for (const state of Object.keys(m.states).filter((s) => !t.from.includes(s))) {
          const id = await itemIn(m.name, state);
          const acting =
            t.by === 'system'
              ? ({ kind: 'system' } as const)
              : { kind: 'person' as const, actor: t.by === 'subject' && SUBJECT_IS_PROVIDER.has(m.name) ? PROVIDER : ACTORS[t.by] };
          const e = await transitionItem({ jdb: tdb, clock }, acting, id, t.name, { version: 1, input: {} }).then(
            () => null,
            (x: unknown) => x,
          );
          expect(e, `${m.name}.${t.name} from ${state}`).toBeInstanceOf(AppError);
          const err = e as AppError;
          expect(err.status, `${m.name}.${t.name} from ${state}: ${err.code}`).toBe(409);
          expect(err.code).toBe('JF_WF_ILLEGAL_TRANSITION');
          expect(err.extra).toMatchObject({ currentState: state, rule: { id: t.rule.id } });
          expect((err.extra!.allowedTransitions as { name: string }[]).map((a) => a.name)).toEqual(m.available(state).map((a) => a.name));
          expect(err.citation).toEqual(t.rule.citation);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it(`${m.name}: each transition is refused to those who are not its party`, async () => {
      for (const t of m.transitions.filter((x) => x.from.length > 0)) {
        const id = await itemIn(m.name, t.from[0]);
        const others: Actor[] =
          t.by === 'official'
            ? [ACTORS.subject, ACTORS.applicant, PROVIDER]
            : t.by === 'system'
              ? [ACTORS.official]
              : [ACTORS.official];
        for (const a of others) {
          const e = (await transitionItem({ jdb: tdb, clock }, { kind: 'person', actor: a }, id, t.name, { version: 1, input: {} }).catch((x: unknown) => x)) as AppError;
          expect(e, `${m.name}.${t.name} by ${a.username}`).toBeInstanceOf(AppError);
          expect([403, 404], `${m.name}.${t.name} by ${a.username}: ${e.code}`).toContain(e.status);
        }
      }
    });
  }

  it('records refused attempts for oversight, with who tried', async () => {
    const rows = await workflowDb(tdb.db).selectFrom('workflowRefusals').select(['code', 'username', 'ruleId']).where('code', '=', 'JF_WF_ILLEGAL_TRANSITION').execute();
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => r.ruleId)).toBe(true);
  });

  it('answers 409 with the current version when the caller saw an older one', async () => {
    const id = await itemIn('reward', 'proposed');
    const e = (await transitionItem({ jdb: tdb, clock }, { kind: 'person', actor: ACTORS.official }, id, 'grant', { version: 7, input: { form: 'commendation', note: 'x' } }).catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe('JF_WF_VERSION_CONFLICT');
    expect(e.extra).toMatchObject({ currentState: 'proposed', currentVersion: 1 });
  });
});

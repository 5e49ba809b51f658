import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/support/databases.js';
import type { Actor } from '../access/index.js';
import { createItem, RegistryRepository, syncReferenceData } from '../registry/index.js';
import { fixedClock } from '../shared/clock.js';
import { transitionInTrx } from './engine.js';
import { openItem } from './index.js';
import { portsFor } from './ports/index.js';
import { workflowDb } from './tables.js';
import type { WorkflowDeps } from './workflow.js';

const clock = fixedClock('2026-06-01T08:00:00.000Z');
const admin: Actor = { userId: 1, username: 'admin', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
const MATERIALS = { item1: [{ title: '营业执照' }], item2: [{ title: '培训证书' }], item3: [{ title: '场所证明' }], item4: [{ title: '管理制度' }] };

async function leaves(tdb: TestDatabase): Promise<string[]> {
  return (await tdb.db.selectFrom('ledgerQueue').select('body').orderBy('id').execute()).map((r: { body: string }) => r.body);
}

/** Art 36: every transition of a workflow item queues its leaf in the transition's own transaction, over the real ledger. */
describe.each(testDialects)('workflow transitions in the ledger on %s', (dialect) => {
  let tdb: TestDatabase;
  let deps: WorkflowDeps;
  let provider: Actor;
  /** The provider's filing: one at a time (art 16). */
  let filedId: number;
  const officer: Actor = { userId: 3, username: 'sy-police', role: 'city_supervisor', jurisdiction: '210100', organId: null, keyUnitId: null, providerId: null };
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const repo = RegistryRepository.of(tdb);
    await syncReferenceData(repo, clock);
    const providerId = (await createItem({ repo, clock }, admin, 'providers', { name: '沈阳市盛京安防工程有限公司', creditCode: '91210100MA0QC0A04D', services: ['installation'], divisionCode: '210103' })).id;
    provider = { userId: 2, username: 'sj-provider', role: 'provider', jurisdiction: null, organId: null, keyUnitId: null, providerId };
    deps = { jdb: tdb, clock };
  });
  afterAll(() => tdb.cleanup());

  it('queues a leaf naming the item, the rule and a digest of the transition', async () => {
    await tdb.db.deleteFrom('ledgerQueue').execute();
    const filed = await openItem(deps, provider, 'provider-filing', 'submit', { services: ['installation'], materials: MATERIALS });
    filedId = filed.item.id;
    const bodies = await leaves(tdb);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatch(new RegExp(`\\ntype workflow/transition\\nactor user:[0-9a-f]{32}\\nsubject workflow-item:${filed.item.id}\\nrule art16\\.[a-z0-9.-]+\\ndigest sha256:[0-9a-f]{64}\\n$`));
    expect(bodies[0]).not.toContain('盛京');
  });

  it('leaves neither the transition nor its leaf when the transaction rolls back', async () => {
    await tdb.db.deleteFrom('ledgerQueue').execute();
    await expect(
      workflowDb(tdb.db)
        .transaction()
        .execute(async (trx) => {
          await transitionInTrx({ trx, deps, ports: portsFor(tdb), acting: { kind: 'person', actor: officer }, now: clock.now() }, filedId, 'accept', { version: 1 });
          // Accepting issues the filing certificate: a leaf for the document, one for the transition.
          const queued = (await (trx as unknown as TestDatabase['db']).selectFrom('ledgerQueue').select('body').orderBy('id').execute()).map((r: { body: string }) => /\ntype (\S+)\n/.exec(r.body)![1]);
          expect(queued.sort()).toEqual(['workflow/document', 'workflow/transition']);
          throw new Error('rolled back');
        }),
    ).rejects.toThrow('rolled back');
    expect(await leaves(tdb)).toEqual([]);
    const item = await workflowDb(tdb.db).selectFrom('workflowItems').select(['state', 'version']).where('id', '=', filedId).executeTakeFirstOrThrow();
    expect(Number(item.version)).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/registry/seed/demo.js';
import { seedCapturedDemo, DEMO_CITIZEN } from '../src/vault/index.js';
import { seedWorkflowDemo } from '../src/workflow/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

/**
 * The demo's work in progress: seeded twice, each procedure and request is
 * there once, in the state the demo means, with its leaves on the ledger; and
 * every workspace's data source counts it.
 */
describe.each(testDialects)('the demo work in every workspace (%s)', (dialect) => {
  let t: TestApp;
  const headers: Record<string, { cookie: string; 'x-csrf-token': string }> = {};
  const get = async (username: string, url: string) => {
    const r = await t.app.inject({ method: 'GET', url, headers: { ...headers[username] } });
    expect(r.statusCode, `${username} GET ${url}: ${r.body}`).toBe(200);
    return r.json();
  };
  const db = () => t.tdb.db.withoutPlugins();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.tdb, t.clock);
    const w = await seedWorkflowDemo(t.tdb, t.clock);
    expect(w).toMatchObject({ procedures: 8, transitioned: 1, missed: 1 });
    expect(await seedCapturedDemo(t.tdb, t.clock, t.config.dataDir)).toMatchObject({ added: 4, viewing: 1, evidence: 1, accessRequests: 2 });
    for (const u of ['demo-shenyang', 'demo-heping', 'demo-station', 'demo-school', 'demo-provider', 'demo-provider-2', 'demo-investigator', 'demo-citizen', 'demo-oversight']) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: u, password: DEMO_PASSWORD } });
      expect(r.statusCode, r.body).toBe(200);
      headers[u] = { cookie: String(r.headers['set-cookie']).split(';')[0], 'x-csrf-token': r.json().csrfToken as string };
    }
  });
  afterAll(() => t.close());

  const items = async () =>
    (await db().selectFrom('workflow_items').select(['id', 'machine', 'state', 'division_code', 'title']).orderBy('id').execute()).map((r) => ({ id: Number(r.id), machine: String(r.machine), state: String(r.state), division: String(r.division_code), title: String(r.title) }));

  it('seeds each procedure once, in the state it is meant to be in, and adds nothing the second time', async () => {
    const before = await items();
    expect(before.map(({ machine, state, division }) => `${machine} ${state} ${division}`).sort()).toEqual(
      [
        'case open 210102',
        'case overdue 210102',
        'case rectification_ordered 210102',
        'complaint received 210100',
        'design-review review_passed 210102',
        'inspection completed 210102',
        'provider-filing accepted 210100',
        'provider-filing submitted 210100',
      ].sort(),
    );
    const count = async (table: string) => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const tables = ['workflow_transitions', 'workflow_documents', 'workflow_missed_deadlines', 'viewing_applications', 'evidence_requests', 'access_requests', 'access_request_officers', 'captured_events', 'ledger_queue'];
    const counts = async () => Object.fromEntries(await Promise.all(tables.map(async (x) => [x, await count(x)])));
    const was = await counts();
    expect(await seedWorkflowDemo(t.tdb, t.clock)).toEqual({ added: 0, procedures: 8, transitioned: 0, missed: 0 });
    expect(await seedCapturedDemo(t.tdb, t.clock, t.config.dataDir)).toMatchObject({ added: 0 });
    expect(await items()).toEqual(before);
    expect(await counts()).toEqual(was);
    // Nothing the demo did was refused.
    expect(await count('workflow_refusals')).toBe(0);
    expect(was).toMatchObject({ viewing_applications: 1, evidence_requests: 1, access_requests: 2, access_request_officers: 3, workflow_missed_deadlines: 1 });
  });

  it('puts every act on the ledger: a leaf for each transition, document and access event', async () => {
    const bodies = (await db().selectFrom('ledger_queue').select('body').execute()).map((r) => String(r.body));
    const subjects = new Set(bodies.map((b) => /\nsubject (\S+)\n/.exec(b)?.[1]));
    for (const i of await items()) expect(subjects.has(`workflow-item:${i.id}`), `leaf of item ${i.id} ${i.machine}`).toBe(true);
    const transitions = await db().selectFrom('workflow_transitions').select(['item_id']).execute();
    expect(bodies.filter((b) => b.includes('\ntype workflow/transition\n'))).toHaveLength(transitions.length);
    const documents = await db().selectFrom('workflow_documents').select('id').execute();
    for (const d of documents) expect(subjects.has(`workflow-document:${d.id}`)).toBe(true);
    for (const r of await db().selectFrom('access_requests').select('id').execute()) expect(subjects.has(`access-request:${r.id}`)).toBe(true);
    const events = await db().selectFrom('captured_events').select('id').execute();
    expect(bodies.filter((b) => /\ntype vault\//.test(b)).length).toBe(events.length);
    // The times stored are those of the acts, none after the seeding.
    const now = t.clock.now().toISOString();
    const late = await db().selectFrom('workflow_transitions').select('at').where('at', '>', now).execute();
    expect(late).toEqual([]);
  });

  it("shows Shenyang's supervisors hazards, orders running and overdue, a filing waiting and a complaint", async () => {
    const board = await get('demo-shenyang', '/api/v1/dashboard?division=210100');
    const fig = (key: string) => (board.figures as { key: string; value: number }[]).find((f) => f.key === key)?.value;
    expect({ openHazards: fig('openHazards'), rectificationOrders: fig('rectificationOrders'), overdue: fig('overdue'), filingsWaiting: fig('filingsWaiting'), complaints: fig('complaints') }).toEqual({
      openHazards: 1,
      rectificationOrders: 1,
      overdue: 1,
      filingsWaiting: 1,
      complaints: 1,
    });
    const inbox = await get('demo-shenyang', '/api/v1/workflow/inbox');
    const titles = (inbox.items as { title: string; machine: string }[]).map((i) => `${i.machine} ${i.title}`);
    expect(titles).toEqual(expect.arrayContaining(['provider-filing 沈阳恒安技防科技有限公司', 'complaint 沈阳安盾技防工程有限公司']));
  });

  it('gives oversight a missed deadline, the provider its filing on the public list, the school its order and design review', async () => {
    const missed = await get('demo-oversight', '/api/v1/workflow/oversight/missed-deadlines');
    expect(missed.total).toBe(1);
    expect(missed.items[0]).toMatchObject({ machine: 'provider-filing', title: '沈阳恒安技防科技有限公司' });
    const pub = await t.app.inject({ method: 'GET', url: '/api/v1/public/providers' });
    expect((pub.json().items as { name: string }[]).map((p) => p.name)).toEqual(['沈阳安盾技防工程有限公司']);
    const own = await get('demo-provider', '/api/v1/workflow/items?machine=provider-filing');
    expect((own.items as { state: string }[]).map((i) => i.state)).toEqual(['accepted']);
    const waiting = await get('demo-provider-2', '/api/v1/workflow/items?machine=provider-filing');
    expect((waiting.items as { state: string }[]).map((i) => i.state)).toEqual(['submitted']);
    const school = await get('demo-school', '/api/v1/workflow/items');
    expect((school.items as { machine: string; state: string }[]).map((i) => `${i.machine} ${i.state}`).sort()).toEqual(['case open', 'case rectification_ordered', 'design-review review_passed', 'inspection completed']);
  });

  it("puts the citizen's application in the station's queue, and the investigator's requests pending and granted", async () => {
    const station = await get('demo-station', '/api/v1/viewing-applications?state=submitted');
    expect(station.total).toBe(1);
    expect(station.items[0]).toMatchObject({ state: 'submitted', applicantName: DEMO_CITIZEN.name, stationDivision: '210102' });
    const mine = await get('demo-citizen', '/api/v1/viewing-applications');
    expect(mine.items.map((a: { state: string }) => a.state)).toEqual(['submitted']);
    const evidence = await get('demo-citizen', '/api/v1/evidence-requests');
    expect(evidence.items.map((e: { state: string }) => e.state)).toEqual(['submitted']);
    const heping = await get('demo-heping', '/api/v1/evidence-requests');
    expect(heping.total).toBe(1);
    const requests = await get('demo-investigator', '/api/v1/access-requests');
    expect(requests.items.map((r: { state: string }) => r.state).sort()).toEqual(['awaiting_officers', 'granted']);
    const unit = await get('demo-school', '/api/v1/access-requests');
    expect(unit.items.map((r: { state: string }) => r.state).sort()).toEqual(['awaiting_officers', 'granted']);
  });
});

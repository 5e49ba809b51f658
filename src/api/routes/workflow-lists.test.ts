import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import { seedRegistry } from '../../workflow/test-support.js';
import { client, dayAfter } from './workflow-test-helpers.js';

/**
 * The list of procedures a supervisor's dashboard figures lead to: by place,
 * by state (one or several), sorted, paged; bad filters refused by field.
 */
describe.each(testDialects)('workflow item lists: place, states, sorting, paging on %s', (dialect) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  let province: AuthHeaders;
  const ids = { heping: [] as number[], dalian: 0 };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    seedRegistry(t.tdb);
    c = client(t);
    province = await t.as({ username: 'ln-police', role: 'province_supervisor', jurisdiction: '210000' });
    const heping = await t.as({ username: 'hp-police', role: 'county_supervisor', jurisdiction: '210102' });
    const dalian = await t.as({ username: 'dl-police', role: 'city_supervisor', jurisdiction: '210200' });
    for (const ruleId of ['art10.p1.key-unit-must-install', 'art15.signage-where-video-captured', 'art11.i1.maintenance-rules']) {
      const res = await c.open(heping, 'case', 'open', { ruleId, facts: '检查发现', subject: { keyUnitId: 10, offender: 'unit' } });
      expect(res.statusCode, res.body).toBe(201);
      ids.heping.push(res.json().item.id);
    }
    const res = await c.open(dalian, 'case', 'open', { ruleId: 'art10.p1.key-unit-must-install', facts: '检查发现', subject: { keyUnitId: 11, offender: 'unit' } });
    expect(res.statusCode, res.body).toBe(201);
    ids.dalian = res.json().item.id;
    // Two Heping cases get time limits, the later one ordered first.
    const [a, b] = ids.heping;
    expect((await c.step(heping, a, 'order-rectification', { timeLimit: dayAfter(t, 20), requirements: '安装视频监控' })).statusCode).toBe(200);
    expect((await c.step(heping, b, 'order-rectification', { timeLimit: dayAfter(t, 10), requirements: '设置提示标识' })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const res = await c.get(province, `/api/v1/workflow/items?machine=case&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: { id: number; divisionCode: string; state: string }[] };
  };

  it('narrows to the items of one city or one county', async () => {
    expect((await list('division=210000')).total).toBe(4);
    const shenyang = await list('division=210100');
    expect(shenyang.items.map((i) => i.id).sort()).toEqual([...ids.heping].sort());
    expect((await list('division=210102')).total).toBe(3);
    expect((await list('division=210202')).items.map((i) => i.id)).toEqual([ids.dalian]);
    expect((await list('division=210103')).total).toBe(0);
  });

  it('narrows to one state or several, as a dashboard figure counts them', async () => {
    expect((await list('state=rectification_ordered')).total).toBe(2);
    expect((await list('state=open')).total).toBe(2);
    expect((await list('state=open,rectification_ordered')).total).toBe(4);
    expect((await list('state=open,rectification_ordered&division=210102')).total).toBe(3);
  });

  it('sorts by time limit, soonest first and items without one last, and pages', async () => {
    const due = await list('sort=due&division=210102');
    expect(due.items.map((i) => i.id)).toEqual([ids.heping[1], ids.heping[0], ids.heping[2]]);
    const late = await list('sort=due&order=desc&division=210102&state=rectification_ordered');
    expect(late.items.map((i) => i.id)).toEqual([ids.heping[0], ids.heping[1]]);
    const created = await list('sort=created&order=asc');
    expect(created.items.map((i) => i.id)).toEqual([...ids.heping, ids.dalian]);
    const page2 = await list('sort=created&order=asc&limit=2&offset=2');
    expect(page2).toMatchObject({ total: 4 });
    expect(page2.items.map((i) => i.id)).toEqual([ids.heping[2], ids.dalian]);
  });

  it('refuses a place outside Liaoning and a state the procedure does not have, naming the field', async () => {
    const beijing = await c.get(province, '/api/v1/workflow/items?division=110101');
    expect(beijing.statusCode).toBe(400);
    expect(beijing.json().errors[0].field).toBe('division');
    const place = await c.get(province, '/api/v1/workflow/items?division=219999');
    expect(place.statusCode).toBe(400);
    expect(place.json().errors).toEqual([expect.objectContaining({ field: 'division', rule: 'gb2260-division' })]);
    const notACode = await c.get(province, '/api/v1/workflow/items?division=abc');
    expect(notACode.statusCode).toBe(400);
    expect(notACode.json().errors[0].field).toBe('division');
    const state = await c.get(province, '/api/v1/workflow/items?machine=case&state=open,submitted');
    expect(state.statusCode).toBe(400);
    expect(state.json().errors).toEqual([expect.objectContaining({ field: 'state', rule: 'enum' })]);
    expect(state.json().errors[0].message.en).toContain('submitted');
    const exported = await c.get(province, '/api/v1/workflow/items/export?format=csv&division=110101');
    expect(exported.statusCode).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

// The penalty calculator reads no database, so one dialect is enough.
describe('penalties API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  const calc = (payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/penalties/calculate', payload, headers });

  it('answers without a login: art 35 with illegal gains, fixed fine and three times the gains', async () => {
    const res = await calc({ article: 35, item: 1, offender: 'individual', illegalGainsYuan: 2000, at: '2026-01-01' });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.fines.map((f: { payer: string; amountYuan: number }) => [f.payer, f.amountYuan])).toEqual([
      ['individual', 10_000],
      ['individual', 6_000],
    ]);
    expect(d.confiscation).toMatchObject({ amountYuan: 2000, citation: { article: 35 } });
    expect(d.interpretations).toEqual(['art35.illegal-gains-fine']);
    expect(d.summary.zh).toContain('没收违法所得');
  });

  it('art 31: no fine when rectified in time', async () => {
    const res = await calc({ article: 31, item: 1, offender: 'unit', rectifiedInTime: true, at: '2026-01-01' });
    expect(res.json()).toMatchObject({ fines: [], orders: [{ kind: 'rectify_within_time_limit' }] });
  });

  it('uses today in China when no day is given', async () => {
    const res = await calc({ article: 34, offender: 'unit' });
    expect(res.statusCode).toBe(200);
    expect(res.json().asOf).toBe('2026-06-01');
  });

  it('answers 422 with a bilingual reason for art 22 item 2 under art 35', async () => {
    const res = await calc({ article: 35, item: 2, offender: 'unit' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    const b = res.json();
    expect(b.code).toBe('JF_LAW_NO_SUCH_PENALTY');
    expect(b.messages.zh).toContain('不包括第（二）项');
    expect(b.message).toContain('not item (2)');
    expect(b.citation).toMatchObject({ article: 35, href: '/law/35' });
  });

  it('answers 422 for an item art 31 does not have, and for a day before the regulation', async () => {
    expect((await calc({ article: 31, item: 7, offender: 'unit' })).json().code).toBe('JF_LAW_NO_SUCH_PENALTY');
    const early = await calc({ article: 31, offender: 'unit', at: '2015-01-31' });
    expect([early.statusCode, early.json().code]).toEqual([422, 'JF_LAW_NOT_IN_FORCE']);
  });

  it('answers 400 naming each bad field', async () => {
    const res = await calc({ article: 36, offender: 'company', illegalGainsYuan: -1, colour: 'red' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['article', 'colour', 'illegalGainsYuan', 'offender']);
    expect(res.json().errors[0].message.zh).toBeTruthy();
  });

  it('answers 400 for a date that does not exist', async () => {
    const res = await calc({ article: 34, offender: 'unit', at: '2015-02-30' });
    expect(res.statusCode).toBe(400);
  });
});

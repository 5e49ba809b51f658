import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { EXAMPLES } from '../../law/index.js';

// Assessments read no database, so one dialect is enough.
describe('assessments API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/assessments', payload });

  it('assesses a situation without a login, with citations, links and penalties', async () => {
    const res = await post({ at: '2026-01-01', situation: { devices: [{ id: 'cam', captures: ['video'], placeKind: 'hotel_room' }] } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const art14 = body.findings.find((f: { ruleId: string }) => f.ruleId === 'art14.no-capture-in-private-places');
    expect(art14).toMatchObject({ outcome: 'violation', citation: { article: 14 }, href: '/law/14', subject: 'devices[0]', facts: { captures: ['video'], placeKind: 'hotel_room' } });
    expect(art14.message.zh).toContain('宾馆客房');
    const art33 = body.findings.find((f: { ruleId: string }) => f.ruleId === 'art33.removal-order');
    expect(art33.penalty.orders.map((o: { kind: string }) => o.kind)).toEqual(['removal', 'forced_removal']);
    expect(body.counts.violation).toBeGreaterThanOrEqual(2);
  });

  it('applies the regulation as it stood on the day: nothing before 2015-02-01', async () => {
    const situation = { keyUnits: [{ id: 'k', unitType: 'bank_branch', systemInstalled: false }] };
    const before = (await post({ at: '2015-01-31', situation })).json();
    const after = (await post({ at: '2015-02-01', situation })).json();
    expect(before.counts.violation).toBe(0);
    expect(after.counts.violation).toBeGreaterThan(0);
  });

  it('every documented example gives its findings through the API', async () => {
    for (const ex of EXAMPLES) {
      const res = await post({ at: ex.asOf ?? '2026-01-01', situation: ex.situation });
      expect(res.statusCode, `art ${ex.article}`).toBe(200);
      for (const e of ex.expect) {
        expect(
          res.json().findings.some((f: { ruleId: string; outcome: string }) => f.ruleId === e.ruleId && f.outcome === e.outcome),
          `art ${ex.article}: ${e.ruleId}`,
        ).toBe(true);
      }
    }
  });

  it('answers 400 naming each bad field', async () => {
    const res = await post({ at: '26-1-1', situation: { keyUnits: [{ id: 'k', unitType: 'castle', systemInstalled: true, moat: true }] } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['at', 'situation.keyUnits.0.unitType', 'situation.keyUnits.0.moat']));
  });

  it('answers 400 without a situation', async () => {
    const res = await post({ at: '2026-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['situation']);
  });

  it('serves the situation JSON Schema and the examples', async () => {
    const schema = await t.app.inject('/api/v1/assessments/schema');
    expect(schema.statusCode).toBe(200);
    const s = schema.json();
    expect(s.title).toBe('Situation');
    expect(s.properties.devices.items.properties.placeKind.enum).toContain('hotel_room');
    expect(s.properties.keyUnits.items.properties.unitType.enum).toContain('primary_school');
    const ex = await t.app.inject('/api/v1/assessments/examples');
    expect(ex.json()).toHaveLength(EXAMPLES.length);
  });
});

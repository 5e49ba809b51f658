import { describe, expect, it } from 'vitest';
import { coverage } from '../rules/catalogue.js';
import { assess, countByOutcome, validateSituation } from './assess.js';
import { EXAMPLES } from './examples.js';
import type { Situation } from './schema.js';

describe('one example situation per article', () => {
  it('every article with a rule has an example', () => {
    const withRules = [...coverage(Array.from({ length: 37 }, (_, i) => i + 1))].filter(([, c]) => c.rules.length > 0).map(([a]) => a);
    expect(EXAMPLES.map((e) => e.article)).toEqual(withRules);
  });

  it.each(EXAMPLES.map((e) => [e.article, e.title.en, e] as const))('art %d: %s', (_a, _t, ex) => {
    expect(validateSituation(ex.situation)).toEqual([]);
    const findings = assess(ex.situation, ex.asOf ?? '2026-01-01');
    for (const e of ex.expect) {
      const hit = findings.find((f) => f.ruleId === e.ruleId && f.outcome === e.outcome && (e.subject === undefined || f.subject === e.subject));
      expect(hit, `${e.ruleId} → ${e.outcome}`).toBeDefined();
    }
    for (const f of findings) {
      expect(f.message.zh.length, f.ruleId).toBeGreaterThan(0);
      expect(f.message.en.length, f.ruleId).toBeGreaterThan(0);
      expect(f.href).toMatch(/^\/law\/\d+/);
    }
  });
});

describe('assess', () => {
  const school = EXAMPLES.find((e) => e.article === 11)!.situation;

  it('before 2015-02-01 every finding is not applicable; from that day the rules answer', () => {
    expect(countByOutcome(assess(school, '2015-01-31')).not_applicable).toBe(assess(school, '2015-01-31').length);
    expect(countByOutcome(assess(school, '2015-02-01')).violation).toBeGreaterThan(0);
  });

  it('rejects a bad date', () => {
    expect(() => assess(school, '2015-02-30')).toThrow(/JF_LAW_BAD_DATE/);
  });

  it('reports bad input field by field', () => {
    const bad = { keyUnits: [{ id: 'k', unitType: 'castle', systemInstalled: 'yes' }], extra: 1 } as unknown as Situation;
    const fields = validateSituation(bad).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['keyUnits.0.unitType', 'keyUnits.0.systemInstalled']));
  });

  it('one entity’s assessment takes well under a millisecond', () => {
    // A key unit with its systems, devices and retention, as the registry would send it.
    const unit: Situation = Object.assign({}, ...EXAMPLES.filter((e) => [11, 14, 15, 23].includes(e.article)).map((e) => e.situation));
    for (let i = 0; i < 1000; i++) assess(unit, '2026-01-01');
    // The best of several batches: the machine may be busy with other suites.
    const batches = Array.from({ length: 10 }, () => {
      const t0 = performance.now();
      for (let i = 0; i < 200; i++) assess(unit, '2026-01-01');
      return (performance.now() - t0) / 200;
    });
    const perCall = Math.min(...batches);
    // Typically 0.1-0.3 ms.
    expect(perCall).toBeLessThan(1);
  });
});

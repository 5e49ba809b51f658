import { describe, expect, it } from 'vitest';
import { ARTICLE_RANGE, getInstrument, resolveCitation } from '../corpus/index.js';
import { INTERPRETATIONS, getInterpretation } from '../interpretations/register.js';
import { FINES } from '../parameters/fines.js';
import { RETENTION_FLOORS } from '../parameters/retention.js';
import { noCaptureInPrivatePlaces } from './art14.js';
import { coverage, getRule, RULES, WITHOUT_RULES } from './catalogue.js';
import { RULE_KINDS } from './finding.js';
import { amendRule, decide } from './rule.js';

const articles = Array.from({ length: ARTICLE_RANGE.last - ARTICLE_RANGE.first + 1 }, (_, i) => ARTICLE_RANGE.first + i);

describe('the catalogue of rules', () => {
  it('every article 1-37 is covered by a rule or explained', () => {
    expect(articles).toHaveLength(37);
    const uncovered = [...coverage(articles)].filter(([, c]) => c.rules.length === 0 && c.reasons.every((r) => r.citation.paragraph !== undefined));
    expect(uncovered.map(([a]) => a)).toEqual([]);
  });

  it('articles 1, 2, 37 carry no rule and say why', () => {
    for (const a of [1, 2, 37]) {
      const c = coverage([a]).get(a)!;
      expect(c.rules).toEqual([]);
      expect(c.reasons[0].reason.zh.length).toBeGreaterThan(0);
    }
  });

  it('every article with normative content from 3 to 36 has a rule, except those explained', () => {
    const explainedWhole = new Set(WITHOUT_RULES.filter((w) => w.citation.paragraph === undefined).map((w) => w.citation.article));
    for (let a = 3; a <= 36; a++) if (!explainedWhole.has(a)) expect(coverage([a]).get(a)!.rules.length, `art ${a}`).toBeGreaterThan(0);
    expect([...explainedWhole].sort((x, y) => x - y)).toEqual([1, 2, 5, 6, 7, 37]);
  });

  it('rule ids are unique, stable and name their article', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^art\d+\.[a-z0-9.-]+$/);
      expect(r.id.startsWith(`art${r.citation.article}.`), r.id).toBe(true);
      expect(RULE_KINDS).toContain(r.kind);
      expect(getRule(r.id)).toBe(r);
    }
  });

  it('every rule’s citation, and every explained part, resolves in the corpus', () => {
    for (const r of RULES) expect(resolveCitation(r.citation), r.id).toBeDefined();
    for (const w of WITHOUT_RULES) expect(resolveCitation(w.citation), JSON.stringify(w.citation)).toBeDefined();
  });

  it('every parameter’s source resolves; an instrument without its text is at least known', () => {
    for (const p of Object.values(FINES)) for (const v of p.values) expect(resolveCitation(v.source.citation!), p.id).toBeDefined();
    for (const f of RETENTION_FLOORS) {
      expect(getInstrument(f.source.instrument), f.id).toBeDefined();
      if (f.source.citation) expect(resolveCitation(f.source.citation), f.id).toBeDefined();
      else expect(f.source.gap, f.id).toBeTruthy();
    }
  });

  it('every rule starts on 2015-02-01, the day art 37 names', () => {
    for (const r of RULES) expect(r.versions[0].from, r.id).toBe('2015-02-01');
  });

  it('interpretations named by rules exist and list those rules; rules listed by interpretations exist', () => {
    for (const r of RULES) for (const i of r.interpretations) expect(getInterpretation(i)?.rules, `${r.id} → ${i}`).toContain(r.id);
    for (const i of INTERPRETATIONS) for (const id of i.rules) expect(getRule(id), `${i.id} → ${id}`).toBeDefined();
  });
});

describe('amendments', () => {
  it('a new version is added without deleting the old; each date gets its own text', () => {
    const amended = amendRule(noCaptureInPrivatePlaces, {
      from: '2030-07-01',
      evaluate: (f) => (f.captures.length ? decide.violation('修订后的文本', 'amended text') : decide.notApplicable('无采集', 'no capture')),
    });
    expect(amended.versions.map((v) => [v.from, v.to])).toEqual([
      ['2015-02-01', '2030-06-30'],
      ['2030-07-01', undefined],
    ]);
    const facts = { captures: ['video'], placeKind: 'entrance_exit' };
    expect(amended.evaluate(facts, '2030-06-30').outcome).toBe('compliant');
    expect(amended.evaluate(facts, '2030-07-01').message.en).toBe('amended text');
    expect(amended.evaluate(facts, '2030-06-30').version).toEqual({ from: '2015-02-01', to: '2030-06-30' });
    // The original rule is untouched.
    expect(noCaptureInPrivatePlaces.versions).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { allWorkflows } from './index.js';
import { getRule } from './ports/law.js';
import { caseMachine, type CaseData } from './machines/case.js';
import { chinaDate, deadlineAfter, endOfChinaDay } from './domain/time.js';
import { findBackdating, findForbiddenEntries } from './domain/forbidden-entries.js';
import { violationCatalogue, violationOf } from './domain/violations.js';

/** The machines as data: checked once here so a broken definition fails before any database is opened. */
describe('the state machines', () => {
  const machines = allWorkflows().map((w) => w.machine);

  it('are the eight procedures of the regulation', () => {
    expect(machines.map((m) => m.name).sort()).toEqual(['adjustment', 'case', 'complaint', 'design-review', 'inspection', 'provider-filing', 'reward', 'warning']);
  });

  it('rest every transition on a rule of the law catalogue, or on a rule id naming the article it cites', () => {
    const bad: string[] = [];
    for (const m of machines) {
      for (const t of m.transitions) {
        const law = getRule(t.rule.id);
        const named = /^art(\d+)\./.exec(t.rule.id);
        if (law) {
          if (law.citation.article !== t.rule.citation.article) bad.push(`${m.name}.${t.name}: ${t.rule.id} cites art ${t.rule.citation.article}, the law says ${law.citation.article}`);
        } else if (!named || Number(named[1]) !== t.rule.citation.article) bad.push(`${m.name}.${t.name}: ${t.rule.id} is not a rule of the law`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('open with a transition that takes input, and reach every state from an opening', () => {
    for (const m of machines) {
      expect(m.openers().length, m.name).toBeGreaterThan(0);
      for (const o of m.openers()) expect(o.input, `${m.name}.${o.name}`).toBeDefined();
      const seen = new Set(m.openers().map((o) => o.to!));
      let grew = true;
      while (grew) {
        grew = false;
        for (const t of m.transitions) {
          if (t.to && t.from.some((s) => seen.has(s)) && !seen.has(t.to)) {
            seen.add(t.to);
            grew = true;
          }
        }
      }
      expect([...seen].sort(), m.name).toEqual(Object.keys(m.states).sort());
    }
  });

  it('offer some act in every state that is not terminal, and none in a terminal one', () => {
    for (const m of machines) {
      for (const [s, st] of Object.entries(m.states)) {
        const out = m.available(s);
        if (st.terminal) expect(out, `${m.name}.${s}`).toEqual([]);
        else expect(out.length, `${m.name}.${s}`).toBeGreaterThan(0);
      }
    }
  });

  it('name a system transition out of the state for every deadline that acts when it passes', () => {
    const at = new Date('2026-06-01T08:00:00Z');
    const d = { violation: { penaltyArticle: 32 }, order: { kind: 'rectify', dueAt: '2026-06-11T16:00:00.000Z' } } as unknown as CaseData;
    for (const s of ['rectification_ordered', 'removal_ordered']) {
      const data = s === 'removal_ordered' ? ({ ...d, violation: { penaltyArticle: 33 }, order: { ...d.order, kind: 'removal' } } as CaseData) : d;
      const dl = caseMachine.states[s].deadline!(data, at)!;
      const t = caseMachine.transition(dl.onExpiry!)!;
      expect(t.by).toBe('system');
      expect(t.from).toContain(s);
    }
  });
});

describe('violations a case can be about', () => {
  it('follow the penalty article the law gives each rule', () => {
    expect(violationOf('art11.i4.duty-roster-and-emergency-plan')).toMatchObject({ path: 'rectify-then-fine', penaltyArticle: 32, penaltyItem: 4, checklistItem: 2 });
    expect(violationOf('art10.p1.key-unit-must-install')).toMatchObject({ path: 'rectify-then-fine', penaltyArticle: 31, penaltyItem: 1, checklistItem: 1 });
    expect(violationOf('art14.no-capture-in-private-places')).toMatchObject({ path: 'removal', penaltyArticle: 33 });
    expect(violationOf('art21.i3.no-change-of-purpose-or-scope')).toMatchObject({ path: 'penalty', penaltyArticle: 34, penaltyItem: 3 });
    expect(violationOf('art22.i1.no-trade-or-unlawful-use')).toMatchObject({ path: 'penalty', penaltyArticle: 35 });
    expect(violationOf('art22.i2.no-privacy-infringement')).toMatchObject({ path: 'rectify', penaltyArticle: null });
    expect(violationOf('art20.i4.standards-and-quality')).toMatchObject({ path: 'rectify', providerDuty: true });
  });
  it('leave out what binds the police and the government', () => {
    const ids = violationCatalogue().map((v) => v.ruleId);
    expect(ids.filter((i) => /^art(8|18|26|29|36)\./.test(i))).toEqual([]);
  });
});

describe('Art 29: what officials cannot enter', () => {
  it('finds fee and designation fields, phrases, and named products only where an official prescribes', () => {
    expect(findForbiddenEntries({ fee: 1 }).map((f) => f.what.en)).toEqual(['charging a fee']);
    expect(findForbiddenEntries({ recommendedProvider: 'x' }).map((f) => f.what.en)).toEqual(['designating products or services']);
    expect(findForbiddenEntries({ requirements: '请先缴纳检测费' })).toHaveLength(1);
    expect(findForbiddenEntries({ requirements: 'You must buy the approved brand cameras' })).toHaveLength(1);
    expect(findForbiddenEntries({ requirements: '须统一使用某品牌产品' })).toHaveLength(1);
    expect(findForbiddenEntries({ requirements: '更换海康威视摄像机' }, ['海康威视'])).toHaveLength(1);
    expect(findForbiddenEntries({ description: '海康威视摄像机损坏' }, ['海康威视'])).toEqual([]);
    expect(findForbiddenEntries({ requirements: '建立值班制度并报送整改情况' }, ['海康威视'])).toEqual([]);
    expect(findForbiddenEntries({ notes: ['整改费用由单位自行承担'] })).toEqual([]);
  });
  it('finds client-supplied times of official acts', () => {
    expect(findBackdating({ decidedAt: '2020-01-01', nested: { date: 'x' } })).toEqual(['decidedAt', 'nested.date']);
    expect(findBackdating({ timeLimit: '2026-07-01' })).toEqual([]);
  });
});

describe('deadlines in China time', () => {
  it('end a time limit at midnight in Liaoning', () => {
    expect(endOfChinaDay('2026-06-30')).toBe('2026-06-30T16:00:00.000Z');
    expect(chinaDate(new Date('2026-06-30T16:30:00Z'))).toBe('2026-07-01');
    expect(deadlineAfter(new Date('2026-06-01T08:00:00Z'), 10)).toBe('2026-06-11T16:00:00.000Z');
  });
});

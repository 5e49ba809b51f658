import { describe, expect, it } from 'vitest';
import { assess } from '../situation/assess.js';
import type { Situation } from '../situation/schema.js';
import { urgeRectificationOfHazards } from './art26.js';
import { cooperateWithInspection, INSPECTION_CHECKLIST } from './art27.js';
import { warningListForProviders } from './art28.js';
import { noDesignatedProductsOrServices, noFeesOrBenefits, noRestrictingChoice } from './art29.js';
import { commendationOrReward } from './art30.js';
import { getRule } from './catalogue.js';
import type { Rule } from './rule.js';

const ON = '2026-01-01';
const outcome = <F extends object>(r: Rule<F>, facts: F, asOf = ON) => r.evaluate(facts, asOf).outcome;
const penaltyOf = (s: Situation, ruleId: string, asOf = ON) => assess(s, asOf).find((f) => f.ruleId === ruleId);

describe('art 26: 及时发现并督促整改安全技术防范隐患', () => {
  it.each([
    [0, undefined, 'not_applicable'],
    [3, true, 'compliant'],
    [3, false, 'obligation'],
  ] as const)('%d hazards, urged=%s → %s', (hazardsFound, rectificationUrged, expected) => {
    expect(outcome(urgeRectificationOfHazards, { hazardsFound, rectificationUrged })).toBe(expected);
  });
});

describe('art 27', () => {
  it('¶2 “有关单位和个人应当予以配合”', () => {
    expect([true, false, undefined].map((cooperated) => outcome(cooperateWithInspection, { cooperated }))).toEqual(['compliant', 'violation', 'obligation']);
  });
  it('¶1 the checklist names only real rules, for items 1-5', () => {
    expect(INSPECTION_CHECKLIST.map((i) => i.item)).toEqual([1, 2, 3, 4, 5]);
    for (const id of INSPECTION_CHECKLIST.flatMap((i) => i.rules)) expect(getRule(id), id).toBeDefined();
  });
});

describe('art 28: 查证属实后将其列入目录，向社会发布警示公告', () => {
  it.each([
    [true, undefined, false, 'obligation'],
    [undefined, true, true, 'compliant'],
    [undefined, undefined, undefined, 'not_applicable'],
    [false, false, true, 'violation'],
  ] as const)('violation verified=%s complaint verified=%s listed=%s → %s', (violationVerified, complaintVerified, warningPublished, expected) => {
    expect(outcome(warningListForProviders, { violationVerified, complaintVerified, warningPublished })).toBe(expected);
  });
});

describe('art 29: 不得收取费用或者谋取其他利益，不得指定产品和服务，不得…限制当事人的自主选择权', () => {
  it('each prohibition, and art 36 as its sanction', () => {
    expect([noFeesOrBenefits, noDesignatedProductsOrServices, noRestrictingChoice].map((r) => [outcome(r, { breached: true }), outcome(r, { breached: false }), r.sanction?.article])).toEqual([
      ['violation', 'compliant', 36],
      ['violation', 'compliant', 36],
      ['violation', 'compliant', 36],
    ]);
  });
  it('reaches police in filing or inspection, not other work', () => {
    const s: Situation = { officialConduct: [{ id: 'o', actor: 'police', context: 'other_management', feeCharged: true }] };
    expect(assess(s, ON).some((f) => f.ruleId.startsWith('art29.'))).toBe(false);
  });
});

describe('art 30: 提供重要线索或者证据…利用技防系统制止犯罪活动…给予表彰或者奖励', () => {
  it.each([
    ['lead_or_evidence_from_captured_info', true, 'allowed'],
    ['lead_or_evidence_from_captured_info', false, 'not_applicable'],
    ['stopped_crime_with_system', undefined, 'allowed'],
  ] as const)('%s important=%s → %s', (kind, important, expected) => {
    expect(outcome(commendationOrReward, { kind, important })).toBe(expected);
  });
});

describe('art 31-35 as findings: a violation brings the penalty its article provides', () => {
  it('31 (1) “未依法安装技防系统的”: order, then 30,000 + 5,000 once the time limit is missed', () => {
    const s: Situation = { keyUnits: [{ id: 'k', unitType: 'bank_branch', systemInstalled: false, rectification: { ordered: true, rectifiedInTime: false } }] };
    const f = penaltyOf(s, 'art31.rectify-then-fine')!;
    expect(f.citation).toEqual({ article: 31, paragraph: 1, item: 1 });
    expect(f.penalty?.fines.map((x) => x.amountYuan)).toEqual([30_000, 5_000]);
    expect(f.facts.trigger).toBe('art10.p1.key-unit-must-install');
  });
  it('31 (2) an individual installing in a public area: order only', () => {
    const s: Situation = { systems: [{ id: 's', scope: 'public_area', subsystems: ['video_audio_surveillance'], installedBy: 'individual', rectification: { ordered: true, rectifiedInTime: false } }] };
    const f = penaltyOf(s, 'art31.rectify-then-fine')!;
    expect(f.penalty?.fines).toEqual([]);
    expect(f.interpretations).toContain('art31.individual-offender');
  });
  it('31 (3) and 34: obstructing a public-area system brings both, fines not added up', () => {
    const s: Situation = { acts: [{ id: 'a', kind: 'obstruct_operation', by: 'unit', systemScope: 'public_area' }] };
    const all = assess(s, ON);
    const p31 = all.find((f) => f.ruleId === 'art31.rectify-then-fine')!;
    const p34 = all.find((f) => f.ruleId === 'art34.fines')!;
    expect(p31.interpretations).toContain('art31-34.obstruction-overlap');
    expect(p34.interpretations).toContain('art31-34.obstruction-overlap');
    expect(p34.message.zh).toContain('罚款不累加');
  });
  it('32: the unit, after a missed time limit', () => {
    const s: Situation = { keyUnits: [{ id: 'k', unitType: 'hotel', systemInstalled: true, duties: { maintenanceRules: false }, rectification: { ordered: true, rectifiedInTime: false } }] };
    expect(penaltyOf(s, 'art32.rectify-then-fine')?.penalty?.fines.map((x) => [x.payer, x.amountYuan])).toEqual([['unit', 5_000]]);
  });
  it('33: removal of a camera in a changing room', () => {
    const s: Situation = { devices: [{ id: 'd', captures: ['audio'], placeKind: 'changing_room' }] };
    expect(penaltyOf(s, 'art33.removal-order')?.penalty?.orders.map((o) => o.kind)).toEqual(['removal', 'forced_removal']);
  });
  it('34: serious tier from the act', () => {
    const s: Situation = { acts: [{ id: 'a', kind: 'tamper_program_or_records', by: 'unit', systemScope: 'key_unit', serious: true }] };
    expect(penaltyOf(s, 'art34.fines')?.penalty?.fines.map((x) => x.amountYuan)).toEqual([30_000, 10_000]);
  });
  it('35: not for art 22 (2)', () => {
    const s: Situation = { acts: [{ id: 'a', kind: 'infringe_privacy_with_info', by: 'individual', systemScope: 'key_unit' }] };
    const all = assess(s, ON);
    expect(all.find((f) => f.ruleId === 'art22.i2.no-privacy-infringement')?.outcome).toBe('violation');
    expect(all.some((f) => f.ruleId === 'art35.fines-and-confiscation')).toBe(false);
  });
  it('36: an administrative sanction for the official', () => {
    const s: Situation = { officialConduct: [{ id: 'o', actor: 'other_department', context: 'other_management', otherMisconduct: true, dutyFailureWithSeriousHarm: false }] };
    const all = assess(s, ON);
    expect(all.find((f) => f.ruleId === 'art36.i4.other-misconduct')?.outcome).toBe('violation');
    expect(all.find((f) => f.ruleId === 'art36.i1.duty-failure-with-serious-harm')?.outcome).toBe('compliant');
    expect(all.some((f) => f.ruleId === 'art36.i2.fees-or-benefits')).toBe(false);
  });
  it('before 2015-02-01 no violation, hence no penalty', () => {
    const s: Situation = { acts: [{ id: 'a', kind: 'damage_system', by: 'unit', systemScope: 'public_area' }] };
    expect(penaltyOf(s, 'art34.fines', '2015-01-31')).toBeUndefined();
    expect(penaltyOf(s, 'art34.fines', '2015-02-01')?.outcome).toBe('violation');
  });
});

import { describe, expect, it } from 'vitest';
import { assess } from '../../law/index.js';
import { Evaluator, situationHash } from './evaluate.js';
import { factsOf, ownFindings, unknownFacts, type SystemRow } from './facts.js';

const place = { divisionCode: '210102' };

describe('facts from registry rows', () => {
  it('takes a key unit as having a system when the registry records one, and its art 19 restriction as the secret site of art 10 ¶1 (5)', () => {
    const lab = factsOf['key-units']({ id: 9, unitType: 'research_site', restricted: true, hasSystem: false, ...place });
    expect(lab.situation).toEqual({ keyUnits: [{ id: 'key-unit', unitType: 'research_site', secretSite: true, systemInstalled: false }] });
    expect(lab.place).toMatchObject({ restricted: true, divisionCode: '210102' });
    const f = assess(lab.situation, '2026-06-01').find((x) => x.ruleId === 'art10.p1.key-unit-must-install')!;
    expect(f).toMatchObject({ outcome: 'not_applicable', href: '/law/10#p1-i5' });
  });

  it('gives two entities with the same facts the same situation, whatever their ids and places', () => {
    const a = factsOf.devices({ id: 1, systemId: 1, capturesVideo: true, capturesAudio: false, placeKind: 'toilet', restricted: false, ...place });
    const b = factsOf.devices({ id: 2, systemId: 7, capturesVideo: true, capturesAudio: false, placeKind: 'toilet', restricted: false, divisionCode: '210202' });
    expect(b.place).toEqual({ divisionCode: '210202', restricted: false, keyUnitId: null, siteId: null, publicAreaId: null, systemId: 7 });
    expect(JSON.stringify(a.situation)).toBe(JSON.stringify(b.situation));
    expect(situationHash('devices', JSON.stringify(a.situation))).toBe(situationHash('devices', JSON.stringify(b.situation)));
    expect(situationHash('devices', JSON.stringify(a.situation))).not.toBe(situationHash('security-systems', JSON.stringify(a.situation)));
  });

  it('reads what a system captures from its devices, or from its kind when it has none', () => {
    const sys: SystemRow = { id: 1, subsystemKind: 'video_audio_surveillance', keyUnitId: 4, siteId: null, publicAreaId: null, art10Item: 3, retentionDays: 45, restricted: false, devices: 0, capturesVideo: false, capturesAudio: false, ...place };
    expect(factsOf['security-systems'](sys).situation.systems![0]).toEqual({ id: 'system', scope: 'key_unit', art10Item: 3, subsystems: ['video_audio_surveillance'], captures: ['video'], retentionDays: 45 });
    expect(factsOf['security-systems']({ ...sys, devices: 3, capturesAudio: true }).situation.systems![0].captures).toEqual(['audio']);
    const area = factsOf['security-systems']({ ...sys, keyUnitId: null, publicAreaId: 2, art10Item: null, restricted: true, subsystemKind: 'intrusion_alarm' });
    expect(area.situation.systems![0]).toEqual({ id: 'system', scope: 'public_area', subsystems: ['intrusion_alarm'], captures: [], retentionDays: 45, involvesStateSecrets: true });
    expect(unknownFacts('security-systems', area.situation).map((u) => u.citation.article)).toEqual([8, 9, 12, 13, 19, 23]);
  });

  it('keeps for a site only the art 10 ¶1 finding and the penalty it leads to', () => {
    const site = factsOf.sites({ id: 3, keyUnitId: 1, unitType: 'bank_branch', restricted: false, systemAtSite: false, unitWideSystem: false, ...place });
    const all = assess(site.situation, '2026-06-01');
    expect(all.length).toBeGreaterThan(2);
    expect(ownFindings('sites', all).map((f) => `${f.ruleId}:${f.outcome}`)).toEqual(['art10.p1.key-unit-must-install:violation', 'art31.rectify-then-fine:violation']);
    // A system of the unit at no particular site serves the site.
    const served = factsOf.sites({ id: 3, keyUnitId: 1, unitType: 'bank_branch', restricted: false, systemAtSite: false, unitWideSystem: true, ...place });
    expect(ownFindings('sites', assess(served.situation, '2026-06-01')).map((f) => f.outcome)).toEqual(['compliant']);
  });

  it('files a provider from outside Liaoning with the province (art 17)', () => {
    const p = factsOf.providers({ id: 5, services: ['maintenance', 'design'], fromOutsideLiaoning: true, divisionCode: null });
    expect(p.situation.providers![0]).toEqual({ id: 'provider', kind: 'unit', services: ['design', 'maintenance'], outOfProvince: true });
    expect(p.place).toMatchObject({ divisionCode: '210000' });
    expect(unknownFacts('providers', p.situation)[1].citation).toEqual({ article: 17 });
  });
});

describe('the evaluator', () => {
  it('assesses each distinct situation once, and a day before the regulation finds nothing in force', () => {
    const ev = new Evaluator('2026-06-01');
    const s = factsOf['public-areas']({ id: 1, kind: 'footbridge', hasSystem: false, ...place }).situation;
    const a = ev.evaluate('public-areas', s);
    expect(ev.evaluate('public-areas', JSON.parse(JSON.stringify(s)))).toBe(a);
    expect(a.counts.violation).toBe(1);
    const before = new Evaluator('2015-01-31').evaluate('public-areas', s);
    expect(before.hash).toBe(a.hash);
    expect(before.counts).toMatchObject({ violation: 0, not_applicable: 1 });
    expect(before.findingsDigest).not.toBe(a.findingsDigest);
  });
});

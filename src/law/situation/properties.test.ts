import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIVATE_PLACE_KINDS, PLACE_KINDS } from '../interpretations/private-places.js';
import { UNIT_TYPES } from '../interpretations/unit-types.js';
import { minimumRetention } from '../parameters/retention.js';
import { assess } from './assess.js';
import { ACT_KINDS, CAPTURE_KINDS, type Device, type SecuritySystem, type Situation } from './schema.js';

const date = fc.date({ min: new Date('2015-02-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const captures = fc.subarray([...CAPTURE_KINDS], { minLength: 1 });

const anyDevice: fc.Arbitrary<Device> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  captures: fc.subarray([...CAPTURE_KINDS]),
  placeKind: fc.constantFrom(...PLACE_KINDS),
  operatedBy: maybe(fc.constantFrom('unit' as const, 'individual' as const)),
  signagePresent: maybe(fc.boolean()),
  signageProvincialStyle: maybe(fc.boolean()),
  systemRef: maybe(fc.constant('sys')),
}) as fc.Arbitrary<Device>;

/** Everything else that might be true around a device. */
const surroundings: fc.Arbitrary<Situation> = fc.record({
  keyUnits: fc.array(fc.record({ id: fc.constant('k'), unitType: fc.constantFrom(...UNIT_TYPES), systemInstalled: fc.boolean(), secretSite: maybe(fc.boolean()) }), { maxLength: 2 }),
  systems: fc.array(
    fc.record({
      id: fc.constant('sys'),
      scope: fc.constantFrom('public_area' as const, 'key_unit' as const, 'other' as const),
      subsystems: fc.constant(['video_audio_surveillance' as const]),
      installedBy: maybe(fc.constantFrom('government_department' as const, 'unit' as const, 'individual' as const)),
      retentionDays: maybe(fc.integer({ min: 0, max: 400 })),
    }),
    { maxLength: 2 },
  ),
  acts: fc.array(fc.record({ id: fc.constant('a'), kind: fc.constantFrom(...ACT_KINDS), by: fc.constantFrom('unit' as const, 'individual' as const), systemScope: fc.constantFrom('public_area' as const, 'key_unit' as const, 'other' as const), authorized: maybe(fc.boolean()) }), { maxLength: 2 }),
}) as fc.Arbitrary<Situation>;

describe('properties of the whole assessment', () => {
  it('art 14: capture (video or audio) in a place art 14 names is a violation, whatever else is true', () => {
    fc.assert(
      fc.property(anyDevice, fc.constantFrom(...PRIVATE_PLACE_KINDS), captures, surroundings, date, (device, placeKind, cap, around, asOf) => {
        const s: Situation = { ...around, devices: [{ ...device, placeKind, captures: cap }] };
        const findings = assess(s, asOf).filter((f) => f.subject === 'devices[0]');
        const art14 = findings.find((f) => f.ruleId === 'art14.no-capture-in-private-places');
        const art33 = findings.find((f) => f.ruleId === 'art33.removal-order');
        return art14?.outcome === 'violation' && art33?.outcome === 'violation';
      }),
      { numRuns: 500 },
    );
  });

  const keptSystem = (retentionDays: number, scope: 'public_area' | 'key_unit', cap: ('video' | 'audio')[]): SecuritySystem => ({
    id: 'sys',
    scope,
    subsystems: ['video_audio_surveillance'],
    captures: cap,
    retentionDays,
  });

  it('art 23 ¶2: retention shorter than the minimum is never accepted: a violation as a setting, a refusal for an erasure', () => {
    fc.assert(
      fc.property(fc.constantFrom('public_area' as const, 'key_unit' as const), captures, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), maybe(fc.boolean()), date, (scope, cap, days, age, police, asOf) => {
        const min = minimumRetention({ scope, captures: cap }, asOf)!.days;
        const s: Situation = {
          systems: [keptSystem(days, scope, cap)],
          retentionActions: [{ id: 'r', systemRef: 'sys', action: 'erase', recordAgeDays: age, policeRequestedExtraction: police }],
        };
        const all = assess(s, asOf);
        const setting = all.find((f) => f.ruleId === 'art23.p2.minimum-retention')!.outcome;
        const erase = all.find((f) => f.ruleId === 'art23.p2.seal-or-erase-after-expiry')!.outcome;
        return (days < min ? setting === 'violation' : setting === 'compliant') && (age < min ? erase === 'refused' : erase === (police ? 'refused' : 'allowed'));
      }),
      { numRuns: 1000 },
    );
  });

  it('assessment is deterministic and never throws on a valid situation', () => {
    fc.assert(
      fc.property(surroundings, fc.array(anyDevice, { maxLength: 3 }), date, (around, devices, asOf) => {
        const s = { ...around, devices };
        expect(assess(s, asOf)).toEqual(assess(s, asOf));
      }),
      { numRuns: 200 },
    );
  });
});

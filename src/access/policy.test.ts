import { describe, expect, it } from 'vitest';
import { isAllowed } from './policy.js';
import type { Actor } from './index.js';

const city: Actor = { userId: 7, username: 'officer', role: 'city_supervisor', jurisdiction: '210100', organId: 1, keyUnitId: null, providerId: null };
const inShenyang = (kind: Parameters<typeof isAllowed>[2]['kind']) => ({ kind, divisionCode: '210102' });

describe('who opens which procedure', () => {
  it('lets the police open their own procedures in their area: inspections (Art 26), cases (Art 31-35), warnings (Art 28), rewards (Art 30)', () => {
    for (const kind of ['inspection', 'case', 'warning', 'reward'] as const) expect(isAllowed(city, 'create', inShenyang(kind)), kind).toBe(true);
    expect(isAllowed(city, 'create', { kind: 'inspection', divisionCode: '210202' }), 'outside the city').toBe(false);
  });

  it('leaves to the party what the regulation gives the party: a filing (Art 16), a design review (Art 12), a consultation (Art 9 ¶2), a complaint (Art 28)', () => {
    for (const kind of ['filing', 'design-review', 'adjustment', 'complaint'] as const) {
      expect(isAllowed(city, 'create', inShenyang(kind)), kind).toBe(false);
      // They still read and decide them in their area.
      expect(isAllowed(city, 'read', inShenyang(kind)), kind).toBe(true);
      expect(isAllowed(city, 'decide', inShenyang(kind)), kind).toBe(true);
    }
  });
});

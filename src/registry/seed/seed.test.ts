import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { login } from '../../access/index.js';
import { fixedClock } from '../../shared/clock.js';
import { derive } from '../domain/derive.js';
import { KINDS } from '../domain/kinds.js';
import { coerceFields, withDefaults } from '../domain/validate.js';
import { RegistryRepository } from '../repository.js';
import { DEMO_PASSWORD, demoAccountLines, seedDemo, seedDemoIfEmpty } from './demo.js';
import { provinceBatches, seedProvinceScale } from './province.js';

const clock = fixedClock('2026-06-01T08:00:00.000Z');
const all = { kind: 'all', includeRestricted: true } as const;

describe('the province-scale generator', () => {
  it('gives the same province for the same seed, with exactly the devices asked for', () => {
    const a = [...provinceBatches({ keyUnits: 500, devices: 4321, batchSize: 200 })];
    const b = [...provinceBatches({ keyUnits: 500, devices: 4321, batchSize: 200 })];
    expect(a).toEqual(b);
    expect(a.reduce((n, x) => n + x.keyUnits.length, 0)).toBe(500);
    expect(a.reduce((n, x) => n + x.devices.length, 0)).toBe(4321);
    expect(new Set(a.flatMap((x) => x.keyUnits.map((u) => u.cityCode))).size).toBe(14);
    expect([...provinceBatches({ keyUnits: 500, devices: 4321, seed: 2 })][0].keyUnits[0]).not.toEqual(a[0].keyUnits[0]);
  });

  it('generates rows the validator would accept, already derived as it would derive them', () => {
    const [batch] = [...provinceBatches({ keyUnits: 300, devices: 3000, batchSize: 300 })];
    const units = new Map(batch.keyUnits.map((u) => [u.id as number, u]));
    const systems = new Map(batch.systems.map((s) => [s.id as number, s]));
    const refs = (kind: string, id: number) => (kind === 'key-units' ? units.get(id) : kind === 'security-systems' ? systems.get(id) : kind === 'products' ? { id } : undefined);
    const check = (kind: 'key-units' | 'security-systems' | 'devices', row: Record<string, unknown>) => {
      const k = KINDS[kind];
      const writable = Object.fromEntries(k.fields.filter((f) => !f.readOnly && row[f.name] !== undefined).map((f) => [f.name, row[f.name]]));
      const c = coerceFields(k, writable);
      expect(c.issues).toEqual([]);
      const d = derive(kind, withDefaults(k, c.values), refs as never);
      expect(d.issues).toEqual([]);
      for (const f of k.fields.filter((x) => x.readOnly && x.name in d.row)) expect([f.name, row[f.name]]).toEqual([f.name, d.row[f.name]]);
    };
    for (const u of batch.keyUnits.slice(0, 50)) check('key-units', u);
    for (const s of batch.systems.slice(0, 50)) check('security-systems', s);
    for (const d of batch.devices.slice(0, 200)) check('devices', d);
  });
});

describe.each(testDialects)('seeding on %s', (dialect) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  afterAll(() => tdb.cleanup());

  it('seeds the demo Liaoning once, and a second time adds nothing', async () => {
    const first = await seedDemo(tdb, clock);
    expect(first.created['key-units']).toBeGreaterThanOrEqual(14 * 8);
    expect(first.created.accounts).toBe(11);
    const repo = RegistryRepository.of(tdb);
    const counts = async () => Object.fromEntries(await Promise.all((['key-units', 'sites', 'security-systems', 'devices', 'public-areas', 'products', 'providers', 'police-organs'] as const).map(async (k) => [k, await repo.count(k, all, {})])));
    const before = await counts();
    const again = await seedDemo(tdb, clock);
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    expect(await counts()).toEqual(before);
    expect(await seedDemoIfEmpty(tdb, clock)).toEqual([]);
  });

  it('gives every role an account with the documented password, linked where the role needs it', async () => {
    const school = await login(tdb.db, clock, 3600, 'demo-school', DEMO_PASSWORD);
    const unit = await RegistryRepository.of(tdb).get('key-units', school.actor.keyUnitId!);
    expect(unit).toMatchObject({ unitType: 'secondary_school', divisionCode: '210102' });
    const station = await login(tdb.db, clock, 3600, 'demo-station', DEMO_PASSWORD);
    expect(station.actor).toMatchObject({ role: 'station_officer', jurisdiction: '210102' });
    expect((await RegistryRepository.of(tdb).get('police-organs', station.actor.organId!))?.name).toBe('太原街派出所');
    const lines = demoAccountLines((await seedDemo(tdb, clock)).accounts);
    expect(lines[0]).toContain(DEMO_PASSWORD);
    expect(lines.join('\n')).toMatch(/demo-shenyang\s+city_supervisor/);
  });

  it('holds a camera in a hotel room for the art 14 checks, and a restricted system (art 19)', async () => {
    const repo = RegistryRepository.of(tdb);
    const rooms = await repo.list('devices', all, { filters: { placeKind: 'hotel_room', capturesVideo: true } });
    expect(rooms.total).toBe(1);
    expect(rooms.items[0]).toMatchObject({ cityCode: '210100' });
    expect((await repo.list('security-systems', all, { filters: { restricted: true } })).total).toBeGreaterThan(0);
  });

  it('adds a generated province through the repository, counted exactly', async () => {
    const repo = RegistryRepository.of(tdb);
    const before = await repo.count('devices', all, {});
    const r = await seedProvinceScale(repo, clock, { keyUnits: 400, devices: 3000, batchSize: 150 });
    expect(r).toMatchObject({ keyUnits: 400, devices: 3000 });
    expect(await repo.count('devices', all, {})).toBe(before + 3000);
    const school = await repo.list('key-units', { kind: 'division', prefix: '2101', includeRestricted: false }, { q: '小学', pageSize: 5 });
    expect(school.items.every((i) => i.cityCode === '210100' && String(i.name).includes('小学'))).toBe(true);
  });
});

import type { JifangDb } from '../db/database.js';
import type { Bilingual } from '../shared/text.js';
import { bindWorkflowPorts, type LedgerPort, type WorkflowLedgerEvent } from './ports/index.js';
import type { KeyUnitFacts, ProviderFacts, PublicAreaFacts, RegistryPort, SystemFacts } from './ports/registry.js';

/**
 * An in-memory registry for the workflow tests, bound to one test database,
 * so the workflows are tested on their own; one suite also runs them over the
 * real registry (adapters/registry.test.ts).
 */
export class FakeRegistry implements RegistryPort {
  providers = new Map<number, ProviderFacts>();
  keyUnits = new Map<number, KeyUnitFacts>();
  publicAreas = new Map<number, PublicAreaFacts>();
  systems = new Map<number, SystemFacts>();
  products: string[] = [];
  organs = new Map<string, Bilingual>();

  async provider(_db: unknown, id: number) {
    return this.providers.get(id);
  }
  async keyUnit(_db: unknown, id: number) {
    return this.keyUnits.get(id);
  }
  async publicArea(_db: unknown, id: number) {
    return this.publicAreas.get(id);
  }
  async system(_db: unknown, id: number) {
    return this.systems.get(id);
  }
  async systemsOfKeyUnit(_db: unknown, keyUnitId: number) {
    return [...this.systems.values()].filter((s) => s.keyUnitId === keyUnitId);
  }
  async searchPublicAreas(_db: unknown, q: string | undefined, limit: number) {
    return [...this.publicAreas.values()]
      .filter((a) => !q || a.name.includes(q))
      .slice(0, limit)
      .map((a) => ({ ...a, systems: [...this.systems.values()].filter((s) => s.publicAreaId === a.id && !s.restricted).map((s) => ({ id: s.id, name: s.name })) }));
  }
  async searchProviders(_db: unknown, q: string | undefined, limit: number) {
    return [...this.providers.values()]
      .filter((p) => !q || p.name.includes(q))
      .slice(0, limit)
      .map((p) => ({ id: p.id, name: p.name, creditCode: p.creditCode }));
  }
  async productNames() {
    return this.products;
  }
  async organName(_db: unknown, division: string) {
    return this.organs.get(division);
  }
}

/** A ledger that keeps what it was given, to check every transition queued a leaf. */
export class RecordingLedger implements LedgerPort {
  events: WorkflowLedgerEvent[] = [];
  async append(_trx: unknown, e: WorkflowLedgerEvent) {
    this.events.push(e);
  }
}

/** Valid GB 32100 codes for tests (check characters computed, not typed by hand). */
export const CREDIT_CODES = {
  shenyangSecurity: '91210100MA0QC0A04D',
  dalianAlarm: '91210200MA0QC0A092',
  beijingTech: '91110108MA01A0B045',
  school: '12210100MB1234567C',
} as const;

/** A small Liaoning: two providers in Shenyang and Dalian, one from Beijing, a school in Heping District. */
export function seedRegistry(jdb: JifangDb): { registry: FakeRegistry; ledger: RecordingLedger } {
  const registry = new FakeRegistry();
  registry.providers.set(1, { id: 1, name: '沈阳安防科技有限公司', creditCode: CREDIT_CODES.shenyangSecurity, services: ['design', 'installation'], fromOutsideLiaoning: false, divisionCode: '210102' });
  registry.providers.set(2, { id: 2, name: '大连报警运营服务有限公司', creditCode: CREDIT_CODES.dalianAlarm, services: ['alarm_operation'], fromOutsideLiaoning: false, divisionCode: '210202' });
  registry.providers.set(3, { id: 3, name: '北京视安技术有限公司', creditCode: CREDIT_CODES.beijingTech, services: ['design', 'maintenance'], fromOutsideLiaoning: true, divisionCode: null });
  registry.providers.set(4, { id: 4, name: '无码安防工作室', creditCode: '91210100MA0QC0A04X', services: ['installation'], fromOutsideLiaoning: false, divisionCode: '210102' });
  registry.keyUnits.set(10, { id: 10, name: '沈阳市和平区第一中学', creditCode: CREDIT_CODES.school, unitType: 'secondary_school', art10Item: 7, divisionCode: '210102', restricted: false });
  registry.keyUnits.set(11, { id: 11, name: '大连港码头公司', creditCode: null, unitType: 'wharf', art10Item: 2, divisionCode: '210202', restricted: false });
  registry.keyUnits.set(12, { id: 12, name: '某涉密研究所', creditCode: null, unitType: 'research_site', art10Item: 5, divisionCode: '210102', restricted: true });
  registry.publicAreas.set(20, { id: 20, name: '中山广场', kind: 'square', divisionCode: '210102', designatedDepartment: '沈阳市和平区公安技防建设中心' });
  registry.systems.set(30, { id: 30, name: '一中视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: 10, publicAreaId: null, providerId: 1, divisionCode: '210102', restricted: false, retentionDays: 30 });
  registry.systems.set(31, { id: 31, name: '中山广场视频监控', subsystemKind: 'video_audio_surveillance', keyUnitId: null, publicAreaId: 20, providerId: 1, divisionCode: '210102', restricted: false, retentionDays: 30 });
  registry.products = ['海康威视', 'DS-2CD3T46'];
  const ledger = new RecordingLedger();
  bindWorkflowPorts(jdb, { registry, ledger });
  return { registry, ledger };
}

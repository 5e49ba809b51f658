import type { DialectName } from '../../db/database.js';
import { RegistryRepository } from '../../registry/index.js';
import type { Bilingual } from '../../shared/text.js';
import { defaultOrganName } from '../documents.js';
import type { AnyDb, KeyUnitFacts, ProviderFacts, PublicAreaFacts, RegistryPort, SystemFacts } from '../ports/registry.js';

/**
 * The registry port over the registry's public face (RegistryRepository),
 * reading inside the caller's transaction so a check and the act that
 * relies on it see the same rows.
 */
const ALL = { kind: 'all', includeRestricted: true } as const;

const str = (v: unknown): string | null => (v == null ? null : String(v));
const num = (v: unknown): number | null => (v == null ? null : Number(v));

function systemFacts(s: Record<string, unknown>): SystemFacts {
  return {
    id: Number(s.id),
    name: String(s.name),
    subsystemKind: str(s.subsystemKind),
    keyUnitId: num(s.keyUnitId),
    publicAreaId: num(s.publicAreaId),
    providerId: num(s.providerId),
    divisionCode: str(s.divisionCode),
    restricted: Boolean(s.restricted),
    retentionDays: num(s.retentionDays),
  };
}

/** Product and manufacturer names change rarely; they are read again after a minute. */
const productCache = new WeakMap<object, { at: number; names: string[] }>();

export function registryAdapter(dialect: DialectName): RegistryPort {
  const repo = (db: AnyDb) => new RegistryRepository(db, dialect);
  return {
    async provider(db, id): Promise<ProviderFacts | undefined> {
      const p = await repo(db).get('providers', id);
      if (!p) return undefined;
      return {
        id: p.id,
        name: String(p.name),
        creditCode: str(p.creditCode),
        services: Array.isArray(p.services) ? (p.services as string[]) : [],
        fromOutsideLiaoning: Boolean(p.fromOutsideLiaoning),
        divisionCode: str(p.divisionCode),
      };
    },
    async keyUnit(db, id): Promise<KeyUnitFacts | undefined> {
      const k = await repo(db).get('key-units', id);
      if (!k) return undefined;
      return { id: k.id, name: String(k.name), creditCode: str(k.creditCode), unitType: str(k.unitType), art10Item: num(k.art10Item), divisionCode: String(k.divisionCode), restricted: Boolean(k.restricted) };
    },
    async publicArea(db, id): Promise<PublicAreaFacts | undefined> {
      const a = await repo(db).get('public-areas', id);
      if (!a) return undefined;
      return { id: a.id, name: String(a.name), kind: str(a.kind), divisionCode: String(a.divisionCode), designatedDepartment: str(a.designatedDepartment) };
    },
    async system(db, id) {
      const s = await repo(db).get('security-systems', id);
      return s ? systemFacts(s) : undefined;
    },
    async systemsOfKeyUnit(db, keyUnitId) {
      const out: SystemFacts[] = [];
      for await (const batch of repo(db).iterate('security-systems', ALL, { filters: { keyUnitId } })) out.push(...batch.map(systemFacts));
      return out;
    },
    async searchPublicAreas(db, q, limit) {
      const scope = { kind: 'all', includeRestricted: false } as const;
      const page = await repo(db).list('public-areas', scope, { ...(q ? { q } : {}), page: 1, pageSize: limit, sort: 'name', order: 'asc' });
      const out = [];
      for (const a of page.items) {
        const systems: { id: number; name: string }[] = [];
        for await (const batch of repo(db).iterate('security-systems', scope, { filters: { publicAreaId: a.id } })) systems.push(...batch.map((s) => ({ id: Number(s.id), name: String(s.name) })));
        out.push({ id: a.id, name: String(a.name), kind: str(a.kind), divisionCode: String(a.divisionCode), designatedDepartment: str(a.designatedDepartment), systems });
      }
      return out;
    },
    async searchProviders(db, q, limit) {
      const page = await repo(db).list('providers', { kind: 'all', includeRestricted: false }, { ...(q ? { q } : {}), page: 1, pageSize: limit, sort: 'name', order: 'asc' });
      return page.items.map((p) => ({ id: p.id, name: String(p.name), creditCode: str(p.creditCode) }));
    },
    async productNames(db) {
      const cached = productCache.get(db);
      if (cached && performance.now() - cached.at < 60_000) return cached.names;
      const names = new Set<string>();
      for await (const batch of repo(db).iterate('products', ALL, {})) {
        for (const p of batch) {
          if (p.name) names.add(String(p.name));
          if (p.manufacturer) names.add(String(p.manufacturer));
          if (p.model) names.add(String(p.model));
        }
      }
      const list = [...names];
      productCache.set(db, { at: performance.now(), names: list });
      return list;
    },
    async organName(db, divisionCode): Promise<Bilingual | undefined> {
      const o = await repo(db).findBy('police-organs', { code: divisionCode });
      return o ? { zh: String(o.name), en: defaultOrganName(divisionCode).en } : undefined;
    },
  };
}

import { RegistryRepository } from '../../registry/index.js';
import type { DeviceFacts, SystemDirectory, SystemFacts } from './system-directory.js';

/**
 * The registry's systems and devices, through its public face. A system is a
 * key unit's (art 10) or a public area's (art 8); restricted (art 19) when it,
 * its site or its unit says so.
 */
export function registryDirectory(repo: RegistryRepository): SystemDirectory {
  return {
    async getSystem(id: number): Promise<SystemFacts | undefined> {
      const s = await repo.get('security-systems', id);
      if (!s) return undefined;
      const keyUnitId = s.keyUnitId == null ? null : Number(s.keyUnitId);
      const unit = keyUnitId != null ? await repo.get('key-units', keyUnitId) : undefined;
      const site = s.siteId != null ? await repo.get('sites', Number(s.siteId)) : undefined;
      const kind = String(s.subsystemKind);
      return {
        id,
        name: String(s.name),
        keyUnitId,
        publicAreaId: s.publicAreaId == null ? null : Number(s.publicAreaId),
        divisionCode: String(s.divisionCode),
        restricted: Boolean(s.restricted) || Boolean(unit?.restricted) || Boolean(site?.restricted),
        retentionScope: keyUnitId != null ? 'key_unit' : s.publicAreaId != null ? 'public_area' : 'other',
        art10Item: unit?.art10Item == null ? null : Number(unit.art10Item),
        captures: kind === 'video_audio_surveillance' || kind === 'integrated' ? ['video', 'audio'] : [],
        configuredRetentionDays: s.retentionDays == null ? null : Number(s.retentionDays),
      };
    },
    async keyUnitDivision(id: number): Promise<string | undefined> {
      const u = await repo.get('key-units', id);
      return u ? String(u.divisionCode) : undefined;
    },
    async getDevice(id: number): Promise<DeviceFacts | undefined> {
      const d = await repo.get('devices', id);
      if (!d) return undefined;
      return { id, systemId: Number(d.systemId), restricted: Boolean(d.restricted) };
    },
  };
}

import type { RetentionScope } from '../domain/types.js';

/** What the vault needs to know about a security system; the registry owns it. */
export interface SystemFacts {
  id: number;
  name: string;
  keyUnitId: number | null;
  publicAreaId: number | null;
  divisionCode: string;
  /** Art 19: the system (or its unit or site) involves state secrets or national security. */
  restricted: boolean;
  /** Which art 23 ¶2 minimum applies: a key unit's, a public area's, or none. */
  retentionScope: RetentionScope;
  /** For a key unit's system, the art 10 item of its place. */
  art10Item: number | null;
  /** What the system's devices capture. */
  captures: ('video' | 'audio')[];
  /** How many days the system's recorders are set to keep, when on record. */
  configuredRetentionDays: number | null;
}

export interface DeviceFacts {
  id: number;
  systemId: number;
  restricted: boolean;
}

/**
 * The registry, as the vault sees it. The API wires the registry's public face
 * in; tests may give a directory of their own.
 */
export interface SystemDirectory {
  getSystem(id: number): Promise<SystemFacts | undefined>;
  getDevice(id: number): Promise<DeviceFacts | undefined>;
  /** Where a key unit is, so that what its account does shows to the police of its area. */
  keyUnitDivision(id: number): Promise<string | undefined>;
}

/** A directory held in memory (tests, the benchmark, recorder exports checked offline). */
export function memoryDirectory(systems: SystemFacts[], devices: DeviceFacts[] = []): SystemDirectory & { add(s: SystemFacts): void; addDevice(d: DeviceFacts): void } {
  const s = new Map(systems.map((x) => [x.id, x]));
  const d = new Map(devices.map((x) => [x.id, x]));
  return {
    getSystem: async (id) => s.get(id),
    getDevice: async (id) => d.get(id),
    keyUnitDivision: async (id) => [...s.values()].find((x) => x.keyUnitId === id)?.divisionCode,
    add: (x) => void s.set(x.id, x),
    addDevice: (x) => void d.set(x.id, x),
  };
}

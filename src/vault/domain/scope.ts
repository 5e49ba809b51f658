import type { ScopeEntry, Window } from './types.js';

/** Whether a recording `[startedAt, endedAt)` shares any instant with a window `[from, to)`. */
export function overlaps(seg: { startedAt: string; endedAt: string }, w: Window): boolean {
  return seg.startedAt < w.to && seg.endedAt > w.from;
}

/** Whether a recording's system (and device) is among those a grant covers. */
export function inScope(scope: readonly ScopeEntry[], seg: { systemId: number; deviceId: number | null }): boolean {
  return scope.some((e) => e.systemId === seg.systemId && (e.deviceId == null || e.deviceId === seg.deviceId));
}

/** Removes duplicate entries and device entries already covered by their whole system. */
export function normaliseScope(scope: readonly ScopeEntry[]): ScopeEntry[] {
  const whole = new Set(scope.filter((e) => e.deviceId == null).map((e) => e.systemId));
  const seen = new Set<string>();
  const out: ScopeEntry[] = [];
  for (const e of scope) {
    if (e.deviceId != null && whole.has(e.systemId)) continue;
    const k = `${e.systemId}:${e.deviceId ?? '-'}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ systemId: e.systemId, deviceId: e.deviceId ?? null });
  }
  return out;
}

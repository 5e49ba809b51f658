import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { MachineDef } from './types';

let cached: Promise<MachineDef[]> | null = null;

/** The state machines as the server defines them, fetched once per page load. */
export function loadMachines(): Promise<MachineDef[]> {
  cached ??= api<MachineDef[]>('/api/v1/workflow/machines').catch((e) => {
    cached = null;
    throw e;
  });
  return cached;
}

export function useMachines(): MachineDef[] | undefined {
  const [m, setM] = useState<MachineDef[]>();
  useEffect(() => {
    let live = true;
    loadMachines().then((x) => live && setM(x), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return m;
}

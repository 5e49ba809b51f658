import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type RequestOptions } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `url` (with `query`) whenever either changes; `null` waits. */
export function useApi<T>(url: string | null, query?: RequestOptions['query']): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(url !== null);
  const [tick, setTick] = useState(0);
  const key = url === null ? null : JSON.stringify([url, query ?? null]);

  useEffect(() => {
    if (url === null) return;
    const ctrl = new AbortController();
    setLoading(true);
    api<T>(url, { query, signal: ctrl.signal })
      .then((d) => {
        setData(d);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setError(e instanceof ApiError ? e : new ApiError(0, { code: 'JF_CLIENT', message: String(e), messages: { zh: String(e), en: String(e) } }));
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => ctrl.abort();
    // `key` stands for url and query by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

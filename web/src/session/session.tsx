import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import type { Bilingual } from '../i18n/i18n';

export interface SessionUser {
  id: number;
  username: string;
  role: string;
  roleName: Bilingual;
  jurisdiction: string | null;
  jurisdictionName: string | null;
  keyUnitId: number | null;
  providerId: number | null;
  organId: number | null;
}

interface SessionAnswer {
  authenticated: boolean;
  user?: SessionUser;
  csrfToken?: string;
}

interface SessionState {
  /** `undefined` while the first `GET /api/v1/session` is under way. */
  user: SessionUser | null | undefined;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState>({
  user: undefined,
  login: () => Promise.reject(new Error('no session provider')),
  logout: () => Promise.resolve(),
});

export const SESSION_URL = '/api/v1/session';

function adopt(a: SessionAnswer): SessionUser | null {
  setCsrfToken(a.authenticated ? a.csrfToken ?? null : null);
  return a.authenticated && a.user ? a.user : null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api<SessionAnswer>(SESSION_URL)
      .then((a) => live && setUser(adopt(a)))
      .catch(() => live && setUser(null));
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setUser(null);
    });
    return () => {
      live = false;
      setUnauthenticatedHandler(null);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const a = await api<SessionAnswer>(SESSION_URL, { method: 'POST', json: { username, password } });
    const u = adopt(a);
    if (!u) throw new Error('login answered without a user');
    setUser(u);
    return u;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api<void>(SESSION_URL, { method: 'DELETE' });
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}

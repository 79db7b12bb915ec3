import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import * as authApi from '../api/auth.js';
import { isApiError } from '../api/client.js';
import type { Role, User } from '../api/types.js';

interface AuthState {
  user: User | null;
  /** true until the first /auth/me answer arrives. */
  checking: boolean;
  error: unknown;
  refresh: () => Promise<void>;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
}

const Ctx = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      const r = await authApi.me();
      setUser(r.user);
      setError(null);
    } catch (e) {
      setUser(null);
      setError(isApiError(e) && e.status === 401 ? null : e);
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(async (username: string, password: string) => {
    const r = await authApi.login(username, password);
    setUser(r.user);
    return r.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setUser(null);
    }
  }, []);

  return <Ctx.Provider value={{ user, checking, error, refresh, signIn, signOut }}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** Back-office sections and the roles that see them. */
export const SECTIONS: { path: string; key: 'nav.inbox' | 'nav.workspace' | 'nav.supervision' | 'nav.leader' | 'nav.settings'; roles: Role[] }[] = [
  { path: '/admin/inbox', key: 'nav.inbox', roles: ['admin', 'acceptance'] },
  { path: '/admin/workspace', key: 'nav.workspace', roles: ['admin', 'department'] },
  { path: '/admin/supervision', key: 'nav.supervision', roles: ['admin', 'supervisor', 'acceptance'] },
  { path: '/admin/leader', key: 'nav.leader', roles: ['admin', 'leader', 'supervisor'] },
  { path: '/admin/settings', key: 'nav.settings', roles: ['admin'] },
];

export function homeFor(role: Role): string {
  return SECTIONS.find((s) => s.roles.includes(role))?.path ?? '/admin/inbox';
}

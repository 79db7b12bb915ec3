import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import * as authApi from '../api/auth.js';
import { isApiError } from '../api/client.js';
import type { Role, User } from '../api/auth.js';

interface AuthState {
  user: User | null;
  /** true until the session has been checked (only pages that need it trigger the check). */
  checking: boolean;
  error: unknown;
  /** Check the session once, if not done yet. */
  ensure: () => void;
  refresh: () => Promise<void>;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
}

const Ctx = createContext<AuthState | null>(null);
// Remember that this browser signed in, so public pages only ask /auth/me when it can succeed.
const HINT = 'qingdan.staff';
const hint = {
  get: () => {
    try {
      return localStorage.getItem(HINT) === '1';
    } catch {
      return false;
    }
  },
  set: (on: boolean) => {
    try {
      if (on) localStorage.setItem(HINT, '1');
      else localStorage.removeItem(HINT);
    } catch {
      /* ignore */
    }
  },
};

/** Whether this browser has signed in before (so asking /auth/me is worthwhile). */
export const hasStaffHint = () => hint.get();

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  const refresh = useCallback(async () => {
    started.current = true;
    setChecking(true);
    try {
      const r = await authApi.me();
      setUser(r.user);
      setError(null);
      hint.set(true);
    } catch (e) {
      setUser(null);
      const unauth = isApiError(e) && e.status === 401;
      if (unauth) hint.set(false);
      setError(unauth ? null : e);
    } finally {
      setChecking(false);
    }
  }, []);

  const ensure = useCallback(() => {
    if (!started.current) void refresh();
  }, [refresh]);

  useEffect(() => {
    if (hint.get()) ensure();
  }, [ensure]);

  const signIn = useCallback(async (username: string, password: string) => {
    const r = await authApi.login(username, password);
    started.current = true;
    hint.set(true);
    setUser(r.user);
    setError(null);
    setChecking(false);
    return r.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      hint.set(false);
      setUser(null);
    }
  }, []);

  return <Ctx.Provider value={{ user, checking, error, ensure, refresh, signIn, signOut }}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** Back-office sections and the roles that see them. */
type SectionKey =
  | 'nav.inbox'
  | 'nav.workspace'
  | 'nav.supervision'
  | 'nav.settlement'
  | 'nav.leader'
  | 'nav.comments'
  | 'nav.sheets'
  | 'nav.settings';
export const SECTIONS: { path: string; key: SectionKey; roles: Role[] }[] = [
  { path: '/admin/inbox', key: 'nav.inbox', roles: ['admin', 'acceptance'] },
  { path: '/admin/workspace', key: 'nav.workspace', roles: ['admin', 'department'] },
  { path: '/admin/supervision', key: 'nav.supervision', roles: ['admin', 'supervisor', 'acceptance'] },
  { path: '/admin/settlement', key: 'nav.settlement', roles: ['admin', 'supervisor', 'leader'] },
  { path: '/admin/leader', key: 'nav.leader', roles: ['admin', 'leader', 'supervisor'] },
  { path: '/admin/comments', key: 'nav.comments', roles: ['admin', 'acceptance', 'supervisor'] },
  { path: '/admin/sheets', key: 'nav.sheets', roles: ['admin', 'acceptance', 'supervisor'] },
  { path: '/admin/settings', key: 'nav.settings', roles: ['admin'] },
];

/** Where each role starts its day. */
const HOME: Record<Role, string> = {
  admin: '/admin/inbox',
  acceptance: '/admin/inbox',
  department: '/admin/workspace',
  supervisor: '/admin/supervision',
  leader: '/admin/leader',
};

export function homeFor(role: Role): string {
  return HOME[role] ?? '/admin/inbox';
}

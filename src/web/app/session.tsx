import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, onUnauthorized, setCsrfToken, unwrap, type Session } from './api';

/** The server's capability names, from the generated API types: a new one appears here by itself. */
export type Capability = Session['capabilities'][number];

type SessionState =
  { status: 'loading' } | { status: 'anonymous' } | { status: 'authenticated'; session: Session };

interface SessionContextValue {
  state: SessionState;
  /** Log in; throws ApiError with the server's message on failure. */
  login: (username: string, password: string) => Promise<Session>;
  logout: () => Promise<void>;
  /** Read /api/auth/me again (after a password change, say). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const { message } = App.useApp();
  const { t } = useTranslation();

  const accept = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'authenticated', session });
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await unwrap(api.GET('/api/auth/me')));
    } catch {
      setCsrfToken('');
      setState({ status: 'anonymous' });
    }
  }, [accept]);

  useEffect(() => {
    let active = true;
    unwrap(api.GET('/api/auth/me')).then(
      (session) => {
        if (active) accept(session);
      },
      () => {
        if (active) setState({ status: 'anonymous' });
      },
    );
    return () => {
      active = false;
    };
  }, [accept]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken('');
        setState({ status: 'anonymous' });
        void message.warning({ content: t('errors.sessionExpired'), key: 'session-expired' });
      }),
    [message, t],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const session = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
      accept(session);
      return session;
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } finally {
      setCsrfToken('');
      setState({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in session; only for components rendered inside RequireAuth. */
export function useCurrentSession(): Session & { can: (capability: Capability) => boolean } {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useCurrentSession without a session');
  const { session } = state;
  return { ...session, can: (capability: Capability) => session.capabilities.includes(capability) };
}

import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LoginResult, Me } from '@zbxx/contracts';
import * as account from '../services/account';
import { AppError, toAppError } from '../services/app-error';

/** What every page needs to know about the person using the app. */
export type SessionState =
  | { kind: 'loading' }
  | { kind: 'error'; error: AppError }
  /** h5 only: no dev identity picked yet, so there is nobody to log in as. */
  | { kind: 'no-identity' }
  | { kind: 'bound'; me: Me }
  | { kind: 'unbound' }
  | { kind: 'pending'; branchName: string };

export interface Session {
  state: SessionState;
  /** Log in again (重试, after switching dev identity, after approval). */
  reload: () => void;
  /** Adopt a fresher result, e.g. what `bind` returned, without another round-trip. */
  update: (result: LoginResult) => void;
}

export interface SessionProviderProps {
  children?: ReactNode;
  login?: () => Promise<LoginResult>;
  /** False when a login cannot be attempted yet (h5 without a chosen identity). */
  canLogin?: () => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function fromLoginResult(result: LoginResult): SessionState {
  switch (result.status) {
    case 'bound':
      return { kind: 'bound', me: result.me };
    case 'pending':
      return { kind: 'pending', branchName: result.branchName };
    case 'unbound':
      return { kind: 'unbound' };
  }
}

/** Logs in once per launch and shares the result with every page. */
export function SessionProvider({ children, login = account.login, canLogin = () => true }: SessionProviderProps) {
  const [state, setState] = useState<SessionState>(() => (canLogin() ? { kind: 'loading' } : { kind: 'no-identity' }));
  // Only the latest login may write state; an older reply arriving late must not overwrite a newer one.
  const generation = useRef(0);

  const reload = useCallback(() => {
    const current = ++generation.current;
    if (!canLogin()) {
      setState({ kind: 'no-identity' });
      return;
    }
    setState({ kind: 'loading' });
    login().then(
      (result) => {
        if (current === generation.current) setState(fromLoginResult(result));
      },
      (error: unknown) => {
        if (current === generation.current) setState({ kind: 'error', error: toAppError(error) });
      },
    );
  }, [login, canLogin]);

  const update = useCallback((result: LoginResult) => {
    generation.current++;
    setState(fromLoginResult(result));
  }, []);

  useEffect(() => {
    reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per launch: later logins happen only through reload() (whose identity follows the props).
  }, []);

  const session = useMemo<Session>(() => ({ state, reload, update }), [state, reload, update]);
  return createElement(SessionContext.Provider, { value: session }, children);
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

import { useCallback, useEffect, useState } from 'react';
import { toAppError, type AppError } from '../services/app-error';

export type AsyncState<T> = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; data: T };

/** Loads once (and again on `reload`): the state a page renders from. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): { state: AsyncState<T>; reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let alive = true;
    setState({ kind: 'loading' });
    load().then(
      (data) => alive && setState({ kind: 'ready', data }),
      (error: unknown) => alive && setState({ kind: 'error', error: toAppError(error) }),
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { state, reload };
}

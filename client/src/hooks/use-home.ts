import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import * as account from '../services/account';
import { toAppError } from '../services/app-error';
import { cardsOf, takeLaunchCards, type HomeCards } from '../services/home-launch';
import type { AsyncState } from './use-async';
import { useSession } from './use-session';

export interface HomeDeps {
  home?: typeof account.home;
  takeLaunch?: () => HomeCards | null;
}

/**
 * 首页's month cards from one `account.home` call: the launch login's when it brought them, otherwise a
 * call of its own; again whenever 首页 shows again (back from reading, checking in). Each reply also
 * refreshes the session (a member unbound meanwhile is sent to the bind page).
 */
export function useHomeCards({ home = account.home, takeLaunch = () => takeLaunchCards() }: HomeDeps = {}): {
  state: AsyncState<HomeCards>;
  reload: () => void;
} {
  const { update } = useSession();
  const [state, setState] = useState<AsyncState<HomeCards>>(() => {
    const cards = takeLaunch();
    return cards ? { kind: 'ready', data: cards } : { kind: 'loading' };
  });
  const latest = useRef(0);
  // 首页 mounts only once the session is bound, which may be after its first show: refresh on a show that
  // follows a hide (back from reading, from the 党日 tab), never on the first one.
  const hidden = useRef(false);

  const reload = useCallback(() => {
    const current = ++latest.current;
    home().then(
      (result) => {
        if (current !== latest.current) return;
        if (result.status === 'bound') setState({ kind: 'ready', data: cardsOf(result) });
        update(account.loginOf(result));
      },
      (error: unknown) => {
        if (current === latest.current)
          setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'error', error: toAppError(error) }));
      },
    );
  }, [home, update]);

  useEffect(() => {
    if (state.kind === 'loading') reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once on mount: later loads come from useDidShow.
  }, []);

  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    reload();
  });

  return { state, reload };
}

import { useEffect, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { Me } from '@zbxx/contracts';
import { useSession } from '../hooks/use-session';
import { sessionRedirect } from '../lib/session-route';
import { relaunch } from '../services/navigation';
import { ErrorState } from './error-state';
import { LoadingSkeleton } from './loading-skeleton';

export interface MemberGateProps {
  /** Rendered once the caller is a bound member. */
  children: (me: Me) => ReactNode;
  navigate?: typeof relaunch;
}

/**
 * Shows a page only to bound members: a skeleton while logging in, 重试 on failure, and anyone else is
 * sent where they belong (bind page, or the dev identity picker in h5).
 */
export function MemberGate({ children, navigate = relaunch }: MemberGateProps) {
  const { state, reload } = useSession();
  const redirect = sessionRedirect(state);

  useEffect(() => {
    if (redirect) navigate(redirect);
  }, [redirect, navigate]);

  switch (state.kind) {
    case 'bound':
      return <>{children(state.me)}</>;
    case 'error':
      return <ErrorState title="登录失败" error={state.error} onRetry={reload} />;
    case 'loading':
      return <LoadingSkeleton />;
    default:
      return <View className="member-gate__redirect">正在跳转…</View>;
  }
}

import { useCallback } from 'react';
import { ROUTES } from '../lib/routes';
import { makeUnboundOpenid, setDevOpenid } from '../services/dev-identity';
import { relaunch } from '../services/navigation';
import { useSession } from './use-session';

/** h5 only: become someone else, log in again as them, and start over at 首页. */
export function useChooseIdentity() {
  const { reload } = useSession();
  const choose = useCallback(
    (openid: string) => {
      setDevOpenid(openid);
      reload();
      relaunch(ROUTES.home);
    },
    [reload],
  );
  const chooseNewUnbound = useCallback(() => choose(makeUnboundOpenid()), [choose]);
  return { choose, chooseNewUnbound };
}

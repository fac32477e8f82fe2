import { useCallback, useEffect, useState } from 'react';
import { groupIdentities, type IdentityGroup } from '../lib/group-identities';
import { toAppError, type AppError } from '../services/app-error';
import { fetchDevIdentities } from '../services/dev-identities';

export type DevIdentitiesState = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; groups: IdentityGroup[] };

/** The identity picker's data: devcloud's demo people, grouped by role. */
export function useDevIdentities(load = fetchDevIdentities): DevIdentitiesState & { reload: () => void } {
  const [state, setState] = useState<DevIdentitiesState>({ kind: 'loading' });

  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    load().then(
      (identities) => setState({ kind: 'ready', groups: groupIdentities(identities) }),
      (error: unknown) => setState({ kind: 'error', error: toAppError(error) }),
    );
  }, [load]);

  useEffect(reload, [reload]);
  return { ...state, reload };
}

import type { ReactNode } from 'react';
import type { Me, Role } from '@zbxx/contracts';
import { MemberGate } from './member-gate';
import { PageFrame } from './page-frame';
import { RoleOnly } from './role-only';

/** A back-office page: the frame, the member's session, and the role it serves (see RoleOnly). */
export function RolePage({ role, children }: { role: Role | ((me: Me) => Role); children: (me: Me) => ReactNode }) {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role={typeof role === 'function' ? role(me) : role}>
            {children(me)}
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}

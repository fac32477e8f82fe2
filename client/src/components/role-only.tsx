import type { ReactNode } from 'react';
import type { Me, Role } from '@zbxx/contracts';
import { ErrorState } from './error-state';
import { AppError } from '../services/app-error';

/** Back-office pages render only for the role they serve; the server checks scope again on every call. */
export function RoleOnly({ me, role, children }: { me: Me; role: Role; children: ReactNode }) {
  if (me.roles.includes(role)) return <>{children}</>;
  return <ErrorState title="无法进入" error={new AppError('AUTH.FORBIDDEN')} />;
}

import { AppError, requireBound, type BoundCaller, type Caller } from '@zbxx/server';

/** Bank and round management: the caller administers a subtree (组织部 or a 党委). */
export function requireAdmin(caller: Caller): BoundCaller {
  const bound = requireBound(caller);
  if (bound.scope.adminOf.length === 0) throw new AppError('AUTH.FORBIDDEN', '仅组织部管理员可以管理题库');
  return bound;
}

/** The bank an admin manages: the one of the highest org they administer. */
export function bankOrgIdOf(admin: BoundCaller): string {
  return admin.scope.adminOf[0] as string;
}

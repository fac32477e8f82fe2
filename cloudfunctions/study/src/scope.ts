import { isInSubtree } from '@zbxx/domain';
import { AppError, orgsRepo, requireBound, type BoundCaller, type Caller, type Db, type OrgDoc } from '@zbxx/server';

/** Admin actions: the caller administers at least one subtree (组织部 or a 党委). */
export function requireAdmin(caller: Caller): BoundCaller {
  const bound = requireBound(caller);
  if (bound.scope.adminOf.length === 0) throw new AppError('AUTH.FORBIDDEN');
  return bound;
}

/** Whether an org path (root … node) lies inside one of the admin's subtrees. */
export function adminCoversPath(admin: BoundCaller, orgPath: readonly string[]): boolean {
  return admin.scope.adminOf.some((rootId) => orgPath.includes(rootId));
}

/** The org, when it exists and lies inside the admin's subtrees; AUTH.FORBIDDEN otherwise (never says which). */
export async function loadAdministeredOrg(db: Db, admin: BoundCaller, orgId: string): Promise<OrgDoc> {
  const [org] = await orgsRepo.findOrgsByIds(db, [orgId]);
  if (!org || !admin.scope.adminOf.some((rootId) => isInSubtree({ id: org._id, ancestors: org.ancestors }, rootId))) {
    throw new AppError('AUTH.FORBIDDEN', '只能为本级及下级党组织安排学习');
  }
  return org;
}

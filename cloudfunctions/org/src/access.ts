import { isPathInSubtree, orgPathOf } from '@zbxx/domain';
import { AppError, orgsRepo, requireBound, type BoundCaller, type Caller, type Db, type MemberDoc, type OrgDoc } from '@zbxx/server';

/**
 * Who may touch what, from the caller's grants (read from the database on every call): an admin their
 * subtrees, a secretary their branches, a member only their own record (through `account`). Records outside
 * the caller's scope answer NOT_FOUND, as if they did not exist.
 */
export function requireAdmin(caller: Caller): BoundCaller {
  const bound = requireBound(caller);
  if (bound.scope.adminOf.length === 0) throw new AppError('AUTH.FORBIDDEN', '仅组织部管理员可以进行此操作');
  return bound;
}

export function requireStaff(caller: Caller): BoundCaller {
  const bound = requireBound(caller);
  if (bound.scope.adminOf.length === 0 && bound.scope.secretaryOf.length === 0) throw new AppError('AUTH.FORBIDDEN');
  return bound;
}

export function adminCoversPath(caller: BoundCaller, orgPath: readonly string[]): boolean {
  return caller.scope.adminOf.some((rootId) => isPathInSubtree(orgPath, rootId));
}

export function adminCoversOrg(caller: BoundCaller, org: OrgDoc): boolean {
  return adminCoversPath(caller, orgPathOf({ id: org._id, ancestors: org.ancestors }));
}

/** Whether the caller sees full phone numbers of this member: admins of the member's subtree only. */
export function seesFullPhone(caller: BoundCaller, member: Pick<MemberDoc, 'orgPath'>): boolean {
  return adminCoversPath(caller, member.orgPath);
}

export async function requireOrgForAdmin(db: Db, caller: BoundCaller, orgId: string): Promise<OrgDoc> {
  const org = await orgsRepo.getOrg(db, orgId);
  if (!org || !adminCoversOrg(caller, org)) throw new AppError('NOT_FOUND', '未找到该组织（或不在您的管理范围内）');
  return org;
}

/** A branch the caller runs: its secretary, or an admin above it. */
export async function requireBranchForStaff(db: Db, caller: BoundCaller, branchId: string): Promise<OrgDoc> {
  const org = await orgsRepo.getOrg(db, branchId);
  const allowed = org !== null && org.type === 'branch' && (caller.scope.secretaryOf.includes(org._id) || adminCoversOrg(caller, org));
  if (!allowed) throw new AppError('NOT_FOUND', '未找到该支部（或不在您的管理范围内）');
  return org;
}

/** The admin's subtree roots without those nested in another (admin of the county and of a 党委 in it). */
export function outermostRoots(caller: BoundCaller, roots: readonly OrgDoc[]): OrgDoc[] {
  const ids = new Set(roots.map((root) => root._id));
  return roots.filter((root) => !root.ancestors.some((id) => ids.has(id)));
}

export function requireMemberForAdmin(caller: BoundCaller, member: MemberDoc | null): MemberDoc {
  if (!member || !adminCoversPath(caller, member.orgPath)) throw new AppError('NOT_FOUND', '未找到该党员（或不在您的管理范围内）');
  return member;
}

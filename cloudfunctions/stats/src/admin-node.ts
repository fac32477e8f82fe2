import type { OrgRef } from '@zbxx/contracts';
import { orgPathOf } from '@zbxx/domain';
import { AppError, orgsRepo, requireBound, type BoundCaller, type Caller, type Db, type OrgDoc } from '@zbxx/server';

export interface AdminNode {
  admin: BoundCaller;
  node: OrgDoc;
  /** County … node. */
  path: string[];
}

/**
 * The org node an admin's view is about: the one asked for, or the root of the admin's (first) subtree.
 * Admins only, and only inside their subtree. One request.
 */
export async function resolveAdminNode(db: Db, caller: Caller, nodeId: string | undefined): Promise<AdminNode> {
  const admin = requireBound(caller);
  const roots = admin.scope.adminOf;
  const id = nodeId ?? roots[0];
  if (!id) throw new AppError('AUTH.FORBIDDEN', '只有组织部管理员可以查看汇总统计');
  const node = await orgsRepo.getOrg(db, id);
  if (!node) throw new AppError('NOT_FOUND', '没有找到这个组织');
  const path = orgPathOf({ id: node._id, ancestors: node.ancestors });
  if (!roots.some((root) => path.includes(root))) throw new AppError('AUTH.FORBIDDEN', '只能查看本级及下级组织的统计');
  return { admin, node: { ...node, _id: id }, path };
}

export function orgRef(org: Pick<OrgDoc, '_id' | 'name' | 'type'>): OrgRef {
  return { id: org._id, name: org.name, type: org.type };
}

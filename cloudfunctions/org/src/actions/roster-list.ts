import type { orgContract } from '@zbxx/contracts';
import { AppError, membersRepo, orgsRepo, type FunctionHandler } from '@zbxx/server';
import { adminCoversOrg, requireBranchForStaff, requireStaff } from '../access';
import { toRosterEntries } from '../views';

/**
 * 花名册: one page of the roster of a node the caller may see (an admin's subtree, a secretary's branch),
 * searched by name or phone digits and filtered. Four requests whatever the roster's size: the node, the
 * page, the total, and the orgs the page names.
 */
export const rosterList: FunctionHandler<typeof orgContract, 'rosterList'> = async (input, { caller, db }) => {
  const me = requireStaff(caller);
  const orgId = input.orgId ?? me.scope.adminOf[0] ?? me.scope.secretaryOf[0]!;
  const org = await orgsRepo.getOrg(db, orgId);
  const visible = org !== null && (adminCoversOrg(me, org) || (org.type === 'branch' && me.scope.secretaryOf.includes(org._id)));
  if (!visible) throw new AppError('NOT_FOUND', '未找到该组织（或不在您的管理范围内）');
  const { items, total } = await membersRepo.queryRoster(
    db,
    { orgId, text: input.query, seesFullPhones: adminCoversOrg(me, org), duty: input.duty, bound: input.bound, role: input.role },
    input.page,
    input.pageSize,
  );
  return { items: await toRosterEntries(db, items, me), total, page: input.page, pageSize: input.pageSize };
};

/** 支部党员: a secretary's view of their branch (phones masked). */
export const branchMembers: FunctionHandler<typeof orgContract, 'branchMembers'> = async (input, { caller, db }) => {
  const me = requireStaff(caller);
  const branch = await requireBranchForStaff(db, me, input.branchId);
  const { items, total } = await membersRepo.queryRoster(
    db,
    { orgId: input.branchId, text: input.query, seesFullPhones: adminCoversOrg(me, branch), bound: input.bound },
    input.page,
    input.pageSize,
  );
  return { items: await toRosterEntries(db, items, me), total, page: input.page, pageSize: input.pageSize };
};

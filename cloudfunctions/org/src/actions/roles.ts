import type { orgContract } from '@zbxx/contracts';
import type { RoleGrant } from '@zbxx/domain';
import { AppError, auditLogRepo, membersRepo, type FunctionContext, type FunctionHandler } from '@zbxx/server';
import { requireAdmin, requireMemberForAdmin, requireOrgForAdmin } from '../access';
import { auditEntry } from '../audit';
import { loadOrgRefs } from '../views';

type RoleInput = { memberId: string; role: 'secretary' | 'admin'; orgId: string };

/**
 * Grants are checked, applied and audited in one transaction on the member document (a concurrent change of
 * the same member's roles conflicts and retries instead of being lost).
 */
async function changeRole(input: RoleInput, ctx: FunctionContext, change: 'assign' | 'revoke') {
  const me = requireAdmin(ctx.caller);
  const { db } = ctx;
  const [member, org] = await Promise.all([membersRepo.getMember(db, input.memberId), requireOrgForAdmin(db, me, input.orgId)]);
  requireMemberForAdmin(me, member);
  if (change === 'assign') {
    if (org.retiredAt) throw new AppError('INPUT.INVALID', '该组织已撤销');
    if (input.role === 'secretary' && (org.type !== 'branch' || member!.branchId !== org._id)) {
      throw new AppError('INPUT.INVALID', '支部书记只能由本支部的党员担任');
    }
    if (input.role === 'admin' && org.type === 'branch') throw new AppError('INPUT.INVALID', '管理员只能设在党委、党总支或组织部');
  } else if (input.role === 'admin' && member!._id === me.member._id) {
    throw new AppError('AUTH.FORBIDDEN', '不能撤销自己的管理员权限');
  }

  const roles = await db.runTransaction(async (tx): Promise<RoleGrant[]> => {
    const fresh = await membersRepo.getMember(tx, input.memberId);
    if (!fresh) throw new AppError('NOT_FOUND');
    const has = fresh.roles.some((g) => g.role === input.role && g.orgId === input.orgId);
    if (change === 'assign' ? has : !has) return fresh.roles;
    const next =
      change === 'assign'
        ? [...fresh.roles, { role: input.role, orgId: input.orgId }]
        : fresh.roles.filter((g) => !(g.role === input.role && g.orgId === input.orgId));
    await membersRepo.updateMember(tx, fresh._id, { roles: next });
    await auditLogRepo.appendAudit(
      tx,
      auditEntry(
        ctx,
        me,
        `role.${change}`,
        { collection: 'members', id: fresh._id },
        { role: input.role, orgId: input.orgId, before: fresh.roles, after: next },
      ),
    );
    return next;
  });
  const refs = await loadOrgRefs(
    db,
    roles.map((g) => g.orgId),
  );
  return {
    memberId: input.memberId,
    roles: roles.map((g) => ({ role: g.role, org: refs.get(g.orgId) ?? { id: g.orgId, name: '', type: org.type } })),
  };
}

/** 任命: secretary of the member's branch, or admin of a subtree within the caller's. */
export const assignRole: FunctionHandler<typeof orgContract, 'assignRole'> = (input, ctx) => changeRole(input, ctx, 'assign');

/** 免去 */
export const revokeRole: FunctionHandler<typeof orgContract, 'revokeRole'> = (input, ctx) => changeRole(input, ctx, 'revoke');

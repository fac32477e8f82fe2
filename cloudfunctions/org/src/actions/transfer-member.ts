import type { orgContract } from '@zbxx/contracts';
import { orgPathOf } from '@zbxx/domain';
import { AppError, auditLogRepo, membersRepo, transfersRepo, type FunctionHandler } from '@zbxx/server';
import { requireAdmin, requireMemberForAdmin, requireOrgForAdmin } from '../access';
import { auditEntry } from '../audit';
import { toOrgRef } from '../views';

/**
 * 组织关系转接: the member moves to another branch of the admin's subtree. The transfer record says when, so
 * records made before count for the old branch and records from now on for the new one. A secretary grant
 * on the old branch ends with the move. Member, transfer and audit entry change in one transaction.
 */
export const transferMember: FunctionHandler<typeof orgContract, 'transferMember'> = async (input, ctx) => {
  const me = requireAdmin(ctx.caller);
  const { db, now } = ctx;
  const [member, target] = await Promise.all([membersRepo.getMember(db, input.memberId), requireOrgForAdmin(db, me, input.toBranchId)]);
  requireMemberForAdmin(me, member);
  if (target.type !== 'branch') throw new AppError('INPUT.INVALID', '只能转入党支部');
  if (target.retiredAt) throw new AppError('INPUT.INVALID', '该支部已撤销');
  if (member!.branchId === target._id) throw new AppError('INPUT.INVALID', '该党员已在这个支部');
  const from = await requireOrgForAdmin(db, me, member!.branchId);
  const toOrgPath = orgPathOf({ id: target._id, ancestors: target.ancestors });

  await db.runTransaction(async (tx) => {
    const fresh = await membersRepo.getMember(tx, member!._id);
    if (!fresh || fresh.branchId !== from._id) throw new AppError('CONFLICT');
    const roles = fresh.roles.filter((g) => !(g.role === 'secretary' && g.orgId === from._id));
    await membersRepo.updateMember(tx, fresh._id, { branchId: target._id, orgPath: toOrgPath, roles });
    await transfersRepo.appendTransfer(tx, {
      memberId: fresh._id,
      fromBranchId: from._id,
      fromOrgPath: fresh.orgPath,
      toBranchId: target._id,
      toOrgPath,
      at: now,
      reason: 'transfer',
      actor: { openid: ctx.openid, memberId: me.member._id },
      requestId: ctx.requestId,
    });
    await auditLogRepo.appendAudit(
      tx,
      auditEntry(
        ctx,
        me,
        'member.transfer',
        { collection: 'members', id: fresh._id },
        { fromBranchId: from._id, toBranchId: target._id, endedRoles: fresh.roles.length - roles.length },
      ),
    );
  });
  return { memberId: member!._id, from: toOrgRef(from), to: toOrgRef(target), at: now.toISOString() };
};

import type { orgContract } from '@zbxx/contracts';
import { generateInviteCode, maskPhone } from '@zbxx/domain';
import {
  AppError,
  auditLogRepo,
  bindingsRepo,
  membersRepo,
  orgsRepo,
  type BoundCaller,
  type FunctionContext,
  type FunctionHandler,
  type OrgDoc,
  type PendingBindingDoc,
} from '@zbxx/server';
import { auditEntry } from '../audit';
import { requireBranchForStaff, requireStaff } from '../access';
import { toOrgRef } from '../views';

async function replaceInviteCode(ctx: FunctionContext, me: BoundCaller, branch: OrgDoc, reason: 'reset' | 'missing'): Promise<string> {
  const inviteCode = generateInviteCode(ctx.random);
  await ctx.db.runTransaction(async (tx) => {
    await orgsRepo.updateOrg(tx, branch._id, { inviteCode });
    await auditLogRepo.appendAudit(tx, auditEntry(ctx, me, 'org.inviteCode.reset', { collection: 'orgs', id: branch._id }, { reason }));
  });
  return inviteCode;
}

function requireActiveBranch(branch: OrgDoc): void {
  if (branch.retiredAt) throw new AppError('INPUT.INVALID', '该支部已撤销');
}

/** 支部邀请码: shown to the branch's secretary (or an admin above), to read out or share in the group. */
export const inviteCode: FunctionHandler<typeof orgContract, 'inviteCode'> = async (input, ctx) => {
  const me = requireStaff(ctx.caller);
  const branch = await requireBranchForStaff(ctx.db, me, input.branchId);
  requireActiveBranch(branch);
  const code = branch.inviteCode ?? (await replaceInviteCode(ctx, me, branch, 'missing'));
  return { branch: toOrgRef(branch), inviteCode: code };
};

/** 重置邀请码: the old code stops working at once (e.g. it leaked outside the branch). */
export const resetInviteCode: FunctionHandler<typeof orgContract, 'resetInviteCode'> = async (input, ctx) => {
  const me = requireStaff(ctx.caller);
  const branch = await requireBranchForStaff(ctx.db, me, input.branchId);
  requireActiveBranch(branch);
  return { branch: toOrgRef(branch), inviteCode: await replaceInviteCode(ctx, me, branch, 'reset') };
};

/** 待审核: join requests made with the branch's invite code, and the branch's unclaimed roster entries. */
export const pendingBindings: FunctionHandler<typeof orgContract, 'pendingBindings'> = async (input, ctx) => {
  const me = requireStaff(ctx.caller);
  await requireBranchForStaff(ctx.db, me, input.branchId);
  const [pending, unclaimed] = await Promise.all([
    bindingsRepo.findPendingByBranch(ctx.db, input.branchId),
    membersRepo.findUnclaimedInBranch(ctx.db, input.branchId),
  ]);
  const byId = new Map(unclaimed.map((m) => [m._id, m]));
  return {
    items: pending.map((binding) => {
      const candidate = binding.candidateMemberId ? byId.get(binding.candidateMemberId) : undefined;
      return {
        openid: binding._id,
        name: binding.name,
        createdAt: new Date(binding.createdAt).toISOString(),
        candidate: candidate ? { memberId: candidate._id, name: candidate.name, phoneMasked: maskPhone(candidate.phone) } : null,
      };
    }),
    unclaimed: unclaimed.map((m) => ({ memberId: m._id, name: m.name, phoneMasked: maskPhone(m.phone) })),
  };
};

async function requirePendingInScope(ctx: FunctionContext, me: BoundCaller, openid: string): Promise<PendingBindingDoc> {
  const binding = await bindingsRepo.getBinding(ctx.db, openid);
  if (!binding || binding.status !== 'pending') throw new AppError('NOT_FOUND', '该申请不存在或已处理');
  await requireBranchForStaff(ctx.db, me, binding.branchId);
  return binding;
}

/**
 * 通过: the request becomes a binding to the roster entry the secretary picked (an unclaimed entry of the
 * same branch). Binding, member and audit entry in one transaction, both re-read, so a request approved twice
 * or an entry claimed meanwhile cannot produce two bindings.
 */
export const approveBinding: FunctionHandler<typeof orgContract, 'approveBinding'> = async (input, ctx) => {
  const me = requireStaff(ctx.caller);
  const pending = await requirePendingInScope(ctx, me, input.openid);
  return ctx.db.runTransaction(async (tx) => {
    const binding = await bindingsRepo.getBinding(tx, input.openid);
    if (!binding || binding.status !== 'pending' || binding.branchId !== pending.branchId)
      throw new AppError('NOT_FOUND', '该申请不存在或已处理');
    const member = await membersRepo.getMember(tx, input.memberId);
    if (!member || member.branchId !== binding.branchId) throw new AppError('NOT_FOUND', '请选择本支部花名册中的党员');
    if (member.openid) throw new AppError('BIND.ALREADY_BOUND', '该党员已绑定其他微信');
    await bindingsRepo.putBinding(tx, { _id: input.openid, status: 'bound', memberId: member._id, method: 'invite', createdAt: ctx.now });
    await membersRepo.markMemberBound(tx, member._id, input.openid, ctx.now);
    await auditLogRepo.appendAudit(
      tx,
      auditEntry(
        ctx,
        me,
        'binding.approve',
        { collection: 'members', id: member._id },
        { openid: input.openid, requestedName: binding.name },
      ),
    );
    return { memberId: member._id, name: member.name };
  });
};

/** 拒绝: the request is removed; the WeChat user is unbound again and may try another way. */
export const declineBinding: FunctionHandler<typeof orgContract, 'declineBinding'> = async (input, ctx) => {
  const me = requireStaff(ctx.caller);
  const pending = await requirePendingInScope(ctx, me, input.openid);
  await ctx.db.runTransaction(async (tx) => {
    const binding = await bindingsRepo.getBinding(tx, input.openid);
    if (!binding || binding.status !== 'pending') throw new AppError('NOT_FOUND', '该申请不存在或已处理');
    await bindingsRepo.removeBinding(tx, input.openid);
    await auditLogRepo.appendAudit(
      tx,
      auditEntry(
        ctx,
        me,
        'binding.decline',
        { collection: 'bindings', id: input.openid },
        { branchId: pending.branchId, requestedName: pending.name },
      ),
    );
  });
  return { openid: input.openid };
};

import type { accountContract, BindInput, BindResult } from '@zbxx/contracts';
import {
  BIND_ATTEMPT_POLICY,
  deriveRoles,
  deriveScope,
  INVITE_REQUEST_POLICY,
  normalizeInviteCode,
  normalizePersonName,
} from '@zbxx/domain';
import {
  AppError,
  auditLogRepo,
  bindingsRepo,
  branchRequestKey,
  chargeAttempt,
  membersRepo,
  nameAttemptKey,
  openidAttemptKey,
  orgsRepo,
  refundAttempt,
  type FunctionContext,
  type FunctionHandler,
  type MemberDoc,
  type OrgDoc,
} from '@zbxx/server';
import { loadMe } from '../me';

type PhoneInput = Extract<BindInput, { method: 'phone' }>;
type InviteInput = Extract<BindInput, { method: 'invite' }>;

/**
 * 绑定: an unbound (or pending) WeChat user claims a roster entry by name + last 4 phone digits, or asks to
 * join a branch with its invite code. Every attempt is charged against the rate limit before it is checked
 * and refunded only when it succeeds.
 */
export const bind: FunctionHandler<typeof accountContract, 'bind'> = async (input, ctx) => {
  if (ctx.caller.status === 'bound') throw new AppError('BIND.ALREADY_BOUND');
  return input.method === 'phone' ? bindByPhone(input, ctx) : requestByInvite(input, ctx);
};

async function bindByPhone(input: PhoneInput, ctx: FunctionContext): Promise<BindResult> {
  const { db, openid, now } = ctx;
  const nameKey = normalizePersonName(input.name);
  // Limited per user and per claimed name: switching WeChat accounts does not buy more guesses at one
  // person's digits. The name key exists whether or not the name is on the roster, so a lock reveals nothing.
  const charge = await chargeAttempt(db, [openidAttemptKey(openid), nameAttemptKey(nameKey)], now, BIND_ATTEMPT_POLICY);

  const candidates = await membersRepo.findMembersByNameAndLast4(db, nameKey, input.phoneLast4);
  // An entry already claimed by another WeChat user gets the same answer as no entry at all.
  const claimable = candidates.filter((member) => !member.openid);
  if (claimable.length > 1) throw new AppError('BIND.NO_MATCH', '匹配到多条党员信息，请使用支部邀请码绑定');
  const target = claimable[0];
  if (!target) throw new AppError('BIND.NO_MATCH');

  const member = await db.runTransaction(async (tx): Promise<MemberDoc> => {
    const binding = await bindingsRepo.getBinding(tx, openid);
    if (binding?.status === 'bound') throw new AppError('BIND.ALREADY_BOUND');
    // Re-read inside the transaction: another user may have claimed the entry since the query above.
    const fresh = await membersRepo.getMember(tx, target._id);
    if (!fresh || fresh.openid) throw new AppError('BIND.NO_MATCH');
    await bindingsRepo.putBinding(tx, { _id: openid, status: 'bound', memberId: fresh._id, method: 'phone', createdAt: now });
    await membersRepo.markMemberBound(tx, fresh._id, openid, now);
    await auditLogRepo.appendAudit(tx, {
      at: now,
      action: 'member.bind',
      actor: { openid, memberId: fresh._id },
      target: { collection: 'members', id: fresh._id },
      details: { method: 'phone', replacedPendingRequest: binding?.status === 'pending' },
      requestId: ctx.requestId,
    });
    return { ...fresh, openid, boundAt: now };
  });
  await refundAttempt(db, charge);

  const caller = { status: 'bound', openid, member, roles: deriveRoles(member.roles), scope: deriveScope(member.roles) } as const;
  return { status: 'bound', me: await loadMe(db, caller, now) };
}

async function requestByInvite(input: InviteInput, ctx: FunctionContext): Promise<BindResult> {
  const { db, openid, now } = ctx;
  const charge = await chargeAttempt(db, [openidAttemptKey(openid)], now, BIND_ATTEMPT_POLICY);

  const branch = await orgsRepo.findBranchByInviteCode(db, normalizeInviteCode(input.inviteCode));
  if (!branch) throw new AppError('BIND.NO_MATCH', '邀请码无效，请向支部书记核对');

  // Charged to the branch before anything is written, refunded if the request fails: a leaked code cannot
  // flood the secretary's list, and a burst cannot slip past the count (see chargeAttempt).
  const branchCharge = await chargeAttempt(db, [branchRequestKey(branch._id)], now, INVITE_REQUEST_POLICY.perBranch).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'AUTH.RATE_LIMITED') throw BRANCH_BUSY();
      throw error;
    },
  );
  try {
    await writeJoinRequest(input, ctx, branch);
  } catch (error) {
    await refundAttempt(db, branchCharge);
    throw error;
  }
  await refundAttempt(db, charge);
  return { status: 'pending', branchName: branch.name };
}

const BRANCH_BUSY = () => new AppError('AUTH.RATE_LIMITED', '该支部待审核的绑定申请较多，请联系支部书记处理后再试');

async function writeJoinRequest(input: InviteInput, ctx: FunctionContext, branch: OrgDoc): Promise<void> {
  const { db, openid, now } = ctx;
  const waiting = await bindingsRepo.findPendingByBranch(db, branch._id, INVITE_REQUEST_POLICY.maxPendingPerBranch + 1);
  if (waiting.filter((request) => request._id !== openid).length >= INVITE_REQUEST_POLICY.maxPendingPerBranch) throw BRANCH_BUSY();
  const nameKey = normalizePersonName(input.name);
  // A same-named unclaimed roster entry is what the secretary will most likely approve: remember it for them.
  const sameName = (await membersRepo.findMembersInBranchByName(db, branch._id, nameKey)).filter((m) => !m.openid);
  const candidateMemberId = sameName.length === 1 ? (sameName[0]?._id ?? null) : null;

  await db.runTransaction(async (tx) => {
    const binding = await bindingsRepo.getBinding(tx, openid);
    if (binding?.status === 'bound') throw new AppError('BIND.ALREADY_BOUND');
    await bindingsRepo.putBinding(tx, {
      _id: openid,
      status: 'pending',
      method: 'invite',
      branchId: branch._id,
      branchName: branch.name,
      name: input.name,
      nameKey,
      candidateMemberId,
      createdAt: now,
    });
    await auditLogRepo.appendAudit(tx, {
      at: now,
      action: 'binding.request',
      actor: { openid, memberId: null },
      target: { collection: 'bindings', id: openid },
      details: { branchId: branch._id, name: input.name, candidateMemberId },
      requestId: ctx.requestId,
    });
  });
}

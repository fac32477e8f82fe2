import type { statsContract } from '@zbxx/contracts';
import { monthOf } from '@zbxx/domain';
import { membersRepo, requireBound, resolveViewableBranch, type FunctionHandler } from '@zbxx/server';
import { branchMonthLines } from './branch-month';
import { remindMembers, remindResult, type RemindTarget } from './send-reminders';

type Handler<K extends keyof typeof statsContract.actions> = FunctionHandler<typeof statsContract, K>;

/**
 * 催学 by a branch's secretary (or an admin whose subtree holds the branch): the members still missing a task
 * of the month (or those named, which must be of the branch: anyone else is ignored), each at most once a day
 * and only with an unused consent. A retried request (same requestId) sends nothing again.
 */
export const remind: Handler<'remind'> = async (input, { caller, db, now }) => {
  const { member: sender } = requireBound(caller);
  const { branch, branchPath } = await resolveViewableBranch(db, caller, input.branchId, '只能催促本支部的党员');
  const month = input.month ?? monthOf(now);
  const lines = await branchMonthLines(db, branch, branchPath, month, now);
  const named = input.memberIds ? new Set(input.memberIds) : null;
  const chosen = lines.filter((line) => (named ? named.has(line.memberId) : line.status.missing.length > 0));

  const openids = new Map(
    (
      await membersRepo.findMembersByIds(
        db,
        chosen.filter((l) => l.status.missing.length > 0).map((l) => l.memberId),
      )
    ).map((m) => [m._id, m.openid ?? null]),
  );
  const targets: RemindTarget[] = chosen.map((line) => ({
    memberId: line.memberId,
    name: line.name,
    branchId: branch._id,
    openid: openids.get(line.memberId) ?? null,
    missing: line.status.missing,
  }));
  const outcomes = await remindMembers(db, targets, { month, now, by: 'secretary', byMemberId: sender._id, requestId: input.requestId });
  return remindResult(month, targets, outcomes);
};

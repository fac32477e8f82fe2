import type { statsContract } from '@zbxx/contracts';
import { membersRepo, resolveViewableBranch, studyRemindersRepo, type FunctionHandler } from '@zbxx/server';

type Handler<K extends keyof typeof statsContract.actions> = FunctionHandler<typeof statsContract, K>;

/** How many sends the log shows: a branch's few dozen members over several months. */
const LOG_SIZE = 200;

/** The 催学 sent to a branch's members (of one month's tasks when a month is named), newest first. */
export const remindLog: Handler<'remindLog'> = async (input, { caller, db }) => {
  const { branch } = await resolveViewableBranch(db, caller, input?.branchId, '只能查看本支部的催学记录');
  const sends = await studyRemindersRepo.findBranchReminders(db, branch._id, input?.month, LOG_SIZE);
  const names = new Map(
    (
      await membersRepo.findMembersByIds(
        db,
        sends.map((s) => s.memberId),
      )
    ).map((m) => [m._id, m.name]),
  );
  return {
    entries: sends.map((send) => ({
      memberId: send.memberId,
      name: names.get(send.memberId) ?? '',
      sentAt: new Date(send.sentAt).toISOString(),
      month: send.month,
      missing: send.missing,
      by: send.by,
    })),
  };
};

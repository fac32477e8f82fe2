import type { accountContract, HomeResult } from '@zbxx/contracts';
import { monthOf } from '@zbxx/domain';
import {
  checkinAttendanceRepo,
  eventSummary,
  homeFactsRepo,
  myAttendance,
  requiredIds,
  studyProgressRepo,
  studySummaryOf,
  type BoundCaller,
  type Db,
  type FunctionHandler,
} from '@zbxx/server';
import { quizCardOf } from '../home/quiz-card';
import { meOf, orgIdsOf } from '../me';

/**
 * 首页 in one call (DESIGN.md: one function call, ≤ 4 database requests). For a bound member: the caller
 * (1), the branch's month — org names, study plans with titles, next 主题党日, quiz rounds — in one aggregate
 * (1), then the member's reading progress and their record of the next event side by side (1 each, skipped
 * when there is nothing to look up). Anyone else gets what login answers.
 */
export const home: FunctionHandler<typeof accountContract, 'home'> = async (_input, { caller, db, now }) => {
  switch (caller.status) {
    case 'bound':
      return homeOf(db, caller, now);
    case 'pending':
      return { status: 'pending', branchName: caller.binding.branchName };
    case 'unbound':
      return { status: 'unbound' };
  }
};

async function homeOf(db: Db, caller: BoundCaller, now: Date): Promise<HomeResult> {
  const { member } = caller;
  const month = monthOf(now);
  const facts = await homeFactsRepo.findHomeReferenceFacts(db, {
    branchId: member.branchId,
    orgPath: member.orgPath,
    orgIds: orgIdsOf(caller),
    month,
    now,
  });
  if (!facts) throw new Error(`member ${member._id}: none of their orgs exists`);
  const next = facts.nextEvents[0] ?? null;
  const required = requiredIds(facts.plans);
  const [progress, attendance] = await Promise.all([
    studyProgressRepo.findProgressOfMember(db, member._id, required),
    next ? checkinAttendanceRepo.getAttendance(db, next._id, member._id) : Promise.resolve(null),
  ]);
  return {
    status: 'bound',
    me: meOf(caller, facts.orgs, now),
    study: studySummaryOf(
      month,
      facts.plans,
      facts.plans.flatMap((plan) => plan.materials),
      progress,
    ),
    partyDay: {
      serverTime: now.toISOString(),
      next: next ? { event: eventSummary(next, now), mine: myAttendance(attendance) } : null,
    },
    quiz: quizCardOf(facts.rounds, now),
  };
}

import type { quizContract } from '@zbxx/contracts';
import { branchAverageScore, memberRankInBranch, rankBranches, type BranchStanding } from '@zbxx/domain';
import { membersRepo, orgsRepo, quizAttemptsRepo, requireBound, type FunctionHandler } from '@zbxx/server';
import { loadMemberRound } from '../round-access';

const MAX_ORGS = 5000;

/**
 * 排行榜: every branch of the round's subtree by participation rate (参学率), with its average score, and the
 * member's rank in their own branch. 6 database requests whatever the county's size: caller, round, the
 * subtree's orgs, members per org, one pipeline of per-branch totals, one of the member's branch.
 */
export const leaderboard: FunctionHandler<typeof quizContract, 'leaderboard'> = async ({ roundId }, { caller, db }) => {
  const { member } = requireBound(caller);
  const round = await loadMemberRound(db, member, roundId);
  const [orgs, counts, totals, mine] = await Promise.all([
    orgsRepo.findDescendants(db, round.orgId),
    membersRepo.countMembersPerOrg(db, round.orgId, MAX_ORGS),
    quizAttemptsRepo.branchTotals(db, round._id, round.grading),
    quizAttemptsRepo.memberScoresInBranch(db, round._id, member.branchId, round.grading),
  ]);
  const totalsByBranch = new Map(totals.map((row) => [row.branchId, row]));
  const branches = orgs.filter((org) => org.type === 'branch' && org.retiredAt === undefined);
  const standings: BranchStanding[] = branches.map((branch) => {
    const memberCount = counts.get(branch._id) ?? 0;
    const total = totalsByBranch.get(branch._id);
    const participants = total?.participants ?? 0;
    return {
      branchId: branch._id,
      memberCount,
      participants,
      participationRate: memberCount === 0 ? null : participants / memberCount,
      averageScore: branchAverageScore(total?.scoreSum ?? 0, participants),
    };
  });
  const nameOf = new Map(branches.map((branch) => [branch._id, branch.name]));
  const ranked = rankBranches(standings, 'participationRate').sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.item.averageScore ?? -1) - (a.item.averageScore ?? -1),
  );
  const myRank = memberRankInBranch(
    mine.map((row) => ({ branchId: member.branchId, memberId: row.memberId, score: row.score })),
    member._id,
  );
  const myScore = mine.find((row) => row.memberId === member._id)?.score;
  return {
    roundId: round._id,
    title: round.title,
    branches: ranked.map(({ rank, item }) => ({
      rank,
      branchId: item.branchId,
      name: nameOf.get(item.branchId) ?? '',
      memberCount: item.memberCount,
      participants: item.participants,
      participationRate: item.participationRate === null ? null : Math.round(item.participationRate * 1000) / 1000,
      averageScore: item.averageScore,
      isMine: item.branchId === member.branchId,
    })),
    myRank: myRank && myScore !== undefined ? { rank: myRank.rank, of: myRank.of, score: myScore } : null,
  };
};

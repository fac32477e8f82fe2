/**
 * Leaderboards (排行榜). Ranks use standard competition ranking: ties share a rank and the next rank skips
 * (1, 2, 2, 4), which is how results are read out in Chinese contests ("并列第二").
 */

export interface BranchRoster {
  branchId: string;
  memberCount: number;
}

/** A member's graded result for the round; score null when they have not finished any attempt. */
export interface MemberRoundResult {
  branchId: string;
  memberId: string;
  score: number | null;
}

export interface BranchStanding {
  branchId: string;
  memberCount: number;
  participants: number;
  /** 参学率: participants ÷ members; null for a branch with no members. */
  participationRate: number | null;
  /** Mean over participants only (non-participants are already in the rate); null below MIN_PARTICIPANTS_FOR_AVERAGE. */
  averageScore: number | null;
}

/**
 * A branch average over fewer people than this is not shown (人数不足): over one participant it is that person's
 * score, over two it gives each one's score to the other. Participation counts are still shown.
 */
export const MIN_PARTICIPANTS_FOR_AVERAGE = 3;

/** A branch's average score, to the hundredth; null when too few took part for it to hide anyone's score. */
export function branchAverageScore(scoreSum: number, participants: number): number | null {
  if (participants < MIN_PARTICIPANTS_FOR_AVERAGE) return null;
  return Math.round((scoreSum / participants) * 100) / 100;
}

export function branchStandings(branches: readonly BranchRoster[], results: readonly MemberRoundResult[]): BranchStanding[] {
  const scoresByBranch = new Map<string, Map<string, number>>();
  for (const result of results) {
    if (result.score === null) continue;
    const scores = scoresByBranch.get(result.branchId) ?? new Map<string, number>();
    scores.set(result.memberId, result.score);
    scoresByBranch.set(result.branchId, scores);
  }
  return branches.map((branch) => {
    const scores = [...(scoresByBranch.get(branch.branchId)?.values() ?? [])];
    const participants = scores.length;
    return {
      branchId: branch.branchId,
      memberCount: branch.memberCount,
      participants,
      participationRate: branch.memberCount === 0 ? null : participants / branch.memberCount,
      averageScore: branchAverageScore(
        scores.reduce((sum, score) => sum + score, 0),
        participants,
      ),
    };
  });
}

export interface Ranked<T> {
  item: T;
  rank: number;
}

/** Highest value first; items whose value is null come last, unranked (rank null is not a tie with anyone). */
export function competitionRanks<T>(items: readonly T[], valueOf: (item: T) => number | null): Ranked<T>[] {
  const withValue = items
    .map((item) => ({ item, value: valueOf(item) }))
    .filter((entry): entry is { item: T; value: number } => entry.value !== null)
    .sort((a, b) => b.value - a.value);
  const ranked: Ranked<T>[] = [];
  withValue.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const tied = previous !== undefined && (withValue[index - 1] as { value: number }).value === entry.value;
    ranked.push({ item: entry.item, rank: tied ? previous.rank : index + 1 });
  });
  return ranked;
}

export type BranchRankingKey = 'participationRate' | 'averageScore';

/** Branches within a subtree ranked by one measure; branches without a value for it are left out. */
export function rankBranches(standings: readonly BranchStanding[], by: BranchRankingKey): Ranked<BranchStanding>[] {
  return competitionRanks(standings, (standing) => standing[by]);
}

export interface MemberRank {
  rank: number;
  /** Members of the branch with a result. */
  of: number;
}

/** A member's rank within their branch; null when they have no result yet. */
export function memberRankInBranch(results: readonly MemberRoundResult[], memberId: string): MemberRank | null {
  const participants = results.filter((result) => result.score !== null);
  const ranked = competitionRanks(participants, (result) => result.score);
  const mine = ranked.find((entry) => entry.item.memberId === memberId);
  return mine === undefined ? null : { rank: mine.rank, of: ranked.length };
}

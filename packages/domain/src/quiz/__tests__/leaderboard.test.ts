import {
  branchAverageScore,
  branchStandings,
  competitionRanks,
  MIN_PARTICIPANTS_FOR_AVERAGE,
  memberRankInBranch,
  rankBranches,
  type MemberRoundResult,
} from '../leaderboard';

const results: MemberRoundResult[] = [
  { branchId: 'b1', memberId: 'm1', score: 90 },
  { branchId: 'b1', memberId: 'm2', score: 80 },
  { branchId: 'b1', memberId: 'm3', score: 80 },
  { branchId: 'b1', memberId: 'm4', score: null },
  { branchId: 'b1', memberId: 'm5', score: 70 },
  { branchId: 'b2', memberId: 'n1', score: 100 },
  { branchId: 'b2', memberId: 'n2', score: 60 },
];
const branches = [
  { branchId: 'b1', memberCount: 10 },
  { branchId: 'b2', memberCount: 4 },
  { branchId: 'b3', memberCount: 0 },
  { branchId: 'b4', memberCount: 5 },
];

describe('branchStandings', () => {
  it('computes participation over members and the average over participants', () => {
    expect(branchStandings(branches, results)).toEqual([
      { branchId: 'b1', memberCount: 10, participants: 4, participationRate: 0.4, averageScore: 80 },
      // Two participants: their average would give each one's score to the other (人数不足).
      { branchId: 'b2', memberCount: 4, participants: 2, participationRate: 0.5, averageScore: null },
      { branchId: 'b3', memberCount: 0, participants: 0, participationRate: null, averageScore: null },
      { branchId: 'b4', memberCount: 5, participants: 0, participationRate: 0, averageScore: null },
    ]);
  });

  it('counts a member listed twice once', () => {
    const [b1] = branchStandings(
      [{ branchId: 'b1', memberCount: 2 }],
      [
        { branchId: 'b1', memberId: 'm1', score: 50 },
        { branchId: 'b1', memberId: 'm1', score: 50 },
      ],
    );
    expect(b1).toMatchObject({ participants: 1, participationRate: 0.5, averageScore: null });
  });
});

describe('branchAverageScore', () => {
  it('hides an average over fewer than MIN_PARTICIPANTS_FOR_AVERAGE people and rounds to the hundredth', () => {
    expect(MIN_PARTICIPANTS_FOR_AVERAGE).toBe(3);
    expect([branchAverageScore(90, 1), branchAverageScore(170, 2), branchAverageScore(260, 3)]).toEqual([null, null, 86.67]);
  });
});

describe('ranks', () => {
  it('share a rank on ties and skip the next (1, 2, 2, 4)', () => {
    expect(competitionRanks([70, 90, 80, 80], (x) => x).map(({ item, rank }) => [item, rank])).toEqual([
      [90, 1],
      [80, 2],
      [80, 2],
      [70, 4],
    ]);
  });

  it('rank branches by a measure, leaving out those without one', () => {
    const standings = branchStandings(branches, results);
    expect(rankBranches(standings, 'participationRate').map(({ item, rank }) => [item.branchId, rank])).toEqual([
      ['b2', 1],
      ['b1', 2],
      ['b4', 3],
    ]);
    expect(rankBranches(standings, 'averageScore').map(({ item, rank }) => [item.branchId, rank])).toEqual([['b1', 1]]);
  });

  it('give a member their rank within the branch', () => {
    const b1 = results.filter((r) => r.branchId === 'b1');
    expect(memberRankInBranch(b1, 'm1')).toEqual({ rank: 1, of: 4 });
    expect(memberRankInBranch(b1, 'm3')).toEqual({ rank: 2, of: 4 });
    expect(memberRankInBranch(b1, 'm5')).toEqual({ rank: 4, of: 4 });
    expect(memberRankInBranch(b1, 'm4')).toBeNull();
  });
});

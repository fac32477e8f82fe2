/**
 * A month's synthetic activity on top of a generated county, for the county-scale statistics benches: the
 * demo county carries one month of history, the benches need every branch's 主题党日 and most members' answers.
 * Every draw comes from the caller's seeded `random`, in a fixed order, so a scenario's data is the same each run.
 */
import type { DemoCollections } from '@zbxx/demo-data';
import type { AttendanceState } from '@zbxx/domain';
import type { AttendanceDoc, CheckinEventDoc, OrgDoc, QuizAttemptDoc } from '@zbxx/server';

type Random = () => number;

/** A day and hour of the month, Shanghai time. */
export const atShanghai = (month: string, day: number, hour: number) =>
  new Date(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);

export function memberIdsByBranch(members: DemoCollections['members']): Map<string, string[]> {
  const byBranch = new Map<string, string[]>();
  for (const m of members) byBranch.set(m.branchId, [...(byBranch.get(m.branchId) ?? []), m._id]);
  return byBranch;
}

/** One closed 主题党日 on the 10th for each branch given; its members 82 % 出席, 6 % 迟到, 6 % 请假, 3 % 补学, 3 % 缺席. */
export function syntheticPartyDays(input: {
  month: string;
  branches: readonly OrgDoc[];
  byBranch: ReadonlyMap<string, readonly string[]>;
  template: CheckinEventDoc;
  random: Random;
}): { checkinEvents: CheckinEventDoc[]; attendance: AttendanceDoc[] } {
  const { month, template, random } = input;
  const checkinEvents: CheckinEventDoc[] = [];
  const attendance: AttendanceDoc[] = [];
  for (const branch of input.branches) {
    const eventId = `ev-bench-${month}-${branch._id}`;
    const startsAt = atShanghai(month, 10, 9);
    checkinEvents.push({
      ...template,
      _id: eventId,
      branchId: branch._id,
      branchName: branch.name,
      orgPath: [...branch.ancestors, branch._id],
      month,
      startsAt,
      endsAt: atShanghai(month, 10, 11),
      checkinOpensAt: atShanghai(month, 10, 8),
      lateAfter: startsAt,
      closedAt: atShanghai(month, 10, 12),
    });
    for (const memberId of input.byBranch.get(branch._id) ?? []) {
      const r = random();
      const state: AttendanceState = r < 0.82 ? 'present' : r < 0.88 ? 'late' : r < 0.94 ? 'excused' : r < 0.97 ? 'madeUp' : 'absent';
      attendance.push({
        _id: `${eventId}_${memberId}`,
        eventId,
        memberId,
        branchId: branch._id,
        state,
        checkedInAt: state === 'present' || state === 'late' ? startsAt : null,
        checkinMethod: null,
        flags: [],
        leaveReason: null,
        history: [],
        updatedAt: startsAt,
      });
    }
  }
  return { checkinEvents, attendance };
}

/**
 * Finished attempts of a round: 80 % of members answer, 30 % of them twice; each question right 3 times in 4,
 * 5 points each. `detailed` keeps the answers and outcomes (what 试题分析 reads); `snapshot` also the paper.
 */
export function syntheticAttempts(input: {
  month: string;
  roundId: string;
  members: DemoCollections['members'];
  questions: DemoCollections['quizQuestions'];
  random: Random;
  detailed: boolean;
  snapshot: boolean;
}): QuizAttemptDoc[] {
  const { month, roundId, questions, random, detailed } = input;
  const attempts: QuizAttemptDoc[] = [];
  for (const member of input.members) {
    if (random() < 0.2) continue;
    const tries = random() < 0.3 ? 2 : 1;
    for (let n = 1; n <= tries; n += 1) {
      const outcomes = questions.map((q) => ({
        questionId: q._id,
        outcome: random() < 0.75 ? ('correct' as const) : ('wrong' as const),
        earned: 0,
        points: 5,
      }));
      const score = outcomes.filter((o) => o.outcome === 'correct').length * 5;
      attempts.push({
        _id: `${roundId}_${member._id}_${n}`,
        roundId,
        memberId: member._id,
        branchId: member.branchId,
        attemptNumber: n,
        finishedAt: atShanghai(month, 12 + n, 20),
        score,
        passed: score >= 60,
        maxScore: 100,
        ...(input.snapshot
          ? {
              items: questions.map((q) => ({
                questionId: q._id,
                type: q.type,
                stem: q.stem,
                options: q.options,
                order: q.options.map((o) => o.id),
                key: q.key,
                points: 5,
                explanation: q.explanation,
                citation: q.citation,
                category: q.category,
              })),
            }
          : {}),
        answers: detailed ? Object.fromEntries(questions.map((q, k) => [q._id, outcomes[k]?.outcome === 'correct' ? q.key : ['C']])) : {},
        outcomes: detailed ? outcomes : null,
      } as unknown as QuizAttemptDoc);
    }
  }
  return attempts;
}

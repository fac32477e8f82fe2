import { monthBounds, monthOf } from '@zbxx/domain';
import type { MemberDoc, QuizAttemptDoc, QuizRoundDoc, StudyPlanDoc, StudyProgressDoc } from '@zbxx/server';
import { DEMO_ROUND_ID } from './quiz-rounds';
import { seededRandom } from './random';

export interface LiveMonthInput {
  members: readonly MemberDoc[];
  studyPlans: readonly StudyPlanDoc[];
  studyProgress: readonly StudyProgressDoc[];
  quizRounds: readonly QuizRoundDoc[];
  today: Date;
  seed: number;
}

export interface LiveMonthCollections {
  studyProgress: StudyProgressDoc[];
  quizAttempts: QuizAttemptDoc[];
}

const HOUR = 3_600_000;
// Members read at about 15 characters a second (packages/domain/src/study/completion.ts): credit a little more.
const SECONDS_PER_CHAR = 1 / 12;

/**
 * The running month as of `today`, for `npm start`'s living demo: about half of the members (never the fixed
 * demo identities, whose month the README describes) have read this month's required materials and answered
 * this month's round, at instants spread between the month's start and an hour before `today`. Adds to
 * `studyProgress` (the demo's own current-month reading stays as it is) and creates `quizAttempts`.
 */
export function generateLiveMonth({ members, studyPlans, studyProgress, quizRounds, today, seed }: LiveMonthInput): LiveMonthCollections {
  const random = seededRandom(seed ^ 0x11fe);
  const month = monthOf(today);
  const { start } = monthBounds(month);
  const span = today.getTime() - HOUR - start.getTime();
  if (span <= 0) return { studyProgress: [...studyProgress], quizAttempts: [] };
  const sometime = () => new Date(start.getTime() + Math.floor(random() * span));
  const round = quizRounds.find((r) => r._id === DEMO_ROUND_ID(month));
  const existing = new Set(studyProgress.map((p) => p._id));
  const progress = [...studyProgress];
  const quizAttempts: QuizAttemptDoc[] = [];
  const plans = studyPlans.filter((p) => p.month === month && p.status === 'published');

  for (const member of members) {
    if (member.openid) continue;
    const required = [...new Set(plans.filter((p) => member.orgPath.includes(p.orgId)).flatMap((p) => p.requiredMaterialIds))];
    const diligence = random();
    for (const materialId of required) {
      const id = `${member._id}_${materialId}`;
      if (existing.has(id)) continue;
      const roll = random();
      if (roll > diligence + 0.15) continue;
      const done = roll < diligence;
      const at = sometime();
      const textLength = 1500;
      const furthest = done ? 1 : 0.2 + random() * 0.6;
      progress.push({
        _id: id,
        memberId: member._id,
        materialId,
        branchId: member.branchId,
        textLength,
        imageCount: 0,
        creditedSeconds: Math.round(textLength * SECONDS_PER_CHAR * furthest),
        furthest,
        position: furthest,
        lastSeenAt: at,
        completedAt: done ? at : null,
        batchIds: [],
        updatedAt: at,
      });
    }
    if (round && random() < 0.55) {
      const finishedAt = sometime();
      const score = 40 + 5 * Math.floor(random() * 13);
      quizAttempts.push({
        _id: `${round._id}_${member._id}_1`,
        roundId: round._id,
        roundTitle: round.title,
        memberId: member._id,
        branchId: member.branchId,
        attemptNumber: 1,
        seed: Math.floor(random() * 2 ** 31),
        startedAt: new Date(finishedAt.getTime() - 9 * 60_000),
        deadline: new Date(finishedAt.getTime() + 11 * 60_000),
        rules: {
          passMark: round.passMark,
          multipleChoice: round.multipleChoice,
          grading: round.grading,
          review: round.review,
          attemptsAllowed: round.attemptsAllowed,
          roundClosesAt: round.closesAt,
        },
        items: [],
        answers: {},
        firstAnsweredAt: {},
        pageHiddenCount: 0,
        finishedAt,
        closedByDeadline: false,
        score,
        maxScore: 100,
        correctCount: score / 5,
        passed: score >= round.passMark,
        outcomes: [],
        updatedAt: finishedAt,
      });
    }
  }
  return { studyProgress: progress, quizAttempts };
}

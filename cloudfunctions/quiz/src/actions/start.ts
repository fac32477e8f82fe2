import { randomBytes } from 'node:crypto';
import type { quizContract } from '@zbxx/contracts';
import { createRng, decideStart, DrawError, drawQuestions, questionPoints, roundFullScore, shuffleOptions } from '@zbxx/domain';
import {
  AppError,
  quizAttemptsRepo,
  quizQuestionsRepo,
  requireBound,
  type Db,
  type FunctionHandler,
  type MemberDoc,
  type QuizAttemptDoc,
  type QuizRoundDoc,
} from '@zbxx/server';
import { closeIfExpired } from '../attempt-access';
import { toPlayAttempt } from '../attempt-view';
import { isDuplicateWrite } from '../duplicate-write';
import { loadMemberRound } from '../round-access';

/**
 * Resumes the open attempt or draws a new paper on the server. Resume: 3 database requests (caller, round,
 * the member's attempts); new: 5 (+ the bank, + the insert). The attempt number is in the attempt's id, so of
 * two concurrent starts only one insert succeeds; the loser re-reads and resumes the winner's attempt.
 */
export const start: FunctionHandler<typeof quizContract, 'start'> = async ({ roundId }, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const round = await loadMemberRound(db, member, roundId);
  for (let tries = 0; tries < 3; tries += 1) {
    const attempts = await Promise.all(
      (await quizAttemptsRepo.findMemberAttempts(db, member._id, round._id)).map((a) => closeIfExpired(db, a, now)),
    );
    const decision = decideStart(
      {
        window: { opensAt: round.opensAt, closesAt: round.closesAt },
        timeLimitSeconds: round.timeLimitSeconds,
        attemptsAllowed: round.attemptsAllowed,
      },
      attempts.map((a) => ({ attemptId: a._id, startedAt: a.startedAt, deadline: a.deadline, finishedAt: a.finishedAt })),
      now,
    );
    if (decision.kind === 'refused') throw new AppError(decision.code, decision.message);
    if (decision.kind === 'resume') {
      const open = attempts.find((a) => a._id === decision.attemptId) as QuizAttemptDoc;
      return toPlayAttempt(open, now);
    }
    const attempt = await drawAttempt(db, round, member, decision.attemptNumber, decision.deadline, now);
    try {
      await quizAttemptsRepo.insertAttempt(db, attempt);
      return toPlayAttempt(attempt, now);
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
  }
  throw new AppError('CONFLICT');
};

async function drawAttempt(
  db: Db,
  round: QuizRoundDoc,
  member: MemberDoc,
  attemptNumber: number,
  deadline: Date,
  now: Date,
): Promise<QuizAttemptDoc> {
  const bank = await quizQuestionsRepo.findDrawable(
    db,
    round.orgPath,
    round.quota.map((entry) => entry.category),
  );
  const seed = randomBytes(4).readUInt32BE(0);
  const rng = createRng(seed);
  let drawn;
  try {
    drawn = drawQuestions(bank.map(quizQuestionsRepo.toQuestion), round.quota, rng);
  } catch (error) {
    if (error instanceof DrawError) throw new AppError('QUIZ.DRAW_IMPOSSIBLE');
    throw error;
  }
  const points = questionPoints(drawn.length, roundFullScore(drawn.length, round.pointsPerQuestion));
  const items = drawn.map((question, index) => ({
    questionId: question.id,
    type: question.type,
    stem: question.stem,
    options: [...question.options],
    order: [...shuffleOptions(question, rng).order],
    key: [...question.key],
    points: points[index]!,
    explanation: question.explanation,
    citation: question.citation,
    category: question.category,
  }));
  return {
    _id: quizAttemptsRepo.attemptId(round._id, member._id, attemptNumber),
    roundId: round._id,
    roundTitle: round.title,
    memberId: member._id,
    branchId: member.branchId,
    attemptNumber,
    seed,
    startedAt: now,
    deadline,
    rules: {
      passMark: round.passMark,
      multipleChoice: round.multipleChoice,
      grading: round.grading,
      review: round.review,
      attemptsAllowed: round.attemptsAllowed,
      roundClosesAt: round.closesAt,
    },
    items,
    answers: {},
    firstAnsweredAt: {},
    pageHiddenCount: 0,
    finishedAt: null,
    closedByDeadline: false,
    score: null,
    maxScore: roundFullScore(items.length, round.pointsPerQuestion),
    correctCount: null,
    passed: null,
    outcomes: null,
    updatedAt: now,
  };
}

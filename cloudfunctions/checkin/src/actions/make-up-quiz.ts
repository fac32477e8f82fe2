import { MAKE_UP_QUIZ_PASS_RATIO, MAKE_UP_QUIZ_SIZE, type checkinContract, type MakeUpQuizStatus } from '@zbxx/contracts';
import { drawQuestions, scoreAttempt, shuffleOptions, toCanonicalAnswer, toPublicQuestion, type OptionId } from '@zbxx/domain';
import {
  AppError,
  checkinAttendanceRepo,
  checkinMakeUpQuizzesRepo,
  quizQuestionsRepo,
  type CheckinEventDoc,
  type Db,
  type MakeUpQuizDoc,
  type MakeUpQuizResultDoc,
} from '@zbxx/server';
import { randomUUID } from 'node:crypto';
import { loadMemberEvent } from '../access';
import type { FunctionHandler } from '@zbxx/server';

type Handler<K extends keyof typeof checkinContract.actions> = FunctionHandler<typeof checkinContract, K>;

/** Every question is worth the same; the paper is out of 100. */
const POINTS_PER_QUESTION = 100 / MAKE_UP_QUIZ_SIZE;
/** Any category: the draw rule is per category, so the whole bank is drawn from as one. */
const ANY_CATEGORY = '*';

const resultView = (result: MakeUpQuizResultDoc) => ({ ...result, submittedAt: new Date(result.submittedAt).toISOString() });

export function makeUpQuizStatus(quiz: MakeUpQuizDoc | null): MakeUpQuizStatus {
  return { passed: Boolean(quiz?.passedAt), last: quiz?.result ? resultView(quiz.result) : null };
}

/** Whether the member's 补学 quiz of this event has been passed (completeMakeUp requires it). */
export async function makeUpQuizPassed(db: Db, eventId: string, memberId: string): Promise<boolean> {
  return Boolean((await checkinMakeUpQuizzesRepo.getMakeUpQuiz(db, eventId, memberId))?.passedAt);
}

/** Only an excused or absent member makes up (and one already made up may look at the result). */
async function requireMakeUpState(db: Db, event: CheckinEventDoc, memberId: string): Promise<void> {
  const record = await checkinAttendanceRepo.getAttendance(db, event._id, memberId);
  if (!record || !['excused', 'absent', 'madeUp'].includes(record.state)) {
    throw new AppError('ATTENDANCE.ILLEGAL_TRANSITION', '只有请假或缺席的党员需要补学');
  }
}

/** A fresh paper from the banks on the event's org path (the event's category if set), drawn by the quiz's own rules, options shuffled. */
async function drawPaper(
  db: Db,
  event: CheckinEventDoc,
  memberId: string,
  previous: MakeUpQuizDoc | null,
  now: Date,
  random: () => number,
): Promise<MakeUpQuizDoc> {
  const counts = await quizQuestionsRepo.countByCategory(db, event.orgPath);
  // The event's category when the bank has enough of it, else the whole bank.
  const themed = counts.find((row) => row.category === event.quizCategory && row.count >= MAKE_UP_QUIZ_SIZE);
  const categories = themed ? [themed.category] : counts.map((row) => row.category);
  const bank =
    categories.length === 0 ? [] : (await quizQuestionsRepo.findDrawable(db, event.orgPath, categories)).map(quizQuestionsRepo.toQuestion);
  if (bank.length === 0) throw new AppError('QUIZ.DRAW_IMPOSSIBLE', '题库暂无题目，无法进行补学测验，请联系支部书记');
  const count = Math.min(MAKE_UP_QUIZ_SIZE, bank.length);
  const drawn = drawQuestions(
    bank.map((q) => ({ ...q, category: ANY_CATEGORY })),
    [{ category: ANY_CATEGORY, count }],
    random,
  );
  const shuffles = drawn.map((question) => shuffleOptions(question, random));
  return {
    _id: checkinMakeUpQuizzesRepo.makeUpQuizId(event._id, memberId),
    eventId: event._id,
    memberId,
    paperId: randomUUID().replace(/-/g, ''),
    items: drawn.map((question, i) => ({
      questionId: question.id,
      type: question.type,
      key: [...question.key],
      points: POINTS_PER_QUESTION,
      order: [...shuffles[i]!.order],
    })),
    questions: drawn.map((question, i) => toPublicQuestion(question, shuffles[i]!, POINTS_PER_QUESTION)),
    result: null,
    passedAt: previous?.passedAt ?? null,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
}

const passMarkOf = (quiz: Pick<MakeUpQuizDoc, 'items'>) => quiz.items.reduce((sum, item) => sum + item.points, 0) * MAKE_UP_QUIZ_PASS_RATIO;

/**
 * 补学测验: the paper to answer. The same unsubmitted paper comes back on every call (no redrawing for easier
 * questions); after a failed submission a new one is drawn. Questions leave only in public form (no key).
 */
export const makeUpQuizStart: Handler<'makeUpQuizStart'> = async (input, { caller, db, now, random }) => {
  const { member, event } = await loadMemberEvent(db, caller, input.eventId);
  const memberId = member.member._id;
  await requireMakeUpState(db, event, memberId);
  let quiz = await checkinMakeUpQuizzesRepo.getMakeUpQuiz(db, event._id, memberId);
  if (!quiz || (quiz.result && !quiz.result.passed)) {
    quiz = await drawPaper(db, event, memberId, quiz, now, random);
    await checkinMakeUpQuizzesRepo.putMakeUpQuiz(db, quiz);
  }
  // Once passed, the passed paper stays (its questions are shown, its key is not).
  return { paperId: quiz.paperId, questions: quiz.questions, passMark: passMarkOf(quiz), quiz: makeUpQuizStatus(quiz) };
};

/**
 * Scores the paper on the server (the quiz's scoring rule, against the key snapshotted at draw time) and
 * records the result once; submitting the same paper again returns the stored result and changes nothing.
 */
export const makeUpQuizSubmit: Handler<'makeUpQuizSubmit'> = async (input, { caller, db, now }) => {
  const { member, event } = await loadMemberEvent(db, caller, input.eventId);
  const quiz = await checkinMakeUpQuizzesRepo.getMakeUpQuiz(db, event._id, member.member._id);
  if (!quiz || quiz.paperId !== input.paperId) throw new AppError('CONFLICT', '试卷已更换，请重新开始补学测验');
  if (quiz.result) return { result: resultView(quiz.result), quiz: makeUpQuizStatus(quiz) };

  const answers: Record<string, OptionId[]> = {};
  for (const item of quiz.items) {
    const labels = input.answers[item.questionId];
    if (!labels) continue;
    const canonical = toCanonicalAnswer({ questionId: item.questionId, order: item.order }, labels);
    if (!canonical) throw new AppError('INPUT.INVALID', '答案中有不存在的选项');
    answers[item.questionId] = canonical;
  }
  const passMark = passMarkOf(quiz);
  const score = scoreAttempt(quiz.items, answers, { multipleChoice: 'allOrNothing', passMark });
  const result: MakeUpQuizResultDoc = {
    score: score.score,
    maxScore: score.maxScore,
    passMark,
    correctCount: score.correctCount,
    passed: score.passed,
    submittedAt: now,
  };
  // A concurrent submit of the same paper may have won: either way, answer with what is stored.
  const { quiz: recorded } = await checkinMakeUpQuizzesRepo.recordMakeUpQuizResult(db, quiz._id, quiz.paperId, result);
  if (!recorded?.result) throw new AppError('CONFLICT', '试卷已更换，请重新开始补学测验');
  return { result: resultView(recorded.result), quiz: makeUpQuizStatus(recorded) };
};

import { MAKE_UP_QUIZ_PASS_RATIO, MAKE_UP_QUIZ_SIZE, type checkinContract, type MakeUpQuizStatus } from '@zbxx/contracts';
import {
  drawQuestions,
  makeUpCategories,
  mayDrawMakeUpPaper,
  scoreAttempt,
  shuffleOptions,
  toCanonicalAnswer,
  toPublicQuestion,
  type AttemptPolicy,
  type OptionId,
} from '@zbxx/domain';
import {
  AppError,
  chargeAttempt,
  checkinAttendanceRepo,
  checkinMakeUpQuizzesRepo,
  quizQuestionsRepo,
  quizRoundsRepo,
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

/** Calls of makeUpQuizStart and makeUpQuizSubmit per member: 3 papers take about 10; a script takes hundreds. */
const MAKE_UP_CALL_POLICY: AttemptPolicy = { maxFailures: 30, windowMs: 10 * 60_000 };

/** Pass or fail only: a score or a count of right answers would tell, paper after paper, which answers were right. */
const resultView = (result: MakeUpQuizResultDoc) => ({ passed: result.passed, submittedAt: new Date(result.submittedAt).toISOString() });

export function makeUpQuizStatus(quiz: MakeUpQuizDoc | null): MakeUpQuizStatus {
  return { passed: Boolean(quiz?.passedAt), last: quiz?.result ? resultView(quiz.result) : null };
}

/** Whether the member's 补学 quiz of this event has been passed (completeMakeUp requires it). */
export async function makeUpQuizPassed(db: Db, eventId: string, memberId: string): Promise<boolean> {
  return Boolean((await checkinMakeUpQuizzesRepo.getMakeUpQuiz(db, eventId, memberId))?.passedAt);
}

/** Only an excused or absent member takes the quiz; once 已补学 there is nothing left to take (and no paper to mine). */
async function requireMakeUpState(db: Db, event: CheckinEventDoc, memberId: string): Promise<void> {
  const record = await checkinAttendanceRepo.getAttendance(db, event._id, memberId);
  if (record?.state === 'madeUp') throw new AppError('ATTENDANCE.ILLEGAL_TRANSITION', '已完成补学，无需再做补学测验');
  if (!record || !['excused', 'absent'].includes(record.state)) {
    throw new AppError('ATTENDANCE.ILLEGAL_TRANSITION', '只有请假或缺席的党员需要补学');
  }
}

/**
 * A fresh paper from the banks on the event's org path, drawn by the quiz's own rules, options shuffled:
 * only from categories no unclosed round draws (the event's category when it alone fills a paper).
 */
async function drawPaper(
  db: Db,
  event: CheckinEventDoc,
  memberId: string,
  previous: MakeUpQuizDoc | null,
  now: Date,
  random: () => number,
): Promise<MakeUpQuizDoc> {
  const [counts, liveRounds] = await Promise.all([
    quizQuestionsRepo.countByCategory(db, event.orgPath),
    quizRoundsRepo.findUnclosedRoundsDrawingFrom(db, event.orgPath, now),
  ]);
  const categories = makeUpCategories(
    counts,
    liveRounds.map((round) => round.quota),
    event.quizCategory,
    MAKE_UP_QUIZ_SIZE,
  );
  const bank =
    categories.length === 0 ? [] : (await quizQuestionsRepo.findDrawable(db, event.orgPath, categories)).map(quizQuestionsRepo.toQuestion);
  if (bank.length === 0) {
    throw new AppError('QUIZ.DRAW_IMPOSSIBLE', '题库中暂无正在进行的答题以外的题目，补学测验无法组卷，请联系支部书记');
  }
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
    papers: papersDrawn(previous) + 1,
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

/** Papers drawn so far (a document from before the count was kept holds one). */
const papersDrawn = (quiz: MakeUpQuizDoc | null) => (quiz ? (quiz.papers ?? 1) : 0);

const passMarkOf = (quiz: Pick<MakeUpQuizDoc, 'items'>) => quiz.items.reduce((sum, item) => sum + item.points, 0) * MAKE_UP_QUIZ_PASS_RATIO;

/**
 * 补学测验: the paper to answer. The same unsubmitted paper comes back on every call (no redrawing for easier
 * questions); after a failed submission a new one is drawn, up to MAKE_UP_PAPERS_PER_EVENT in all. Calls are
 * rate-limited per member. Questions leave only in public form (no key).
 */
export const makeUpQuizStart: Handler<'makeUpQuizStart'> = async (input, { caller, db, now, random }) => {
  const { member, event } = await loadMemberEvent(db, caller, input.eventId);
  const memberId = member.member._id;
  await requireMakeUpState(db, event, memberId);
  await chargeAttempt(db, [`makeup-${memberId}`], now, MAKE_UP_CALL_POLICY);
  let quiz = await checkinMakeUpQuizzesRepo.getMakeUpQuiz(db, event._id, memberId);
  if (!quiz || (quiz.result && !quiz.result.passed)) {
    if (!mayDrawMakeUpPaper(papersDrawn(quiz))) throw new AppError('CHECKIN.MAKEUP_QUIZ_EXHAUSTED');
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
  await requireMakeUpState(db, event, member.member._id);
  await chargeAttempt(db, [`makeup-${member.member._id}`], now, MAKE_UP_CALL_POLICY);
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

import type { quizContract } from '@zbxx/contracts';
import { analyseItems, ITEM_FLAG_LABELS } from '@zbxx/domain';
import { AppError, quizAttemptsRepo, quizQuestionsRepo, quizRoundsRepo, type FunctionHandler } from '@zbxx/server';
import { requireAdmin } from '../admin-access';

/** About a county's members times three attempts. */
const MAX_ATTEMPTS = 60_000;
const TRUE_FALSE_NAMES: Record<string, string> = { T: '对', F: '错' };
const letter = (id: string) => TRUE_FALSE_NAMES[id] ?? id;

/**
 * 试题分析: for every question drawn in a round, how many got it right, whether it separates those who know
 * the regulation from those who don't, and which options were chosen; badly behaving questions are flagged.
 * For the admin whose subtree the round was published to. Right and wrong are what each attempt was scored
 * against (its snapshot); the key shown, and compared with the distractors, is the bank's current one.
 */
export const itemAnalysis: FunctionHandler<typeof quizContract, 'itemAnalysis'> = async ({ roundId }, { caller, db }) => {
  const admin = requireAdmin(caller);
  const round = await quizRoundsRepo.getRound(db, roundId);
  if (!round || !admin.scope.adminOf.some((rootId) => round.orgPath.includes(rootId))) throw new AppError('NOT_FOUND', '未找到该答题活动');
  const attempts = await quizAttemptsRepo.findFinishedForAnalysis(db, round._id, MAX_ATTEMPTS);
  const questionIds = [...new Set(attempts.flatMap((attempt) => (attempt.outcomes ?? []).map((outcome) => outcome.questionId)))];
  const questions = await quizQuestionsRepo.findQuestionsByIds(db, questionIds);
  const byId = new Map(questions.map((q) => [q._id, q]));
  const withKeys = analyseItems(
    attempts.map((attempt) => ({
      attemptId: attempt._id,
      score: attempt.score ?? 0,
      maxScore: attempt.maxScore,
      responses: (attempt.outcomes ?? []).map((outcome) => ({
        questionId: outcome.questionId,
        choice: attempt.answers?.[outcome.questionId] ?? [],
        correct: outcome.outcome === 'correct',
      })),
    })),
    // With the keys, a distractor chosen more often than the key is flagged too.
    Object.fromEntries(questions.map((q) => [q._id, q.key])),
  );
  return {
    roundId: round._id,
    title: round.title,
    attemptsAnalysed: attempts.length,
    items: withKeys.map((item) => {
      const question = byId.get(item.questionId);
      return {
        questionId: item.questionId,
        stem: question?.stem ?? '（题目已删除）',
        category: question?.category ?? '',
        citation: question ? `${question.citation.regulation}${question.citation.article}` : '',
        key: (question?.key ?? []).map(letter).join(''),
        examinees: item.examinees,
        facility: Math.round(item.facility * 1000) / 1000,
        discrimination: item.discrimination === null ? null : Math.round(item.discrimination * 1000) / 1000,
        optionCounts: Object.fromEntries(Object.entries(item.optionCounts).map(([id, count]) => [letter(id), count])),
        unanswered: item.unanswered,
        flags: item.flags.map((flag) => ITEM_FLAG_LABELS[flag]),
      };
    }),
  };
};

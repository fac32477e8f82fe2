import type { QuizItemAnalysis } from '@zbxx/contracts';
import { ItemAnalysisAccumulator, ITEM_FLAG_LABELS, type AnalysedAttempt } from '@zbxx/domain';
import type { Db } from './db';
import { eachFinishedForAnalysis, type AttemptForAnalysis } from './repositories/quiz-attempts';
import { findQuestionsByIds } from './repositories/quiz-questions';

/** About a county's members times three attempts. */
export const MAX_ANALYSED_ATTEMPTS = 60_000;
const TRUE_FALSE_NAMES: Record<string, string> = { T: '对', F: '错' };
const letter = (id: string) => TRUE_FALSE_NAMES[id] ?? id;

/**
 * 试题分析 of one round, as the quiz function's item-analysis page and the statistics export show it: for every
 * question drawn, how many got it right, whether it separates those who know the regulation from those who
 * don't, and which options were chosen; badly behaving questions are flagged. Right and wrong are what each
 * attempt was scored against (its snapshot); the key shown, and compared with the distractors, is the bank's
 * current one. Two requests plus one per 1000 attempts; each page is folded into the analysis and dropped, so
 * memory grows by the attempt's id, score and 4 bytes per question it answered (about 10 MB for 60,000 attempts of
 * 20 questions), not by the attempts themselves.
 */
export async function analyseRoundItems(
  db: Db,
  roundId: string,
  maxAttempts = MAX_ANALYSED_ATTEMPTS,
): Promise<Pick<QuizItemAnalysis, 'attemptsAnalysed' | 'items'>> {
  const accumulator = new ItemAnalysisAccumulator();
  await eachFinishedForAnalysis(db, roundId, maxAttempts, (attempt) => accumulator.add(analysedAttemptOf(attempt)));
  const questions = await findQuestionsByIds(db, accumulator.questionIds());
  const byId = new Map(questions.map((q) => [q._id, q]));
  // With the keys, a distractor chosen more often than the key is flagged too.
  const analysed = accumulator.result(Object.fromEntries(questions.map((q) => [q._id, q.key])));
  return {
    attemptsAnalysed: accumulator.attempts,
    items: analysed.map((item) => {
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
        options: (question?.options ?? []).map((option) => ({ id: letter(option.id), text: option.text })),
        optionCounts: Object.fromEntries(Object.entries(item.optionCounts).map(([id, count]) => [letter(id), count])),
        unanswered: item.unanswered,
        flags: item.flags.map((flag) => ITEM_FLAG_LABELS[flag]),
      };
    }),
  };
}

function analysedAttemptOf(attempt: AttemptForAnalysis): AnalysedAttempt {
  return {
    attemptId: attempt._id,
    score: attempt.score ?? 0,
    maxScore: attempt.maxScore,
    responses: (attempt.outcomes ?? []).map((outcome) => ({
      questionId: outcome.questionId,
      choice: attempt.answers?.[outcome.questionId] ?? [],
      correct: outcome.outcome === 'correct',
    })),
  };
}

/**
 * Scoring (判分), always on the server against the key snapshotted into the attempt at draw time, so editing a
 * question later never changes an attempt already scored.
 *
 * Single choice and true/false: exactly the key, or nothing.
 * Multiple choice, per the round's setting:
 *   - allOrNothing: the selection must equal the key.
 *   - partial (少选得部分分, 错选不得分): any wrong option selected → 0; otherwise
 *     points × (correct options selected ÷ options in the key), rounded DOWN to 0.01 so partial credit
 *     never exceeds the fraction earned. Selecting every key option is full marks ("correct").
 * Points are kept as integer hundredths while summing, so totals never drift (0.1 + 0.2).
 */
import type { OptionId, QuestionType } from './question';

export type MultipleChoiceScoring = 'allOrNothing' | 'partial';

/** One question of a stored paper, as scoring sees it. */
export interface ScorableItem {
  questionId: string;
  type: QuestionType;
  key: readonly OptionId[];
  points: number;
}

export type ScoreOutcome = 'correct' | 'partial' | 'wrong' | 'unanswered';

export interface QuestionScore {
  questionId: string;
  outcome: ScoreOutcome;
  earned: number;
  points: number;
}

export interface AttemptScore {
  items: QuestionScore[];
  score: number;
  maxScore: number;
  correctCount: number;
  passed: boolean;
}

export interface ScoringRules {
  multipleChoice: MultipleChoiceScoring;
  /** Pass mark in points (及格分), compared as score ≥ passMark. */
  passMark: number;
}

/**
 * A round's full marks: every question weighs the same, and the round totals a whole number of points (100 for
 * a round set up in the usual way; 3 × 33.33 is 100, not 99.99). The one rule every view of a round uses.
 */
export function roundFullScore(questionCount: number, pointsPerQuestion: number): number {
  return Math.round(questionCount * pointsPerQuestion);
}

/**
 * The points of each of `count` questions sharing `fullScore`, in whole hundredths that add up to it exactly:
 * the first `remainder` questions carry one hundredth more (100 over 3 → 33.34, 33.33, 33.33). So a paper
 * answered all right scores exactly full marks, and partial credit is never rounded up.
 */
export function questionPoints(count: number, fullScore: number): number[] {
  if (count <= 0) return [];
  const total = toHundredths(fullScore);
  const base = Math.floor(total / count);
  const remainder = total - base * count;
  return Array.from({ length: count }, (_, i) => fromHundredths(base + (i < remainder ? 1 : 0)));
}

const toHundredths = (points: number): number => Math.round(points * 100);
const fromHundredths = (hundredths: number): number => hundredths / 100;

function scoreInHundredths(
  item: ScorableItem,
  answer: readonly OptionId[] | undefined,
  multipleChoice: MultipleChoiceScoring,
): { outcome: ScoreOutcome; earned: number } {
  const full = toHundredths(item.points);
  const chosen = new Set(answer ?? []);
  if (chosen.size === 0) return { outcome: 'unanswered', earned: 0 };
  const key = new Set(item.key);
  const wrongChosen = [...chosen].some((id) => !key.has(id));
  const rightChosen = [...chosen].filter((id) => key.has(id)).length;
  if (!wrongChosen && rightChosen === key.size) return { outcome: 'correct', earned: full };
  if (item.type !== 'multiple' || multipleChoice === 'allOrNothing' || wrongChosen) {
    return { outcome: 'wrong', earned: 0 };
  }
  return { outcome: 'partial', earned: Math.floor((full * rightChosen) / key.size) };
}

export function scoreQuestion(
  item: ScorableItem,
  answer: readonly OptionId[] | undefined,
  multipleChoice: MultipleChoiceScoring,
): QuestionScore {
  const { outcome, earned } = scoreInHundredths(item, answer, multipleChoice);
  return { questionId: item.questionId, outcome, earned: fromHundredths(earned), points: item.points };
}

/** Scores a whole paper; answers are canonical ids keyed by question id (missing = unanswered). */
export function scoreAttempt(
  items: readonly ScorableItem[],
  answers: Readonly<Record<string, readonly OptionId[] | undefined>>,
  rules: ScoringRules,
): AttemptScore {
  let earned = 0;
  let max = 0;
  const scored: QuestionScore[] = [];
  for (const item of items) {
    const result = scoreInHundredths(item, answers[item.questionId], rules.multipleChoice);
    earned += result.earned;
    max += toHundredths(item.points);
    scored.push({ questionId: item.questionId, outcome: result.outcome, earned: fromHundredths(result.earned), points: item.points });
  }
  const score = fromHundredths(earned);
  return {
    items: scored,
    score,
    maxScore: fromHundredths(max),
    correctCount: scored.filter((item) => item.outcome === 'correct').length,
    passed: earned >= toHundredths(rules.passMark),
  };
}

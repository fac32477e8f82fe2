/**
 * Item analysis (试题分析) for the organisation department: which questions are too easy, too hard, or don't
 * separate those who know the regulations from those who don't (often a sign of an ambiguous stem or a wrong key).
 *
 * Facility index p: the share of examinees who got the question fully correct (partial credit and unanswered
 * count as not correct). Examinees of a question are the attempts whose paper included it (draws differ).
 *
 * Discrimination index D (Kelley's upper–lower 27% method): among the examinees of the question, rank attempts
 * by total score ratio (score ÷ max score, so papers of different sizes compare), ties broken by attempt id for
 * a reproducible split; the upper group is the top n = round(0.27 × N) (at least 1), the lower group the bottom
 * n; D = p(upper) − p(lower). The total includes the item itself (uncorrected), as in the classical method.
 * D is null below `minExaminees`, where the groups are too small to mean anything.
 */
import type { OptionId } from './question';

export interface ItemResponse {
  questionId: string;
  /** Canonical option ids chosen; [] when unanswered. */
  choice: readonly OptionId[];
  /** Full credit (outcome 'correct'). */
  correct: boolean;
}

export interface AnalysedAttempt {
  attemptId: string;
  score: number;
  maxScore: number;
  responses: readonly ItemResponse[];
}

export type ItemFlag =
  | 'TOO_EASY'
  | 'TOO_HARD'
  | 'LOW_DISCRIMINATION'
  | 'NEGATIVE_DISCRIMINATION'
  /** A single wrong option was chosen more often than the key: check the key. */
  | 'DISTRACTOR_OUTDRAWS_KEY';

export interface ItemStats {
  questionId: string;
  examinees: number;
  correct: number;
  facility: number;
  groupSize: number;
  upperFacility: number | null;
  lowerFacility: number | null;
  discrimination: number | null;
  /** How many examinees chose each option (a multiple-choice answer counts for each option in it). */
  optionCounts: Record<OptionId, number>;
  unanswered: number;
  flags: ItemFlag[];
}

export interface ItemAnalysisOptions {
  /** Below this many examinees, D is null and no flags are raised. */
  minExaminees: number;
  tooEasyAbove: number;
  tooHardBelow: number;
  lowDiscriminationBelow: number;
  groupShare: number;
}

export const DEFAULT_ITEM_ANALYSIS_OPTIONS: ItemAnalysisOptions = {
  minExaminees: 10,
  tooEasyAbove: 0.95,
  tooHardBelow: 0.2,
  lowDiscriminationBelow: 0.2,
  groupShare: 0.27,
};

interface Examinee {
  attemptId: string;
  ratio: number;
  response: ItemResponse;
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

function facilityOf(examinees: readonly Examinee[]): number {
  return share(examinees.filter((examinee) => examinee.response.correct).length, examinees.length);
}

/**
 * Per-question statistics; `keys` (canonical key per question id) enables the DISTRACTOR_OUTDRAWS_KEY check.
 * Questions come back sorted by id.
 */
export function analyseItems(
  attempts: readonly AnalysedAttempt[],
  keys: Readonly<Record<string, readonly OptionId[]>> = {},
  options: ItemAnalysisOptions = DEFAULT_ITEM_ANALYSIS_OPTIONS,
): ItemStats[] {
  const byQuestion = new Map<string, Examinee[]>();
  for (const attempt of attempts) {
    const ratio = share(attempt.score, attempt.maxScore);
    for (const response of attempt.responses) {
      const list = byQuestion.get(response.questionId) ?? [];
      list.push({ attemptId: attempt.attemptId, ratio, response });
      byQuestion.set(response.questionId, list);
    }
  }
  return [...byQuestion.keys()].sort().map((questionId) => {
    const examinees = byQuestion.get(questionId) ?? [];
    return statsOf(questionId, examinees, keys[questionId], options);
  });
}

function statsOf(
  questionId: string,
  examinees: readonly Examinee[],
  key: readonly OptionId[] | undefined,
  options: ItemAnalysisOptions,
): ItemStats {
  const n = examinees.length;
  const correct = examinees.filter((examinee) => examinee.response.correct).length;
  const facility = share(correct, n);
  const optionCounts: Record<OptionId, number> = {};
  let unanswered = 0;
  for (const { response } of examinees) {
    if (response.choice.length === 0) unanswered += 1;
    for (const id of new Set(response.choice)) optionCounts[id] = (optionCounts[id] ?? 0) + 1;
  }

  const enough = n >= options.minExaminees && n > 0;
  const groupSize = n === 0 ? 0 : Math.max(1, Math.round(options.groupShare * n));
  const ranked = [...examinees].sort(
    (a, b) => b.ratio - a.ratio || (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0),
  );
  const upperFacility = enough ? facilityOf(ranked.slice(0, groupSize)) : null;
  const lowerFacility = enough ? facilityOf(ranked.slice(n - groupSize)) : null;
  const discrimination = upperFacility === null || lowerFacility === null ? null : upperFacility - lowerFacility;

  const flags: ItemFlag[] = [];
  if (enough) {
    if (facility > options.tooEasyAbove) flags.push('TOO_EASY');
    if (facility < options.tooHardBelow) flags.push('TOO_HARD');
    if (discrimination !== null && discrimination < 0) flags.push('NEGATIVE_DISCRIMINATION');
    else if (discrimination !== null && discrimination < options.lowDiscriminationBelow) flags.push('LOW_DISCRIMINATION');
    if (key !== undefined && key.length > 0) {
      const keyDraw = Math.min(...key.map((id) => optionCounts[id] ?? 0));
      const strongestDistractor = Math.max(
        0,
        ...Object.entries(optionCounts)
          .filter(([id]) => !key.includes(id))
          .map(([, count]) => count),
      );
      if (strongestDistractor > keyDraw) flags.push('DISTRACTOR_OUTDRAWS_KEY');
    }
  }
  return {
    questionId,
    examinees: n,
    correct,
    facility,
    groupSize,
    upperFacility,
    lowerFacility,
    discrimination,
    optionCounts,
    unanswered,
    flags,
  };
}

export const ITEM_FLAG_LABELS: Record<ItemFlag, string> = {
  TOO_EASY: '过于容易',
  TOO_HARD: '过难',
  LOW_DISCRIMINATION: '区分度低',
  NEGATIVE_DISCRIMINATION: '区分度为负（高分者反而答错更多）',
  DISTRACTOR_OUTDRAWS_KEY: '干扰项选择人数多于正确答案，请核对答案',
};

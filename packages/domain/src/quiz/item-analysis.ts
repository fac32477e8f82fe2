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

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/**
 * Per-question statistics; `keys` (canonical key per question id) enables the DISTRACTOR_OUTDRAWS_KEY check.
 * Questions come back sorted by id.
 */
export function analyseItems(
  attempts: readonly AnalysedAttempt[],
  keys: Readonly<Record<string, readonly OptionId[]>> = {},
  options: ItemAnalysisOptions = DEFAULT_ITEM_ANALYSIS_OPTIONS,
): ItemStats[] {
  const accumulator = new ItemAnalysisAccumulator();
  for (const attempt of attempts) accumulator.add(attempt);
  return accumulator.result(keys, options);
}

interface QuestionTally {
  questionId: string;
  examinees: number;
  correct: number;
  optionCounts: Record<OptionId, number>;
  unanswered: number;
}

/** A growable column of small integers: 4 bytes per value instead of an object per response. */
class Int32Column {
  private values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    this.length += 1;
  }

  at(index: number): number {
    return this.values[index] ?? 0;
  }
}

/**
 * `analyseItems` one attempt at a time, so a round's attempts can be read page by page and dropped: counts and
 * option tallies are summed as attempts arrive; for the upper/lower groups, which need every examinee's rank,
 * each attempt leaves only its id, its score ratio and one 4-byte integer per response (question number and
 * whether it was correct): about 150 bytes for a paper of 20 questions, where the attempt itself took
 * kilobytes. The result is exactly `analyseItems` of the same attempts in the same order (scores must be finite,
 * `groupShare` at most 1).
 */
export class ItemAnalysisAccumulator {
  private readonly tallies: QuestionTally[] = [];
  private readonly questionNumbers = new Map<string, number>();
  private readonly attemptIds: string[] = [];
  private readonly ratios: number[] = [];
  /** Per attempt, where its responses end in `responses`. */
  private readonly responseEnds = new Int32Column();
  /** Per response, question number × 2 + 1 if correct. */
  private readonly responses = new Int32Column();

  get attempts(): number {
    return this.attemptIds.length;
  }

  add(attempt: AnalysedAttempt): void {
    this.attemptIds.push(attempt.attemptId);
    this.ratios.push(share(attempt.score, attempt.maxScore));
    for (const response of attempt.responses) {
      const number = this.questionNumber(response.questionId);
      const tally = this.tallies[number] as QuestionTally;
      tally.examinees += 1;
      if (response.correct) tally.correct += 1;
      if (response.choice.length === 0) tally.unanswered += 1;
      for (const id of new Set(response.choice)) tally.optionCounts[id] = (tally.optionCounts[id] ?? 0) + 1;
      this.responses.push(number * 2 + (response.correct ? 1 : 0));
    }
    this.responseEnds.push(this.responses.length);
  }

  /** Every question met so far, in the order first met. */
  questionIds(): string[] {
    return this.tallies.map((tally) => tally.questionId);
  }

  /** The statistics of the attempts added so far (callable again: it changes nothing). */
  result(
    keys: Readonly<Record<string, readonly OptionId[]>> = {},
    options: ItemAnalysisOptions = DEFAULT_ITEM_ANALYSIS_OPTIONS,
  ): ItemStats[] {
    const groups = this.groupCorrect(options);
    return [...this.questionNumbers.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([questionId, number]) =>
        statsOf(this.tallies[number] as QuestionTally, groups.upper[number] ?? 0, groups.lower[number] ?? 0, keys[questionId], options),
      );
  }

  private questionNumber(questionId: string): number {
    let number = this.questionNumbers.get(questionId);
    if (number === undefined) {
      number = this.tallies.length;
      this.questionNumbers.set(questionId, number);
      this.tallies.push({ questionId, examinees: 0, correct: 0, optionCounts: {}, unanswered: 0 });
    }
    return number;
  }

  /**
   * Correct answers in each question's upper and lower group. A question's examinees ranked among themselves
   * are all attempts ranked once, restricted to those examinees (the sort is stable and the order total), so
   * one walk down the overall ranking finds every question's groups.
   */
  private groupCorrect(options: ItemAnalysisOptions): { upper: Int32Array; lower: Int32Array } {
    const { attemptIds, ratios } = this;
    const ranked = attemptIds
      .map((_, index) => index)
      .sort((a, b) => (ratios[b] as number) - (ratios[a] as number) || compareIds(attemptIds[a] as string, attemptIds[b] as string));
    const sizes = this.tallies.map((tally) => groupSizeOf(tally.examinees, options));
    const seen = new Int32Array(this.tallies.length);
    const upper = new Int32Array(this.tallies.length);
    const lower = new Int32Array(this.tallies.length);
    for (const attempt of ranked) {
      const end = this.responseEnds.at(attempt);
      for (let r = attempt === 0 ? 0 : this.responseEnds.at(attempt - 1); r < end; r += 1) {
        const code = this.responses.at(r);
        const number = code >> 1;
        const position = seen[number] ?? 0;
        seen[number] = position + 1;
        if ((code & 1) === 0) continue;
        const size = sizes[number] ?? 0;
        if (position < size) upper[number] = (upper[number] ?? 0) + 1;
        if (position >= (this.tallies[number] as QuestionTally).examinees - size) lower[number] = (lower[number] ?? 0) + 1;
      }
    }
    return { upper, lower };
  }
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const groupSizeOf = (n: number, options: ItemAnalysisOptions): number => (n === 0 ? 0 : Math.max(1, Math.round(options.groupShare * n)));

/** What makes a question worth a second look, from its figures (the same rule whatever computed them). */
export function itemFlags(
  figures: { enough: boolean; facility: number; discrimination: number | null; optionCounts: Readonly<Record<string, number>> },
  key: readonly OptionId[] | undefined,
  options: ItemAnalysisOptions,
): ItemFlag[] {
  const { enough, facility, discrimination, optionCounts } = figures;
  const flags: ItemFlag[] = [];
  if (!enough) return flags;
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
  return flags;
}

function statsOf(
  tally: QuestionTally,
  upperCorrect: number,
  lowerCorrect: number,
  key: readonly OptionId[] | undefined,
  options: ItemAnalysisOptions,
): ItemStats {
  const { questionId, examinees: n, correct, optionCounts, unanswered } = tally;
  const facility = share(correct, n);
  const enough = n >= options.minExaminees && n > 0;
  const groupSize = groupSizeOf(n, options);
  const upperFacility = enough ? share(upperCorrect, groupSize) : null;
  const lowerFacility = enough ? share(lowerCorrect, groupSize) : null;
  const discrimination = upperFacility === null || lowerFacility === null ? null : upperFacility - lowerFacility;

  const flags = itemFlags({ enough, facility, discrimination, optionCounts }, key, options);
  return {
    questionId,
    examinees: n,
    correct,
    facility,
    groupSize,
    upperFacility,
    lowerFacility,
    discrimination,
    optionCounts: { ...optionCounts },
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

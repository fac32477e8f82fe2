/**
 * Fair-play signals (诚信提示) shown to the secretary next to a score. They are flags, never verdicts: a member
 * may have taken a phone call (page hidden) or answered offline and synced late (answers look fast).
 */

/** The text a member has to read to answer; what the minimum time scales with. */
export interface ReadableQuestion {
  id: string;
  stem: string;
  options: readonly { text: string }[];
}

export interface MinimumTimeParams {
  /** Fixed cost of any answer: look, decide, tap. */
  baseMs: number;
  /** Per non-blank character of stem and options. */
  msPerChar: number;
}

/**
 * 25 ms per character is 40 characters a second, several times faster than skimming Chinese (people read
 * roughly 5–10 per second): only answers nobody could have read get flagged.
 */
export const DEFAULT_MINIMUM_TIME: MinimumTimeParams = { baseMs: 1000, msPerChar: 25 };

function readableChars(text: string): number {
  return Array.from(text.replace(/\s+/gu, '')).length;
}

/** The least time a member plausibly needs to read and answer a question. */
export function minPlausibleAnswerMs(question: ReadableQuestion, params = DEFAULT_MINIMUM_TIME): number {
  const chars = readableChars(question.stem) + question.options.reduce((sum, option) => sum + readableChars(option.text), 0);
  return params.baseMs + params.msPerChar * chars;
}

/** The first save of a question's answer, timed by the server (later changes are revisions, not reading). */
export interface AnswerEvent {
  questionId: string;
  at: Date;
}

export interface FairPlayInput {
  startedAt: Date;
  finishedAt: Date;
  questions: readonly ReadableQuestion[];
  answerEvents: readonly AnswerEvent[];
  /** How often the quiz page was left during the attempt (onHide), as reported by the client. */
  pageHiddenCount: number;
}

export interface FairPlayThresholds {
  /** Flag when at least this many answers came faster than their minimum. */
  fastAnswers: number;
  /** Flag when the page was hidden at least this often. */
  pageHidden: number;
  minimumTime: MinimumTimeParams;
}

export const DEFAULT_FAIR_PLAY_THRESHOLDS: FairPlayThresholds = {
  fastAnswers: 3,
  pageHidden: 1,
  minimumTime: DEFAULT_MINIMUM_TIME,
};

export type FairPlayFlag =
  | { code: 'FAST_ANSWERS'; count: number; questionIds: string[] }
  | { code: 'FAST_ATTEMPT'; elapsedMs: number; minimumMs: number }
  | { code: 'PAGE_HIDDEN'; count: number };

/**
 * FAST_ANSWERS: a question's time is measured from the previous first-answer (or the start) to its own first
 * answer. FAST_ATTEMPT: the whole attempt took less than the sum of the minimums of the questions answered;
 * it still catches a member whose answers were batched, where per-question gaps mean little.
 */
export function fairPlayFlags(input: FairPlayInput, thresholds: FairPlayThresholds = DEFAULT_FAIR_PLAY_THRESHOLDS): FairPlayFlag[] {
  const minimumById = new Map(input.questions.map((question) => [question.id, minPlausibleAnswerMs(question, thresholds.minimumTime)]));
  const firstAnswers = new Map<string, number>();
  for (const event of input.answerEvents) {
    const at = event.at.getTime();
    const seen = firstAnswers.get(event.questionId);
    if (minimumById.has(event.questionId) && (seen === undefined || at < seen)) firstAnswers.set(event.questionId, at);
  }
  const ordered = [...firstAnswers.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const fast: string[] = [];
  let previous = input.startedAt.getTime();
  for (const [questionId, at] of ordered) {
    if (at - previous < (minimumById.get(questionId) ?? 0)) fast.push(questionId);
    previous = at;
  }

  const flags: FairPlayFlag[] = [];
  if (fast.length >= thresholds.fastAnswers) flags.push({ code: 'FAST_ANSWERS', count: fast.length, questionIds: fast });
  const elapsedMs = input.finishedAt.getTime() - input.startedAt.getTime();
  const minimumMs = ordered.reduce((sum, [questionId]) => sum + (minimumById.get(questionId) ?? 0), 0);
  if (ordered.length > 0 && elapsedMs < minimumMs) flags.push({ code: 'FAST_ATTEMPT', elapsedMs, minimumMs });
  if (input.pageHiddenCount >= thresholds.pageHidden) flags.push({ code: 'PAGE_HIDDEN', count: input.pageHiddenCount });
  return flags;
}

/** Chinese text for the secretary's result list. */
export function describeFairPlayFlag(flag: FairPlayFlag): string {
  switch (flag.code) {
    case 'FAST_ANSWERS':
      return `${flag.count} 题作答快于正常阅读所需时间`;
    case 'FAST_ATTEMPT':
      return `用时 ${Math.round(flag.elapsedMs / 1000)} 秒，少于正常阅读所需的 ${Math.round(flag.minimumMs / 1000)} 秒`;
    case 'PAGE_HIDDEN':
      return `答题期间离开答题页 ${flag.count} 次`;
  }
}

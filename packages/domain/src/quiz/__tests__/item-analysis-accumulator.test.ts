import fc from 'fast-check';
import {
  analyseItems,
  DEFAULT_ITEM_ANALYSIS_OPTIONS,
  ItemAnalysisAccumulator,
  itemFlags,
  type AnalysedAttempt,
  type ItemAnalysisOptions,
  type ItemStats,
} from '../item-analysis';

/**
 * The batch implementation as it stood before the accumulator (every examinee of a question held, ranked per
 * question), kept here as the oracle (only the flag rule is shared): the streaming form must give the same answer, key order included.
 */
function batchAnalyseItems(
  attempts: readonly AnalysedAttempt[],
  keys: Readonly<Record<string, readonly string[]>> = {},
  options: ItemAnalysisOptions = DEFAULT_ITEM_ANALYSIS_OPTIONS,
): ItemStats[] {
  type Examinee = { attemptId: string; ratio: number; response: AnalysedAttempt['responses'][number] };
  const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
  const facilityOf = (examinees: readonly Examinee[]): number =>
    share(examinees.filter((examinee) => examinee.response.correct).length, examinees.length);
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
    const key = keys[questionId];
    const n = examinees.length;
    const correct = examinees.filter((examinee) => examinee.response.correct).length;
    const facility = share(correct, n);
    const optionCounts: Record<string, number> = {};
    let unanswered = 0;
    for (const { response } of examinees) {
      if (response.choice.length === 0) unanswered += 1;
      for (const id of new Set(response.choice)) optionCounts[id] = (optionCounts[id] ?? 0) + 1;
    }
    const enough = n >= options.minExaminees && n > 0;
    const groupSize = n === 0 ? 0 : Math.max(1, Math.round(options.groupShare * n));
    const ranked = [...examinees].sort((a, b) => b.ratio - a.ratio || (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0));
    const upperFacility = enough ? facilityOf(ranked.slice(0, groupSize)) : null;
    const lowerFacility = enough ? facilityOf(ranked.slice(n - groupSize)) : null;
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
      optionCounts,
      unanswered,
      flags,
    };
  });
}

const OPTIONS = ['A', 'B', 'C', 'D', 'T', 'F'];
const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q10'];

/** Few ids, scores and papers, so ties in score, duplicate ids and shared questions are common. */
const attemptArb: fc.Arbitrary<AnalysedAttempt> = fc.record({
  attemptId: fc.stringMatching(/^[a-c]{1,2}$/),
  score: fc.oneof(
    fc.integer({ min: 0, max: 10 }).map((n) => n * 10),
    fc.double({ min: -5, max: 200, noNaN: true }),
  ),
  maxScore: fc.constantFrom(0, 50, 100, 120),
  responses: fc.array(
    fc.record({
      questionId: fc.constantFrom(...QUESTIONS),
      choice: fc.array(fc.constantFrom(...OPTIONS), { maxLength: 4 }),
      correct: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
});

const optionsArb: fc.Arbitrary<ItemAnalysisOptions> = fc.record({
  minExaminees: fc.integer({ min: 0, max: 15 }),
  tooEasyAbove: fc.double({ min: 0, max: 1, noNaN: true }),
  tooHardBelow: fc.double({ min: 0, max: 1, noNaN: true }),
  lowDiscriminationBelow: fc.double({ min: -1, max: 1, noNaN: true }),
  groupShare: fc.oneof(fc.constant(0.27), fc.double({ min: 0, max: 1, noNaN: true })),
});

const keysArb = fc.dictionary(fc.constantFrom(...QUESTIONS), fc.subarray(OPTIONS));

/** Equal values and the same key order in every object (what a JSON reply or a workbook would show). */
const expectIdentical = (actual: ItemStats[], expected: ItemStats[]): void => {
  expect(actual).toEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
};

describe('ItemAnalysisAccumulator', () => {
  it('gives exactly what the batch analysis gives, whatever the population, keys and options', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 60 }), keysArb, optionsArb, (attempts, keys, options) => {
        const accumulator = new ItemAnalysisAccumulator();
        for (const attempt of attempts) accumulator.add(attempt);
        expectIdentical(accumulator.result(keys, options), batchAnalyseItems(attempts, keys, options));
        expectIdentical(analyseItems(attempts, keys, options), batchAnalyseItems(attempts, keys, options));
      }),
      { numRuns: 500 },
    );
  });

  it('matches the batch analysis on a round-sized population with the default options', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { minLength: 200, maxLength: 400 }), keysArb, (attempts, keys) => {
        const accumulator = new ItemAnalysisAccumulator();
        for (const attempt of attempts) accumulator.add(attempt);
        expectIdentical(accumulator.result(keys), batchAnalyseItems(attempts, keys));
      }),
      { numRuns: 50 },
    );
  });

  it('keeps accumulating after a result, and a result changes nothing', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 30 }), fc.array(attemptArb, { maxLength: 30 }), keysArb, (first, second, keys) => {
        const accumulator = new ItemAnalysisAccumulator();
        for (const attempt of first) accumulator.add(attempt);
        const early = accumulator.result(keys);
        for (const option of early) option.optionCounts.Z = 99;
        for (const attempt of second) accumulator.add(attempt);
        expectIdentical(accumulator.result(keys), batchAnalyseItems([...first, ...second], keys));
        expect(accumulator.attempts).toBe(first.length + second.length);
      }),
      { numRuns: 200 },
    );
  });

  it('lists the questions met, in the order first met', () => {
    const accumulator = new ItemAnalysisAccumulator();
    accumulator.add({
      attemptId: 'a',
      score: 1,
      maxScore: 2,
      responses: [
        { questionId: 'q9', choice: ['A'], correct: true },
        { questionId: 'q1', choice: [], correct: false },
      ],
    });
    accumulator.add({
      attemptId: 'b',
      score: 0,
      maxScore: 2,
      responses: [
        { questionId: 'q1', choice: ['B'], correct: false },
        { questionId: 'q5', choice: ['A'], correct: true },
      ],
    });
    expect(accumulator.questionIds()).toEqual(['q9', 'q1', 'q5']);
    expect(accumulator.attempts).toBe(2);
    expect(new ItemAnalysisAccumulator().result()).toEqual([]);
  });
});

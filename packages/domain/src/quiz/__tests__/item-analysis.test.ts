import { analyseItems, type AnalysedAttempt, type ItemResponse } from '../item-analysis';

/**
 * Ten attempts a01…a10 scoring 100, 90, …, 10 out of 100. With N = 10 the groups hold round(0.27 × 10) = 3:
 * upper = a01–a03, lower = a08–a10.
 */
const ids = Array.from({ length: 10 }, (_, i) => `a${String(i + 1).padStart(2, '0')}`);
const right = (questionId: string): ItemResponse => ({ questionId, choice: ['A'], correct: true });
const wrong = (questionId: string, choice: string[] = ['B']): ItemResponse => ({ questionId, choice, correct: false });

const correctBy: Record<string, readonly string[]> = {
  q1: ['a01', 'a02', 'a03', 'a05', 'a06'], // p .5, upper 3/3, lower 0/3 → D 1
  q2: ['a08', 'a09', 'a10'], // p .3, upper 0, lower 1 → D −1; B chosen 7 times vs key A 3 times
  q3: ids, // p 1 → too easy, D 0
  q4: ['a01'], // p .1 → too hard, D 1/3
};

const attempts: AnalysedAttempt[] = ids.map((attemptId, index) => ({
  attemptId,
  score: 100 - 10 * index,
  maxScore: 100,
  responses: [
    ...Object.entries(correctBy).map(([questionId, who]) =>
      who.includes(attemptId) ? right(questionId) : attemptId === 'a10' && questionId === 'q4' ? wrong('q4', []) : wrong(questionId),
    ),
    // q5 is on only three papers: too few examinees to judge
    ...(index < 3 ? [right('q5')] : []),
  ],
}));
const keys = { q1: ['A'], q2: ['A'], q3: ['A'], q4: ['A'], q5: ['A'] };

describe('analyseItems', () => {
  const stats = analyseItems(attempts, keys);
  const of = (questionId: string) => stats.find((s) => s.questionId === questionId)!;

  it('computes facility, upper/lower facility and discrimination by hand-checked values', () => {
    expect(of('q1')).toMatchObject({
      examinees: 10,
      correct: 5,
      facility: 0.5,
      groupSize: 3,
      upperFacility: 1,
      lowerFacility: 0,
      discrimination: 1,
      flags: [],
    });
    expect(of('q2')).toMatchObject({ facility: 0.3, upperFacility: 0, lowerFacility: 1, discrimination: -1 });
    expect(of('q3')).toMatchObject({ facility: 1, discrimination: 0 });
    expect(of('q4').facility).toBeCloseTo(0.1, 10);
    expect(of('q4').discrimination).toBeCloseTo(1 / 3, 10);
  });

  it('counts option choices and unanswered', () => {
    expect(of('q1').optionCounts).toEqual({ A: 5, B: 5 });
    expect(of('q4')).toMatchObject({ optionCounts: { A: 1, B: 8 }, unanswered: 1 });
  });

  it('flags questions that behave badly', () => {
    expect(of('q1').flags).toEqual([]);
    expect(of('q2').flags).toEqual(['NEGATIVE_DISCRIMINATION', 'DISTRACTOR_OUTDRAWS_KEY']);
    expect(of('q3').flags).toEqual(['TOO_EASY', 'LOW_DISCRIMINATION']);
    expect(of('q4').flags).toEqual(['TOO_HARD', 'DISTRACTOR_OUTDRAWS_KEY']);
  });

  it('withholds discrimination and flags below the minimum number of examinees', () => {
    expect(of('q5')).toMatchObject({ examinees: 3, facility: 1, discrimination: null, upperFacility: null, flags: [] });
  });

  it('returns questions sorted by id', () => {
    expect(stats.map((s) => s.questionId)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
  });

  it('ranks by score ratio, so papers of different size compare', () => {
    // b1 scores 45/50 = 0.9 and b2 80/100 = 0.8: with N = 2 (minExaminees 2) groups of round(0.54) → 1.
    const mixed: AnalysedAttempt[] = [
      { attemptId: 'b2', score: 80, maxScore: 100, responses: [wrong('x')] },
      { attemptId: 'b1', score: 45, maxScore: 50, responses: [right('x')] },
    ];
    const [x] = analyseItems(
      mixed,
      {},
      { minExaminees: 2, tooEasyAbove: 0.95, tooHardBelow: 0.2, lowDiscriminationBelow: 0.2, groupShare: 0.27 },
    );
    expect(x).toMatchObject({ groupSize: 1, upperFacility: 1, lowerFacility: 0, discrimination: 1 });
  });

  it('counts each option once per examinee for multiple choice', () => {
    const multi: AnalysedAttempt[] = [
      { attemptId: 'c1', score: 1, maxScore: 1, responses: [{ questionId: 'm', choice: ['A', 'C', 'A'], correct: true }] },
      { attemptId: 'c2', score: 0, maxScore: 1, responses: [{ questionId: 'm', choice: ['A'], correct: false }] },
    ];
    expect(analyseItems(multi)[0]!.optionCounts).toEqual({ A: 2, C: 1 });
  });
});

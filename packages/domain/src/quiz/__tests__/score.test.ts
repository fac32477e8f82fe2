import { questionPoints, roundFullScore, scoreAttempt, scoreQuestion, type ScorableItem } from '../score';

const single: ScorableItem = { questionId: 's', type: 'single', key: ['A'], points: 2 };
const multiple: ScorableItem = { questionId: 'm', type: 'multiple', key: ['A', 'B', 'C'], points: 3 };
const trueFalse: ScorableItem = { questionId: 't', type: 'trueFalse', key: ['T'], points: 1 };

describe('scoreQuestion', () => {
  it('single choice and true/false: exactly the key or nothing', () => {
    expect(scoreQuestion(single, ['A'], 'partial')).toEqual({ questionId: 's', outcome: 'correct', earned: 2, points: 2 });
    expect(scoreQuestion(single, ['B'], 'partial').outcome).toBe('wrong');
    expect(scoreQuestion(single, ['A', 'B'], 'partial')).toMatchObject({ outcome: 'wrong', earned: 0 });
    expect(scoreQuestion(trueFalse, ['T'], 'allOrNothing').earned).toBe(1);
    expect(scoreQuestion(trueFalse, ['F'], 'allOrNothing').earned).toBe(0);
  });

  it('treats no selection as unanswered', () => {
    expect(scoreQuestion(single, undefined, 'partial')).toMatchObject({ outcome: 'unanswered', earned: 0 });
    expect(scoreQuestion(multiple, [], 'partial')).toMatchObject({ outcome: 'unanswered', earned: 0 });
  });

  it('multiple choice, all or nothing', () => {
    expect(scoreQuestion(multiple, ['C', 'A', 'B'], 'allOrNothing')).toMatchObject({ outcome: 'correct', earned: 3 });
    expect(scoreQuestion(multiple, ['A', 'B'], 'allOrNothing')).toMatchObject({ outcome: 'wrong', earned: 0 });
    expect(scoreQuestion(multiple, ['A', 'B', 'C', 'D'], 'allOrNothing')).toMatchObject({ outcome: 'wrong', earned: 0 });
  });

  it('multiple choice, partial: 少选 earns its share, any 错选 earns nothing', () => {
    expect(scoreQuestion(multiple, ['A', 'B'], 'partial')).toMatchObject({ outcome: 'partial', earned: 2 }); // 3 × 2/3
    expect(scoreQuestion(multiple, ['B'], 'partial')).toMatchObject({ outcome: 'partial', earned: 1 }); // 3 × 1/3
    expect(scoreQuestion(multiple, ['A', 'D'], 'partial')).toMatchObject({ outcome: 'wrong', earned: 0 });
    expect(scoreQuestion(multiple, ['A', 'B', 'C', 'D'], 'partial')).toMatchObject({ outcome: 'wrong', earned: 0 });
    expect(scoreQuestion(multiple, ['A', 'A', 'B', 'C'], 'partial')).toMatchObject({ outcome: 'correct', earned: 3 });
  });

  it('rounds partial credit down to 0.01', () => {
    const twoPoints: ScorableItem = { ...multiple, points: 2 };
    expect(scoreQuestion(twoPoints, ['A'], 'partial').earned).toBe(0.66); // 2/3 = 0.666…
    expect(scoreQuestion(twoPoints, ['A', 'C'], 'partial').earned).toBe(1.33); // 4/3 = 1.333…
  });
});

describe('scoreAttempt', () => {
  const items = [single, multiple, trueFalse];
  const answers = { s: ['A'], m: ['A', 'B'], t: ['F'] };

  it('sums points and applies the pass mark (score ≥ passMark)', () => {
    const partial = scoreAttempt(items, answers, { multipleChoice: 'partial', passMark: 4 });
    expect(partial).toMatchObject({ score: 4, maxScore: 6, correctCount: 1, passed: true });
    expect(partial.items.map((item) => item.outcome)).toEqual(['correct', 'partial', 'wrong']);
    const strict = scoreAttempt(items, answers, { multipleChoice: 'allOrNothing', passMark: 4 });
    expect(strict).toMatchObject({ score: 2, maxScore: 6, passed: false });
  });

  it('counts missing answers as unanswered', () => {
    const result = scoreAttempt(items, {}, { multipleChoice: 'partial', passMark: 0 });
    expect(result).toMatchObject({ score: 0, correctCount: 0, passed: true });
    expect(result.items.every((item) => item.outcome === 'unanswered')).toBe(true);
  });

  it('adds without floating-point drift', () => {
    const tenths = ['a', 'b', 'c'].map((id): ScorableItem => ({ questionId: id, type: 'single', key: ['A'], points: 0.1 }));
    const result = scoreAttempt(tenths, { a: ['A'], b: ['A'], c: ['A'] }, { multipleChoice: 'partial', passMark: 0.3 });
    expect(result.score).toBe(0.3);
    expect(result.maxScore).toBe(0.3);
    expect(result.passed).toBe(true);
  });
});

describe('full marks and question points', () => {
  it('share 100 over 3 questions in hundredths that add up exactly', () => {
    expect(questionPoints(3, roundFullScore(3, 33.33))).toEqual([33.34, 33.33, 33.33]);
    expect(roundFullScore(3, 33.33)).toBe(100);
    expect(roundFullScore(20, 5)).toBe(100);
    expect(questionPoints(7, 100).reduce((sum, p) => sum + Math.round(p * 100), 0)).toBe(10000);
  });
});

import { toPublicQuestion } from '../public-question';
import { createRng } from '../../random';
import { displayLabel, shuffleOptions, toCanonicalAnswer, toDisplayLabels } from '../shuffle-options';
import { aQuestion, sequenceRng } from './question-mother';

describe('shuffleOptions', () => {
  const question = aQuestion({ id: 'q1', type: 'multiple', key: ['A', 'C'] });

  it('permutes by the hand-computed Fisher–Yates path and maps back', () => {
    // rng 0: [A,B,C,D] → [D,B,C,A] → [C,B,D,A] → [B,C,D,A]
    const shuffle = shuffleOptions(question, sequenceRng([0]));
    expect(shuffle).toEqual({ questionId: 'q1', order: ['B', 'C', 'D', 'A'] });
    // the member sees B at A, C at B, D at C, A at D
    expect(toCanonicalAnswer(shuffle, ['D', 'B'])).toEqual(['C', 'A']);
    expect(toDisplayLabels(shuffle, ['A', 'C'])).toEqual(['B', 'D']);
  });

  it('always produces a permutation of the options', () => {
    const rng = createRng(8);
    for (let run = 0; run < 100; run += 1) {
      expect([...shuffleOptions(question, rng).order].sort()).toEqual(['A', 'B', 'C', 'D']);
    }
  });

  it('keeps 对 before 错 for true/false', () => {
    const tf = aQuestion({ id: 'tf', type: 'trueFalse' });
    expect(shuffleOptions(tf, sequenceRng([0])).order).toEqual(['T', 'F']);
  });

  it('refuses labels not on the paper and removes repeats', () => {
    const shuffle = { questionId: 'q1', order: ['B', 'C', 'D', 'A'] };
    expect(toCanonicalAnswer(shuffle, ['E'])).toBeNull();
    expect(toCanonicalAnswer(shuffle, ['a'])).toBeNull();
    expect(toCanonicalAnswer(shuffle, ['AB'])).toBeNull();
    expect(toCanonicalAnswer(shuffle, ['C', 'A', 'C'])).toEqual(['B', 'D']);
    expect(toCanonicalAnswer(shuffle, [])).toEqual([]);
  });

  it('labels positions A…', () => {
    expect([0, 1, 5].map(displayLabel)).toEqual(['A', 'B', 'F']);
    expect(() => displayLabel(10)).toThrow(RangeError);
  });
});

describe('toPublicQuestion', () => {
  const question = aQuestion({
    id: 'q7',
    type: 'single',
    stem: '党员受到警告处分后多长时间内不得在党内提升职务？',
    options: [
      { id: 'A', text: '一年' },
      { id: 'B', text: '半年' },
      { id: 'C', text: '两年' },
      { id: 'D', text: '三个月' },
    ],
    key: ['A'],
    explanation: 'SECRET-EXPLANATION 党员受到警告处分一年内不得在党内提升职务',
    citation: { regulation: 'SECRET-REGULATION', article: 'SECRET-ARTICLE' },
  });
  const shuffle = { questionId: 'q7', order: ['C', 'A', 'D', 'B'] };

  it('carries stem, relabelled options and points only', () => {
    expect(toPublicQuestion(question, shuffle, 2)).toEqual({
      id: 'q7',
      type: 'single',
      stem: question.stem,
      options: [
        { id: 'A', text: '两年' },
        { id: 'B', text: '一年' },
        { id: 'C', text: '三个月' },
        { id: 'D', text: '半年' },
      ],
      points: 2,
    });
  });

  it('leaks neither key, explanation nor citation, even with extra fields on the input', () => {
    const withExtras = { ...question, answerHint: 'SECRET-HINT' };
    const json = JSON.stringify(toPublicQuestion(withExtras, shuffle, 2));
    for (const secret of ['SECRET', '"key"', 'explanation', 'citation', 'category', 'difficulty']) {
      expect(json).not.toContain(secret);
    }
  });

  it('refuses a shuffle that does not belong to the question', () => {
    expect(() => toPublicQuestion(question, { questionId: 'q8', order: shuffle.order }, 2)).toThrow();
    expect(() => toPublicQuestion(question, { questionId: 'q7', order: ['A', 'B', 'C'] }, 2)).toThrow();
    expect(() => toPublicQuestion(question, { questionId: 'q7', order: ['A', 'B', 'C', 'E'] }, 2)).toThrow();
  });
});

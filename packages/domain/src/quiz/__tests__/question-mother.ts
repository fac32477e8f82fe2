/** Small builders so each test states only what matters. */
import type { Difficulty, Question, QuestionType } from '../question';
import type { Rng } from '../../random';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

export function aQuestion(overrides: Partial<Question> & { id: string }): Question {
  const type: QuestionType = overrides.type ?? 'single';
  const options =
    type === 'trueFalse'
      ? [
          { id: 'T', text: '对' },
          { id: 'F', text: '错' },
        ]
      : LETTERS.slice(0, 4).map((id) => ({ id, text: `选项${id}` }));
  return {
    type,
    stem: `题干 ${overrides.id}`,
    options,
    key: type === 'multiple' ? ['A', 'B'] : type === 'trueFalse' ? ['T'] : ['A'],
    explanation: `解析 ${overrides.id}`,
    citation: { regulation: '《中国共产党纪律处分条例》', article: '第二十九条' },
    category: '纪律处分条例',
    difficulty: 2 as Difficulty,
    ...overrides,
  };
}

/** An rng that returns the given values in turn, then repeats the last. */
export function sequenceRng(values: readonly number[]): Rng {
  let index = 0;
  return () => {
    const value = values[Math.min(index, values.length - 1)] as number;
    index += 1;
    return value;
  };
}

export const at = (iso: string): Date => new Date(iso);

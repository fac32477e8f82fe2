import { questionProblems } from '../question';
import { aQuestion } from './question-mother';

describe('questionProblems', () => {
  it('accepts well-formed questions of every type', () => {
    expect(questionProblems(aQuestion({ id: 's' }))).toEqual([]);
    expect(questionProblems(aQuestion({ id: 'm', type: 'multiple' }))).toEqual([]);
    expect(questionProblems(aQuestion({ id: 't', type: 'trueFalse' }))).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(questionProblems(aQuestion({ id: 'a', stem: '  ' }))).toEqual(['STEM_EMPTY']);
    expect(questionProblems(aQuestion({ id: 'b', key: ['A', 'B'] }))).toEqual(['KEY_SIZE']);
    expect(questionProblems(aQuestion({ id: 'c', type: 'multiple', key: ['A'] }))).toEqual(['KEY_SIZE']);
    expect(questionProblems(aQuestion({ id: 'd', key: ['G'] }))).toEqual(['KEY_NOT_AN_OPTION']);
    expect(
      questionProblems(
        aQuestion({
          id: 'e',
          options: [
            { id: 'A', text: '甲' },
            { id: 'A', text: '乙' },
          ],
        }),
      ),
    ).toEqual(['DUPLICATE_OPTION_ID']);
    expect(questionProblems(aQuestion({ id: 'f', options: [{ id: 'A', text: '甲' }] }))).toEqual(['TOO_FEW_OPTIONS']);
    const sevenOptions = 'ABCDEFG'.split('').map((id) => ({ id, text: id }));
    expect(questionProblems(aQuestion({ id: 'g', options: sevenOptions }))).toEqual(['TOO_MANY_OPTIONS']);
    expect(
      questionProblems(
        aQuestion({
          id: 'h',
          type: 'trueFalse',
          options: [
            { id: 'A', text: '对' },
            { id: 'B', text: '错' },
          ],
          key: ['A'],
        }),
      ),
    ).toEqual(['TRUE_FALSE_OPTIONS']);
  });
});

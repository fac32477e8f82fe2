import { act, renderHook, waitFor } from '@testing-library/react';
import type { QuizAttemptResult, QuizPlayAttempt } from '@zbxx/contracts';
import type { StoredAttempt } from '../../services/quiz-storage';
import { AppError } from '../../services/app-error';
import { useQuizPlay, type QuizPlayDeps } from '../use-quiz-play';

const hideHandlers: (() => void)[] = [];
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {},
  useDidHide: (fn: () => void) => {
    hideHandlers.push(fn);
  },
}));

const paper: QuizPlayAttempt = {
  attemptId: 'r1_m1_1',
  roundId: 'r1',
  title: '测试答题',
  attemptNumber: 1,
  startedAt: '2026-11-12T01:00:00.000Z',
  deadline: '2026-11-12T01:20:00.000Z',
  serverNow: '2026-11-12T01:05:00.000Z',
  questions: [
    {
      id: 'q1',
      type: 'single',
      stem: '一',
      options: [
        { id: 'A', text: '甲' },
        { id: 'B', text: '乙' },
      ],
      points: 5,
    },
    {
      id: 'q2',
      type: 'multiple',
      stem: '二',
      options: [
        { id: 'A', text: '甲' },
        { id: 'B', text: '乙' },
        { id: 'C', text: '丙' },
      ],
      points: 5,
    },
    {
      id: 'q3',
      type: 'trueFalse',
      stem: '三',
      options: [
        { id: 'A', text: '对' },
        { id: 'B', text: '错' },
      ],
      points: 5,
    },
  ],
  answers: { q1: ['B'] },
};
const result = { attemptId: 'r1_m1_1', score: 10 } as QuizAttemptResult;

function deps(stored: StoredAttempt = { unsent: {}, hiddenCount: 0 }, answerFails = false) {
  const calls: string[] = [];
  const store = new Map<string, StoredAttempt>([[paper.attemptId, stored]]);
  const value: QuizPlayDeps = {
    service: {
      start: async () => paper,
      answer: async (_id, answers) => {
        calls.push(`answer ${JSON.stringify(answers)}`);
        if (answerFails) throw new AppError('NETWORK.UNREACHABLE');
        return { saved: Object.keys(answers).length, deadline: paper.deadline, serverNow: paper.serverNow };
      },
      submit: async (_id, answers, hidden) => {
        calls.push(`submit ${JSON.stringify(answers)} hidden=${hidden}`);
        return result;
      },
    },
    storage: {
      load: (id) => store.get(id) ?? { unsent: {}, hiddenCount: 0 },
      save: (id, value) => void store.set(id, value),
      clear: (id) => void store.delete(id),
    },
  };
  return { value, calls, store };
}

describe('useQuizPlay', () => {
  it('resumes with the server’s answers and the ones only the phone still has', async () => {
    const { value } = deps({ unsent: { q2: ['A', 'C'] }, hiddenCount: 1 });
    const { result: hook } = renderHook(() => useQuizPlay('r1', value));
    await waitFor(() => expect(hook.current.state.kind).toBe('playing'));
    expect(hook.current.answers).toEqual({ q1: ['B'], q2: ['A', 'C'] });
    expect(hook.current.saving).toBe('pending');
  });

  it('keeps a tap on the phone at once and sends it shortly after', async () => {
    const { value, calls, store } = deps();
    const { result: hook } = renderHook(() => useQuizPlay('r1', value));
    await waitFor(() => expect(hook.current.state.kind).toBe('playing'));
    act(() => hook.current.choose('q2', 'C', 'multiple'));
    act(() => hook.current.choose('q2', 'A', 'multiple'));
    expect(store.get(paper.attemptId)?.unsent).toEqual({ q2: ['A', 'C'] });
    await waitFor(() => expect(hook.current.saving).toBe('saved'));
    expect(calls).toEqual(['answer {"q2":["A","C"]}']);
    expect(store.get(paper.attemptId)?.unsent).toEqual({});
  });

  it('keeps answers on the phone while offline and hands them in with the page-left count', async () => {
    const { value, calls, store } = deps({ unsent: {}, hiddenCount: 0 }, true);
    const { result: hook } = renderHook(() => useQuizPlay('r1', value));
    await waitFor(() => expect(hook.current.state.kind).toBe('playing'));
    act(() => hook.current.choose('q3', 'B', 'trueFalse'));
    await waitFor(() => expect(hook.current.saving).toBe('offline'));
    expect(store.get(paper.attemptId)?.unsent).toEqual({ q3: ['B'] });
    act(() => hideHandlers.at(-1)?.());
    await act(() => hook.current.submit());
    expect(calls.at(-1)).toBe('submit {"q3":["B"]} hidden=1');
    expect(hook.current.state).toEqual({ kind: 'submitted', result });
    expect(store.has(paper.attemptId)).toBe(false);
  });
});

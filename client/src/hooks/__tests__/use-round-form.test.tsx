import { act, renderHook } from '@testing-library/react';
import type { QuizAdminRound } from '@zbxx/contracts';
import { AppError } from '../../services/app-error';
import { quizService } from '../../services/quiz';
import { useRoundForm } from '../use-round-form';
import { COUNTY_ADMIN_ME } from '../../../test/me-fixtures';

jest.mock('../../services/quiz', () => ({ quizService: { saveRound: jest.fn() } }));
const saveRound = quizService.saveRound as jest.Mock;

const me = COUNTY_ADMIN_ME;

const listed: QuizAdminRound = {
  roundId: 'round-1',
  orgId: 'county',
  orgName: '清河县委组织部',
  title: '11月党规测试',
  month: '2026-11',
  // Not at midnight: a round saved elsewhere keeps its exact instants when its dates are left alone.
  opensAt: '2026-11-11T01:30:00.000Z',
  closesAt: '2026-11-20T16:00:00.000Z',
  window: 'open',
  quota: [{ category: '党章', count: 4, difficulty: { 1: 1, 2: 2, 3: 1 } }],
  questionCount: 4,
  maxScore: 100,
  timeLimitSeconds: 1200,
  attemptsAllowed: 2,
  grading: 'best',
  passMark: 60,
  multipleChoice: 'partial',
  review: { ownAnswers: 'afterSubmit', correctAnswers: 'afterRoundCloses', explanations: 'never' },
  attemptCount: 3,
};

describe('useRoundForm', () => {
  beforeEach(() => saveRound.mockReset().mockResolvedValue({ round: listed }));

  it('builds quotas from category rows, with a difficulty mix that must add up', async () => {
    const onSaved = jest.fn();
    const { result } = renderHook(() => useRoundForm(me, onSaved));
    act(() => result.current.change({ title: ' 12月测试 ' }));
    act(() => result.current.toggleCategory('党章', 5));
    act(() => result.current.toggleCategory('廉洁自律', 3));
    act(() => result.current.toggleMix('党章'));
    act(() => result.current.setMix('党章', 3, 2));
    expect(result.current.problems).toEqual(['分类“党章”易、中、难题数合计应为 5']);
    act(() => result.current.setMix('党章', 2, 3));
    expect(result.current.problems).toEqual([]);
    expect(result.current.questionCount).toBe(8);
    await act(() => result.current.save());

    expect(saveRound).toHaveBeenCalledWith(
      {
        orgId: 'county',
        title: '12月测试',
        month: '2026-11',
        // The 11th to the 20th in Beijing time; closesAt is the exclusive end of the 20th.
        opensAt: '2026-11-10T16:00:00.000Z',
        closesAt: '2026-11-20T16:00:00.000Z',
        quota: [
          { category: '党章', count: 5, difficulty: { 1: 0, 2: 3, 3: 2 } },
          { category: '廉洁自律', count: 3 },
        ],
        timeLimitSeconds: 1200,
        attemptsAllowed: 2,
        grading: 'best',
        passMark: 60,
        multipleChoice: 'allOrNothing',
        review: { ownAnswers: 'afterSubmit', correctAnswers: 'afterRoundCloses', explanations: 'afterRoundCloses' },
      },
      expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    );
    expect(onSaved).toHaveBeenCalledWith(listed);
    expect(result.current.fields.title).toBe('');
  });

  it('does not send an incomplete form', async () => {
    const { result } = renderHook(() => useRoundForm(me, jest.fn()));
    expect(result.current.problems).toEqual(['请填写标题', '请至少选择一个分类并设置题数']);
    await act(() => result.current.save());
    expect(saveRound).not.toHaveBeenCalled();
  });

  it('edits a listed round under its id, keeping its exact opening, and shows a refusal', async () => {
    saveRound.mockRejectedValue(new AppError('CONFLICT', '已有党员参加答题，只能修改标题或延后结束时间'));
    const { result } = renderHook(() => useRoundForm(me, jest.fn()));
    act(() => result.current.load(listed));
    expect(result.current).toMatchObject({ editing: true, locked: true });
    expect(result.current.fields).toMatchObject({ opensDate: '2026-11-11', closesDate: '2026-11-20', timeLimitMinutes: 20 });
    act(() => result.current.change({ title: '11月党规测试（延期）', closesDate: '2026-11-25' }));
    await act(() => result.current.save());

    expect(saveRound).toHaveBeenCalledWith(
      expect.objectContaining({
        roundId: 'round-1',
        title: '11月党规测试（延期）',
        opensAt: '2026-11-11T01:30:00.000Z',
        closesAt: '2026-11-25T16:00:00.000Z',
        quota: [{ category: '党章', count: 4, difficulty: { 1: 1, 2: 2, 3: 1 } }],
      }),
      expect.any(String),
    );
    expect(result.current.error?.message).toBe('已有党员参加答题，只能修改标题或延后结束时间');
    expect(result.current.fields.title).toBe('11月党规测试（延期）');
  });

  it('sends 重试 after a network failure with the same requestId, and the next new round with a new one', async () => {
    saveRound.mockRejectedValueOnce(new AppError('NETWORK.UNREACHABLE'));
    const { result } = renderHook(() => useRoundForm(me, jest.fn()));
    const fill = () => {
      act(() => result.current.change({ title: '12月测试' }));
      act(() => result.current.toggleCategory('党章', 5));
    };
    fill();
    await act(() => result.current.save());
    expect(result.current.error?.retryable).toBe(true);
    await act(() => result.current.save());
    fill();
    await act(() => result.current.save());

    const [lost, retried, next] = saveRound.mock.calls.map((call: unknown[]) => call[1]);
    expect(retried).toBe(lost);
    expect(next).not.toBe(lost);
    expect(saveRound.mock.calls[2]![0]).toEqual(saveRound.mock.calls[0]![0]);
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import type { RemindResult } from '@zbxx/contracts';
import { aMatrix, aRow, anIncompleteRow } from '../../../../lib/__tests__/stats-mother';
import { FilterTabs, MatrixRows, MatrixTotals } from '../matrix-view';
import { RemindPanel, remindSummary } from '../remind-panel';

describe('the month matrix', () => {
  it('shows each member’s three tasks in words, a dash where nothing was required', () => {
    const rows = [
      aRow(),
      anIncompleteRow({
        study: { status: 'inProgress', done: 1, required: 2 },
        quiz: { status: 'failed', score: 40, maxScore: 100 },
        partyDay: { status: 'notRequired' },
        missing: ['study', 'quiz'],
      }),
    ];
    const open = jest.fn();
    render(<MatrixRows data={aMatrix(rows)} filter="all" onOpenMember={open} />);
    expect(screen.getByTestId('cell-study-m1').textContent).toBe('已完成');
    expect(screen.getByTestId('cell-quiz-m1').textContent).toBe('90分');
    expect(screen.getByTestId('cell-party-day-m1').textContent).toBe('出席');
    expect(screen.getByTestId('cell-study-m2').textContent).toBe('学习中 1/2');
    expect(screen.getByTestId('cell-quiz-m2').textContent).toBe('40分 未合格');
    expect(screen.getByTestId('cell-party-day-m2').textContent).toBe('—');
    expect(screen.getByTestId('matrix-row-m2').textContent).toContain('未完成：学习、答题');

    fireEvent.click(screen.getByTestId('matrix-row-m2'));
    expect(open).toHaveBeenCalledWith('m2');
  });

  it('says why the list is empty for the tab chosen', () => {
    render(<MatrixRows data={aMatrix([])} filter="incomplete" onOpenMember={() => {}} />);
    expect(screen.getByTestId('matrix-empty').textContent).toBe('全部党员都已完成本月任务');
  });

  it('shows the whole branch’s totals and rates', () => {
    render(<MatrixTotals data={aMatrix()} />);
    expect(screen.getByTestId('matrix-totals').textContent).toContain('共 2 人 · 已完成 1 人 · 完成率 50.0%');
  });

  it('switches filter tabs', () => {
    const onFilter = jest.fn();
    render(<FilterTabs filter="all" onFilter={onFilter} />);
    expect(screen.getByTestId('matrix-filter-all').className).toContain('is-active');
    fireEvent.click(screen.getByTestId('matrix-filter-partyDay'));
    expect(onFilter).toHaveBeenCalledWith('partyDay');
    expect(screen.getByTestId('matrix-filter-study').textContent).toBe('未学习');
  });
});

describe('催学 panel', () => {
  const result: RemindResult = {
    month: '2026-11',
    counts: { sent: 3, alreadyToday: 1, noConsent: 2, complete: 0, notBound: 0, failed: 0 },
    results: [{ memberId: 'm2', name: '张建国', outcome: 'noConsent' }],
  };

  it('sums up the outcomes that happened', () => {
    expect(remindSummary(result)).toBe('已发送 3 · 今日已提醒 1 · 未订阅 2');
    expect(
      remindSummary({
        month: '2026-11',
        counts: { sent: 0, alreadyToday: 0, noConsent: 0, complete: 0, notBound: 0, failed: 0 },
        results: [],
      }),
    ).toBe('没有需要提醒的党员');
  });

  it('says how many will be reminded before sending', () => {
    const confirm = jest.fn();
    render(
      <RemindPanel
        step={{ kind: 'confirm', memberIds: ['m2', 'm3'], consenting: 1 }}
        onConfirm={confirm}
        onRetry={() => {}}
        onClose={() => {}}
      />,
    );
    expect(screen.getByTestId('remind-confirm-text').textContent).toContain('将向 2 名未完成的党员发送催学提醒（其中 1 人已开启学习提醒）');
    fireEvent.click(screen.getByTestId('remind-confirm'));
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('lists what happened to each member', () => {
    render(<RemindPanel step={{ kind: 'done', result }} onConfirm={() => {}} onRetry={() => {}} onClose={() => {}} />);
    expect(screen.getByTestId('remind-summary').textContent).toBe('已发送 3 · 今日已提醒 1 · 未订阅 2');
    expect(screen.getByTestId('remind-result-m2').textContent).toBe('张建国未订阅');
  });
});

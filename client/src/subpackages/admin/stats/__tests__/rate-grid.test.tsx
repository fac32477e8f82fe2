import { render, screen } from '@testing-library/react';
import { aRollupRow, someRates } from '../../../../lib/__tests__/stats-mother';
import { RateGrid, ThresholdNote } from '../rate-grid';

describe('rate grid', () => {
  it('marks in red exactly the rates the server found under their threshold', () => {
    render(<RateGrid row={aRollupRow({ rates: someRates({ study: 0.5, quizPass: 0.9 }), below: ['study'] })} testId="child-b1" />);
    expect(screen.getByTestId('child-b1-study').className).toContain('is-below');
    expect(screen.getByTestId('child-b1-study').textContent).toBe('50.0%学习完成率');
    expect(screen.getByTestId('child-b1-quizPass').className).not.toContain('is-below');
  });

  it('shows the thresholds the highlighting uses', () => {
    render(<ThresholdNote thresholds={{ study: 80, quizParticipation: 70, quizPass: 60, partyDay: 90, completion: 75 }} />);
    expect(screen.getByTestId('threshold-note').textContent).toBe(
      '达标线：学习完成 80% · 答题参与 70% · 答题合格 60% · 党日参加 90% · 综合完成 75%；低于达标线的标红',
    );
  });
});

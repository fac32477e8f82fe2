import { someRates, someTotals } from '../../../../lib/__tests__/stats-mother';
import { barsOf } from '../trend-bars';

const point = (month: string, completion: number | null) => ({ month, totals: someTotals(), rates: someRates({ completion }) });

describe('trend bars', () => {
  it('draws each month’s rate as a height, red under the threshold, nothing where nobody was asked', () => {
    const bars = barsOf([point('2025-12', 0.9), point('2026-01', 0.755), point('2026-02', null)], 'completion', 80);
    expect(bars).toEqual([
      { month: '2025-12', label: '12月', height: 90, value: '90.0%', below: false, empty: false },
      { month: '2026-01', label: '1月', height: 75.5, value: '75.5%', below: true, empty: false },
      { month: '2026-02', label: '2月', height: 0, value: '—', below: false, empty: true },
    ]);
  });
});

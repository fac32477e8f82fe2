import { monthOf } from '../month';

describe('monthOf (Asia/Shanghai)', () => {
  it('puts 16:00 UTC on the last day of a month into the next month, as Beijing sees it', () => {
    expect(monthOf(new Date('2025-01-31T16:00:00Z'))).toBe('2025-02');
  });

  it('keeps 15:59 UTC in the same month', () => {
    expect(monthOf(new Date('2025-01-31T15:59:59Z'))).toBe('2025-01');
  });

  it('crosses the year boundary', () => {
    expect(monthOf(Date.parse('2024-12-31T17:00:00Z'))).toBe('2025-01');
  });
});

import { figure } from '../lib/figures';
import { percentile, round, summarize } from '../lib/stats';

describe('percentile (nearest rank)', () => {
  const samples = Array.from({ length: 200 }, (_, i) => 200 - i); // 200 … 1, unsorted on purpose

  it('answers observed values: p50, p95, p99 and p100 of 1..200', () => {
    expect(percentile(samples, 50)).toBe(100);
    expect(percentile(samples, 95)).toBe(190);
    expect(percentile(samples, 99)).toBe(198);
    expect(percentile(samples, 100)).toBe(200);
  });

  it('takes the smallest sample at a tiny percentile and the only one of a single sample', () => {
    expect(percentile(samples, 0.1)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
  });

  it('does not reorder the caller’s array', () => {
    const input = [3, 1, 2];
    percentile(input, 50);
    expect(input).toEqual([3, 1, 2]);
  });

  it('refuses no samples and percentiles outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });

  it('summarizes with the mean and the maximum', () => {
    expect(summarize([1, 2, 3, 10])).toEqual({ count: 4, p50: 2, p95: 10, p99: 10, max: 10, mean: 4 });
    expect(round(1234.567)).toBe(1234.6);
    expect(round(1234.567, 0)).toBe(1235);
  });
});

describe('figure', () => {
  it('is ok at or under its budget, not over it, and always ok without one', () => {
    const base = { name: 'x', label: 'x', unit: 'requests' };
    expect(figure({ ...base, value: 4, budget: 4 }).ok).toBe(true);
    expect(figure({ ...base, value: 5, budget: 4 }).ok).toBe(false);
    expect(figure({ ...base, value: 1e9 })).toMatchObject({ budget: null, ok: true });
    expect(figure({ ...base, value: 1, budget: 4, ok: false }).ok).toBe(false);
  });
});

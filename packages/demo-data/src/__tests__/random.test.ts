import { cumulative, pickWeighted, seededRandom } from '../random';

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });

  it('picks by weight', () => {
    const random = seededRandom(1);
    const counts = { a: 0, b: 0 };
    const weights = cumulative([9, 1]);
    for (let i = 0; i < 10000; i += 1) counts[pickWeighted(random, ['a', 'b'] as const, weights)] += 1;
    expect(counts.a).toBeGreaterThan(8700);
    expect(counts.a).toBeLessThan(9300);
  });
});

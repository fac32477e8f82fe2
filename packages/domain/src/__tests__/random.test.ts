import { createRng, randomIndex, seedFromString, shuffled } from '../random';
import { sequenceRng } from '../quiz/__tests__/question-mother';

describe('seeded rng', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it('stays in [0, 1)', () => {
    const rng = createRng(7);
    for (let i = 0; i < 10_000; i += 1) {
      const value = rng();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });

  it('hashes seed strings stably (FNV-1a)', () => {
    expect(seedFromString('')).toBe(0x811c9dc5);
    expect(seedFromString('a')).toBe(0xe40c292c);
    expect(seedFromString('attempt-1')).toBe(seedFromString('attempt-1'));
    expect(seedFromString('attempt-1')).not.toBe(seedFromString('attempt-2'));
  });

  it('refuses an rng that leaves [0, 1)', () => {
    expect(() => randomIndex(() => 1, 3)).toThrow(RangeError);
  });
});

describe('shuffled (Fisher–Yates)', () => {
  it('follows the hand-computed swaps', () => {
    // rng 0 always picks j = 0: [a,b,c] → swap(2,0) [c,b,a] → swap(1,0) [b,c,a]
    expect(shuffled(['a', 'b', 'c'], sequenceRng([0]))).toEqual(['b', 'c', 'a']);
    // rng just below 1 always picks j = i: nothing moves
    expect(shuffled(['a', 'b', 'c'], sequenceRng([0.999]))).toEqual(['a', 'b', 'c']);
  });

  it('does not modify its input', () => {
    const items = Object.freeze(['a', 'b', 'c']);
    shuffled(items, createRng(1));
    expect(items).toEqual(['a', 'b', 'c']);
  });

  it('puts each item in each position about equally often', () => {
    const rng = createRng(2024);
    const counts = [0, 0, 0, 0];
    const runs = 40_000;
    for (let i = 0; i < runs; i += 1) {
      const first = shuffled([0, 1, 2, 3], rng)[0] as number;
      counts[first] = (counts[first] ?? 0) + 1;
    }
    for (const count of counts) expect(Math.abs(count / runs - 0.25)).toBeLessThan(0.01);
  });
});

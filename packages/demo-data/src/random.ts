import { createRng, type Rng } from '@zbxx/domain';

/** A float in [0, 1), like Math.random. */
export type Random = Rng;

/** The same seed gives the same county on every machine, which tests, screenshots and benchmarks need. */
export const seededRandom = createRng;

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Picks by weight; `weights` must be positive and as long as `items`. */
export function pickWeighted<T>(random: Random, items: readonly T[], cumulativeWeights: readonly number[]): T {
  const total = cumulativeWeights[cumulativeWeights.length - 1] ?? 0;
  const target = random() * total;
  let lo = 0;
  let hi = cumulativeWeights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulativeWeights[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return items[lo] as T;
}

export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * Seeded randomness (quiz draws, option shuffles, demo data). The server picks the seed (from crypto.randomBytes, never
 * from something a member can guess, such as the attempt id) and stores it with the attempt, so a draw can be
 * replayed exactly and tests are exact.
 */

/** A source of numbers in [0, 1), like Math.random but reproducible. */
export type Rng = () => number;

/** mulberry32: tiny, fast, good enough spread for picking questions; not for secrets. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Turns a stored seed string (e.g. hex from crypto.randomBytes) into a 32-bit seed (FNV-1a). */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A uniform integer in [0, n). */
export function randomIndex(rng: Rng, n: number): number {
  const value = rng();
  if (!(value >= 0 && value < 1)) throw new RangeError(`rng returned ${value}, expected a number in [0, 1)`);
  return Math.floor(value * n);
}

/** Fisher–Yates: every permutation equally likely given a uniform rng. Returns a new array. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const result = items.slice();
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = randomIndex(rng, i + 1);
    const picked = result[j] as T;
    result[j] = result[i] as T;
    result[i] = picked;
  }
  return result;
}

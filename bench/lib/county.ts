import type { CountyOptions } from '@zbxx/demo-data';

// Fixed seed and month: the same documents every run, whatever today's date (the demo's default month is
// the real current one).
const FIXED = { seed: 20250701, studyMonth: '2025-03', now: new Date('2025-03-01T00:00:00.000Z') } as const;

/** The demo county as `npm start` seeds it (240 members, 12 branches). */
export const DEMO_COUNTY: CountyOptions = { ...FIXED };

/** DESIGN.md's county scale: about 20,000 members in 600 branches (20 党委/党工委). */
export const COUNTY_SCALE: CountyOptions = { ...FIXED, members: 20_000, branches: 600, committees: 20 };

export function fixedCounty(options: Omit<CountyOptions, keyof typeof FIXED>): CountyOptions {
  return { ...FIXED, ...options };
}

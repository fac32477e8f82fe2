/**
 * The performance budgets the report answers to, each with the words that state it (quoted verbatim, so the
 * unit test can check them against DESIGN.md) and the figures of summary.json that measure it. A budget
 * added to DESIGN.md without an entry here fails bench/__tests__/summary.test.ts.
 */
export interface BudgetSpec {
  id: string;
  /** Where it is written: DESIGN.md's "Performance budgets" (or the issue that sets it). */
  source: 'DESIGN.md' | 'issue 7' | 'issue 8' | 'issue 13';
  /** The budget in the source's own words. */
  quote: string;
  /** Figures that measure it; at least one must be in summary.json. */
  figures: RegExp;
  /** The numeric bound those figures carry, when the budget is a number (else each figure states its own). */
  budget?: number;
}

export const BUDGETS: readonly BudgetSpec[] = [
  { id: 'quiz-submit', source: 'DESIGN.md', quote: 'Quiz submit ≤ 3', figures: /^dbRequests\.quiz\.submit(\.member)?$/, budget: 3 },
  { id: 'home-one-call', source: 'DESIGN.md', quote: 'home screen one function call', figures: /^home\.calls$/, budget: 1 },
  { id: 'home-requests', source: 'DESIGN.md', quote: 'home screen one function call ≤ 4', figures: /^home\.dbRequests$/, budget: 4 },
  {
    id: 'matrix-constant',
    source: 'DESIGN.md',
    quote: "a branch's month matrix and a county roll-up use a\n  constant number of requests whatever the size",
    figures: /^stats\.county\.branchMatrix\.dbRequests$/,
  },
  {
    id: 'rollup-constant',
    source: 'DESIGN.md',
    quote: "a branch's month matrix and a county roll-up use a\n  constant number of requests whatever the size",
    figures: /^stats\.county\.rollup\.dbRequests$/,
  },
  { id: 'weapp-main', source: 'DESIGN.md', quote: 'weapp main package ≤ 600 KB', figures: /^size\.weapp\.main$/, budget: 600 },
  {
    id: 'weapp-subpackages',
    source: 'DESIGN.md',
    quote: 'secretary and admin pages in subpackages',
    figures: /^size\.weapp\.subpackage\.subpackages\/(secretary|admin)$/,
  },
  {
    id: 'county-scale',
    source: 'DESIGN.md',
    quote: 'County scale for local benchmarks: about 20,000 members, 600 branches',
    figures: /^(scale|stats\.county|export\.county)\./,
  },
  {
    id: 'export-memory',
    source: 'issue 7',
    quote: 'budget: under 256 MB, the default function memory',
    figures: /^export\.county\..+\.peakRss\.MB$/,
    budget: 256,
  },
  {
    id: 'load-zero-errors',
    source: 'issue 8',
    quote: '200 members starting and submitting a quiz and 200 checking in within the same minute on devcloud: zero errors',
    figures: /^load\..+\.errors$/,
    budget: 0,
  },
  {
    id: 'weapp-main-compiled',
    source: 'issue 13',
    quote: 'Report the main package size after compression (target ≤ 450 KB; 560 KB today)',
    figures: /^size\.weapp\.main\.compiled$/,
    budget: 450,
  },
  {
    id: 'member-cold-start',
    source: 'issue 13',
    quote: 'each member-path function bundle (account, study, quiz, checkin) loads within 1.1x of `wx-server-sdk` alone',
    figures: /^coldStart\.(account|study|quiz|checkin)\.ratio$/,
    budget: 1.1,
  },
];

/** The "≤ N" bounds DESIGN.md's budgets section states, e.g. ["≤ 3", "≤ 4", "≤ 600 KB"]: each needs a BudgetSpec. */
export function boundsIn(budgetsSection: string): string[] {
  return [...budgetsSection.matchAll(/≤ \d+(?: [A-Z]B)?/g)].map((m) => m[0]);
}

/** DESIGN.md's "## Performance budgets" section, up to the next heading. */
export function budgetsSection(design: string): string {
  const start = design.indexOf('## Performance budgets');
  if (start < 0) throw new Error('DESIGN.md has no "## Performance budgets" section');
  const next = design.indexOf('\n## ', start + 1);
  return design.slice(start, next < 0 ? undefined : next);
}

/**
 * One display rule per kind of number, shared by the client, the functions and the export (口径 table:
 * packages/domain/src/stats/FIGURES.md). Scores: rounded half up to one decimal, a trailing .0 dropped
 * ("85", "50.3"). Percentages: one decimal always ("85.6%", "100.0%"), as the export's 0.0% cells show them.
 * Words: 合格 / 未合格 / 合格率 (never 及格), and the quiz is 党规答题.
 */

/** The quiz's one name in every view, card and sheet. */
export const QUIZ_NAME = '党规答题';
export const PASS_WORD = '合格';
export const FAIL_WORD = '未合格';
export const PASS_RATE_NAME = '合格率';

// Adding a tiny amount before rounding keeps 50.25 (stored as 50.249999…) rounding up as a person would.
const roundTo = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor + Math.sign(value) * 1e-9) / factor;
};

/** A score as every view shows it: one decimal, half up. */
export function roundScore(score: number): number {
  return roundTo(score, 1);
}

/** 50.333… → "50.3", 85 → "85"; null → "—". */
export function formatScore(score: number | null): string {
  return score === null ? '—' : String(roundScore(score));
}

/** A rate 0–1 as the export stores it (the 0.0% cell then shows the same digits as the app). */
export function roundRate(rate: number): number {
  return roundTo(rate, 3);
}

/** 0.856 → "85.6%", 1 → "100.0%"; null (nobody was asked) → "—". */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(roundRate(rate) * 100).toFixed(1)}%`;
}

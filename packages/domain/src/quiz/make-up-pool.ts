/**
 * The 补学测验's pool: a make-up paper may be drawn again after a failure, so it must never hold a question a
 * live round can draw (each paper's pass/fail would be an oracle on that round's keys). It draws only from
 * categories no unclosed round's quota names, and at most MAKE_UP_PAPERS_PER_EVENT papers per member and event.
 */
import type { CategoryQuota } from './draw';

/** Papers a member may draw for one event (the first and two retries). */
export const MAKE_UP_PAPERS_PER_EVENT = 3;

export interface BankCategory {
  category: string;
  count: number;
}

/**
 * The categories a make-up paper draws from: the bank's categories that no unclosed round draws, narrowed to
 * the event's own category when that one alone fills a paper. [] when nothing is left (no paper can be drawn).
 */
export function makeUpCategories(
  bank: readonly BankCategory[],
  liveQuotas: readonly (readonly CategoryQuota[])[],
  preferred: string | null | undefined,
  paperSize: number,
): string[] {
  const live = new Set(liveQuotas.flatMap((quota) => quota.map((entry) => entry.category)));
  const free = bank.filter((row) => row.count > 0 && !live.has(row.category));
  const themed = free.find((row) => row.category === preferred && row.count >= paperSize);
  return themed ? [themed.category] : free.map((row) => row.category);
}

/** Whether another paper may be drawn after `drawn` papers. */
export function mayDrawMakeUpPaper(drawn: number): boolean {
  return drawn < MAKE_UP_PAPERS_PER_EVENT;
}

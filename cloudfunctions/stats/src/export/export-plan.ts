/**
 * The export job's plan: the units of work, in order, that fill the workbook's parts, then one unit that writes
 * the file. Each unit is small enough for one call of the function (one roll-up, one page of members, one
 * month's events, one month's rounds); a step runs units until its time budget is spent. Pure: no I/O.
 */
import type { ExportProgress } from '@zbxx/contracts';

export type ExportSheet = 'summary' | 'members' | 'events' | 'items';
export type ExportUnit = { sheet: ExportSheet; month: string; page: number } | { sheet: 'write' };

/** Members per page of 党员明细: the largest answer an aggregate request may give. */
export const MEMBER_PAGE = 1000;

/**
 * Per month: 汇总, the member pages (estimated from today's roster until the month's pages are planned, see
 * `withMemberPages`), 主题党日, 答题分析; then the file.
 */
export function planExport(months: readonly string[], members: number): ExportUnit[] {
  const pages = Math.max(1, Math.ceil(members / MEMBER_PAGE));
  return [
    ...months.flatMap((month): ExportUnit[] => [
      { sheet: 'summary', month, page: 0 },
      ...Array.from({ length: pages }, (_, page) => ({ sheet: 'members' as const, month, page })),
      { sheet: 'events', month, page: 0 },
      { sheet: 'items', month, page: 0 },
    ]),
    { sheet: 'write' },
  ];
}

const SHEET_LABELS: Record<ExportSheet, string> = { summary: '汇总', members: '党员明细', events: '主题党日', items: '答题分析' };

export function unitLabel(unit: ExportUnit): string {
  if (unit.sheet === 'write') return '写入文件';
  return unit.sheet === 'members'
    ? `${SHEET_LABELS.members} ${unit.month} 第${unit.page + 1}页`
    : `${SHEET_LABELS[unit.sheet]} ${unit.month}`;
}

export function progressOf(units: readonly ExportUnit[], next: number): ExportProgress {
  const unit = units[next];
  return { done: next, total: units.length, label: unit ? unitLabel(unit) : '已完成' };
}

/** Where a unit's rows go in its sheet: months in range order, pages in order. */
export function partSeq(months: readonly string[], unit: Exclude<ExportUnit, { sheet: 'write' }>): number {
  return months.indexOf(unit.month) * MEMBER_PAGE + unit.page;
}

export const partKey = (unit: Exclude<ExportUnit, { sheet: 'write' }>): string => `${unit.sheet}-${unit.month}-${unit.page}`;

/**
 * The plan once a month's member pages are known (planned at the month's first page, from its branches and
 * transfers): that month gets exactly `pages` page units (at least one) where the estimate stood. The units
 * dropped are answered so their parts, if an earlier plan wrote any, can be removed.
 */
export function withMemberPages(
  units: readonly ExportUnit[],
  month: string,
  pages: number,
): { units: ExportUnit[]; dropped: ExportUnit[] } {
  const isPage = (u: ExportUnit) => u.sheet === 'members' && u.month === month;
  const first = units.findIndex(isPage);
  if (first < 0) return { units: [...units], dropped: [] };
  const planned = units.filter(isPage);
  const wanted = Array.from({ length: Math.max(1, pages) }, (_, page): ExportUnit => ({ sheet: 'members', month, page }));
  return {
    units: [...units.slice(0, first), ...wanted, ...units.slice(first + planned.length)],
    dropped: planned.slice(wanted.length),
  };
}

// exceljs writes about 13,000 member rows a second here (bench 09's writer alone); this leaves room for the reads.
const WRITE_MS_PER_ROW = 0.1;
/** Rows a step may still write after other units: a branch's or a town's month, not a county's. */
export const SMALL_WRITE_ROWS = 5_000;

/**
 * Writing the file cannot be cut in two, so it starts as a step's first unit: a call of its own, with the whole
 * time limit and a memory the earlier units' reads have not filled. A small export (a few thousand rows, time
 * to spare) is written at once, so it is done in its first call.
 */
export function writeFitsNow(unitsDoneThisStep: number, elapsedMs: number, budgetMs: number, rows: number): boolean {
  return unitsDoneThisStep === 0 || (rows <= SMALL_WRITE_ROWS && elapsedMs + rows * WRITE_MS_PER_ROW <= budgetMs);
}

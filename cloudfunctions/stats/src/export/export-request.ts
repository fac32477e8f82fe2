import { monthOf, monthRange } from '@zbxx/domain';
import { AppError, requireBound, type Caller, type Db, type OrgDoc } from '@zbxx/server';
import { resolveAdminNode } from '../admin-node';

/** A year at most: a year-end report's range; a county's year is a job of a few dozen steps (bench 09). */
export const MAX_EXPORT_MONTHS = 12;

export interface ExportRequest {
  node: OrgDoc;
  /** County … node. */
  nodePath: string[];
  months: string[];
}

/**
 * Checks an export before anything is read or written: the month range (whole months up to the current one,
 * at most a year) and the node (an admin's own subtree; default its root). Secretaries and members are refused.
 */
export async function resolveExportRequest(
  db: Db,
  caller: Caller,
  input: { nodeId?: string; fromMonth: string; toMonth: string },
  now: Date,
): Promise<ExportRequest> {
  const { scope } = requireBound(caller);
  if (scope.adminOf.length === 0) throw new AppError('AUTH.FORBIDDEN', '仅组织部管理员可以导出统计');
  const months = monthRange(input.fromMonth, input.toMonth);
  if (months.length === 0) throw new AppError('INPUT.INVALID', '起始月份不能晚于结束月份');
  if (months.length > MAX_EXPORT_MONTHS) throw new AppError('INPUT.INVALID', `一次最多导出${MAX_EXPORT_MONTHS}个月，请缩小月份范围`);
  if (input.toMonth > monthOf(now)) throw new AppError('INPUT.INVALID', '结束月份不能晚于本月');

  const { node, path } = await resolveAdminNode(db, caller, input.nodeId);
  return { node, nodePath: path, months };
}

/** e.g. 清河县委组织部_2026-01至2026-11_统计.xlsx; characters a file system refuses are replaced. */
export function exportFileName(nodeName: string, months: readonly string[]): string {
  const first = months[0] ?? '';
  const last = months.at(-1) ?? first;
  const range = first === last ? first : `${first}至${last}`;
  return `${nodeName.replace(/[\\/:*?"<>|\s]+/g, '_')}_${range}_统计.xlsx`;
}

import type { statsContract } from '@zbxx/contracts';
import { requireBound, type FunctionHandler } from '@zbxx/server';
import { resolveExportRequest } from '../export/export-request';
import { startExport, stepExport } from '../export/export-steps';

/**
 * 统计导出 (组织部): starts the export job of this request (or finds it again: same requestId, same job) and
 * does its first step; a small scope is done in this call. Everything is checked before the first read of
 * statistics; nothing is written on refusal.
 */
export const exportWorkbook: FunctionHandler<typeof statsContract, 'exportWorkbook'> = async (input, { caller, db, now }) => {
  const request = await resolveExportRequest(db, caller, input, now);
  const { member, openid } = requireBound(caller);
  const job = await startExport(db, request, { memberId: member._id, openid }, input.requestId, now);
  return stepExport(job, { db, now, budgetMs: input.stepBudgetMs });
};

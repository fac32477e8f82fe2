import { readFile } from 'node:fs/promises';
import type { statsContract } from '@zbxx/contracts';
import { temporaryUrl, uploadFile, type FunctionHandler } from '@zbxx/server';
import { withTempWorkbookPath, writeStatsWorkbook } from '@zbxx/server/src/xlsx/stats-workbook';
import { exportFileName, resolveExportRequest } from '../export/export-request';
import { buildWorkbookSource } from '../export/workbook-source';

/** Links to an export stay usable for a working day. */
const LINK_SECONDS = 8 * 3600;

/**
 * 统计导出 (组织部): the node's months as an .xlsx streamed to a temp file, uploaded to cloud storage, handed back as
 * a temporary link. Everything is checked before the first read of statistics; nothing is written on refusal.
 */
export const exportWorkbook: FunctionHandler<typeof statsContract, 'exportWorkbook'> = async (input, { caller, db, now }) => {
  const request = await resolveExportRequest(db, caller, input, now);
  const fileName = exportFileName(request.node.name, request.months);
  return withTempWorkbookPath('export.xlsx', async (filePath) => {
    const written = await writeStatsWorkbook(filePath, await buildWorkbookSource(db, request, now));
    const stamp = now.toISOString().replace(/[-:.TZ]/g, '');
    const fileId = await uploadFile(`stats-exports/${request.node._id}/${stamp}_${request.months[0]}_${request.months.at(-1)}.xlsx`, await readFile(filePath));
    return { fileId, url: await temporaryUrl(fileId, LINK_SECONDS), fileName, bytes: written.bytes, sheets: written.sheets };
  });
};

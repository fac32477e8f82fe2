import type * as ExcelJS from 'exceljs';

/**
 * exceljs and its zip stack are over a megabyte of bundle that only admin imports and exports use. Loaded on
 * first use, never at import: scripts/build-functions.mjs writes a package loaded this way into its own file
 * beside index.js, so a member's cold start does not parse it (cold start budget, issue 13).
 */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  return import('exceljs');
}

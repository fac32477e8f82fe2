/**
 * The roster as an .xlsx file (exceljs): reading a sheet into rows for @zbxx/domain's planner, and writing
 * the template. Kept out of the package index on purpose: exceljs is large, so only the function that reads
 * rosters bundles it (`import … from '@zbxx/server/src/xlsx/roster-workbook'`).
 */
import type * as ExcelJS from 'exceljs';
import { cellText, columnHeader, findHeaderRow, mapHeaders, ROSTER_COLUMNS, type CellValue, type SheetRow } from '@zbxx/domain';
import { AppError } from '../app-error';
import { checkZipLimits } from '../zip-limits';
import { loadExcelJS } from './load-exceljs';

/** About a county's whole roster; larger sheets are split by the admin (the function has 60 s). */
export const MAX_ROSTER_ROWS = 20_000;

export const TEMPLATE_SHEET = '花名册';

function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return toCellValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return null;
}

function rowValues(row: ExcelJS.Row, width: number): CellValue[] {
  return Array.from({ length: width }, (_, i) => toCellValue(row.getCell(i + 1).value));
}

/**
 * The rows of the first sheet that has the roster's header row (within its first 5 rows). Row numbers are
 * the sheet's own, so an error can say 第 7 行 and the admin finds it at once.
 */
export async function readRosterSheet(content: Buffer): Promise<SheetRow[]> {
  checkZipLimits(content, new AppError('IMPORT.BAD_FILE', '无法读取该文件，请上传 .xlsx 格式的花名册（可先下载模板）'));
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT.BAD_FILE', '无法读取该文件，请上传 .xlsx 格式的花名册（可先下载模板）');
  }
  for (const sheet of workbook.worksheets) {
    const width = Math.max(sheet.columnCount, ROSTER_COLUMNS.length);
    const top = Array.from({ length: Math.min(5, sheet.rowCount) }, (_, i) => rowValues(sheet.getRow(i + 1), width).map(cellText));
    const headerIndex = findHeaderRow(top);
    if (headerIndex < 0) continue;
    const mapping = mapHeaders(top[headerIndex] ?? []);
    if (mapping.duplicated.length > 0) {
      throw new AppError('IMPORT.BAD_FILE', `表头中「${mapping.duplicated.map(columnHeader).join('、')}」出现了两次，请只保留一列`);
    }
    const dataRows = sheet.rowCount - (headerIndex + 1);
    if (dataRows > MAX_ROSTER_ROWS) throw new AppError('IMPORT.BAD_FILE', `一次最多导入${MAX_ROSTER_ROWS}行，请分成几个文件`);
    const rows: SheetRow[] = [];
    for (let r = headerIndex + 2; r <= sheet.rowCount; r += 1) {
      const values = rowValues(sheet.getRow(r), width);
      const cells: SheetRow['cells'] = {};
      for (const [key, index] of Object.entries(mapping.columns)) cells[key as keyof SheetRow['cells']] = values[index] ?? null;
      rows.push({ row: r, cells });
    }
    return rows;
  }
  const required = ROSTER_COLUMNS.filter((c) => c.required)
    .map((c) => c.header)
    .join('、');
  throw new AppError('IMPORT.BAD_FILE', `没有找到花名册表头，第一行应包含：${required}`);
}

/**
 * The template: one sheet to fill in (headers only, phone and date columns as text so Excel keeps leading
 * digits and typed dates), one with instructions, one listing the branches the admin may import into.
 */
export async function writeRosterTemplate(branchPaths: readonly string[]): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET);
  sheet.columns = ROSTER_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.key === 'branch' ? 36 : column.key === 'note' ? 24 : 14,
    style: column.key === 'phone' || column.key === 'joinedPartyOn' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 70 }];
  help.addRows([
    ['列', '说明'],
    ['姓名', '必填，与身份证一致'],
    ['性别', '必填，填写“男”或“女”'],
    ['手机号', '必填，11位手机号；党员绑定小程序时核对后4位'],
    ['所在支部', '必填，填写支部全称（见「支部名称」表）；有同名支部时写完整路径，如“城关镇党委/机关党支部”'],
    ['职务', '选填，如 党支部书记、组织委员、党员；不填视为“党员”；“党支部书记”自动成为该支部书记'],
    ['入党日期', '选填，如 2001-07-01'],
    ['备注', '选填'],
    ['', '已在花名册中的党员（按手机号识别）会被更新，不会重复添加'],
  ]);
  help.getRow(1).font = { bold: true };

  const branches = workbook.addWorksheet('支部名称');
  branches.columns = [{ header: '支部（完整路径）', width: 60 }];
  for (const path of branchPaths) branches.addRow([path]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import type { MemberDoc, OrgDoc } from '@zbxx/server';

/** A roster row as a test writes it into a sheet: any cell may be overridden (wrong branch, bad phone …). */
export type SheetCells = [
  name: unknown,
  gender: unknown,
  phone: unknown,
  branch: unknown,
  duty: unknown,
  joinedPartyOn: unknown,
  note: unknown,
];

/** How the template lists a branch: its path below the county. */
export function branchPath(orgs: readonly OrgDoc[], branchId: string): string {
  const byId = new Map(orgs.map((org) => [org._id, org]));
  const branch = byId.get(branchId)!;
  return [...branch.ancestors.slice(1).map((id) => byId.get(id)!.name), branch.name].join('/');
}

/** A demo member as a county's sheet would hold them, in the formats people type (numbers, dates, text). */
export function rowOf(member: MemberDoc, orgs: readonly OrgDoc[], index: number): SheetCells {
  const [y, m, d] = member.joinedPartyOn.split('-').map(Number) as [number, number, number];
  const joined = index % 3 === 0 ? new Date(Date.UTC(y, m - 1, d)) : index % 3 === 1 ? member.joinedPartyOn : `${y}年${m}月${d}日`;
  const phone = index % 2 === 0 ? Number(member.phone) : member.phone;
  return [member.name, member.gender === 'male' ? '男' : '女', phone, branchPath(orgs, member.branchId), member.duty, joined, null];
}

/** Fills the roster sheet of a downloaded template with rows and returns the file. */
export async function fillTemplate(template: Buffer, rows: readonly SheetCells[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  for (const row of rows) sheet.addRow(row as unknown[]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function sheetColumn(file: Buffer, sheetName: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const values: string[] = [];
  workbook.getWorksheet(sheetName)!.eachRow((row, n) => {
    if (n > 1) values.push(String(row.getCell(1).value));
  });
  return values;
}

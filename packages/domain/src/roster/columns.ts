/**
 * The roster sheet's columns (花名册): the template writes the first header of each, the importer accepts
 * every variant people use in their own sheets.
 */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', variants: ['姓名', '名字', '党员姓名'], required: true },
  { key: 'gender', header: '性别', variants: ['性别'], required: true },
  { key: 'phone', header: '手机号', variants: ['手机号', '手机', '手机号码', '联系电话', '电话', '联系方式'], required: true },
  { key: 'branch', header: '所在支部', variants: ['所在支部', '支部', '党组织', '所在党组织', '所在党支部'], required: true },
  { key: 'duty', header: '职务', variants: ['职务', '党内职务'], required: false },
  { key: 'joinedPartyOn', header: '入党日期', variants: ['入党日期', '入党时间'], required: false },
  { key: 'note', header: '备注', variants: ['备注'], required: false },
] as const;

export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

export function columnHeader(key: RosterColumnKey): string {
  return ROSTER_COLUMNS.find((column) => column.key === key)?.header ?? key;
}

/** Header cells compare without spaces, full-width forms or a trailing "（必填）"-style remark. */
function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（][^)）]*[)）]$/u, '')
    .replace(/[*＊:：]/g, '');
}

export interface HeaderMapping {
  /** 0-based index of each recognised column in the header row. */
  columns: Partial<Record<RosterColumnKey, number>>;
  missing: RosterColumnKey[];
  /** The same column given twice (e.g. 手机 and 联系电话): the sheet is ambiguous. */
  duplicated: RosterColumnKey[];
}

export function mapHeaders(headerCells: readonly string[]): HeaderMapping {
  const columns: Partial<Record<RosterColumnKey, number>> = {};
  const duplicated: RosterColumnKey[] = [];
  headerCells.forEach((cell, index) => {
    const text = normalizeHeader(cell);
    const column = ROSTER_COLUMNS.find((c) => (c.variants as readonly string[]).includes(text));
    if (!column) return;
    if (columns[column.key] !== undefined) duplicated.push(column.key);
    else columns[column.key] = index;
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.key);
  return { columns, missing, duplicated };
}

/** The header row is the first of the first few rows that names the required columns (titles may sit above). */
export function findHeaderRow(rows: readonly (readonly string[])[], maxScan = 5): number {
  for (let i = 0; i < Math.min(rows.length, maxScan); i += 1) {
    if (mapHeaders(rows[i] ?? []).missing.length === 0) return i;
  }
  return -1;
}

import { normalizePersonName } from '../person-name';
import type { BranchResolution } from './branch-resolver';
import { cellText, parseGender, parseJoinDate, parsePhone, type CellValue } from './cells';
import { columnHeader, type RosterColumnKey } from './columns';

/** One data row of the sheet, as read: `row` is the spreadsheet's own row number (what the admin sees). */
export interface SheetRow {
  row: number;
  cells: Partial<Record<RosterColumnKey, CellValue>>;
}

/** A roster entry's imported fields (what a row sets). */
export interface RosterRecord {
  name: string;
  nameKey: string;
  gender: 'male' | 'female';
  phone: string;
  branchId: string;
  duty: string;
  /** YYYY-MM-DD, or '' when the sheet leaves it empty. */
  joinedPartyOn: string;
  note: string;
}

/** What the planner needs to know of a member already on the roster with a phone the sheet uses. */
export interface ExistingMember {
  id: string;
  nameKey: string;
  phone: string;
  branchId: string;
  gender: 'male' | 'female';
  duty: string;
  joinedPartyOn: string;
  note?: string;
  /** Whether the importing admin's subtree holds this member. */
  inScope: boolean;
}

export type UpdatableField = 'gender' | 'branchId' | 'duty' | 'joinedPartyOn' | 'note';

export interface PlannedAdd {
  row: number;
  record: RosterRecord;
}

export interface PlannedUpdate {
  row: number;
  memberId: string;
  name: string;
  changes: Partial<Pick<RosterRecord, UpdatableField>>;
  /** The same fields' values before, so a failed write can be put back. */
  before: Partial<Pick<RosterRecord, UpdatableField>>;
}

export interface RowError {
  row: number;
  /** The template's header of the offending column, e.g. 手机号. */
  column: string;
  reason: string;
}

export interface RosterImportPlan {
  toAdd: PlannedAdd[];
  toUpdate: PlannedUpdate[];
  /** Rows that match an existing entry exactly. */
  unchanged: number[];
  errors: RowError[];
  /** Worth a second look but not wrong (two people of one name in one branch do exist): they do not block. */
  warnings: RowError[];
  /** Non-empty data rows read. */
  totalRows: number;
}

export const DEFAULT_DUTY = '党员';
export const MAX_NOTE_LENGTH = 200;
/**
 * A phone already on the roster outside the admin's subtree: the row cannot be imported, and the reason must not
 * tell the admin that this person is a member somewhere else in the county (nor where).
 */
export const OUT_OF_SCOPE_PHONE_REASON = '该手机号无法导入，请核对号码，或联系县委组织部';
const NAME_PATTERN = /^[^\p{C}<>]{1,20}$/u;

const BRANCH_REASONS: Record<Exclude<BranchResolution, { ok: true }>['reason'], string> = {
  empty: '所在支部不能为空',
  unknown: '找不到该支部（或不在您的管理范围内）',
  ambiguous: '有多个同名支部，请填写完整路径，如「某某党委/某某党支部」',
  retired: '该支部已撤销',
};

export interface PlanImportInput {
  rows: readonly SheetRow[];
  resolveBranch: (text: string) => BranchResolution;
  /** Roster entries whose phone appears in the sheet, keyed by phone. */
  existingByPhone: ReadonlyMap<string, ExistingMember>;
}

function isEmptyRow(row: SheetRow): boolean {
  return Object.values(row.cells).every((value) => value === null || value === undefined || cellText(value) === '');
}

/**
 * Checks every row and sorts the sheet into entries to add, entries to update, unchanged rows and errors
 * (row, column, reason: unknown branch, bad phone, duplicate person …). Pure: the caller looked up the tree
 * and the existing phones. A plan with any error must not be written.
 */
export function planRosterImport({ rows, resolveBranch, existingByPhone }: PlanImportInput): RosterImportPlan {
  const plan: RosterImportPlan = { toAdd: [], toUpdate: [], unchanged: [], errors: [], warnings: [], totalRows: 0 };
  const rowByPhone = new Map<string, number>();
  const rowByNameInBranch = new Map<string, number>();

  for (const sheetRow of rows) {
    if (isEmptyRow(sheetRow)) continue;
    plan.totalRows += 1;
    const { row, cells } = sheetRow;
    const errors: RowError[] = [];
    const fail = (key: RosterColumnKey, reason: string) => errors.push({ row, column: columnHeader(key), reason });

    const name = cellText(cells.name ?? null);
    if (name === '') fail('name', '姓名不能为空');
    else if (!NAME_PATTERN.test(name)) fail('name', '姓名不能超过20个字，且不能含特殊字符');

    const gender = parseGender(cells.gender ?? null);
    if (!gender) fail('gender', '性别应填写“男”或“女”');

    const phoneText = cellText(cells.phone ?? null);
    const phone = parsePhone(cells.phone ?? null);
    if (phoneText === '') fail('phone', '手机号不能为空');
    else if (!phone) fail('phone', `手机号「${phoneText}」不是有效的11位手机号`);

    const branch = resolveBranch(cellText(cells.branch ?? null));
    if (!branch.ok) fail('branch', BRANCH_REASONS[branch.reason]);

    const joinedPartyOn = parseJoinDate(cells.joinedPartyOn ?? null);
    if (joinedPartyOn === null) fail('joinedPartyOn', `入党日期「${cellText(cells.joinedPartyOn ?? null)}」无法识别，请写成 2001-07-01`);

    const duty = cellText(cells.duty ?? null) || DEFAULT_DUTY;
    if (duty.length > 20) fail('duty', '职务不能超过20个字');
    const note = cellText(cells.note ?? null);
    if (note.length > MAX_NOTE_LENGTH) fail('note', `备注不能超过${MAX_NOTE_LENGTH}个字`);

    const samePhoneRow = phone ? rowByPhone.get(phone) : undefined;
    if (samePhoneRow !== undefined) fail('phone', `与第${samePhoneRow}行手机号重复（同一人不能出现两次）`);
    else if (phone) rowByPhone.set(phone, row);
    const nameKey = normalizePersonName(name);
    if (nameKey !== '' && branch.ok && samePhoneRow === undefined) {
      const key = `${branch.branchId}\u0000${nameKey}`;
      const earlier = rowByNameInBranch.get(key);
      if (earlier !== undefined) {
        plan.warnings.push({ row, column: columnHeader('name'), reason: `与第${earlier}行同名且同一支部，请确认不是同一人` });
      } else rowByNameInBranch.set(key, row);
    }

    const existing = phone ? existingByPhone.get(phone) : undefined;
    if (existing && !existing.inScope) fail('phone', OUT_OF_SCOPE_PHONE_REASON);
    else if (existing && existing.nameKey !== nameKey && nameKey !== '') fail('phone', '该手机号已登记为另一名党员');

    if (errors.length > 0 || !gender || !phone || !branch.ok || joinedPartyOn === null) {
      plan.errors.push(...errors);
      continue;
    }
    const record: RosterRecord = { name, nameKey, gender, phone, branchId: branch.branchId, duty, joinedPartyOn, note };
    if (!existing) {
      plan.toAdd.push({ row, record });
      continue;
    }
    const update = diffExisting(existing, record);
    if (Object.keys(update.changes).length === 0) plan.unchanged.push(row);
    else plan.toUpdate.push({ row, memberId: existing.id, name, ...update });
  }
  return plan;
}

function diffExisting(existing: ExistingMember, record: RosterRecord): Pick<PlannedUpdate, 'changes' | 'before'> {
  const changes: PlannedUpdate['changes'] = {};
  const before: PlannedUpdate['before'] = {};
  const current: Pick<RosterRecord, UpdatableField> = {
    gender: existing.gender,
    branchId: existing.branchId,
    duty: existing.duty,
    joinedPartyOn: existing.joinedPartyOn,
    note: existing.note ?? '',
  };
  for (const field of ['gender', 'branchId', 'duty', 'joinedPartyOn', 'note'] as const) {
    // An empty date or note in the sheet keeps what the roster has: sheets are often less complete.
    if ((field === 'joinedPartyOn' || field === 'note') && record[field] === '') continue;
    if (record[field] !== current[field]) {
      (changes as Record<string, string>)[field] = record[field];
      (before as Record<string, string>)[field] = current[field];
    }
  }
  return { changes, before };
}

/** 书记 of a branch on the sheet becomes that branch's secretary role when the entry is created. */
export function isBranchSecretaryDuty(duty: string): boolean {
  return /^(党?支部)?书记$/.test(duty.replace(/\s+/g, ''));
}

import { createBranchResolver } from '../branch-resolver';
import type { CellValue } from '../cells';
import { isBranchSecretaryDuty, OUT_OF_SCOPE_PHONE_REASON, planRosterImport, type ExistingMember, type SheetRow } from '../plan-import';

const resolveBranch = createBranchResolver([
  { id: 'c1', name: '城关镇党委', type: 'committee', ancestors: [] },
  { id: 'b1', name: '东关社区党支部', type: 'branch', ancestors: ['c1'] },
  { id: 'b2', name: '西关社区党支部', type: 'branch', ancestors: ['c1'] },
]);

/** A valid row unless the test overrides a cell. */
function row(n: number, cells: Partial<Record<string, CellValue>> = {}): SheetRow {
  return {
    row: n,
    cells: {
      name: `党员${n}`,
      gender: '男',
      phone: `1390000${String(n).padStart(4, '0')}`,
      branch: '东关社区党支部',
      duty: '党员',
      joinedPartyOn: '2001-07-01',
      note: null,
      ...cells,
    },
  };
}

function existing(overrides: Partial<ExistingMember> = {}): ExistingMember {
  return {
    id: 'm-1',
    nameKey: '王芳',
    phone: '13700000001',
    branchId: 'b1',
    gender: 'female',
    duty: '党员',
    joinedPartyOn: '1999-07-01',
    inScope: true,
    ...overrides,
  };
}

const plan = (rows: SheetRow[], members: ExistingMember[] = []) =>
  planRosterImport({ rows, resolveBranch, existingByPhone: new Map(members.map((m) => [m.phone, m])) });

describe('planRosterImport', () => {
  it('turns valid rows into entries to add, with defaults for an empty duty and date', () => {
    const result = plan([row(2), row(3, { duty: null, joinedPartyOn: null, gender: '女', note: '流动党员' })]);
    expect(result.errors).toEqual([]);
    expect(result.totalRows).toBe(2);
    expect(result.toAdd).toEqual([
      {
        row: 2,
        record: {
          name: '党员2',
          nameKey: '党员2',
          gender: 'male',
          phone: '13900000002',
          branchId: 'b1',
          duty: '党员',
          joinedPartyOn: '2001-07-01',
          note: '',
        },
      },
      {
        row: 3,
        record: {
          name: '党员3',
          nameKey: '党员3',
          gender: 'female',
          phone: '13900000003',
          branchId: 'b1',
          duty: '党员',
          joinedPartyOn: '',
          note: '流动党员',
        },
      },
    ]);
  });

  it('lists each bad row with its row number, column and reason', () => {
    const result = plan([
      row(2),
      row(3, { branch: '北关社区党支部' }),
      row(4, { phone: '1380000' }),
      row(5, { phone: '13900000002', name: '另一人' }),
      row(6, { gender: '未知', joinedPartyOn: '去年' }),
      row(7, { name: '' }),
    ]);
    expect(result.toAdd.map((r) => r.row)).toEqual([2]);
    expect(result.errors).toEqual([
      { row: 3, column: '所在支部', reason: '找不到该支部（或不在您的管理范围内）' },
      { row: 4, column: '手机号', reason: '手机号「1380000」不是有效的11位手机号' },
      { row: 5, column: '手机号', reason: '与第2行手机号重复（同一人不能出现两次）' },
      { row: 6, column: '性别', reason: '性别应填写“男”或“女”' },
      { row: 6, column: '入党日期', reason: '入党日期「去年」无法识别，请写成 2001-07-01' },
      { row: 7, column: '姓名', reason: '姓名不能为空' },
    ]);
  });

  it('warns about the same name twice in one branch, without blocking (namesakes exist)', () => {
    const result = plan([row(2, { name: '张伟' }), row(3, { name: '张 伟' }), row(4, { name: '张伟', branch: '西关社区党支部' })]);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{ row: 3, column: '姓名', reason: '与第2行同名且同一支部，请确认不是同一人' }]);
    expect(result.toAdd.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it('does not also warn about the name of a row that repeats another row’s phone', () => {
    const result = plan([row(2, { name: '张伟' }), row(3, { name: '张伟', phone: '13900000002' })]);
    expect(result.errors).toEqual([{ row: 3, column: '手机号', reason: '与第2行手机号重复（同一人不能出现两次）' }]);
    expect(result.warnings).toEqual([]);
  });

  it('updates an existing entry found by phone, keeping fields the sheet leaves empty', () => {
    const result = plan(
      [
        row(2, { name: '王芳', gender: '女', phone: '13700000001', branch: '西关社区党支部', duty: '组织委员', joinedPartyOn: null }),
        row(3, { name: '李强', phone: '13700000002', joinedPartyOn: '1999-07-01', gender: '男' }),
      ],
      [existing(), existing({ id: 'm-2', nameKey: '李强', phone: '13700000002', gender: 'male' })],
    );
    expect(result.toUpdate).toEqual([
      { row: 2, memberId: 'm-1', name: '王芳', changes: { branchId: 'b2', duty: '组织委员' }, before: { branchId: 'b1', duty: '党员' } },
    ]);
    expect(result.unchanged).toEqual([3]);
    expect(result.toAdd).toEqual([]);
  });

  it('refuses a phone that belongs to another person or to someone outside the admin’s scope', () => {
    const result = plan(
      [row(2, { name: '赵六', phone: '13700000001' }), row(3, { name: '钱七', phone: '13700000009' })],
      [existing(), existing({ id: 'm-9', nameKey: '钱七', phone: '13700000009', inScope: false })],
    );
    expect(result.errors).toEqual([
      { row: 2, column: '手机号', reason: '该手机号已登记为另一名党员' },
      { row: 3, column: '手机号', reason: OUT_OF_SCOPE_PHONE_REASON },
    ]);
  });

  it('skips empty rows without counting them', () => {
    expect(plan([row(2), { row: 3, cells: { name: '', phone: null } }]).totalRows).toBe(1);
  });
});

describe('isBranchSecretaryDuty', () => {
  it('recognises 书记 but not 副书记 or committee members', () => {
    expect(['书记', '党支部书记', '支部书记'].every(isBranchSecretaryDuty)).toBe(true);
    expect(['副书记', '党支部副书记', '组织委员', '党员'].some(isBranchSecretaryDuty)).toBe(false);
  });
});

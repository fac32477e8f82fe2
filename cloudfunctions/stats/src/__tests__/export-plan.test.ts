import {
  MEMBER_PAGE,
  partSeq,
  planExport,
  progressOf,
  SMALL_WRITE_ROWS,
  unitLabel,
  withMemberPages,
  writeFitsNow,
  type ExportUnit,
} from '../export/export-plan';
import { packMemberRow, unpackMemberRow, type MemberRow } from '../export/member-part-row';

const months = ['2026-01', '2026-02'];

describe('planExport', () => {
  it('per month 汇总, a page of members per 1000 on the roster, 主题党日, 答题分析; then the file', () => {
    const units = planExport(months, 1500);
    expect(units.map((u) => (u.sheet === 'write' ? 'write' : `${u.sheet} ${u.month} ${u.page}`))).toEqual([
      'summary 2026-01 0',
      'members 2026-01 0',
      'members 2026-01 1',
      'events 2026-01 0',
      'items 2026-01 0',
      'summary 2026-02 0',
      'members 2026-02 0',
      'members 2026-02 1',
      'events 2026-02 0',
      'items 2026-02 0',
      'write',
    ]);
  });

  it('plans one page for an empty roster (members who left may still count that month)', () => {
    expect(planExport(['2026-01'], 0).filter((u) => u.sheet === 'members')).toHaveLength(1);
  });

  it('labels the next unit and counts units done of the total', () => {
    const units = planExport(months, 10);
    expect(progressOf(units, 1)).toEqual({ done: 1, total: 9, label: '党员明细 2026-01 第1页' });
    expect(progressOf(units, 8)).toEqual({ done: 8, total: 9, label: '写入文件' });
    expect(progressOf(units, 9)).toEqual({ done: 9, total: 9, label: '已完成' });
    expect(unitLabel({ sheet: 'events', month: '2026-02', page: 0 })).toBe('主题党日 2026-02');
  });

  it('orders parts by month, then page', () => {
    const seqs = [
      { sheet: 'members', month: '2026-02', page: 0 },
      { sheet: 'members', month: '2026-01', page: 1 },
      { sheet: 'members', month: '2026-01', page: 0 },
    ] as const;
    expect(seqs.map((u) => partSeq(months, u))).toEqual([MEMBER_PAGE, 1, 0]);
  });
});

describe('withMemberPages', () => {
  const keys = (units: ExportUnit[]) => units.map((u) => (u.sheet === 'write' ? 'write' : `${u.sheet} ${u.month} ${u.page}`));

  it('gives the month as many page units as were planned, where the estimate stood', () => {
    const { units, dropped } = withMemberPages(planExport(months, 1000), '2026-01', 3);
    expect(keys(units)).toEqual([
      'summary 2026-01 0',
      'members 2026-01 0',
      'members 2026-01 1',
      'members 2026-01 2',
      'events 2026-01 0',
      'items 2026-01 0',
      'summary 2026-02 0',
      'members 2026-02 0',
      'events 2026-02 0',
      'items 2026-02 0',
      'write',
    ]);
    expect(dropped).toEqual([]);
  });

  it('drops the pages the estimate had too many of, and names them; a month without members keeps one page', () => {
    const estimated = planExport(months, 3500);
    const fewer = withMemberPages(estimated, '2026-02', 2);
    expect(keys(fewer.units).filter((k) => k.startsWith('members 2026-02'))).toEqual(['members 2026-02 0', 'members 2026-02 1']);
    expect(keys(fewer.dropped)).toEqual(['members 2026-02 2', 'members 2026-02 3']);
    expect(keys(fewer.units).filter((k) => k.startsWith('members 2026-01'))).toHaveLength(4);
    expect(keys(withMemberPages(estimated, '2026-01', 0).units).filter((k) => k.startsWith('members 2026-01'))).toEqual([
      'members 2026-01 0',
    ]);
  });

  it('planned again with the same count, nothing changes', () => {
    const once = withMemberPages(planExport(months, 10), '2026-01', 2).units;
    expect(withMemberPages(once, '2026-01', 2)).toEqual({ units: once, dropped: [] });
  });
});

describe('writeFitsNow', () => {
  it('writes as a step’s first unit whatever the size, after other units only a small export with time to spare', () => {
    expect(writeFitsNow(0, 0, 0, 240_000)).toBe(true);
    expect(writeFitsNow(5, 3_000, 20_000, SMALL_WRITE_ROWS)).toBe(true);
    expect(writeFitsNow(5, 3_000, 20_000, SMALL_WRITE_ROWS + 1)).toBe(false);
    expect(writeFitsNow(5, 19_900, 20_000, 2_000)).toBe(false);
    expect(writeFitsNow(1, 0, 0, 10)).toBe(false);
  });
});

describe('member part rows', () => {
  it('a row packed into its array comes back as it was', () => {
    const rows: MemberRow[] = [
      {
        memberId: 'm-1',
        branchId: 'org-b0001',
        name: '王建国',
        duty: '支部书记',
        status: {
          study: { status: 'done', done: 2, required: 2 },
          quiz: { status: 'passed', score: 85, maxScore: 100 },
          partyDay: { status: 'madeUp' },
          complete: true,
          missing: [],
        },
      },
      {
        memberId: 'm-2',
        branchId: 'org-b0002',
        name: '李梅',
        duty: '',
        status: {
          study: { status: 'notRequired', done: 0, required: 0 },
          quiz: { status: 'notTaken', score: null, maxScore: null },
          partyDay: { status: 'notRequired' },
          complete: false,
          missing: ['quiz'],
        },
      },
    ];
    for (const row of rows) expect(unpackMemberRow(JSON.parse(JSON.stringify(packMemberRow(row))))).toEqual(row);
  });
});

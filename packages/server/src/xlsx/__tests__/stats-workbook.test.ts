import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import {
  emptyTotals,
  FIGURE_SHEET_HEADER,
  figureSheetRows,
  memberMonthStatus,
  ratesOf,
  type GroupTotals,
  type MemberMonthStatus,
} from '@zbxx/domain';
import {
  withTempWorkbookPath,
  writeStatsWorkbook,
  yearSentence,
  type EventSheetRow,
  type ItemSheetRow,
  type MemberSheetRow,
  type StatsWorkbookSource,
  type SummarySheetRow,
  type YearFigures,
} from '../stats-workbook';

const totals = (over: Partial<GroupTotals>): GroupTotals => ({ ...emptyTotals(), ...over });

const branchTotals = totals({
  members: 4,
  studyRequired: 4,
  studyDone: 3,
  quizRequired: 4,
  quizTaken: 2,
  quizPassed: 1,
  quizScoreSum: 150,
  partyDayRequired: 4,
  partyDayAttended: 3,
  complete: 1,
});
const summaryRows: SummarySheetRow[] = [
  {
    month: '2026-01',
    kind: 'branch',
    parents: ['城关镇党委'],
    branchName: '东关社区党支部',
    retired: false,
    members: 4,
    complete: 1,
    rates: ratesOf(branchTotals),
  },
  {
    month: '2026-01',
    kind: 'branch',
    parents: ['城关镇党委'],
    branchName: '西关社区党支部',
    retired: true,
    members: 0,
    complete: 0,
    rates: ratesOf(emptyTotals()),
  },
  {
    month: '2026-01',
    kind: 'total',
    parents: ['清河县'],
    branchName: '',
    retired: false,
    members: 4,
    complete: 1,
    rates: ratesOf(branchTotals),
  },
];

const status = (over: Partial<MemberMonthStatus>): MemberMonthStatus => ({
  ...memberMonthStatus(
    { memberId: 'm', branchId: 'b', orgPath: ['c', 'b'], completedMaterialIds: [], attempts: [], attendance: [] },
    { plans: [], rounds: [], eventsByBranch: {} },
  ),
  ...over,
});

async function* memberRows(count: number): AsyncGenerator<MemberSheetRow> {
  for (let i = 0; i < count; i += 1) {
    yield {
      month: '2026-01',
      branchName: '东关社区党支部',
      name: `党员${i}`,
      duty: '党员',
      status:
        i === 0
          ? status({
              study: { status: 'inProgress', done: 1, required: 2 },
              quiz: { status: 'failed', score: 55, maxScore: 100 },
              partyDay: { status: 'excused' },
              complete: false,
              missing: ['study', 'quiz', 'partyDay'],
            })
          : status({
              study: { status: 'done', done: 2, required: 2 },
              quiz: { status: 'passed', score: 90, maxScore: 100 },
              partyDay: { status: 'madeUp' },
              complete: true,
              missing: [],
            }),
    };
  }
}

const eventRow: EventSheetRow = {
  month: '2026-01',
  branchName: '东关社区党支部',
  theme: '学习贯彻党的二十届四中全会精神',
  place: '社区会议室',
  startsAt: new Date('2026-01-10T01:30:00Z'), // 09:30 in Shanghai
  expected: 4,
  present: 2,
  late: 1,
  excused: 1,
  madeUp: 0,
  absent: 0,
  pending: 0,
};

const itemRow: ItemSheetRow = {
  roundTitle: '1月党内法规答题',
  month: '2026-01',
  stem: '党员有哪些义务？',
  category: '党章',
  citation: '《中国共产党章程》第三条',
  key: 'AB',
  examinees: 20,
  facility: 0.45,
  discrimination: 0.3,
  optionCounts: { C: 2, A: 15, B: 10 },
  unanswered: 1,
  flags: ['过难'],
};

const figures: YearFigures = {
  nodeName: '清河县',
  fromMonth: '2026-01',
  toMonth: '2026-11',
  members: 200,
  partyDaysHeld: 132,
  partyDayPersonTimes: 1850,
  madeUpPersonTimes: 40,
  membersReachedByPartyDay: 200,
  materialsPublished: 22,
  studyPersonTimes: 4100,
  quizParticipants: 190,
  quizPersonTimes: 2000,
  quizAverageScore: 86.25,
  quizPassRate: 0.9,
};

function source(memberCount: number, yearFigures: () => YearFigures = () => figures): StatsWorkbookSource {
  return { summary: summaryRows, members: memberRows(memberCount), events: [eventRow], items: [itemRow], yearFigures };
}

async function written(src: StatsWorkbookSource) {
  return withTempWorkbookPath('统计.xlsx', async (filePath) => {
    const result = await writeStatsWorkbook(filePath, src);
    return { result, content: readFileSync(filePath) };
  });
}

const rowsOf = (wb: XLSX.WorkBook, name: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1, raw: true, defval: null });

describe('writeStatsWorkbook (read back with SheetJS, a different reader)', () => {
  let wb: XLSX.WorkBook;
  let content: Buffer;
  let result: Awaited<ReturnType<typeof writeStatsWorkbook>>;

  beforeAll(async () => {
    ({ result, content } = await written(source(3)));
    wb = XLSX.read(content, { type: 'buffer', cellDates: true, cellNF: true });
  });

  it('writes the six sheets in order and reports their data rows and size', () => {
    expect(wb.SheetNames).toEqual(['汇总', '党员明细', '主题党日', '答题分析', '年度数据', '口径说明']);
    expect(result.sheets).toEqual([
      { name: '汇总', rows: 3 },
      { name: '党员明细', rows: 3 },
      { name: '主题党日', rows: 1 },
      { name: '答题分析', rows: 1 },
      { name: '年度数据', rows: 16 },
      { name: '口径说明', rows: figureSheetRows().length },
    ]);
    expect(result.bytes).toBe(content.length);
  });

  it('汇总: Chinese headers, rates as fractions in 0.0%, totals labelled, empty cells where nobody was asked', () => {
    const rows = rowsOf(wb, '汇总');
    expect(rows[0]).toEqual([
      '月份',
      '上级党组织',
      '党支部',
      '党员人数',
      '学习完成率',
      '答题参与率',
      '答题平均分',
      '答题合格率',
      '主题党日参加率（含补学）',
      '全部完成人数',
      '月度完成率',
    ]);
    expect(rows[1]).toEqual(['2026-01', '城关镇党委', '东关社区党支部', 4, 0.75, 0.5, 75, 0.5, 0.75, 1, 0.25]);
    expect(rows[2]).toEqual(['2026-01', '城关镇党委', '西关社区党支部（已撤销）', 0, null, null, null, null, null, 0, null]);
    expect(rows[3]?.slice(0, 3)).toEqual(['2026-01', '清河县', '合计']);
    const sheet = wb.Sheets['汇总'] as XLSX.WorkSheet;
    expect(sheet.E2?.z).toBe('0.0%');
    // Scores are written rounded, in General: 85 and 50.3 as the app's formatScore shows them.
    expect(sheet.G2?.z ?? 'General').toBe('General');
    expect(XLSX.utils.format_cell(sheet.E2 as XLSX.CellObject)).toBe('75.0%');
  });

  it('党员明细: study counts, quiz and 主题党日 states in Chinese, 是/否 and the open tasks', () => {
    const rows = rowsOf(wb, '党员明细');
    expect(rows[0]).toEqual([
      '月份',
      '党支部',
      '姓名',
      '职务',
      '已学资料',
      '应学资料',
      '答题情况',
      '答题得分',
      '主题党日',
      '是否完成',
      '未完成事项',
    ]);
    expect(rows[1]).toEqual(['2026-01', '东关社区党支部', '党员0', '党员', 1, 2, '未合格', 55, '请假', '否', '学习、答题、主题党日']);
    expect(rows[2]).toEqual(['2026-01', '东关社区党支部', '党员1', '党员', 2, 2, '已合格', 90, '补学', '是', null]);
  });

  it('主题党日: the start as Shanghai wall-clock time in a date format, and the attendance rate', () => {
    const sheet = wb.Sheets['主题党日'] as XLSX.WorkSheet;
    expect(sheet.E2?.z).toBe('yyyy-mm-dd hh:mm');
    expect(XLSX.utils.format_cell(sheet.E2 as XLSX.CellObject)).toBe('2026-01-10 09:30');
    expect(rowsOf(wb, '主题党日')[1]?.slice(5)).toEqual([4, 2, 1, 1, 0, 0, 0, 0.75]);
  });

  it('答题分析: options in label order, flags joined', () => {
    expect(rowsOf(wb, '答题分析')[1]).toEqual([
      '1月党内法规答题',
      '2026-01',
      '党员有哪些义务？',
      '党章',
      '《中国共产党章程》第三条',
      'AB',
      20,
      0.45,
      0.3,
      'A:15 B:10 C:2',
      1,
      '过难',
    ]);
  });

  it('年度数据: labelled figures and a sentence ready to paste', () => {
    const rows = rowsOf(wb, '年度数据');
    const value = (label: string) => rows.find((row) => row[0] === label)?.[1];
    expect(value('开展主题党日')).toBe(132);
    expect(value('主题党日参加人次（出席+迟到）')).toBe(1850);
    expect(value('主题党日覆盖率')).toBe(1);
    expect(value('党规答题合格率')).toBe(0.9);
    expect(rows.at(-1)?.slice(0, 2)).toEqual(['可直接引用', yearSentence(figures)]);
    expect(yearSentence(figures)).toBe(
      '开展主题党日132次，参与1850人次，实现全覆盖；发布必学资料22篇，完成学习4100人次；190名党员参加党规答题，平均86.3分，合格率90.0%。',
    );
  });

  it('口径说明: the domain figure table, row for row (FIGURES.md is generated from the same table)', () => {
    const rows = rowsOf(wb, '口径说明');
    expect(rows[0]).toEqual(FIGURE_SHEET_HEADER);
    expect(rows.slice(1).map((row) => row.map((cell) => cell ?? ''))).toEqual(figureSheetRows());
  });

  it('freezes the header row of every sheet and sets column widths', async () => {
    const zip = await JSZip.loadAsync(content);
    for (let i = 1; i <= 5; i += 1) {
      const xml = await zip.file(`xl/worksheets/sheet${i}.xml`)?.async('string');
      expect(xml).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
      expect(xml).toMatch(/<col [^>]*width="/);
    }
  });
});

describe('streaming', () => {
  it('asks for the year figures after every other sheet has been consumed', async () => {
    let membersSeen = 0;
    async function* counted(): AsyncGenerator<MemberSheetRow> {
      for await (const row of memberRows(5)) {
        membersSeen += 1;
        yield row;
      }
    }
    let seenWhenAsked = -1;
    const { result } = await written({ ...source(0), members: counted(), yearFigures: () => ((seenWhenAsked = membersSeen), figures) });
    expect(seenWhenAsked).toBe(5);
    expect(result.sheets[1]).toEqual({ name: '党员明细', rows: 5 });
  });

  it('writes 50,000 member rows with the heap staying flat (rows are committed, not kept)', async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    async function* many(): AsyncGenerator<MemberSheetRow> {
      let i = 0;
      for await (const row of memberRows(50_000)) {
        if ((i += 1) % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
        yield row;
      }
    }
    const { result } = await written({ ...source(0), members: many() });
    expect(result.sheets[1]?.rows).toBe(50_000);
    // A kept row costs well over 1 KB in exceljs; 50,000 of them would add more than 50 MB.
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  }, 60_000);
});

/**
 * The sheets of the statistics export (统计导出): their Chinese headers, widths and formats, and how one typed
 * row becomes the cells of one sheet row. No I/O here: `stats-workbook.ts` streams these rows to a file.
 */
import { FAIL_WORD, formatPercent, formatScore, PASS_RATE_NAME, PASS_WORD, QUIZ_NAME, roundScore } from '@zbxx/contracts';
import { ATTENDANCE_STATE_LABELS, type EventAttendanceCounts, type GroupRates, type MemberMonthStatus, type TaskKind } from '@zbxx/domain';

export const PERCENT_FORMAT = '0.0%';
// Scores are written rounded (contracts `roundScore`) in General format: 85 and 50.3, as the app shows them.
export const SCORE_FORMAT = 'General';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

export interface SheetColumn {
  header: string;
  width: number;
  numFmt?: string;
}

export type Cell = string | number | Date | null;

/** 汇总: one branch in one month, or the node's total for the month (`kind: 'total'`). */
export interface SummarySheetRow {
  month: string;
  kind: 'branch' | 'total';
  /** Names from below the county down to the branch's parent (党委 / 党总支), or the node's name for a total. */
  parents: readonly string[];
  branchName: string;
  retired: boolean;
  members: number;
  complete: number;
  rates: GroupRates;
}

/** 党员明细: one member in one month, with the domain's month status. */
export interface MemberSheetRow {
  month: string;
  branchName: string;
  name: string;
  duty: string;
  status: MemberMonthStatus;
}

/** 主题党日: one event with its counts at the export's instant (`eventAttendanceCounts`: 缺席 only once it is over). */
export interface EventSheetRow extends EventAttendanceCounts {
  month: string;
  branchName: string;
  theme: string;
  place: string;
  startsAt: Date;
}

/** 答题分析: one question of one round. */
export interface ItemSheetRow {
  roundTitle: string;
  month: string;
  stem: string;
  category: string;
  citation: string;
  key: string;
  examinees: number;
  /** Share fully correct, 0–1. */
  facility: number;
  discrimination: number | null;
  /** Option label → how many chose it. */
  optionCounts: Readonly<Record<string, number>>;
  /** The options' text by bank letter (members saw them shuffled). */
  options?: readonly { id: string; text: string }[];
  unanswered: number;
  flags: readonly string[];
}

/** 年度数据: the figures a year-end report quotes, for the node and the month range. */
export interface YearFigures {
  nodeName: string;
  fromMonth: string;
  toMonth: string;
  /** Members who counted in the node in at least one month of the range (each once). */
  members: number;
  partyDaysHeld: number;
  /** 出席 + 迟到, summed over the events. */
  partyDayPersonTimes: number;
  madeUpPersonTimes: number;
  /** Members with at least one 出席 / 迟到 / 补学 in the range. */
  membersReachedByPartyDay: number;
  materialsPublished: number;
  /** Required materials completed, summed over members and months. */
  studyPersonTimes: number;
  /** Distinct members with a finished attempt. */
  quizParticipants: number;
  /** Member-months with a graded score, summed over the months. */
  quizPersonTimes: number;
  quizAverageScore: number | null;
  quizPassRate: number | null;
}

export interface SheetSpec<Row> {
  name: string;
  columns: readonly SheetColumn[];
  cells(row: Row): Cell[];
  /** Rows drawn in bold (totals). */
  bold?(row: Row): boolean;
}

const TASK_LABELS: Record<TaskKind, string> = { study: '学习', quiz: '答题', partyDay: '主题党日' };
const QUIZ_STATUS_LABELS: Record<MemberMonthStatus['quiz']['status'], string> = {
  notRequired: '无要求',
  notTaken: '未答题',
  failed: FAIL_WORD,
  passed: `已${PASS_WORD}`,
};
/** Excel has no time zones: times are written as the Asia/Shanghai wall clock a clerk expects. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export const shanghaiWallClock = (at: Date): Date => new Date(at.getTime() + SHANGHAI_OFFSET_MS);
const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const score = (value: number | null): number | null => (value === null ? null : roundScore(value));

export const summarySheet: SheetSpec<SummarySheetRow> = {
  name: '汇总',
  columns: [
    { header: '月份', width: 10 },
    { header: '上级党组织', width: 30 },
    { header: '党支部', width: 28 },
    { header: '党员人数', width: 10 },
    { header: '学习完成率', width: 12, numFmt: PERCENT_FORMAT },
    { header: '答题参与率', width: 12, numFmt: PERCENT_FORMAT },
    { header: '答题平均分', width: 12, numFmt: SCORE_FORMAT },
    { header: `答题${PASS_RATE_NAME}`, width: 12, numFmt: PERCENT_FORMAT },
    { header: '主题党日参加率（含补学）', width: 16, numFmt: PERCENT_FORMAT },
    { header: '全部完成人数', width: 12 },
    { header: '月度完成率', width: 12, numFmt: PERCENT_FORMAT },
  ],
  cells: (row) => [
    row.month,
    row.parents.join(' / '),
    row.kind === 'total' ? '合计' : row.retired ? `${row.branchName}（已撤销）` : row.branchName,
    row.members,
    row.rates.study,
    row.rates.quizParticipation,
    score(row.rates.quizAverageScore),
    row.rates.quizPass,
    row.rates.partyDay,
    row.complete,
    row.rates.completion,
  ],
  bold: (row) => row.kind === 'total',
};

export const memberSheet: SheetSpec<MemberSheetRow> = {
  name: '党员明细',
  columns: [
    { header: '月份', width: 10 },
    { header: '党支部', width: 28 },
    { header: '姓名', width: 10 },
    { header: '职务', width: 14 },
    { header: '已学资料', width: 10 },
    { header: '应学资料', width: 10 },
    { header: '答题情况', width: 10 },
    { header: '答题得分', width: 10, numFmt: SCORE_FORMAT },
    { header: '主题党日', width: 12 },
    { header: '是否完成', width: 10 },
    { header: '未完成事项', width: 22 },
  ],
  cells: (row) => [
    row.month,
    row.branchName,
    row.name,
    row.duty,
    row.status.study.done,
    row.status.study.required,
    QUIZ_STATUS_LABELS[row.status.quiz.status],
    score(row.status.quiz.score),
    row.status.partyDay.status === 'notRequired'
      ? '无安排'
      : `${ATTENDANCE_STATE_LABELS[row.status.partyDay.status]}${row.status.partyDay.selfMade ? '（本人自行变更）' : ''}`,
    row.status.complete ? '是' : '否',
    row.status.missing.map((kind) => TASK_LABELS[kind]).join('、') || null,
  ],
};

export const eventSheet: SheetSpec<EventSheetRow> = {
  name: '主题党日',
  columns: [
    { header: '月份', width: 10 },
    { header: '党支部', width: 28 },
    { header: '主题', width: 36 },
    { header: '地点', width: 24 },
    { header: '开始时间', width: 18, numFmt: DATE_TIME_FORMAT },
    { header: '应到人数', width: 10 },
    { header: '出席', width: 8 },
    { header: '迟到', width: 8 },
    { header: '请假', width: 8 },
    { header: '补学', width: 8 },
    { header: '缺席', width: 8 },
    { header: '未签到', width: 8 },
    { header: '到会率（出席+迟到）', width: 14, numFmt: PERCENT_FORMAT },
  ],
  cells: (row) => [
    row.month,
    row.branchName,
    row.theme,
    row.place,
    shanghaiWallClock(row.startsAt),
    row.expected,
    row.present,
    row.late,
    row.excused,
    row.madeUp,
    row.absent,
    row.pending,
    share(row.present + row.late, row.expected),
  ],
};

export const itemSheet: SheetSpec<ItemSheetRow> = {
  name: '答题分析',
  columns: [
    { header: '答题活动', width: 24 },
    { header: '月份', width: 10 },
    { header: '题目', width: 48 },
    { header: '分类', width: 14 },
    { header: '出处', width: 24 },
    { header: '答案（题库中的选项字母）', width: 12 },
    { header: '作答人数', width: 10 },
    { header: '正确率', width: 10, numFmt: PERCENT_FORMAT },
    { header: '区分度', width: 10, numFmt: '0.00' },
    { header: '选项分布（字母同题库，作答时已打乱）', width: 36 },
    { header: '未作答', width: 8 },
    { header: '提示', width: 36 },
  ],
  cells: (row) => [
    row.roundTitle,
    row.month,
    row.stem,
    row.category,
    row.citation,
    row.key,
    row.examinees,
    row.facility,
    row.discrimination,
    Object.entries(row.optionCounts)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([option, count]) => {
        const text = row.options?.find((o) => o.id === option)?.text;
        return text ? `${option}「${text}」:${count}` : `${option}:${count}`;
      })
      .join(' '),
    row.unanswered,
    row.flags.join('；') || null,
  ],
};

/** 年度数据 as label / value / unit rows, plus a sentence to paste into a report. */
export interface FigureLine {
  label: string;
  value: Cell;
  unit: string;
  numFmt?: string;
}

export const yearSheetColumns: readonly SheetColumn[] = [
  { header: '项目', width: 40 },
  { header: '数值', width: 14 },
  { header: '单位', width: 8 },
];

export function yearFigureLines(f: YearFigures): FigureLine[] {
  const coverage = share(f.membersReachedByPartyDay, f.members);
  return [
    { label: '统计范围', value: f.nodeName, unit: '' },
    { label: '统计期间', value: f.fromMonth === f.toMonth ? f.fromMonth : `${f.fromMonth} 至 ${f.toMonth}`, unit: '' },
    { label: '党员人数（统计期内在册，去重）', value: f.members, unit: '人' },
    { label: '开展主题党日', value: f.partyDaysHeld, unit: '次' },
    { label: '主题党日参加人次（出席+迟到）', value: f.partyDayPersonTimes, unit: '人次' },
    { label: '主题党日补学人次', value: f.madeUpPersonTimes, unit: '人次' },
    { label: '至少参加（或补学）一次主题党日的党员', value: f.membersReachedByPartyDay, unit: '人' },
    { label: '主题党日覆盖率', value: coverage, unit: '', numFmt: PERCENT_FORMAT },
    { label: '发布必学资料', value: f.materialsPublished, unit: '篇' },
    { label: '完成必学资料学习', value: f.studyPersonTimes, unit: '人次' },
    { label: `参加${QUIZ_NAME}党员`, value: f.quizParticipants, unit: '人' },
    { label: `参加${QUIZ_NAME}人次`, value: f.quizPersonTimes, unit: '人次' },
    { label: `${QUIZ_NAME}平均分`, value: score(f.quizAverageScore), unit: '分', numFmt: SCORE_FORMAT },
    { label: `${QUIZ_NAME}${PASS_RATE_NAME}`, value: f.quizPassRate, unit: '', numFmt: PERCENT_FORMAT },
  ];
}

/** The sentence a clerk copies: "开展主题党日X次，参与XX人次，…". */
export function yearSentence(f: YearFigures): string {
  const coverage = share(f.membersReachedByPartyDay, f.members);
  const covered = coverage === 1 ? '实现全覆盖' : `覆盖率${formatPercent(coverage)}`;
  const average = formatScore(f.quizAverageScore);
  return (
    `开展主题党日${f.partyDaysHeld}次，参与${f.partyDayPersonTimes}人次，${covered}；` +
    `发布必学资料${f.materialsPublished}篇，完成学习${f.studyPersonTimes}人次；` +
    `${f.quizParticipants}名党员参加${QUIZ_NAME}，平均${average}分，${PASS_RATE_NAME}${formatPercent(f.quizPassRate)}。`
  );
}

/**
 * 统计口径: one definition per figure our views and the export show. The table below is the written form;
 * `month-completion.ts`, `totals.ts` (and their aggregation twin `completion-pipeline.ts`) and the functions
 * here compute them. FIGURES.md beside this file is generated from the table (a test keeps it equal) and the
 * export's 口径说明 sheet is written from it, so the page, the sheet and the code cannot drift apart.
 */
import { absenceDecided, type AttendanceEvent } from '../checkin/attendance';
import type { GroupRates, GroupTotals } from './totals';

export type FigureId =
  | 'memberMonth'
  | 'study'
  | 'quizParticipation'
  | 'quizPass'
  | 'quizAverageScore'
  | 'partyDay'
  | 'partyDayCounts'
  | 'completion'
  | 'yearPartyDaysHeld'
  | 'yearPartyDayPersonTimes'
  | 'yearMaterialsPublished'
  | 'yearStudyPersonTimes'
  | 'yearCoverage'
  | 'yearQuizParticipants'
  | 'yearQuizAverage'
  | 'yearQuizPassRate';

export interface FigureDefinition {
  id: FigureId;
  name: string;
  numerator: string;
  /** Empty for a count. */
  denominator: string;
  /** Which members count. */
  members: string;
  /** Which plans, rounds or events count. */
  scope: string;
  /** At which instant the figure is taken. */
  instant: string;
  /** How it is rounded and shown. */
  rounding: string;
}

const MEMBERS_OF_MONTH = '当月月末（本月为此刻）所在支部在统计范围内的党员；月中转出的党员算在转出前的支部，月末后才入册的不计';
const NOW = '查看时刻（导出为发起导出的时刻）；本月按此刻，往月按实际记录';
const PERCENT = '百分比保留一位小数（85.6%），分母为 0 显示“—”';
const SCORE = '分数四舍五入保留一位小数，末尾的 .0 省略（85、50.3）';
/** The 口径 of 缺席, applied by the sheet, the matrix, the roll-ups and the export alike (`absenceDecided`). */
export const ABSENCE_RULE =
  '活动开始前及进行中未签到记为“未签到（待签到）”，不算缺席；书记结束签到后，或活动结束时间已过仍未结束签到的，未签到者记为缺席';
/** When an event counts as held in 年度数据 (`partyDayHeld`). */
export const HELD_RULE = '已开始（开始时间已到）、已结束签到或已有人签到的活动算“已开展”；尚未开展的活动不计次数，其签到也不计人次';

export const FIGURES: readonly FigureDefinition[] = [
  {
    id: 'memberMonth',
    name: '党员月度完成',
    numerator: '必学资料全部读完，到达本人的每一轮党规答题都合格，当月主题党日出席、迟到或已补学',
    denominator: '',
    members: MEMBERS_OF_MONTH,
    scope: '当月已发布、到达本人所在组织路径的学习计划与答题；本人所在支部当月的主题党日。当月未布置的事项记为“无此项”，视为满足',
    instant: NOW,
    rounding: '是 / 否',
  },
  {
    id: 'study',
    name: '学习完成率',
    numerator: '必学资料全部读完的党员数',
    denominator: '当月有必学资料的党员数',
    members: MEMBERS_OF_MONTH,
    scope: '当月已发布计划中的必学资料（选学不计）；读完以服务器判定的“已完成”为准，何时读完不限',
    instant: NOW,
    rounding: PERCENT,
  },
  {
    id: 'quizParticipation',
    name: '答题参与率',
    numerator: '至少交卷一次（有成绩）的党员数',
    denominator: '当月有党规答题到达的党员数',
    members: MEMBERS_OF_MONTH,
    scope: '当月已发布、到达本人的答题轮次；未交卷的作答不计',
    instant: NOW,
    rounding: PERCENT,
  },
  {
    id: 'quizPass',
    name: '答题合格率',
    numerator: '到达本人的每一轮都合格的党员数',
    denominator: '有成绩的党员数（参加答题的人）',
    members: MEMBERS_OF_MONTH,
    scope: '每轮按该轮计分方式取一次成绩（最高分或最后一次）；是否合格以交卷时判定为准',
    instant: NOW,
    rounding: PERCENT,
  },
  {
    id: 'quizAverageScore',
    name: '答题平均分',
    numerator: '有成绩党员的成绩之和（一人多轮取各轮平均）',
    denominator: '有成绩的党员数',
    members: MEMBERS_OF_MONTH,
    scope: '同“答题合格率”',
    instant: NOW,
    rounding: SCORE,
  },
  {
    id: 'partyDay',
    name: '党日参加率',
    numerator: '出席 + 迟到 + 已补学的党员数',
    denominator: '当月所在支部有主题党日的党员数',
    members: MEMBERS_OF_MONTH,
    scope: `当月所在支部的主题党日；月中转出者在原支部的记录随本人；${ABSENCE_RULE}`,
    instant: NOW,
    rounding: PERCENT,
  },
  {
    id: 'partyDayCounts',
    name: '出席 / 迟到 / 请假 / 补学 / 缺席 / 未签到人数',
    numerator: '按每人当月最好的一种状态分别计数（出席 > 迟到 > 补学 > 请假 > 请假待审批 > 未签到 > 缺席），各人只计一次',
    denominator: '',
    members: MEMBERS_OF_MONTH,
    scope: `同“党日参加率”；请假后补学的记为补学，不再记为请假；${ABSENCE_RULE}`,
    instant: NOW,
    rounding: '人数，整数',
  },
  {
    id: 'completion',
    name: '综合完成率（月度完成率）',
    numerator: '当月“党员月度完成”为是的党员数',
    denominator: '统计范围内的党员数',
    members: MEMBERS_OF_MONTH,
    scope: '同“党员月度完成”',
    instant: NOW,
    rounding: PERCENT,
  },
  {
    id: 'yearPartyDaysHeld',
    name: '开展主题党日（年度数据）',
    numerator: '统计期内范围内各支部已开展的主题党日次数',
    denominator: '',
    members: '—',
    scope: HELD_RULE,
    instant: '发起导出的时刻',
    rounding: '次数，整数',
  },
  {
    id: 'yearPartyDayPersonTimes',
    name: '主题党日参加人次（年度数据）',
    numerator: '已开展活动的出席 + 迟到记录数，逐场相加（补学人次另列）',
    denominator: '',
    members: '签到记录所属的党员，不论其月末所在支部',
    scope: HELD_RULE,
    instant: '发起导出的时刻',
    rounding: '人次，整数',
  },
  {
    id: 'yearMaterialsPublished',
    name: '发布必学资料（年度数据）',
    numerator: '统计期内到达范围内党员的已发布计划中的必学资料，去重',
    denominator: '',
    members: '—',
    scope: '统计期各月已发布的学习计划',
    instant: '发起导出的时刻',
    rounding: '篇数，整数',
  },
  {
    id: 'yearStudyPersonTimes',
    name: '完成必学资料学习（年度数据）',
    numerator: '各月每名党员已读完的必学资料篇数之和',
    denominator: '',
    members: MEMBERS_OF_MONTH,
    scope: '同“学习完成率”',
    instant: '发起导出的时刻',
    rounding: '人次，整数',
  },
  {
    id: 'yearCoverage',
    name: '主题党日覆盖率（年度数据）',
    numerator: '统计期内至少出席、迟到或补学一次的党员数（去重）',
    denominator: '统计期内至少有一个月在册的党员数（去重）',
    members: MEMBERS_OF_MONTH,
    scope: `各月“党日参加率”计为完成的党员，按人去重；${ABSENCE_RULE}`,
    instant: '发起导出的时刻',
    rounding: PERCENT,
  },
  {
    id: 'yearQuizParticipants',
    name: '参加答题党员（年度数据）',
    numerator: '统计期内至少一个月有成绩的党员数（去重）；参加答题人次为各月有成绩的人数之和',
    denominator: '',
    members: MEMBERS_OF_MONTH,
    scope: '同“答题参与率”',
    instant: '发起导出的时刻',
    rounding: '人数，整数',
  },
  {
    id: 'yearQuizAverage',
    name: '答题平均分（年度数据）',
    numerator: '各月有成绩党员的成绩之和',
    denominator: '各月有成绩的人数之和（参加答题人次）',
    members: MEMBERS_OF_MONTH,
    scope: '同“答题平均分”',
    instant: '发起导出的时刻',
    rounding: SCORE,
  },
  {
    id: 'yearQuizPassRate',
    name: '答题合格率（年度数据）',
    numerator: '各月答题合格的人数之和',
    denominator: '参加答题人次',
    members: MEMBERS_OF_MONTH,
    scope: '同“答题合格率”',
    instant: '发起导出的时刻',
    rounding: PERCENT,
  },
];

/** The rate each month figure is, from a group's summed counts (never an average of averages). */
export const MONTH_RATE_FIGURES: Readonly<Record<keyof GroupRates, FigureId>> = {
  study: 'study',
  quizParticipation: 'quizParticipation',
  quizPass: 'quizPass',
  quizAverageScore: 'quizAverageScore',
  partyDay: 'partyDay',
  completion: 'completion',
};

export function figureNamed(id: FigureId): FigureDefinition {
  const found = FIGURES.find((figure) => figure.id === id);
  if (!found) throw new Error(`no figure ${id}`);
  return found;
}

/** 应到 of an event: members counting in its branch that month, or more when transfers brought records in. */
export interface EventAttendanceCounts {
  expected: number;
  present: number;
  late: number;
  /** 请假 (approved or still waiting for approval). */
  excused: number;
  madeUp: number;
  /** 缺席: only once absence is decided (see ABSENCE_RULE). */
  absent: number;
  /** 未签到 while absence is not decided. */
  pending: number;
}

/**
 * An event's counts at `at` from its stored records per state and its 应到: members without a record are 未签到,
 * and 未签到 becomes 缺席 only once the event is closed or has ended.
 */
export function eventAttendanceCounts(
  event: Pick<AttendanceEvent, 'endsAt' | 'closedAt'>,
  recorded: Readonly<Partial<Record<'expected' | 'leaveRequested' | 'excused' | 'present' | 'late' | 'absent' | 'madeUp', number>>>,
  members: number,
  at: Date,
): EventAttendanceCounts {
  const sum = Object.values(recorded).reduce((total, n) => total + (n ?? 0), 0);
  const expected = Math.max(members, sum);
  const unmarked = (recorded.expected ?? 0) + (expected - sum);
  const decided = absenceDecided(event, at);
  return {
    expected,
    present: recorded.present ?? 0,
    late: recorded.late ?? 0,
    excused: (recorded.excused ?? 0) + (recorded.leaveRequested ?? 0),
    madeUp: recorded.madeUp ?? 0,
    absent: (recorded.absent ?? 0) + (decided ? unmarked : 0),
    pending: decided ? 0 : unmarked,
  };
}

/** Whether an event counts as held (已开展) at `at`: see HELD_RULE. */
export function partyDayHeld(
  event: Pick<AttendanceEvent, 'startsAt' | 'closedAt'>,
  counts: Pick<EventAttendanceCounts, 'present' | 'late'>,
  at: Date,
): boolean {
  return new Date(event.startsAt).getTime() <= at.getTime() || event.closedAt !== null || counts.present + counts.late > 0;
}

/** Month totals a member-month view can check itself against: every 主题党日 state counted once. */
export function partyDayStatesAddUp(t: GroupTotals): boolean {
  return t.partyDayAttended + t.partyDayMadeUp + t.partyDayExcused + t.partyDayAbsent + t.partyDayPending === t.partyDayRequired;
}

export const FIGURE_SHEET_HEADER = ['指标', '分子', '分母', '计入哪些党员', '计入哪些计划 / 答题 / 活动', '按哪个时刻', '取整与显示'];

const cell = (text: string) => text.replace(/\|/g, '\\|');
const figureCells = (f: FigureDefinition): string[] => [
  f.name,
  f.numerator,
  f.denominator || '—（计数）',
  f.members,
  f.scope,
  f.instant,
  f.rounding,
];

/** FIGURES.md: the table as a Markdown page (generated; `figures.test.ts` keeps the file equal to this). */
export function figuresMarkdown(): string {
  const header = FIGURE_SHEET_HEADER;
  const rows = FIGURES.map((f) => figureCells(f).map(cell).join(' | '));
  return [
    '# 统计口径（FIGURES）',
    '',
    '由 `packages/domain/src/stats/figures.ts` 生成，请勿手改：改表后运行',
    '`UPDATE_FIGURES=1 npx jest packages/domain/src/stats/__tests__/figures.test.ts`。导出的“口径说明”工作表由同一张表写出。',
    '',
    `- 缺席：${ABSENCE_RULE}。`,
    `- 已开展：${HELD_RULE}。`,
    '- 比率一律由汇总后的计数计算（逐级相加计数，从不平均各级比率）。',
    '- 显示：分数四舍五入保留一位小数并省略末尾 .0；百分比保留一位小数；用语统一为“合格 / 未合格”，答题统一称“党规答题”',
    '  （`packages/contracts/src/figure-format.ts`）。',
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}

/** The 口径说明 sheet's rows: the same table, one figure a row, the two rules last. */
export function figureSheetRows(): string[][] {
  return [...FIGURES.map(figureCells), ['缺席的判定', ABSENCE_RULE, '', '', '', '', ''], ['已开展的判定', HELD_RULE, '', '', '', '', '']];
}

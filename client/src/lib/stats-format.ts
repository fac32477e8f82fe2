import {
  FAIL_WORD,
  formatPercent,
  formatScore as formatScoreRule,
  PASS_RATE_NAME,
  PASS_WORD,
  type MatrixFilter,
  type MemberMonthRow,
  type RateMetric,
  type TaskKind,
} from '@zbxx/contracts';

/** What a cell of the month matrix says, and how it is coloured: ok (green), warn (orange), bad (red), none (grey). */
export interface CellLabel {
  text: string;
  tone: 'ok' | 'warn' | 'bad' | 'none';
}

/** "Not required" is a dash, so an empty task never reads as a failure. */
const NOT_REQUIRED: CellLabel = { text: '—', tone: 'none' };

export function studyLabel(cell: MemberMonthRow['study']): CellLabel {
  switch (cell.status) {
    case 'done':
      return { text: '已完成', tone: 'ok' };
    case 'inProgress':
      return { text: `学习中 ${cell.done}/${cell.required}`, tone: 'warn' };
    case 'notStarted':
      return { text: '未学', tone: 'bad' };
    default:
      return NOT_REQUIRED;
  }
}

const scoreText = (score: number | null) => (score === null ? '' : `${formatScoreRule(score)}分`);

export function quizLabel(cell: MemberMonthRow['quiz']): CellLabel {
  switch (cell.status) {
    case 'passed':
      return { text: scoreText(cell.score) || `已${PASS_WORD}`, tone: 'ok' };
    case 'failed':
      return { text: `${scoreText(cell.score)} ${FAIL_WORD}`.trim(), tone: 'warn' };
    case 'notTaken':
      return { text: '未答', tone: 'bad' };
    default:
      return NOT_REQUIRED;
  }
}

const PARTY_DAY_LABELS: Record<Exclude<MemberMonthRow['partyDay']['status'], 'notRequired'>, CellLabel> = {
  present: { text: '出席', tone: 'ok' },
  late: { text: '迟到', tone: 'ok' },
  madeUp: { text: '补学', tone: 'ok' },
  excused: { text: '请假', tone: 'warn' },
  leaveRequested: { text: '请假待批', tone: 'warn' },
  expected: { text: '未签到', tone: 'bad' },
  absent: { text: '缺席', tone: 'bad' },
};

export function partyDayLabel(cell: MemberMonthRow['partyDay']): CellLabel {
  if (cell.status === 'notRequired') return NOT_REQUIRED;
  const label = PARTY_DAY_LABELS[cell.status];
  // A self-made change in the history: shown, and toned as needing a look.
  return cell.selfMade ? { text: `${label.text}（本人自行变更）`, tone: 'warn' } : label;
}

export const TASK_LABELS: Record<TaskKind, string> = { study: '学习', quiz: '答题', partyDay: '党日' };

/** "未完成：学习、党日", or 本月已完成. */
export function missingText(missing: readonly TaskKind[]): string {
  return missing.length === 0 ? '本月已完成' : `未完成：${missing.map((kind) => TASK_LABELS[kind]).join('、')}`;
}

export const MATRIX_FILTERS: ReadonlyArray<{ key: MatrixFilter; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'incomplete', label: '未完成' },
  { key: 'study', label: '未学习' },
  { key: 'quiz', label: '未答题' },
  { key: 'partyDay', label: '未参加党日' },
];

/** 0.856 → "85.6%"; null (nobody was asked) → "—". The one percentage rule (contracts `formatPercent`). */
export const formatRate = formatPercent;

/** 50.333 → "50.3", 85 → "85" (contracts `formatScore`). */
export const formatScore = formatScoreRule;

/** The rates an admin compares against thresholds, in the order the dashboard shows them. */
export const RATE_METRICS: ReadonlyArray<{ key: RateMetric; label: string }> = [
  { key: 'study', label: '学习完成率' },
  { key: 'quizParticipation', label: '答题参与率' },
  { key: 'quizPass', label: `答题${PASS_RATE_NAME}` },
  { key: 'partyDay', label: '党日参加率' },
  { key: 'completion', label: '综合完成率' },
];

/** Under the threshold (a percentage); a rate nobody was asked for is never "under". */
export function isBelow(rate: number | null, threshold: number): boolean {
  return rate !== null && rate * 100 < threshold;
}

import { View } from '@tarojs/components';
import type { BranchMatrix, MatrixFilter, MemberMonthRow } from '@zbxx/contracts';
import { formatEventTime } from '../../../lib/party-day-format';
import { formatRate, MATRIX_FILTERS, missingText, partyDayLabel, quizLabel, studyLabel, type CellLabel } from '../../../lib/stats-format';

function Cell({ title, label, testId }: { title: string; label: CellLabel; testId: string }) {
  return (
    <View className="matrix__cell">
      <View className="matrix__cell-title">{title}</View>
      <View className={`matrix__cell-value is-${label.tone}`} data-testid={testId}>
        {label.text}
      </View>
    </View>
  );
}

function MemberRow({ row, onOpen }: { row: MemberMonthRow; onOpen: () => void }) {
  return (
    <View className={`matrix__row ${row.complete ? 'is-complete' : ''}`} data-testid={`matrix-row-${row.memberId}`} onClick={onOpen}>
      <View className="matrix__row-head">
        <View className="matrix__name">{row.name}</View>
        {row.duty && <View className="matrix__duty">{row.duty}</View>}
        <View className="matrix__arrow">›</View>
      </View>
      <View className="matrix__cells">
        <Cell title="学习" label={studyLabel(row.study)} testId={`cell-study-${row.memberId}`} />
        <Cell title="答题" label={quizLabel(row.quiz)} testId={`cell-quiz-${row.memberId}`} />
        <Cell title="党日" label={partyDayLabel(row.partyDay)} testId={`cell-party-day-${row.memberId}`} />
      </View>
      <View className="matrix__row-foot">
        <View className={row.complete ? 'matrix__done' : 'matrix__missing'}>{missingText(row.missing)}</View>
        {row.lastRemindedAt && <View className="matrix__reminded">{formatEventTime(row.lastRemindedAt)} 已催学</View>}
      </View>
    </View>
  );
}

const EMPTY_TEXT: Record<MatrixFilter, string> = {
  all: '本支部这个月没有党员记录',
  incomplete: '全部党员都已完成本月任务',
  study: '没有未完成学习的党员',
  quiz: '没有未答题的党员',
  partyDay: '没有未参加主题党日的党员',
};

/** Whole-branch figures above the list: they do not change with the filter tab. */
export function MatrixTotals({ data }: { data: BranchMatrix }) {
  const { totals, rates } = data;
  return (
    <View className="matrix__totals" data-testid="matrix-totals">
      <View className="matrix__totals-head">
        共 {totals.members} 人 · 已完成 {totals.complete} 人 · 完成率 {formatRate(rates.completion)}
      </View>
      <View className="matrix__rates">
        <View className="matrix__rate">
          <View className="matrix__rate-value">{formatRate(rates.study)}</View>
          <View className="matrix__rate-label">
            学习 {totals.studyDone}/{totals.studyRequired}
          </View>
        </View>
        <View className="matrix__rate">
          <View className="matrix__rate-value">{formatRate(rates.quizParticipation)}</View>
          <View className="matrix__rate-label">
            答题 {totals.quizTaken}/{totals.quizRequired}
          </View>
        </View>
        <View className="matrix__rate">
          <View className="matrix__rate-value">{formatRate(rates.quizPass)}</View>
          <View className="matrix__rate-label">合格 {totals.quizPassed}人</View>
        </View>
        <View className="matrix__rate">
          <View className="matrix__rate-value">{formatRate(rates.partyDay)}</View>
          <View className="matrix__rate-label">
            党日 {totals.partyDayAttended + totals.partyDayMadeUp}/{totals.partyDayRequired}
          </View>
        </View>
      </View>
    </View>
  );
}

export function FilterTabs({ filter, onFilter }: { filter: MatrixFilter; onFilter: (filter: MatrixFilter) => void }) {
  return (
    <View className="matrix__filters">
      {MATRIX_FILTERS.map(({ key, label }) => (
        <View
          key={key}
          className={`matrix__filter ${key === filter ? 'is-active' : ''}`}
          data-testid={`matrix-filter-${key}`}
          onClick={() => onFilter(key)}
        >
          {label}
        </View>
      ))}
    </View>
  );
}

/** The rows of the month matrix: large, whole-row tap targets (older secretaries), an empty state per tab. */
export function MatrixRows({
  data,
  filter,
  onOpenMember,
}: {
  data: BranchMatrix;
  filter: MatrixFilter;
  onOpenMember: (memberId: string) => void;
}) {
  if (data.members.length === 0) {
    return (
      <View className="matrix__empty" data-testid="matrix-empty">
        {EMPTY_TEXT[filter]}
      </View>
    );
  }
  return (
    <View data-testid="matrix-rows">
      {data.members.map((row) => (
        <MemberRow key={row.memberId} row={row} onOpen={() => onOpenMember(row.memberId)} />
      ))}
    </View>
  );
}

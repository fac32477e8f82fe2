import { View } from '@tarojs/components';
import type { MaterialListItem, MemberPlan, MonthTally } from '@zbxx/contracts';
import { ErrorState } from '../../components/error-state';
import { LoadingSkeleton } from '../../components/loading-skeleton';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { Pill } from '../../components/pill';
import { useStudyOverview } from '../../hooks/use-study-overview';
import { formatMonth } from '../../lib/format-month';
import { readingStatusLabel } from '../../lib/reading-status';
import { openReader } from '../../services/study-navigation';
import './index.scss';

function MaterialRow({ item }: { item: MaterialListItem }) {
  return (
    <View className="study__material" data-testid={`material-${item.materialId}`} onClick={() => openReader(item.materialId)}>
      <View className="study__material-main">
        <View className="study__material-title">{item.title}</View>
        <View className="study__material-meta">
          {item.required ? '必学' : '选学'} · 约{item.estimatedMinutes}分钟{item.source ? ` · ${item.source}` : ''}
        </View>
      </View>
      <View className={`study__status study__status--${item.progress.status}`} data-testid={`status-${item.materialId}`}>
        {readingStatusLabel(item.progress)}
      </View>
    </View>
  );
}

function PlanCard({ plan }: { plan: MemberPlan }) {
  return (
    <View className="study__plan">
      <View className="study__theme">{plan.theme}</View>
      <View className="study__plan-meta">
        {plan.orgName} · 截止 {plan.dueDate}
      </View>
      {plan.materials.map((item) => (
        <MaterialRow key={item.materialId} item={item} />
      ))}
    </View>
  );
}

function MonthChips({ months, current, onPick }: { months: MonthTally[]; current: string; onPick: (month: string) => void }) {
  return (
    <View className="study__months">
      {months.map((m) => (
        <View
          key={m.month}
          className={`study__month ${m.month === current ? 'is-active' : ''}`}
          data-testid={`month-${m.month}`}
          onClick={() => onPick(m.month)}
        >
          <View>{formatMonth(m.month)}</View>
          <View className="study__month-count">
            {m.completed}/{m.required}
          </View>
        </View>
      ))}
    </View>
  );
}

function Study() {
  const { state, reload, setMonth } = useStudyOverview();
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={state.error.retryable ? reload : undefined} />;
  const { data } = state;
  // 往月 means before this month: this month is the page's default, reached back through 回到本月.
  const pastMonths = data.months.filter((m) => m.month < data.currentMonth);
  return (
    <View className="study">
      <View className="study__head">
        <View className="study__title" data-testid="study-month">
          {formatMonth(data.month)}每月一学
        </View>
        {data.month !== data.currentMonth && <Pill tone="soft">往月</Pill>}
        {data.month !== data.currentMonth && (
          <View className="study__back" data-testid="month-current" onClick={() => setMonth(data.currentMonth)}>
            回到本月
          </View>
        )}
      </View>
      {data.plans.length === 0 ? (
        <View className="study__empty">本月还没有发布学习材料</View>
      ) : (
        data.plans.map((plan) => <PlanCard key={plan.planId} plan={plan} />)
      )}
      {pastMonths.length > 0 && (
        <View className="study__section">
          <View className="study__section-title">往月学习</View>
          <MonthChips months={pastMonths} current={data.month} onPick={setMonth} />
        </View>
      )}
    </View>
  );
}

export default function StudyPage() {
  return (
    <PageFrame>
      <MemberGate>{() => <Study />}</MemberGate>
    </PageFrame>
  );
}

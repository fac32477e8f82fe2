import { View } from '@tarojs/components';
import type { BranchStudyStatus } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { useAsync } from '../../../hooks/use-async';
import { formatMonth } from '../../../lib/format-month';
import { readingStatusLabel } from '../../../lib/reading-status';
import { studyService } from '../../../services/study';
import './index.scss';

/** Not finished first, so the secretary sees whom to remind (催学) without scrolling. */
function byUnfinished(a: BranchStudyStatus['members'][number], b: BranchStudyStatus['members'][number]): number {
  return a.completed / Math.max(1, a.required) - b.completed / Math.max(1, b.required) || a.name.localeCompare(b.name, 'zh');
}

function BranchStudy() {
  const { state, reload } = useAsync(() => studyService.branchStatus(), []);
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={state.error.retryable ? reload : undefined} />;
  const { data } = state;
  const done = data.members.filter((m) => m.required > 0 && m.completed === m.required).length;
  return (
    <View className="branch-study">
      <View className="branch-study__title">{data.branch.name}</View>
      <View className="branch-study__summary" data-testid="branch-study-summary">
        {formatMonth(data.month)}：{done}/{data.members.length} 人已学完 {data.materials.length} 篇必学材料
      </View>
      {data.members.sort(byUnfinished).map((member) => (
        <View key={member.memberId} className="branch-study__row" data-testid={`branch-member-${member.memberId}`}>
          <View className="branch-study__name">
            {member.name}
            <View className={`branch-study__count ${member.completed === member.required ? 'is-done' : ''}`}>
              {member.completed}/{member.required}
            </View>
          </View>
          {member.items.map((item) => (
            <View key={item.materialId} className={`branch-study__item branch-study__item--${item.status}`}>
              {data.materials.find((m) => m.materialId === item.materialId)?.title}：{readingStatusLabel(item)}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

export default function SecretaryStudyPage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="secretary">
            <BranchStudy />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}

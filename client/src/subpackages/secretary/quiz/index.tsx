import { useState } from 'react';
import { View } from '@tarojs/components';
import { formatScore, type QuizBranchResults } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { useAsync } from '../../../hooks/use-async';
import { quizService } from '../../../services/quiz';
import './index.scss';

type Row = QuizBranchResults['members'][number];

/** Not yet passed first (whom to remind), then by score. */
function byNeed(a: Row, b: Row): number {
  const rank = (row: Row) => (row.grade?.passed ? 2 : row.grade ? 1 : 0);
  return rank(a) - rank(b) || (a.grade?.score ?? -1) - (b.grade?.score ?? -1) || a.name.localeCompare(b.name, 'zh');
}

function BranchQuiz() {
  const [roundId, setRoundId] = useState<string | undefined>(undefined);
  const { state, reload } = useAsync(() => quizService.branchResults(roundId), [roundId]);
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={state.error.retryable ? reload : undefined} />;
  const { data } = state;
  return (
    <View className="branch-quiz">
      <View className="branch-quiz__title">{data.branch.name}</View>
      <View className="branch-quiz__rounds">
        {data.rounds.map((round) => (
          <View
            key={round.roundId}
            className={`branch-quiz__round ${round.roundId === data.round?.roundId ? 'is-active' : ''}`}
            onClick={() => setRoundId(round.roundId)}
          >
            {round.title}
          </View>
        ))}
      </View>
      {data.round === null ? (
        <View className="branch-quiz__empty">还没有答题活动</View>
      ) : (
        <>
          <View className="branch-quiz__summary" data-testid="branch-quiz-summary">
            参加 {data.summary.participated}/{data.summary.members} 人 · 合格 {data.summary.passed} 人（{data.round.passMark}分合格）
          </View>
          <View className="branch-quiz__note">诚信提示仅供参考，可能是接电话、网络延迟等原因，请先了解情况。</View>
          {[...data.members].sort(byNeed).map((member) => (
            <View key={member.memberId} className="branch-quiz__row" data-testid={`quiz-member-${member.memberId}`}>
              <View className="branch-quiz__name">
                {member.name}
                <View className={`branch-quiz__score ${member.grade?.passed ? 'is-pass' : ''}`}>
                  {member.grade ? `${formatScore(member.grade.score)}分` : member.inProgress ? '答题中' : '未参加'}
                </View>
              </View>
              {member.flags.map((flag) => (
                <View key={flag} className="branch-quiz__flag">
                  ⚑ {flag}
                </View>
              ))}
            </View>
          ))}
        </>
      )}
    </View>
  );
}

export default function SecretaryQuizPage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="secretary">
            <BranchQuiz />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}

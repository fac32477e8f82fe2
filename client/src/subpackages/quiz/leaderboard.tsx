import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatPercent, formatScore } from '@zbxx/contracts';
import { ErrorState } from '../../components/error-state';
import { LoadingSkeleton } from '../../components/loading-skeleton';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { useAsync } from '../../hooks/use-async';
import { quizService } from '../../services/quiz';
import './leaderboard.scss';

const percent = formatPercent;

function Leaderboard({ roundId }: { roundId: string }) {
  const { state, reload } = useAsync(() => quizService.leaderboard(roundId), [roundId]);
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={state.error.retryable ? reload : undefined} />;
  const { title, branches, myRank } = state.data;
  return (
    <View className="board">
      <View className="board__title">{title}</View>
      <View className="board__mine" data-testid="my-rank">
        {myRank
          ? `你在本支部排第 ${myRank.rank} 名（共 ${myRank.of} 人完成），成绩 ${formatScore(myRank.score)} 分`
          : '完成答题后可看到你在本支部的名次'}
      </View>
      <View className="board__head">
        <View className="board__rank">名次</View>
        <View className="board__name">支部</View>
        <View className="board__num">参学率</View>
        <View className="board__num">平均分</View>
      </View>
      {branches.map((branch) => (
        <View key={branch.branchId} className={`board__row ${branch.isMine ? 'is-mine' : ''}`} data-testid={`board-${branch.branchId}`}>
          <View className="board__rank">{branch.rank ?? '—'}</View>
          <View className="board__name">{branch.name}</View>
          <View className="board__num">{percent(branch.participationRate)}</View>
          <View className="board__num">{branch.averageScore ?? (branch.participants > 0 ? '人数不足' : '—')}</View>
        </View>
      ))}
    </View>
  );
}

export default function QuizLeaderboardPage() {
  const { params } = useRouter();
  return (
    <PageFrame>
      <MemberGate>{() => <Leaderboard roundId={decodeURIComponent(params.round ?? '')} />}</MemberGate>
    </PageFrame>
  );
}

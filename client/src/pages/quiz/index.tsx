import { View } from '@tarojs/components';
import { formatScore, type MemberRound } from '@zbxx/contracts';
import { ErrorState } from '../../components/error-state';
import { LoadingSkeleton } from '../../components/loading-skeleton';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { Pill } from '../../components/pill';
import { useQuizRounds } from '../../hooks/use-quiz';
import { formatTimeLimit } from '../../lib/quiz-answers';
import { Button } from '../../ui/nut';
import { openQuizLeaderboard, openQuizPlay, openQuizPractice, openQuizReview } from '../../services/quiz-navigation';
import './index.scss';

const day = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};
/** The last day a round is open (its close is exclusive, at 00:00 Beijing time). */
const lastDay = (iso: string) => day(new Date(new Date(iso).getTime() - 1).toISOString());

function RoundCard({ round }: { round: MemberRound }) {
  const left = round.attemptsAllowed - round.attemptsUsed;
  const canStart = round.window === 'open' && (round.openAttemptId !== null || left > 0);
  return (
    <View className="quiz__round" data-testid={`round-${round.roundId}`}>
      <View className="quiz__round-head">
        <View className="quiz__round-title">{round.title}</View>
        {round.grade ? (
          <Pill tone={round.grade.passed ? 'solid' : 'soft'}>{round.grade.passed ? '已合格' : '未合格'}</Pill>
        ) : round.window === 'closed' ? (
          <Pill tone="soft">已结束</Pill>
        ) : null}
      </View>
      <View className="quiz__round-meta">
        {day(round.opensAt)}至{lastDay(round.closesAt)} · {round.questionCount}题 · 限时{formatTimeLimit(round.timeLimitSeconds)}
      </View>
      <View className="quiz__round-meta">
        满分{round.maxScore}分，{round.passMark}分合格 · 可答{round.attemptsAllowed}次（
        {round.grading === 'best' ? '取最高分' : '取最后一次'}）
      </View>
      {round.grade && (
        <View className="quiz__grade" data-testid={`grade-${round.roundId}`}>
          成绩 <View className="quiz__grade-score">{formatScore(round.grade.score)}</View> 分
        </View>
      )}
      {round.attempts.map((attempt) => (
        <View
          key={attempt.attemptId}
          className="quiz__attempt"
          data-testid={`attempt-${attempt.attemptId}`}
          onClick={() => openQuizReview(attempt.attemptId)}
        >
          <View>
            第{attempt.attemptNumber}次 · {formatScore(attempt.score)}分{attempt.passed ? '' : '（未合格）'}
          </View>
          <View className="quiz__attempt-link">查看 ›</View>
        </View>
      ))}
      {canStart && (
        <Button
          className="quiz__start"
          type="primary"
          block
          data-testid={`start-${round.roundId}`}
          onClick={() => openQuizPlay(round.roundId)}
        >
          {round.openAttemptId ? '继续答题' : round.attemptsUsed > 0 ? `再答一次（剩${left}次）` : '开始答题'}
        </Button>
      )}
      {round.window === 'upcoming' && <View className="quiz__hint">{day(round.opensAt)}开始答题</View>}
      {round.window !== 'upcoming' && (
        <View className="quiz__board-link" data-testid={`board-link-${round.roundId}`} onClick={() => openQuizLeaderboard(round.roundId)}>
          排行榜 ›
        </View>
      )}
    </View>
  );
}

function Rounds() {
  const { state, reload } = useQuizRounds();
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={state.error.retryable ? reload : undefined} />;
  const { rounds } = state.data;
  return (
    <View className="quiz">
      <View className="quiz__title">党规答题</View>
      <View className="quiz__practice" data-testid="open-practice" onClick={openQuizPractice}>
        <View className="quiz__practice-title">错题本</View>
        <View className="quiz__round-meta">答错的题隔几天再练一次，每天几分钟，不计入成绩 ›</View>
      </View>
      {rounds.length === 0 ? (
        <View className="quiz__empty">还没有发布答题活动</View>
      ) : (
        rounds.map((round) => <RoundCard key={round.roundId} round={round} />)
      )}
    </View>
  );
}

export default function QuizPage() {
  return (
    <PageFrame>
      <MemberGate>{() => <Rounds />}</MemberGate>
    </PageFrame>
  );
}

import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { QuizPublicQuestion } from '@zbxx/contracts';
import { ErrorState } from '../../components/error-state';
import { LoadingSkeleton } from '../../components/loading-skeleton';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { useQuizPlay } from '../../hooks/use-quiz-play';
import { answeredCount, formatCountdown, QUESTION_TYPE_NAMES, secondsLeft } from '../../lib/quiz-answers';
import { openQuizReview } from '../../services/quiz-navigation';
import { Button } from '../../ui/nut';
import './play.scss';

const SAVING_TEXT = { saved: '答案已保存', pending: '正在保存…', offline: '网络不稳定，答案已存在手机上，恢复后自动保存' } as const;

function QuestionCard({
  index,
  question,
  chosen,
  onChoose,
}: {
  index: number;
  question: QuizPublicQuestion;
  chosen: readonly string[];
  onChoose: (label: string) => void;
}) {
  return (
    <View className="play__question" data-testid={`question-${index + 1}`}>
      <View className="play__stem">
        <View className="play__type">{QUESTION_TYPE_NAMES[question.type]}</View>
        {index + 1}. {question.stem}
      </View>
      {question.options.map((option) => (
        <View
          key={option.id}
          className={`play__option ${chosen.includes(option.id) ? 'is-chosen' : ''}`}
          data-testid={`option-${index + 1}-${option.id}`}
          onClick={() => onChoose(option.id)}
        >
          <View className="play__label">{option.id}</View>
          <View className="play__option-text">{option.text}</View>
        </View>
      ))}
    </View>
  );
}

function Play({ roundId }: { roundId: string }) {
  const { state, answers, saving, submitting, choose, submit, retry } = useQuizPlay(roundId);
  const [now, setNow] = useState(Date.now());
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = state.kind === 'playing' ? secondsLeft(state.paper.deadline, state.clockOffsetMs, now) : null;
  // The server's deadline passed: hand in what is saved (the server would close it anyway).
  useEffect(() => {
    if (left === 0) void submit();
  }, [left, submit]);
  useEffect(() => {
    if (state.kind === 'submitted') openQuizReview(state.result.attemptId, true);
  }, [state]);

  if (state.kind === 'loading' || state.kind === 'submitted') return <LoadingSkeleton cards={2} />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={state.error.retryable ? retry : undefined} />;
  const { paper } = state;
  const answered = answeredCount(answers);
  const unanswered = paper.questions.length - answered;
  return (
    <View className="play">
      <View className="play__bar">
        <View className={`play__clock ${left !== null && left < 60 ? 'is-urgent' : ''}`} data-testid="countdown">
          剩余 {formatCountdown(left ?? 0)}
        </View>
        <View className="play__progress" data-testid="answered">
          已答 {answered}/{paper.questions.length}
        </View>
      </View>
      <View className={`play__saving play__saving--${saving}`} data-testid="saving">
        {SAVING_TEXT[saving]}
      </View>
      {paper.questions.map((question, index) => (
        <QuestionCard
          key={question.id}
          index={index}
          question={question}
          chosen={answers[question.id] ?? []}
          onChoose={(label) => choose(question.id, label, question.type)}
        />
      ))}
      {confirming ? (
        <View className="play__confirm">
          <View className="play__confirm-text">
            {unanswered > 0 ? `还有 ${unanswered} 题未答，交卷后不能修改。确定交卷吗？` : '交卷后不能修改，确定交卷吗？'}
          </View>
          <Button type="primary" block loading={submitting} data-testid="confirm-submit" onClick={() => void submit()}>
            确定交卷
          </Button>
          <Button className="play__cancel" block onClick={() => setConfirming(false)}>
            继续答题
          </Button>
        </View>
      ) : (
        <Button className="play__submit" type="primary" block data-testid="submit" onClick={() => setConfirming(true)}>
          交卷
        </Button>
      )}
    </View>
  );
}

export default function QuizPlayPage() {
  const { params } = useRouter();
  return (
    <PageFrame>
      <MemberGate>{() => <Play roundId={decodeURIComponent(params.round ?? '')} />}</MemberGate>
    </PageFrame>
  );
}

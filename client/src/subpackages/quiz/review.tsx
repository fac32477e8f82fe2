import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatScore, type QuizReviewItem } from '@zbxx/contracts';
import { ErrorState } from '../../components/error-state';
import { LoadingSkeleton } from '../../components/loading-skeleton';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { useQuizReview } from '../../hooks/use-quiz';
import { formatDuration, QUESTION_TYPE_NAMES } from '../../lib/quiz-answers';
import './review.scss';

const OUTCOME_TEXT = { correct: '答对', partial: '部分正确', wrong: '答错', unanswered: '未答' } as const;

function ReviewItem({ index, item }: { index: number; item: QuizReviewItem }) {
  return (
    <View className="review__item" data-testid={`review-${index + 1}`}>
      <View className="review__stem">
        <View className="review__type">{QUESTION_TYPE_NAMES[item.type]}</View>
        {index + 1}. {item.stem}
      </View>
      {item.options.map((option) => (
        <View
          key={option.id}
          className={`review__option ${item.correctAnswer?.includes(option.id) ? 'is-key' : ''} ${item.yourAnswer?.includes(option.id) ? 'is-yours' : ''}`}
        >
          {option.id}. {option.text}
        </View>
      ))}
      {item.yourAnswer && (
        <View className="review__line">你的答案：{item.yourAnswer.length > 0 ? item.yourAnswer.join('') : '未作答'}</View>
      )}
      {item.correctAnswer && (
        <View className={`review__line review__outcome--${item.outcome ?? 'wrong'}`} data-testid={`key-${index + 1}`}>
          正确答案：{item.correctAnswer.join('')}
          {item.outcome ? ` · ${OUTCOME_TEXT[item.outcome]}` : ''}
        </View>
      )}
      {item.explanation !== undefined && (
        <View className="review__explanation">
          解析：{item.explanation}
          {item.citation ? <View className="review__citation">依据：{item.citation}</View> : null}
        </View>
      )}
    </View>
  );
}

function Review({ attemptId }: { attemptId: string }) {
  const { state, reload } = useQuizReview(attemptId);
  if (state.kind === 'loading') return <LoadingSkeleton cards={2} />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={state.error.retryable ? reload : undefined} />;
  const { result, title, notice, items } = state.data;
  return (
    <View className="review">
      <View className="review__result">
        <View className="review__title">{title}</View>
        <View className="review__score" data-testid="result-score">
          {formatScore(result.score)}
          <View className="review__max">/{result.maxScore}分</View>
        </View>
        <View className={`review__verdict ${result.passed ? 'is-pass' : ''}`} data-testid="result-verdict">
          {result.passed ? '合格' : `未合格（${result.passMark}分合格）`}
        </View>
        <View className="review__meta">
          答对 {result.correctCount}/{result.questionCount} 题 · 用时 {formatDuration(result.elapsedSeconds)}
          {result.closedByDeadline ? ' · 到时自动交卷' : ''}
        </View>
      </View>
      {notice && (
        <View className="review__notice" data-testid="review-notice">
          {notice}
        </View>
      )}
      {items.map((item, index) => (
        <ReviewItem key={item.questionId} index={index} item={item} />
      ))}
    </View>
  );
}

export default function QuizReviewPage() {
  const { params } = useRouter();
  return (
    <PageFrame>
      <MemberGate>{() => <Review attemptId={decodeURIComponent(params.attempt ?? '')} />}</MemberGate>
    </PageFrame>
  );
}

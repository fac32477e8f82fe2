import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { ErrorState } from '../../components/error-state';
import { LoadingSkeleton } from '../../components/loading-skeleton';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { useQuizPractice, type PracticeRating } from '../../hooks/use-quiz-practice';
import { QUESTION_TYPE_NAMES, toggleChoice } from '../../lib/quiz-answers';
import { Button } from '../../ui/nut';
import './practice.scss';

const RATINGS: { rating: PracticeRating; label: string }[] = [
  { rating: 'again', label: '忘记' },
  { rating: 'hard', label: '困难' },
  { rating: 'good', label: '良好' },
  { rating: 'easy', label: '简单' },
];

function Practice() {
  const { state, reload, current, remaining, practised, rate, rateError } = useQuizPractice();
  const [chosen, setChosen] = useState<string[]>([]);
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    setChosen([]);
    setRevealed(false);
  }, [current?.questionId]);

  if (state.kind === 'loading') return <LoadingSkeleton cards={1} />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={state.error.retryable ? reload : undefined} />;
  if (!current) {
    return (
      <View className="practice">
        <View className="practice__done" data-testid="practice-done">
          {state.data.totalCards === 0
            ? '错题本还是空的。答题后答错的题会出现在这里。'
            : `今天的练习完成了${practised > 0 ? `（练了${practised}题）` : ''}，明天再来。`}
        </View>
      </View>
    );
  }
  return (
    <View className="practice">
      <View className="practice__meta">
        今天还剩 {remaining} 题 · 错题本共 {state.data.totalCards} 题
      </View>
      <View className="practice__card" data-testid="practice-card">
        <View className="practice__stem">
          <View className="practice__type">{QUESTION_TYPE_NAMES[current.type]}</View>
          {current.stem}
        </View>
        {current.options.map((option) => (
          <View
            key={option.id}
            className={`practice__option ${chosen.includes(option.id) ? 'is-chosen' : ''} ${revealed && current.correctAnswer.includes(option.id) ? 'is-key' : ''}`}
            onClick={() => !revealed && setChosen((list) => toggleChoice(list, option.id, current.type))}
          >
            {option.id}. {option.text}
          </View>
        ))}
        {revealed ? (
          <>
            <View className="practice__answer">正确答案：{current.correctAnswer.join('')}</View>
            <View className="practice__explanation">
              {current.explanation}
              {current.citation && <View className="practice__citation">依据：{current.citation}</View>}
            </View>
            <View className="practice__ask">这道题记得怎么样？</View>
            <View className="practice__ratings">
              {RATINGS.map(({ rating, label }) => (
                <Button
                  key={rating}
                  className="practice__rating"
                  type={rating === 'good' ? 'primary' : 'default'}
                  data-testid={`rate-${rating}`}
                  onClick={() => void rate(current.questionId, rating)}
                >
                  {label}
                </Button>
              ))}
            </View>
            {rateError && <View className="practice__error">{rateError.message}</View>}
          </>
        ) : (
          <Button className="practice__reveal" type="primary" block data-testid="reveal" onClick={() => setRevealed(true)}>
            {chosen.length > 0 ? '核对答案' : '看答案'}
          </Button>
        )}
      </View>
    </View>
  );
}

export default function QuizPracticePage() {
  return (
    <PageFrame>
      <MemberGate>{() => <Practice />}</MemberGate>
    </PageFrame>
  );
}

import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatPercent, type QuizItemAnalysis } from '@zbxx/contracts';
import { ErrorState } from '../../../../components/error-state';
import { LoadingSkeleton } from '../../../../components/loading-skeleton';
import { MemberGate } from '../../../../components/member-gate';
import { PageFrame } from '../../../../components/page-frame';
import { RoleOnly } from '../../../../components/role-only';
import { useAsync } from '../../../../hooks/use-async';
import { quizService } from '../../../../services/quiz';
import './index.scss';

type Item = QuizItemAnalysis['items'][number];

const percent = (value: number) => formatPercent(value);

/** Flagged questions first (they need the admin's eye), then the hardest. */
function ordered(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => Number(b.flags.length > 0) - Number(a.flags.length > 0) || a.facility - b.facility);
}

/** Every option of the bank with its text and how many chose it (options nobody chose too). */
function optionRows(item: Item): { id: string; text: string; count: number }[] {
  const listed = item.options.map((option) => ({ ...option, count: item.optionCounts[option.id] ?? 0 }));
  const extra = Object.entries(item.optionCounts)
    .filter(([id]) => !item.options.some((option) => option.id === id))
    .map(([id, count]) => ({ id, text: '', count }));
  return [...listed, ...extra];
}

function ItemCard({ item }: { item: Item }) {
  const keyLetters = new Set(item.key.split(''));
  return (
    <View className={`quiz-items__item ${item.flags.length > 0 ? 'is-flagged' : ''}`} data-testid="item-analysis-row">
      <View className="quiz-items__stem">{item.stem}</View>
      <View className="quiz-items__citation">
        {item.category}
        {item.citation && ` · ${item.citation}`} · 答案 {item.key}
      </View>
      <View className="quiz-items__stats">
        <View>作答 {item.examinees} 人次</View>
        <View>通过率 {percent(item.facility)}</View>
        <View>区分度 {item.discrimination === null ? '样本不足' : item.discrimination.toFixed(2)}</View>
        {item.unanswered > 0 && <View>未作答 {item.unanswered}</View>}
      </View>
      <View className="quiz-items__options">
        {optionRows(item).map(({ id, text, count }) => (
          <View key={id} className={`quiz-items__option ${keyLetters.has(id) ? 'is-key' : ''}`} data-testid="item-option">
            {id}. {text} · {count} 人
          </View>
        ))}
      </View>
      {item.flags.length > 0 && (
        <View className="quiz-items__flags">
          {item.flags.map((flag) => (
            <View key={flag} className="quiz-items__flag">
              {flag}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function ItemAnalysis({ roundId }: { roundId: string }) {
  const { state, reload } = useAsync(() => quizService.itemAnalysis(roundId), [roundId]);
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const analysis = state.data;
  const flagged = analysis.items.filter((item) => item.flags.length > 0).length;
  return (
    <View className="quiz-items">
      <View className="quiz-items__title">{analysis.title}</View>
      <View className="quiz-items__meta">
        分析已交卷 {analysis.attemptsAnalysed} 份 · {analysis.items.length} 道题 · 需关注 {flagged} 道
      </View>
      <View className="quiz-items__legend">
        通过率：答对的比例，过高或过低都不利于检验学习效果。区分度：得分高的一组与得分低的一组答对率之差，越大越能区分掌握程度，低于 0.2
        或为负值的题目请检查题干与答案。选项字母与答案均按题库中的顺序；党员作答时选项顺序已打乱，其回顾页中的字母可能不同，请以选项文字为准。
      </View>
      {analysis.items.length === 0 && <View className="quiz-items__empty">还没有人交卷</View>}
      {ordered(analysis.items).map((item) => (
        <ItemCard key={item.questionId} item={item} />
      ))}
    </View>
  );
}

export default function AdminQuizItemsPage() {
  const roundId = useRouter().params.roundId ?? '';
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="admin">
            <ItemAnalysis roundId={roundId} />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}

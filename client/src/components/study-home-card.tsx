import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StudySummary } from '@zbxx/contracts';
import type { AsyncState } from '../hooks/use-async';
import { readingStatusLabel } from '../lib/reading-status';
import { ROUTES } from '../lib/routes';
import { openReader } from '../services/study-navigation';
import './study-home-card.scss';

/** 首页: this month's 每月一学 at a glance — done / required, and the next text to read. */
export function StudyHomeCard({ state }: { state: AsyncState<StudySummary> }) {
  const summary = state.kind === 'ready' ? state.data : null;
  const done = summary !== null && summary.required > 0 && summary.completed === summary.required;
  return (
    <View className="study-card" data-testid="task-study" onClick={() => void Taro.switchTab({ url: ROUTES.study })}>
      <View className="study-card__head">
        <View className="study-card__title">每月一学</View>
        <View className={`study-card__count ${done ? 'is-done' : ''}`} data-testid="home-study-count">
          {summary
            ? summary.required === 0
              ? '本月暂无'
              : `${summary.completed}/${summary.required} 已完成`
            : state.kind === 'error'
              ? '暂时无法加载'
              : '…'}
        </View>
      </View>
      {summary?.next ? (
        <View
          className="study-card__next"
          onClick={(e) => {
            e.stopPropagation();
            openReader(summary.next!.materialId);
          }}
        >
          下一篇：{summary.next.title}（{readingStatusLabel(summary.next.progress)}）
        </View>
      ) : (
        <View className="study-card__desc">{done ? '本月学习材料已全部读完' : '阅读本月学习材料，读到哪里自动记住'}</View>
      )}
      {summary?.dueDate && !done ? <View className="study-card__due">截止 {summary.dueDate}</View> : null}
    </View>
  );
}

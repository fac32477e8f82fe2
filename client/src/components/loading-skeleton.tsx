import { View } from '@tarojs/components';
import { Skeleton } from '../ui/nut';
import './loading-skeleton.scss';

/** Grey outlines of the cards to come, so a slow network does not look like a broken app. */
export function LoadingSkeleton({ cards = 3 }: { cards?: number }) {
  return (
    <View className="loading-skeleton" aria-busy="true" data-testid="loading">
      <Skeleton rows={2} animated />
      {Array.from({ length: cards }, (_, index) => (
        <View key={index} className="loading-skeleton__card">
          <Skeleton rows={3} animated />
        </View>
      ))}
      <View className="loading-skeleton__hint">正在加载，请稍候…</View>
    </View>
  );
}

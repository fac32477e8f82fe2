import { View } from '@tarojs/components';
import type { RateMetric, Trend } from '@zbxx/contracts';
import { formatMonth } from '../../../lib/format-month';
import { barsOf } from './trend-bars';
import './trend-chart.scss';

/**
 * A bar chart made of Views: works the same in weapp and h5 and costs a few KB, where a chart library would
 * cost hundreds. Heights are percentages of the plot; the dashed line is the 达标线.
 */
export function TrendChart({
  title,
  metric,
  points,
  threshold,
}: {
  title: string;
  metric: RateMetric;
  points: Trend['points'];
  threshold: number;
}) {
  const bars = barsOf(points, metric, threshold);
  return (
    <View className="trend-chart" data-testid={`trend-chart-${metric}`}>
      <View className="trend-chart__title">
        {title}
        <View className="trend-chart__threshold-text">达标线 {threshold}%</View>
      </View>
      {bars.length > 0 && (
        <View className="trend-chart__range">
          {formatMonth(bars[0]!.month)} – {formatMonth(bars[bars.length - 1]!.month)}
        </View>
      )}
      <View className="trend-chart__plot">
        <View className="trend-chart__threshold" style={{ bottom: `${threshold}%` }} />
        {bars.map((bar) => (
          <View key={bar.month} className="trend-chart__slot">
            <View className="trend-chart__value">{bar.value}</View>
            <View
              className={`trend-chart__bar ${bar.below ? 'is-below' : ''} ${bar.empty ? 'is-empty' : ''}`}
              style={{ height: `${bar.height}%` }}
              data-testid={`bar-${metric}-${bar.month}`}
            />
          </View>
        ))}
      </View>
      <View className="trend-chart__axis">
        {bars.map((bar) => (
          <View key={bar.month} className="trend-chart__label">
            {bar.label}
          </View>
        ))}
      </View>
    </View>
  );
}

import { View } from '@tarojs/components';
import type { RollupRow, Thresholds } from '@zbxx/contracts';
import { formatRate, formatScore, RATE_METRICS } from '../../../lib/stats-format';
import './rate-grid.scss';

/** A node's rates; those under their 达标线 in red (the server says which: `below`). */
export function RateGrid({ row, testId }: { row: RollupRow; testId: string }) {
  return (
    <View className="rate-grid">
      {RATE_METRICS.map(({ key, label }) => (
        <View key={key} className={`rate-grid__cell ${row.below.includes(key) ? 'is-below' : ''}`} data-testid={`${testId}-${key}`}>
          <View className="rate-grid__value">{formatRate(row.rates[key])}</View>
          <View className="rate-grid__label">{label}</View>
        </View>
      ))}
      <View className="rate-grid__cell">
        <View className="rate-grid__value">{formatScore(row.rates.quizAverageScore)}</View>
        <View className="rate-grid__label">答题平均分</View>
      </View>
    </View>
  );
}

export function ThresholdNote({ thresholds }: { thresholds: Thresholds }) {
  return (
    <View className="rate-grid__note" data-testid="threshold-note">
      达标线：{RATE_METRICS.map(({ key, label }) => `${label.replace('率', '')} ${thresholds[key]}%`).join(' · ')}；低于达标线的标红
    </View>
  );
}

import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { RolePage } from '../../../components/role-page';
import { useTrend } from '../../../hooks/use-trend';
import { RATE_METRICS } from '../../../lib/stats-format';
import { TrendChart } from './trend-chart';
import './trend.scss';

function TrendView({ nodeId }: { nodeId?: string }) {
  const { state, retry, months, setMonths } = useTrend(nodeId);
  const { data, points, error } = state;
  const loading = state.loaded < state.batches && !error;
  return (
    <View className="trend">
      <View className="trend__title">{data ? data.node.name : ''}完成率趋势</View>
      <View className="trend__tabs">
        {([6, 12] as const).map((n) => (
          <View key={n} className={`trend__tab ${months === n ? 'is-active' : ''}`} onClick={() => setMonths(n)} data-testid={`trend-${n}`}>
            近{n}个月
          </View>
        ))}
      </View>
      {loading && points.length > 0 && (
        <View className="trend__progress" data-testid="trend-progress">
          已载入 {points.length}/{months} 个月…
        </View>
      )}
      {error && points.length > 0 && (
        <View className="trend__error" data-testid="trend-batch-error">
          还有 {months - points.length} 个月没有载入：{error.message}
          <View className="trend__retry" onClick={retry} data-testid="trend-retry">
            重试
          </View>
        </View>
      )}
      {!data && loading && <LoadingSkeleton cards={2} />}
      {!data && error && <ErrorState error={error} onRetry={retry} />}
      {data &&
        RATE_METRICS.map(({ key, label }) => (
          <TrendChart key={key} title={label} metric={key} points={points} threshold={data.thresholds[key]} />
        ))}
    </View>
  );
}

export default function AdminTrendPage() {
  const { params } = useRouter();
  return <RolePage role={'admin'}>{() => <TrendView nodeId={params.nodeId} />}</RolePage>;
}

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
  const { state, reload, months, setMonths } = useTrend(nodeId);
  return (
    <View className="trend">
      <View className="trend__title">{state.kind === 'ready' ? state.data.node.name : ''}完成率趋势</View>
      <View className="trend__tabs">
        {([6, 12] as const).map((n) => (
          <View key={n} className={`trend__tab ${months === n ? 'is-active' : ''}`} onClick={() => setMonths(n)} data-testid={`trend-${n}`}>
            近{n}个月
          </View>
        ))}
      </View>
      {state.kind === 'loading' && <LoadingSkeleton cards={2} />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' &&
        RATE_METRICS.map(({ key, label }) => <TrendChart key={key} title={label} metric={key} points={state.data.points} threshold={state.data.thresholds[key]} />)}
    </View>
  );
}

export default function AdminTrendPage() {
  const { params } = useRouter();
  return (
    <RolePage role={'admin'}>{() => <TrendView nodeId={params.nodeId} />}</RolePage>
  );
}

import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Me, Rollup, RollupRow } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MonthStepper } from '../../../components/month-stepper';
import { Pill } from '../../../components/pill';
import { RolePage } from '../../../components/role-page';
import { useRollup } from '../../../hooks/use-rollup';
import { openStats, STATS_ROUTES } from '../../../services/stats-navigation';
import { RateGrid, ThresholdNote } from './rate-grid';
import './index.scss';

/** The breadcrumb opens only nodes the admin may see: their own root and below (the path starts at the county). */
function Breadcrumb({ path, me, onOpen }: { path: Rollup['path']; me: Me; onOpen: (nodeId: string) => void }) {
  const roots = new Set(me.scope.adminOf.map((org) => org.id));
  const first = path.findIndex((org) => roots.has(org.id));
  return (
    <View className="dashboard__path" data-testid="dashboard-path">
      {path.map((org, index) => {
        const last = index === path.length - 1;
        const tappable = !last && first !== -1 && index >= first;
        return (
          <View
            key={org.id}
            className={`dashboard__crumb ${tappable ? 'is-link' : ''}`}
            onClick={tappable ? () => onOpen(org.id) : undefined}
            data-testid={`crumb-${org.id}`}
          >
            {org.name}
            {!last && <View className="dashboard__sep">›</View>}
          </View>
        );
      })}
    </View>
  );
}

function ChildRow({ row, onOpen }: { row: RollupRow; onOpen: () => void }) {
  return (
    <View className="dashboard__child" onClick={onOpen} data-testid={`child-${row.org.id}`}>
      <View className="dashboard__child-head">
        <View className="dashboard__child-name">{row.org.name}</View>
        {row.org.retired && <Pill tone="soft">已撤销</Pill>}
        <View className="dashboard__child-members">{row.totals.members} 人</View>
        <View className="dashboard__arrow">›</View>
      </View>
      <RateGrid row={row} testId={`child-${row.org.id}`} />
    </View>
  );
}

function Dashboard({ me, initialNodeId }: { me: Me; initialNodeId?: string }) {
  const rollup = useRollup(initialNodeId);
  const { state } = rollup;
  const openChild = (row: RollupRow) =>
    row.org.type === 'branch' ? openStats(STATS_ROUTES.matrix, { branchId: row.org.id, month: rollup.month }) : rollup.openNode(row.org.id);
  const nodeId = state.kind === 'ready' ? state.data.node.id : initialNodeId;
  const nodeName = state.kind === 'ready' ? state.data.node.name : undefined;
  return (
    <View className="dashboard">
      <View className="dashboard__title">完成情况统计</View>
      {state.kind === 'ready' && <Breadcrumb path={state.data.path} me={me} onOpen={rollup.openNode} />}
      <MonthStepper month={rollup.month} canNext={rollup.canNext} onPrevious={rollup.previous} onNext={rollup.next} />
      <View className="dashboard__links">
        <View className="dashboard__link" onClick={() => openStats(STATS_ROUTES.trend, { nodeId })} data-testid="dashboard-trend">
          趋势
        </View>
        <View
          className="dashboard__link"
          onClick={() => openStats(STATS_ROUTES.export, { nodeId, nodeName, month: rollup.month })}
          data-testid="dashboard-export"
        >
          导出Excel
        </View>
        <View className="dashboard__link" onClick={() => openStats(STATS_ROUTES.settings, { nodeId })} data-testid="dashboard-settings">
          达标线设置
        </View>
      </View>
      {state.kind === 'loading' && <LoadingSkeleton cards={3} />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={rollup.reload} />}
      {state.kind === 'ready' && (
        <>
          <View className="dashboard__total" data-testid="dashboard-total">
            <View className="dashboard__child-head">
              <View className="dashboard__child-name" data-testid="dashboard-node">
                {state.data.node.name}
              </View>
              <View className="dashboard__child-members" data-testid="dashboard-members">
                {state.data.total.totals.members} 人
              </View>
            </View>
            <RateGrid row={state.data.total} testId="total" />
          </View>
          <ThresholdNote thresholds={state.data.thresholds} />
          <View className="dashboard__section">下级组织</View>
          {state.data.children.length === 0 ? (
            <View className="dashboard__empty">没有下级组织</View>
          ) : (
            state.data.children.map((row) => <ChildRow key={row.org.id} row={row} onOpen={() => openChild(row)} />)
          )}
        </>
      )}
    </View>
  );
}

export default function AdminStatsPage() {
  const { params } = useRouter();
  return <RolePage role={'admin'}>{(me) => <Dashboard me={me} initialNodeId={params.nodeId} />}</RolePage>;
}

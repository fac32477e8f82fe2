import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MonthStepper } from '../../../components/month-stepper';
import { Pill } from '../../../components/pill';
import { RolePage } from '../../../components/role-page';
import { useBranchMatrix } from '../../../hooks/use-branch-matrix';
import { useRemind } from '../../../hooks/use-remind';
import { openStats, STATS_ROUTES } from '../../../services/stats-navigation';
import { Button } from '../../../ui/nut';
import { FilterTabs, MatrixRows, MatrixTotals } from './matrix-view';
import { RemindPanel } from './remind-panel';
import { statsViewerRole } from './viewer-role';
import './index.scss';

function BranchMatrixPage({ branchId, initialMonth }: { branchId?: string; initialMonth?: string }) {
  const matrix = useBranchMatrix(branchId, initialMonth);
  const remind = useRemind({ branchId, month: matrix.month }, matrix.reload);
  const { state } = matrix;
  const params = { branchId, month: matrix.month };
  return (
    <View className="matrix">
      <View className="matrix__title" data-testid="matrix-branch">
        {state.kind === 'ready' ? state.data.branch.name : '本支部'}完成情况
        {state.kind === 'ready' && state.data.branch.retired && <Pill tone="soft">已撤销</Pill>}
      </View>
      <MonthStepper month={matrix.month} canNext={matrix.canNext} onPrevious={matrix.previous} onNext={matrix.next} />
      {state.kind === 'loading' && <LoadingSkeleton cards={3} />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={matrix.reload} />}
      {state.kind === 'ready' && (
        <>
          <MatrixTotals data={state.data} />
          <View className="matrix__actions">
            <Button
              type="primary"
              size="large"
              onClick={() => remind.ask(state.data.members)}
              disabled={remind.step.kind === 'sending'}
              data-testid="remind-open"
            >
              催学
            </Button>
            <Button size="large" onClick={() => openStats(STATS_ROUTES.share, params)} data-testid="share-open">
              分享
            </Button>
            <Button size="large" onClick={() => openStats(STATS_ROUTES.remindLog, params)} data-testid="remind-log-open">
              催学记录
            </Button>
          </View>
        </>
      )}
      {/* Outside the loaded block: the outcomes stay on screen while the matrix reloads after a send. */}
      <RemindPanel step={remind.step} onConfirm={() => void remind.confirm()} onRetry={() => void remind.retry()} onClose={remind.close} />
      {state.kind === 'ready' && (
        <>
          <FilterTabs filter={matrix.filter} onFilter={matrix.setFilter} />
          <MatrixRows
            data={state.data}
            filter={matrix.filter}
            onOpenMember={(memberId) => openStats(STATS_ROUTES.member, { memberId, month: matrix.month })}
          />
        </>
      )}
    </View>
  );
}

export default function SecretaryStatsPage() {
  const { params } = useRouter();
  return <RolePage role={statsViewerRole}>{() => <BranchMatrixPage branchId={params.branchId} initialMonth={params.month} />}</RolePage>;
}

import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { RolePage } from '../../../components/role-page';
import { useAsync } from '../../../hooks/use-async';
import { formatMonth } from '../../../lib/format-month';
import { formatEventTime } from '../../../lib/party-day-format';
import { TASK_LABELS } from '../../../lib/stats-format';
import { statsService } from '../../../services/stats';
import { statsViewerRole } from './viewer-role';
import './remind-log.scss';

/** What was sent to whom and when: the secretary's answer to "did I remind them already?". */
function RemindLog({ branchId, month }: { branchId?: string; month?: string }) {
  const { state, reload } = useAsync(() => statsService.remindLog({ branchId, month }), [branchId, month]);
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const { entries } = state.data;
  return (
    <View className="remind-log">
      <View className="remind-log__title">催学记录{month ? ` · ${formatMonth(month)}` : ''}</View>
      {entries.length === 0 && (
        <View className="remind-log__empty" data-testid="remind-log-empty">
          还没有发送过催学提醒
        </View>
      )}
      {entries.map((entry, index) => (
        <View key={`${entry.memberId}-${entry.sentAt}-${index}`} className="remind-log__entry" data-testid="remind-log-entry">
          <View className="remind-log__head">
            <View className="remind-log__name">{entry.name}</View>
            <View className="remind-log__time">{formatEventTime(entry.sentAt)}</View>
          </View>
          <View className="remind-log__what">
            {entry.by === 'secretary' ? '书记催学' : '自动提醒'} · 未完成：{entry.missing.map((kind) => TASK_LABELS[kind]).join('、')}
          </View>
        </View>
      ))}
    </View>
  );
}

export default function RemindLogPage() {
  const { params } = useRouter();
  return <RolePage role={statsViewerRole}>{() => <RemindLog branchId={params.branchId} month={params.month} />}</RolePage>;
}

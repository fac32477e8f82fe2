import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { RolePage } from '../../../components/role-page';
import { useThresholdsForm } from '../../../hooks/use-thresholds-form';
import { RATE_METRICS } from '../../../lib/stats-format';
import { Button, Input } from '../../../ui/nut';
import './settings.scss';

const SOURCE_TEXT = { node: '本组织自定义', ancestor: '沿用上级组织的设置', default: '系统默认（80%）' } as const;

function SettingsForm({ nodeId }: { nodeId?: string }) {
  const { state, reload, settings, form, save, setThreshold, setReminderDays, submit } = useThresholdsForm(nodeId);
  if (state.kind === 'loading' || (state.kind === 'ready' && !form)) return <LoadingSkeleton cards={2} />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  if (!form || !settings) return null;
  return (
    <View className="stats-settings">
      <View className="stats-settings__title">{settings.node.name}</View>
      <View className="stats-settings__source" data-testid="settings-source">
        当前：{SOURCE_TEXT[settings.source]}。保存后对本组织及所有下级生效（下级另有设置的除外）。
      </View>
      <View className="stats-settings__section">达标线（%）</View>
      {RATE_METRICS.map(({ key, label }) => (
        <View key={key} className="stats-settings__field">
          <View className="stats-settings__label">{label}</View>
          <Input
            type="number"
            value={form.thresholds[key]}
            maxLength={3}
            onChange={(text: string) => setThreshold(key, text)}
            data-testid={`threshold-${key}`}
          />
        </View>
      ))}
      <View className="stats-settings__section">自动催学日</View>
      <View className="stats-settings__hint">
        每月这些日期上午 9 点，自动提醒还有任务未完成、且已开启学习提醒的党员。多个日期用逗号分开，如：5, 15
      </View>
      <View className="stats-settings__field">
        <Input
          value={form.reminderDays}
          maxLength={40}
          placeholder="如：5, 15（留空则不自动催学）"
          onChange={setReminderDays}
          data-testid="reminder-days"
        />
      </View>
      {save.kind === 'invalid' && (
        <View className="stats-settings__error" data-testid="settings-error">
          {save.message}
        </View>
      )}
      {save.kind === 'saved' && (
        <View className="stats-settings__saved" data-testid="settings-saved">
          已保存
        </View>
      )}
      <Button type="primary" size="large" block loading={save.kind === 'saving'} onClick={() => void submit()} data-testid="settings-save">
        保存
      </Button>
    </View>
  );
}

export default function AdminStatsSettingsPage() {
  const { params } = useRouter();
  return <RolePage role={'admin'}>{() => <SettingsForm nodeId={params.nodeId} />}</RolePage>;
}

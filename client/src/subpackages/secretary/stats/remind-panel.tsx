import { View } from '@tarojs/components';
import { REMIND_OUTCOMES, type RemindResult } from '@zbxx/contracts';
import type { RemindStep } from '../../../hooks/use-remind';
import { Button } from '../../../ui/nut';

const OUTCOME_LABELS: Record<(typeof REMIND_OUTCOMES)[number], string> = {
  sent: '已发送',
  alreadyToday: '今日已提醒',
  noConsent: '未订阅',
  complete: '已完成',
  notBound: '未绑定微信',
  failed: '发送失败',
};

/** "已发送 3 · 今日已提醒 1 · 未订阅 2": every outcome that happened, in a fixed order. */
export function remindSummary(result: RemindResult): string {
  const parts = REMIND_OUTCOMES.filter((outcome) => (result.counts[outcome] ?? 0) > 0).map(
    (outcome) => `${OUTCOME_LABELS[outcome]} ${result.counts[outcome]}`,
  );
  return parts.length > 0 ? parts.join(' · ') : '没有需要提醒的党员';
}

export function outcomeLabel(outcome: (typeof REMIND_OUTCOMES)[number]): string {
  return OUTCOME_LABELS[outcome];
}

interface RemindPanelProps {
  step: RemindStep;
  onConfirm: () => void;
  onRetry: () => void;
  onClose: () => void;
}

/** 催学 in place, not in a system dialog: the count before sending, then what happened to each member. */
export function RemindPanel({ step, onConfirm, onRetry, onClose }: RemindPanelProps) {
  if (step.kind === 'idle') return null;
  return (
    <View className="remind" data-testid="remind-panel">
      {step.kind === 'confirm' &&
        (step.memberIds.length === 0 ? (
          <>
            <View className="remind__text">这里列出的党员都已完成，无需催学。</View>
            <Button block onClick={onClose} data-testid="remind-cancel">
              知道了
            </Button>
          </>
        ) : (
          <>
            <View className="remind__text" data-testid="remind-confirm-text">
              将向 {step.memberIds.length} 名未完成的党员发送催学提醒（其中 {step.consenting}{' '}
              人已开启学习提醒）。未开启提醒或今天已提醒过的不会发送。
            </View>
            <View className="remind__actions">
              <Button type="primary" size="large" onClick={onConfirm} data-testid="remind-confirm">
                确定发送
              </Button>
              <Button size="large" onClick={onClose} data-testid="remind-cancel">
                取消
              </Button>
            </View>
          </>
        ))}
      {step.kind === 'sending' && <View className="remind__text">正在发送给 {step.memberIds.length} 名党员…</View>}
      {step.kind === 'error' && (
        <>
          <View className="remind__error">{step.error.message}</View>
          <View className="remind__actions">
            <Button type="primary" size="large" onClick={onRetry} data-testid="remind-retry">
              重试
            </Button>
            <Button size="large" onClick={onClose}>
              取消
            </Button>
          </View>
        </>
      )}
      {step.kind === 'done' && (
        <>
          <View className="remind__summary" data-testid="remind-summary">
            {remindSummary(step.result)}
          </View>
          {step.result.results.map((entry) => (
            <View key={entry.memberId} className={`remind__result is-${entry.outcome}`} data-testid={`remind-result-${entry.memberId}`}>
              <View>{entry.name}</View>
              <View>{OUTCOME_LABELS[entry.outcome]}</View>
            </View>
          ))}
          <Button block onClick={onClose} data-testid="remind-close">
            完成
          </Button>
        </>
      )}
    </View>
  );
}

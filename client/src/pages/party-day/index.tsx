import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MakeUpQuizStatus, MemberEvent } from '@zbxx/contracts';
import { ErrorState } from '../../components/error-state';
import { LoadingSkeleton } from '../../components/loading-skeleton';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { checkInTo, subscribeToReminder, usePartyDay, useServerCountdown } from '../../hooks/use-party-day';
import { ATTENDANCE_LABELS, formatCountdown, formatEventTime } from '../../lib/party-day-format';
import { toAppError } from '../../services/app-error';
import { canScan } from '../../services/checkin-device';
import { checkinService } from '../../services/checkin';
import { openReader } from '../../services/study-navigation';
import { Button, Input } from '../../ui/nut';
import { MakeUpQuiz } from './make-up-quiz';
import './index.scss';

const alert = (content: string) => void Taro.showModal({ title: '提示', content, showCancel: false });

function CheckInBox({ item, onDone }: { item: MemberEvent; onDone: () => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (typed: string | null) => {
    setBusy(true);
    try {
      const result = await checkInTo(item.event, typed);
      if (result) {
        void Taro.showToast({
          title: result.alreadyCheckedIn ? '已签到过' : `签到成功：${ATTENDANCE_LABELS[result.mine.state]}`,
          icon: 'success',
        });
        onDone();
      }
    } catch (error) {
      alert(toAppError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="party-day__checkin">
      {canScan && (
        <Button type="primary" size="large" block disabled={busy} onClick={() => void run(null)} data-testid="checkin-scan">
          扫码签到
        </Button>
      )}
      <View className="party-day__code-row">
        <Input
          className="party-day__code-input"
          type="digit"
          maxLength={6}
          value={code}
          placeholder="输入6位签到码"
          onChange={setCode}
          data-testid="checkin-code-input"
        />
        <Button
          type={canScan ? 'default' : 'primary'}
          disabled={busy || code.trim().length < 6}
          onClick={() => void run(code)}
          data-testid="checkin-submit"
        >
          签到
        </Button>
      </View>
    </View>
  );
}

function LeaveBox({ eventId, onDone }: { eventId: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <Button size="small" onClick={() => setOpen(true)} data-testid="leave-open">
        请假
      </Button>
    );
  }
  const submit = async () => {
    try {
      await checkinService.requestLeave(eventId, reason);
      void Taro.showToast({ title: '已提交请假', icon: 'success' });
      onDone();
    } catch (error) {
      alert(toAppError(error).message);
    }
  };
  return (
    <View className="party-day__leave">
      <Input value={reason} maxLength={100} placeholder="请假原因（必填）" onChange={setReason} data-testid="leave-reason" />
      <Button type="primary" size="small" disabled={reason.trim() === ''} onClick={() => void submit()} data-testid="leave-submit">
        提交
      </Button>
    </View>
  );
}

function NextEvent({ item, serverTime, onChanged }: { item: MemberEvent; serverTime: string; onChanged: () => void }) {
  const { event, mine } = item;
  const untilStart = useServerCountdown(event.startsAt, serverTime);
  const attended = mine.state === 'present' || mine.state === 'late';
  return (
    <View className="party-day__card" data-testid="party-day-next">
      <View className="party-day__theme">{event.theme}</View>
      <View className="party-day__meta">
        {formatEventTime(event.startsAt)} · {event.place}
      </View>
      <View className="party-day__status">
        <View className={`party-day__state is-${mine.state}`} data-testid="party-day-my-state">
          {ATTENDANCE_LABELS[mine.state]}
        </View>
        {untilStart > 0 && <View className="party-day__countdown">{formatCountdown(untilStart)}</View>}
      </View>
      {event.phase === 'open' && !attended && mine.state !== 'absent' && <CheckInBox item={item} onDone={onChanged} />}
      {event.phase !== 'open' && untilStart > 0 && mine.state === 'expected' && (
        <View className="party-day__actions">
          <LeaveBox eventId={event.eventId} onDone={onChanged} />
          {!item.reminderSubscribed ? (
            <Button
              size="small"
              onClick={() =>
                void subscribeToReminder(event.eventId).then(
                  (ok) => ok && (void Taro.showToast({ title: '活动前一天提醒您', icon: 'none' }), onChanged()),
                  (error: unknown) => alert(toAppError(error).message),
                )
              }
              data-testid="reminder-subscribe"
            >
              提前一天提醒我
            </Button>
          ) : (
            <View className="party-day__hint">已订阅活动提醒</View>
          )}
        </View>
      )}
      {mine.state === 'leaveRequested' && <View className="party-day__hint">请假原因：{mine.leaveReason}，等待支部书记审批</View>}
    </View>
  );
}

function MakeUp({ eventId, onChanged }: { eventId: string; onChanged: () => void }) {
  const [view, setView] = useState<{
    materials: { materialId: string; title: string; completed: boolean }[];
    quiz: MakeUpQuizStatus;
  } | null>(null);
  const load = () =>
    void checkinService.makeUp(eventId).then(
      (r) => setView({ materials: r.materials, quiz: r.quiz }),
      (e: unknown) => alert(toAppError(e).message),
    );
  if (view === null) {
    return (
      <Button size="small" onClick={load} data-testid={`makeup-open-${eventId}`}>
        去补学
      </Button>
    );
  }
  const { materials, quiz } = view;
  const complete = async () => {
    try {
      await checkinService.completeMakeUp(eventId);
      void Taro.showToast({ title: '补学已完成', icon: 'success' });
      onChanged();
    } catch (error) {
      alert(toAppError(error).message);
    }
  };
  return (
    <View className="party-day__makeup">
      {materials.length === 0 && <View className="party-day__hint">本次活动没有补学材料，请联系支部书记</View>}
      {materials.map((m) => (
        <View key={m.materialId} className="party-day__material" onClick={() => openReader(m.materialId)}>
          {m.title} {m.completed ? '（已学完）' : '（未学完，点此学习）'}
        </View>
      ))}
      {materials.length > 0 && (
        <>
          <MakeUpQuiz eventId={eventId} status={quiz} onStatus={(next) => setView({ materials, quiz: next })} onError={alert} />
          <Button
            type="primary"
            size="small"
            disabled={materials.some((m) => !m.completed) || !quiz.passed}
            onClick={() => void complete()}
          >
            完成补学
          </Button>
        </>
      )}
    </View>
  );
}

function PartyDay() {
  const { state, reload } = usePartyDay();
  if (state.kind === 'loading') return <LoadingSkeleton cards={2} />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const { next, recent, serverTime } = state.data;
  return (
    <View className="party-day">
      <View className="party-day__title">下一次主题党日</View>
      {next ? (
        <NextEvent item={next} serverTime={serverTime} onChanged={reload} />
      ) : (
        <View className="party-day__empty">支部暂未安排主题党日</View>
      )}
      <View className="party-day__title">往期活动</View>
      {recent.length === 0 && <View className="party-day__empty">暂无记录</View>}
      {recent.map(({ event, mine }) => (
        <View key={event.eventId} className="party-day__row" data-testid={`party-day-event-${event.eventId}`}>
          <View className="party-day__row-head">
            <View className="party-day__row-theme">{event.theme}</View>
            <View className={`party-day__state is-${mine.state}`}>{ATTENDANCE_LABELS[mine.state]}</View>
          </View>
          <View className="party-day__meta">{formatEventTime(event.startsAt)}</View>
          {(mine.state === 'excused' || mine.state === 'absent') && <MakeUp eventId={event.eventId} onChanged={reload} />}
        </View>
      ))}
    </View>
  );
}

export default function PartyDayPage() {
  return (
    <PageFrame>
      <MemberGate>{() => <PartyDay />}</MemberGate>
    </PageFrame>
  );
}

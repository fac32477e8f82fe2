import { useState } from 'react';
import { Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CheckinEventSummary, SaveEventInput } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { useAsync } from '../../../hooks/use-async';
import { useRequestIdFor } from '../../../hooks/use-request-id';
import { formatClock, formatEventTime, shanghaiInstant, shanghaiToday } from '../../../lib/party-day-format';
import { canPickPlace, pickPlace } from '../../../services/checkin-device';
import { CHECKIN_ROUTES, openCheckinPage } from '../../../services/checkin-navigation';
import { checkinService } from '../../../services/checkin';
import { runWithFeedback as run } from '../../../services/feedback';
import { Button, Input } from '../../../ui/nut';
import './index.scss';

const PHASES: Record<CheckinEventSummary['phase'], string> = { upcoming: '未开始', open: '签到中', ended: '待结束', closed: '已结束' };

function CreateForm({ onSaved }: { onSaved: () => void }) {
  const [date, setDate] = useState(shanghaiToday());
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('11:00');
  const [place, setPlace] = useState('');
  const [theme, setTheme] = useState('');
  const [fence, setFence] = useState<SaveEventInput['geofence']>(null);
  const request = useRequestIdFor();
  const chooseFence = async () => {
    const picked = await pickPlace();
    if (!picked) return;
    if (place.trim() === '') setPlace(picked.name.slice(0, 60));
    setFence({ center: { latitude: picked.latitude, longitude: picked.longitude }, radiusMetres: 200, policy: 'flag' });
  };
  const save = () => {
    const input = { theme, place, startsAt: shanghaiInstant(date, start), endsAt: shanghaiInstant(date, end), geofence: fence };
    return run(
      () => checkinService.saveEvent(input, request.idFor(input)),
      '已创建',
      () => {
        request.settle();
        setPlace('');
        setTheme('');
        onSaved();
      },
    );
  };
  return (
    <View className="pd-events__form" data-testid="event-form">
      <View className="pd-events__form-title">安排主题党日</View>
      <Picker mode="date" value={date} onChange={(e) => setDate(String(e.detail.value))}>
        <View className="pd-events__field">日期：{date}</View>
      </Picker>
      <View className="pd-events__times">
        <Picker mode="time" value={start} onChange={(e) => setStart(String(e.detail.value))}>
          <View className="pd-events__field">开始 {start}</View>
        </Picker>
        <Picker mode="time" value={end} onChange={(e) => setEnd(String(e.detail.value))}>
          <View className="pd-events__field">结束 {end}</View>
        </Picker>
      </View>
      <Input value={place} maxLength={60} placeholder="地点，如：党员活动室" onChange={setPlace} data-testid="event-place" />
      <Input value={theme} maxLength={40} placeholder="主题（不填则用本月学习主题）" onChange={setTheme} data-testid="event-theme" />
      {canPickPlace && (
        <View className="pd-events__times">
          <Button size="small" onClick={() => void chooseFence()}>
            {fence ? '重新选择签到位置' : '在地图上设置签到范围'}
          </Button>
          {fence && (
            <Button size="small" onClick={() => setFence({ ...fence, policy: fence.policy === 'flag' ? 'strict' : 'flag' })}>
              {fence.policy === 'flag' ? '范围外：标注' : '范围外：拒绝'}
            </Button>
          )}
          {fence && (
            <Button size="small" onClick={() => setFence(null)}>
              不限范围
            </Button>
          )}
        </View>
      )}
      {fence && <View className="pd-events__hint">签到范围：所选位置 {fence.radiusMetres} 米内</View>}
      <View className="pd-events__hint">签到在开始前30分钟开放，开始后签到记为迟到。</View>
      <Button type="primary" block disabled={place.trim() === ''} onClick={() => void save()} data-testid="event-save">
        创建活动
      </Button>
    </View>
  );
}

function Events() {
  const { state, reload } = useAsync(() => checkinService.listEvents(), []);
  const [creating, setCreating] = useState(false);
  return (
    <View className="pd-events">
      <View className="pd-events__bar">
        <Button size="small" type="primary" onClick={() => setCreating(!creating)} data-testid="event-new">
          {creating ? '收起' : '新建活动'}
        </Button>
        <Button
          size="small"
          onClick={() =>
            void run(
              () => checkinService.sendDueReminders(),
              '已发送到期提醒',
              () => undefined,
            )
          }
          data-testid="send-reminders"
        >
          发送活动提醒
        </Button>
      </View>
      {creating && <CreateForm onSaved={() => (setCreating(false), reload())} />}
      {state.kind === 'loading' && <LoadingSkeleton cards={2} />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && state.data.events.length === 0 && <View className="pd-events__empty">还没有安排主题党日</View>}
      {state.kind === 'ready' &&
        state.data.events.map((event) => (
          <View key={event.eventId} className="pd-events__card" data-testid={`event-${event.eventId}`}>
            <View className="pd-events__head">
              <View className="pd-events__theme">{event.theme}</View>
              <View className={`pd-events__phase is-${event.phase}`}>{PHASES[event.phase]}</View>
            </View>
            <View className="pd-events__meta">
              {formatEventTime(event.startsAt)}–{formatClock(event.endsAt)} · {event.place}
            </View>
            <View className="pd-events__meta">
              出席 {event.tally.present} · 迟到 {event.tally.late} · 请假 {event.tally.excused + event.tally.leaveRequested} · 缺席{' '}
              {event.tally.absent} · 补学 {event.tally.madeUp}
            </View>
            <View className="pd-events__actions">
              {event.phase === 'open' && (
                <Button
                  type="primary"
                  size="small"
                  onClick={() => openCheckinPage(CHECKIN_ROUTES.code, event.eventId)}
                  data-testid={`event-code-${event.eventId}`}
                >
                  出示签到码
                </Button>
              )}
              <Button
                size="small"
                onClick={() => openCheckinPage(CHECKIN_ROUTES.sheet, event.eventId)}
                data-testid={`event-sheet-${event.eventId}`}
              >
                考勤表
              </Button>
              {event.phase === 'upcoming' && (
                <Button
                  size="small"
                  onClick={() =>
                    void Taro.showModal({ title: '删除活动', content: '确定删除这次活动吗？' }).then(
                      ({ confirm }) => confirm && void run(() => checkinService.removeEvent(event.eventId), '已删除', reload),
                    )
                  }
                >
                  删除
                </Button>
              )}
            </View>
          </View>
        ))}
    </View>
  );
}

export default function PartyDayEventsPage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="secretary">
            <Events />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}

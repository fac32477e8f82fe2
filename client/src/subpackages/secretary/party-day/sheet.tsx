import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { SheetRow } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { useAttendanceSheet } from '../../../hooks/use-attendance-sheet';
import { ATTENDANCE_LABELS, formatClock, formatEventTime } from '../../../lib/party-day-format';
import { checkinService } from '../../../services/checkin';
import { runWithFeedback as run } from '../../../services/feedback';
import { Button, Input } from '../../../ui/nut';
import './sheet.scss';

type MarkTarget = 'present' | 'late' | 'excused' | 'absent' | 'madeUp';
const MARKS: { to: MarkTarget; label: string }[] = [
  { to: 'present', label: '出席' },
  { to: 'late', label: '迟到' },
  { to: 'excused', label: '请假' },
  { to: 'absent', label: '缺席' },
  { to: 'madeUp', label: '已补学' },
];
const FLAG_LABELS: Record<string, string> = { OUTSIDE_GEOFENCE: '不在签到范围', NO_LOCATION: '未提供位置' };

function RowDetail({ eventId, row, closed, onChanged }: { eventId: string; row: SheetRow; closed: boolean; onChanged: () => void }) {
  const [to, setTo] = useState<MarkTarget | null>(null);
  const [reason, setReason] = useState('');
  const canMakeUp = row.state === 'excused' || row.state === 'absent';
  // What the domain allows: 补学 only from 请假/缺席 (and only that once closed), anything else before the close.
  const targets = MARKS.filter((m) => m.to !== row.state && (m.to === 'madeUp' ? canMakeUp : !closed));
  return (
    <View className="pd-sheet__detail">
      {row.state === 'leaveRequested' && (
        <View className="pd-sheet__actions">
          <View className="pd-sheet__hint">请假原因：{row.leaveReason}</View>
          <Button
            type="primary"
            size="small"
            onClick={() =>
              void run(() => checkinService.decideLeave({ eventId, memberId: row.memberId, approve: true }), '已批准', onChanged)
            }
            data-testid={`leave-approve-${row.memberId}`}
          >
            批准请假
          </Button>
          <Button
            size="small"
            onClick={() =>
              void run(() => checkinService.decideLeave({ eventId, memberId: row.memberId, approve: false }), '未批准', onChanged)
            }
          >
            不批准
          </Button>
        </View>
      )}
      {row.state !== 'madeUp' && targets.length > 0 && (
        <View className="pd-sheet__mark">
          <View className="pd-sheet__hint">手工登记（需填写原因，记入变更记录）：</View>
          <View className="pd-sheet__actions">
            {targets.map((m) => (
              <Button
                key={m.to}
                size="small"
                type={to === m.to ? 'primary' : 'default'}
                onClick={() => setTo(m.to)}
                data-testid={`mark-${m.to}-${row.memberId}`}
              >
                {m.label}
              </Button>
            ))}
          </View>
          {to && (
            <View className="pd-sheet__actions">
              <Input
                value={reason}
                maxLength={100}
                placeholder="原因（必填），如：无智能手机，现场登记"
                onChange={setReason}
                data-testid={`mark-reason-${row.memberId}`}
              />
              <Button
                type="primary"
                size="small"
                disabled={reason.trim() === ''}
                onClick={() =>
                  void run(
                    () => checkinService.mark({ eventId, memberId: row.memberId, to, reason }),
                    '已登记',
                    () => (setTo(null), setReason(''), onChanged()),
                  )
                }
                data-testid={`mark-confirm-${row.memberId}`}
              >
                确认
              </Button>
            </View>
          )}
        </View>
      )}
      <View className="pd-sheet__history-title">变更记录</View>
      {row.history.length === 0 && <View className="pd-sheet__hint">暂无</View>}
      {row.history.map((h, i) => (
        <View key={i} className="pd-sheet__history">
          {formatEventTime(h.at)} {h.byName}：{ATTENDANCE_LABELS[h.from]} → {ATTENDANCE_LABELS[h.to]}
          {h.reason ? `（${h.reason}）` : ''}
        </View>
      ))}
    </View>
  );
}

function Sheet({ eventId }: { eventId: string }) {
  const { state, reload } = useAttendanceSheet(eventId);
  const [openRow, setOpenRow] = useState<string | null>(null);
  if (state.kind === 'loading') return <LoadingSkeleton cards={3} />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const { event, tally, rows } = state.data;
  const closed = event.phase === 'closed';
  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '结束签到',
      content: '结束后未签到的党员记为缺席，考勤表不能再修改（补学除外）。确定吗？',
    });
    if (confirm) void run(() => checkinService.closeEvent(eventId), '已结束', reload);
  };
  return (
    <View className="pd-sheet">
      <View className="pd-sheet__theme">{event.theme}</View>
      <View className="pd-sheet__meta">
        {formatEventTime(event.startsAt)} · {event.place}
      </View>
      <View className="pd-sheet__tally" data-testid="sheet-tally">
        出席 {tally.present} · 迟到 {tally.late} · 请假 {tally.excused} · 待审批 {tally.leaveRequested} · 未签到 {tally.expected} · 缺席{' '}
        {tally.absent} · 补学 {tally.madeUp}
      </View>
      {!closed && new Date(event.startsAt).getTime() <= Date.now() && (
        <Button size="small" onClick={() => void close()} data-testid="sheet-close">
          结束签到
        </Button>
      )}
      {rows.map((row) => (
        <View key={row.memberId} className="pd-sheet__row" data-testid={`sheet-row-${row.memberId}`}>
          <View className="pd-sheet__row-head" onClick={() => setOpenRow(openRow === row.memberId ? null : row.memberId)}>
            <View className="pd-sheet__name">{row.name}</View>
            <View className="pd-sheet__time">{row.checkedInAt ? formatClock(row.checkedInAt) : ''}</View>
            {row.selfMade && (
              <View className="pd-sheet__flag" data-testid={`sheet-self-made-${row.memberId}`}>
                本人自行变更
              </View>
            )}
            {row.flags.map((flag) => (
              <View key={flag} className="pd-sheet__flag">
                {FLAG_LABELS[flag] ?? flag}
              </View>
            ))}
            <View className={`pd-sheet__state is-${row.state}`} data-testid={`sheet-state-${row.memberId}`}>
              {ATTENDANCE_LABELS[row.state]}
            </View>
          </View>
          {openRow === row.memberId && <RowDetail eventId={eventId} row={row} closed={closed} onChanged={reload} />}
        </View>
      ))}
    </View>
  );
}

export default function AttendanceSheetPage() {
  const eventId = useRouter().params.eventId ?? '';
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="secretary">
            <Sheet eventId={eventId} />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}

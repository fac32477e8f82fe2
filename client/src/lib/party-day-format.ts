import type { AttendanceStateName } from '@zbxx/contracts';

export const ATTENDANCE_LABELS: Record<AttendanceStateName, string> = {
  expected: '未签到',
  leaveRequested: '请假待审批',
  excused: '请假',
  present: '出席',
  late: '迟到',
  absent: '缺席',
  madeUp: '已补学',
};

/** "还有 2天3小时" style; minutes when under an hour, 即将开始 under a minute. */
export function formatCountdown(ms: number): string {
  if (ms <= 60_000) return '即将开始';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `还有 ${days}天${hours}小时`;
  if (hours > 0) return `还有 ${hours}小时${rest}分`;
  return `还有 ${rest}分钟`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "5月10日 09:00" in Asia/Shanghai, whatever the phone's zone. */
export function formatEventTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** "09:00" in Asia/Shanghai. */
export function formatClock(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** Date (YYYY-MM-DD) and time (HH:mm) typed in Asia/Shanghai → ISO instant. */
export function shanghaiInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** Today in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Seconds left of the code on screen (never negative). */
export function secondsLeft(validUntil: string, now: number): number {
  return Math.max(0, Math.ceil((new Date(validUntil).getTime() - now) / 1000));
}

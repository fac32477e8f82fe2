/**
 * Attendance at a 主题党日 event: one record per member and event, changed only through `transition`, which
 * returns the new record with one more history entry, or a typed error. History is append-only (who, when,
 * from, to, why); nothing is edited in place, so attendance can't be back-filled silently.
 *
 * States: expected 未签到 · leaveRequested 请假待审批 · excused 请假 · present 出席 · late 迟到 · absent 缺席 ·
 * madeUp 补学 (an excused or absent member completed the make-up: counts as made up, not as attended).
 *
 * Transitions (— refused; = no change, no history entry; "closed" = the event has been closed):
 *
 *   from \ command | checkIn (member) | requestLeave (member) | approve / decline (secretary)  | mark (secretary, reason)     | close          | completeMakeUp (system)
 *   expected       | present | late   | leaveRequested        | — / —                          | any (see below)              | absent         | —
 *   leaveRequested | present | late   | =                     | excused / expected (closed: absent) | any                    | =              | —
 *   excused        | present | late   | =                     | = / —                          | any                          | =              | madeUp
 *   present, late  | =                | —                     | — / —                          | any                          | =              | —
 *   absent         | —                | —                     | — / —                          | any                          | =              | madeUp
 *   madeUp         | —                | —                     | — / —                          | —                            | =              | =
 *
 * checkIn: accepted from checkinOpensAt until endsAt, while the event is open; present before lateAfter, late
 * from it on. A second check-in is a no-op (a retried request never counts twice).
 * requestLeave: before the event starts, with a reason.
 * Self-dealing: approve / decline / mark on the secretary's own record are refused (ATTENDANCE.SELF_DEALING):
 * a secretary checks in with the code and makes up through the system like everyone else.
 * mark: any target with a reason; marking the current state is a no-op. Before close, present/late only once
 * check-in has opened. After close only `madeUp` from excused/absent (an offline 补学), because a closed sheet
 * is what was reported upward. `madeUp` is final.
 */

export type AttendanceState = 'expected' | 'leaveRequested' | 'excused' | 'present' | 'late' | 'absent' | 'madeUp';

export const ATTENDANCE_STATE_LABELS: Record<AttendanceState, string> = {
  expected: '未签到',
  leaveRequested: '请假待审批',
  excused: '请假',
  present: '出席',
  late: '迟到',
  absent: '缺席',
  madeUp: '补学',
};

/** The event times attendance depends on. */
export interface AttendanceEvent {
  id: string;
  startsAt: Date;
  endsAt: Date;
  checkinOpensAt: Date;
  /** From this moment on a check-in counts as late (迟到). */
  lateAfter: Date;
  closedAt: Date | null;
}

export type Actor = { role: 'member'; memberId: string } | { role: 'secretary'; memberId: string } | { role: 'system' };

/** Set by the geofence decision when the event flags rather than refuses. */
export type CheckinFlag = 'OUTSIDE_GEOFENCE' | 'NO_LOCATION';

export type MarkTarget = Exclude<AttendanceState, 'expected' | 'leaveRequested'>;

export type AttendanceCommand =
  | { type: 'checkIn'; method: 'scan' | 'code'; flags?: readonly CheckinFlag[] }
  | { type: 'requestLeave'; reason: string }
  | { type: 'approveLeave'; reason?: string }
  | { type: 'declineLeave'; reason?: string }
  | { type: 'mark'; to: MarkTarget; reason: string }
  | { type: 'close' }
  | { type: 'completeMakeUp' };

export interface HistoryEntry {
  at: Date;
  /** memberId of the person, or 'system'. */
  by: string;
  role: Actor['role'];
  command: AttendanceCommand['type'];
  from: AttendanceState;
  to: AttendanceState;
  reason?: string;
  flags?: readonly CheckinFlag[];
}

export interface AttendanceRecord {
  eventId: string;
  memberId: string;
  state: AttendanceState;
  /** When the member was counted present or late (by check-in or by a manual mark); null otherwise. */
  checkedInAt: Date | null;
  checkinMethod: 'scan' | 'code' | 'manual' | null;
  flags: readonly CheckinFlag[];
  leaveReason: string | null;
  history: readonly HistoryEntry[];
}

export type AttendanceErrorCode =
  | 'ATTENDANCE.FORBIDDEN'
  | 'ATTENDANCE.SELF_DEALING'
  | 'ATTENDANCE.REASON_REQUIRED'
  | 'ATTENDANCE.CHECKIN_NOT_OPEN'
  | 'ATTENDANCE.CHECKIN_CLOSED'
  | 'ATTENDANCE.LEAVE_TOO_LATE'
  | 'ATTENDANCE.NO_LEAVE_REQUEST'
  | 'ATTENDANCE.EVENT_CLOSED'
  | 'ATTENDANCE.ILLEGAL_TRANSITION';

export const ATTENDANCE_ERROR_MESSAGES: Record<AttendanceErrorCode, string> = {
  'ATTENDANCE.FORBIDDEN': '没有权限进行此操作',
  'ATTENDANCE.SELF_DEALING': '不能审批或登记本人的考勤：本人请用签到码签到，请假或缺席后请完成补学',
  'ATTENDANCE.REASON_REQUIRED': '请填写原因',
  'ATTENDANCE.CHECKIN_NOT_OPEN': '签到尚未开始',
  'ATTENDANCE.CHECKIN_CLOSED': '签到已结束',
  'ATTENDANCE.LEAVE_TOO_LATE': '活动已开始，不能再请假',
  'ATTENDANCE.NO_LEAVE_REQUEST': '没有待审批的请假申请',
  'ATTENDANCE.EVENT_CLOSED': '活动已结束，考勤不能再修改',
  'ATTENDANCE.ILLEGAL_TRANSITION': '当前状态下不能进行此操作',
};

export type TransitionResult =
  | { ok: true; changed: true; record: AttendanceRecord; entry: HistoryEntry }
  | { ok: true; changed: false; record: AttendanceRecord }
  | { ok: false; error: { code: AttendanceErrorCode; message: string } };

/** Everyone starts as expected; the record can be created lazily on the first command. */
export function newAttendanceRecord(eventId: string, memberId: string): AttendanceRecord {
  return {
    eventId,
    memberId,
    state: 'expected',
    checkedInAt: null,
    checkinMethod: null,
    flags: [],
    leaveReason: null,
    history: [],
  };
}

/**
 * Whether the event's 未签到 members count as 缺席 at `at` (口径, see stats/FIGURES.md): once the secretary closed
 * it, or once its end has passed if it was never closed. Before that a member without a check-in is 未签到
 * (待签到), never 缺席, whatever the sheet, the matrix, the roll-ups or the export show.
 */
export function absenceDecided(event: Pick<AttendanceEvent, 'endsAt' | 'closedAt'>, at: Date): boolean {
  return event.closedAt !== null || new Date(event.endsAt).getTime() <= at.getTime();
}

/** A stored state as it counts at `at`: 未签到 turns 缺席 once absence is decided (see `absenceDecided`). */
export function attendanceStateAt(state: AttendanceState, decided: boolean): AttendanceState {
  return state === 'expected' && decided ? 'absent' : state;
}

/** 出席 before the late threshold, 迟到 from it on. */
export function arrivalState(event: Pick<AttendanceEvent, 'lateAfter'>, at: Date): 'present' | 'late' {
  return at.getTime() < event.lateAfter.getTime() ? 'present' : 'late';
}

const fail = (code: AttendanceErrorCode): TransitionResult => ({
  ok: false,
  error: { code, message: ATTENDANCE_ERROR_MESSAGES[code] },
});
const unchanged = (record: AttendanceRecord): TransitionResult => ({ ok: true, changed: false, record });

const isClosed = (event: AttendanceEvent): boolean => event.closedAt !== null;
const hasText = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

interface Change {
  to: AttendanceState;
  reason?: string;
  flags?: readonly CheckinFlag[];
  fields?: Partial<Pick<AttendanceRecord, 'checkedInAt' | 'checkinMethod' | 'flags' | 'leaveReason'>>;
}

function apply(record: AttendanceRecord, command: AttendanceCommand, actor: Actor, now: Date, change: Change): TransitionResult {
  const entry: HistoryEntry = {
    at: now,
    by: actor.role === 'system' ? 'system' : actor.memberId,
    role: actor.role,
    command: command.type,
    from: record.state,
    to: change.to,
    ...(hasText(change.reason) ? { reason: change.reason.trim() } : {}),
    ...(change.flags !== undefined && change.flags.length > 0 ? { flags: change.flags } : {}),
  };
  const attended = change.to === 'present' || change.to === 'late';
  const next: AttendanceRecord = {
    ...record,
    ...(attended ? {} : { checkedInAt: null, checkinMethod: null, flags: [] }),
    ...change.fields,
    state: change.to,
    history: [...record.history, entry],
  };
  return { ok: true, changed: true, record: next, entry };
}

/** The single way an attendance record changes. Pure: the input record is never modified. */
export function transition(
  record: AttendanceRecord,
  command: AttendanceCommand,
  actor: Actor,
  now: Date,
  event: AttendanceEvent,
): TransitionResult {
  const state = record.state;
  const isSelf = actor.role === 'member' && actor.memberId === record.memberId;
  // A secretary's commands are decisions about someone else's attendance, never their own.
  const selfDealing = actor.role === 'secretary' && actor.memberId === record.memberId;
  if (selfDealing && (command.type === 'approveLeave' || command.type === 'declineLeave' || command.type === 'mark')) {
    return fail('ATTENDANCE.SELF_DEALING');
  }
  switch (command.type) {
    case 'checkIn': {
      if (!isSelf) return fail('ATTENDANCE.FORBIDDEN');
      if (state === 'present' || state === 'late') return unchanged(record);
      if (isClosed(event) || now.getTime() >= event.endsAt.getTime()) return fail('ATTENDANCE.CHECKIN_CLOSED');
      if (now.getTime() < event.checkinOpensAt.getTime()) return fail('ATTENDANCE.CHECKIN_NOT_OPEN');
      // Marked absent by the secretary during the event (e.g. a proxy check-in undone): only they can undo it.
      if (state === 'absent' || state === 'madeUp') return fail('ATTENDANCE.ILLEGAL_TRANSITION');
      const flags = command.flags ?? [];
      return apply(record, command, actor, now, {
        to: arrivalState(event, now),
        flags,
        fields: { checkedInAt: now, checkinMethod: command.method, flags },
      });
    }
    case 'requestLeave': {
      if (!isSelf) return fail('ATTENDANCE.FORBIDDEN');
      if (state === 'leaveRequested' || state === 'excused') return unchanged(record);
      if (state !== 'expected') return fail('ATTENDANCE.ILLEGAL_TRANSITION');
      if (!hasText(command.reason)) return fail('ATTENDANCE.REASON_REQUIRED');
      if (isClosed(event)) return fail('ATTENDANCE.EVENT_CLOSED');
      if (now.getTime() >= event.startsAt.getTime()) return fail('ATTENDANCE.LEAVE_TOO_LATE');
      return apply(record, command, actor, now, {
        to: 'leaveRequested',
        reason: command.reason,
        fields: { leaveReason: command.reason.trim() },
      });
    }
    case 'approveLeave': {
      if (actor.role !== 'secretary') return fail('ATTENDANCE.FORBIDDEN');
      if (state === 'excused') return unchanged(record);
      if (state !== 'leaveRequested') return fail('ATTENDANCE.NO_LEAVE_REQUEST');
      return apply(record, command, actor, now, { to: 'excused', reason: command.reason });
    }
    case 'declineLeave': {
      if (actor.role !== 'secretary') return fail('ATTENDANCE.FORBIDDEN');
      if (state !== 'leaveRequested') return fail('ATTENDANCE.NO_LEAVE_REQUEST');
      // Declined after the close: the member neither came nor was excused.
      return apply(record, command, actor, now, { to: isClosed(event) ? 'absent' : 'expected', reason: command.reason });
    }
    case 'mark': {
      if (actor.role !== 'secretary') return fail('ATTENDANCE.FORBIDDEN');
      if (!hasText(command.reason)) return fail('ATTENDANCE.REASON_REQUIRED');
      if (command.to === state) return unchanged(record);
      if (state === 'madeUp') return fail('ATTENDANCE.ILLEGAL_TRANSITION');
      if (command.to === 'madeUp') {
        if (state !== 'excused' && state !== 'absent') return fail('ATTENDANCE.ILLEGAL_TRANSITION');
        return apply(record, command, actor, now, { to: 'madeUp', reason: command.reason });
      }
      if (isClosed(event)) return fail('ATTENDANCE.EVENT_CLOSED');
      const attended = command.to === 'present' || command.to === 'late';
      if (attended && now.getTime() < event.checkinOpensAt.getTime()) return fail('ATTENDANCE.CHECKIN_NOT_OPEN');
      return apply(record, command, actor, now, {
        to: command.to,
        reason: command.reason,
        ...(attended ? { fields: { checkedInAt: now, checkinMethod: 'manual' as const, flags: [] } } : {}),
      });
    }
    case 'close': {
      if (actor.role === 'member') return fail('ATTENDANCE.FORBIDDEN');
      // A pending leave request survives the close: the secretary still decides it.
      if (state !== 'expected') return unchanged(record);
      return apply(record, command, actor, now, { to: 'absent' });
    }
    case 'completeMakeUp': {
      if (actor.role !== 'system') return fail('ATTENDANCE.FORBIDDEN');
      if (state === 'madeUp') return unchanged(record);
      if (state !== 'excused' && state !== 'absent') return fail('ATTENDANCE.ILLEGAL_TRANSITION');
      return apply(record, command, actor, now, { to: 'madeUp' });
    }
  }
}

/**
 * History entries where someone decided on their own record in a deciding role (a secretary approving their
 * own leave or marking themselves): refused since the rule came in, flagged wherever older ones show.
 */
export function selfMadeEntries(record: Pick<AttendanceRecord, 'memberId' | 'history'>): HistoryEntry[] {
  return record.history.filter((entry) => entry.role === 'secretary' && entry.by === record.memberId);
}

/**
 * For the repository's write guard: `next` may only be `previous` plus exactly one history entry that starts
 * where the previous state ended. Anything else is an attempt to rewrite history.
 */
export function extendsHistory(previous: AttendanceRecord, next: AttendanceRecord): boolean {
  if (next.history.length !== previous.history.length + 1) return false;
  if (!previous.history.every((entry, index) => entriesEqual(entry, next.history[index]))) return false;
  const added = next.history[next.history.length - 1];
  return added !== undefined && added.from === previous.state && added.to === next.state;
}

function entriesEqual(a: HistoryEntry, b: HistoryEntry | undefined): boolean {
  if (b === undefined) return false;
  return (
    a.at.getTime() === b.at.getTime() &&
    a.by === b.by &&
    a.role === b.role &&
    a.command === b.command &&
    a.from === b.from &&
    a.to === b.to &&
    a.reason === b.reason &&
    (a.flags ?? []).join(',') === (b.flags ?? []).join(',')
  );
}

/** Whether a record's history replays to its state from `expected` (a consistency check for stored data). */
export function historyIsConsistent(record: AttendanceRecord): boolean {
  let state: AttendanceState = 'expected';
  for (const entry of record.history) {
    if (entry.from !== state) return false;
    state = entry.to;
  }
  return state === record.state;
}

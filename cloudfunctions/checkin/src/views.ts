import type { AttendanceTally, SheetRow } from '@zbxx/contracts';
import { newAttendanceRecord, selfMadeEntries, type AttendanceEvent, type AttendanceRecord } from '@zbxx/domain';
import type { CheckinEventDoc } from '@zbxx/server';

/** What the domain's transition needs of an event. */
export function attendanceEvent(event: CheckinEventDoc): AttendanceEvent {
  return {
    id: event._id,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    checkinOpensAt: event.checkinOpensAt,
    lateAfter: event.lateAfter,
    closedAt: event.closedAt,
  };
}

// Shared with account.home (首页).
export { eventSummary, myAttendance, phaseOf } from '@zbxx/server';

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

export function emptyTally(): AttendanceTally {
  return { expected: 0, leaveRequested: 0, excused: 0, present: 0, late: 0, absent: 0, madeUp: 0 };
}

/** Counts per state over a roster: members without a record are 未签到. */
export function tallyOf(states: Iterable<AttendanceRecord['state']>): AttendanceTally {
  const tally = emptyTally();
  for (const state of states) tally[state] += 1;
  return tally;
}

export function sheetRow(
  person: { _id: string; name: string; duty: string },
  record: AttendanceRecord | null,
  names: ReadonlyMap<string, string>,
): SheetRow {
  const shown = record ?? newAttendanceRecord('', person._id);
  return {
    memberId: person._id,
    name: person.name,
    duty: person.duty,
    state: shown.state,
    checkedInAt: iso(shown.checkedInAt),
    checkinMethod: shown.checkinMethod,
    flags: [...shown.flags],
    leaveReason: shown.leaveReason,
    history: shown.history.map((entry) => ({
      at: new Date(entry.at).toISOString(),
      by: entry.by,
      byName: entry.by === 'system' ? '系统' : (names.get(entry.by) ?? '其他人员'),
      role: entry.role,
      command: entry.command,
      from: entry.from,
      to: entry.to,
      ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
      ...(entry.flags !== undefined ? { flags: [...entry.flags] } : {}),
    })),
    selfMade: selfMadeEntries(shown).length > 0,
  };
}

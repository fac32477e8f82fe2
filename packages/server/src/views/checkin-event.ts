import type { CheckinEventSummary, MyAttendance } from '@zbxx/contracts';
import type { AttendanceRecord } from '@zbxx/domain';
import type { CheckinEventDoc } from '../repositories/checkin-events';

export function phaseOf(event: CheckinEventDoc, now: Date): CheckinEventSummary['phase'] {
  if (event.closedAt) return 'closed';
  if (now.getTime() < event.checkinOpensAt.getTime()) return 'upcoming';
  if (now.getTime() < event.endsAt.getTime()) return 'open';
  return 'ended';
}

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

/** The event as clients see it: everything but the code secret. */
export function eventSummary(event: CheckinEventDoc, now: Date): CheckinEventSummary {
  return {
    eventId: event._id,
    branchId: event.branchId,
    branchName: event.branchName,
    theme: event.theme,
    place: event.place,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    checkinOpensAt: event.checkinOpensAt.toISOString(),
    lateAfter: event.lateAfter.toISOString(),
    geofence: event.geofence,
    materialIds: event.materialIds,
    closedAt: iso(event.closedAt),
    phase: phaseOf(event, now),
  };
}

/** The member's own record of an event (未签到 when there is none). */
export function myAttendance(record: AttendanceRecord | null): MyAttendance {
  return {
    state: record?.state ?? 'expected',
    checkedInAt: iso(record?.checkedInAt ?? null),
    leaveReason: record?.leaveReason ?? null,
    flags: [...(record?.flags ?? [])],
  };
}

/** The member's next event: the earliest one not closed and not yet over. */
export function nextEventOf<T extends Pick<CheckinEventDoc, 'closedAt' | 'endsAt' | 'startsAt'>>(
  events: readonly T[],
  now: Date,
): T | null {
  const upcoming = events
    .filter((event) => !event.closedAt && event.endsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return upcoming[0] ?? null;
}

import { monthOf, newAttendanceRecord, transition, type AttendanceRecord } from '@zbxx/domain';
import type { AttendanceDoc, CheckinEventDoc } from '@zbxx/server';
import type { QualityCounty } from '../../support/quality-county';

const DAY = 86_400_000;

/**
 * Adds to the seed a closed 主题党日 of `branchId`, held `daysAgo` before `today`, at which every member named
 * in `absent` was marked 缺席 by the close (built through the domain's own transition, so its history is
 * genuine). Returns the event: the thing an attacker who once missed a party day holds.
 */
export function seedMissedEvent(
  county: QualityCounty,
  { id, branchId, today, daysAgo, absent }: { id: string; branchId: string; today: Date; daysAgo: number; absent: readonly string[] },
): CheckinEventDoc {
  const template = county.collections.checkinEvents.find((e) => e.branchId === branchId && e.closedAt)!;
  const startsAt = new Date(today.getTime() - daysAgo * DAY);
  const event: CheckinEventDoc = {
    ...template,
    _id: id,
    month: monthOf(startsAt),
    startsAt,
    checkinOpensAt: new Date(startsAt.getTime() - 30 * 60_000),
    lateAfter: startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    closedAt: new Date(startsAt.getTime() + 3 * 3_600_000),
  };
  county.collections.checkinEvents.push(event);
  const on = {
    id,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    checkinOpensAt: event.checkinOpensAt,
    lateAfter: event.lateAfter,
    closedAt: event.closedAt,
  };
  for (const memberId of absent) {
    const result = transition(newAttendanceRecord(id, memberId), { type: 'close' }, { role: 'system' }, event.closedAt!, on);
    if (!result.ok) throw new Error(`seedMissedEvent: ${result.error.code}`);
    const record: AttendanceRecord = result.record;
    county.collections.attendance.push({ ...record, _id: `${id}_${memberId}`, branchId, updatedAt: event.closedAt! } as AttendanceDoc);
  }
  return event;
}

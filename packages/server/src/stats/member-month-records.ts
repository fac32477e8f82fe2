import { COLLECTIONS } from '../collections';
import type { Db } from '../db';
import type { AttendanceDoc } from '../repositories/checkin-attendance';
import type { CheckinEventDoc } from '../repositories/checkin-events';

// A member has about one 主题党日 record a month: years of them fit one request.
const MAX_RECORDS = 1000;

/**
 * One member's attendance records of a month's events, in whichever branch they were held (a member who
 * transferred mid-month keeps what they did before), with the events: 2 requests.
 */
export async function findMemberMonthAttendance(
  db: Db,
  memberId: string,
  month: string,
): Promise<{ record: AttendanceDoc; event: CheckinEventDoc }[]> {
  const _ = db.command;
  const records = (await db.collection(COLLECTIONS.attendance).where({ memberId }).limit(MAX_RECORDS).get())
    .data as unknown as AttendanceDoc[];
  if (records.length === 0) return [];
  const events = (
    await db
      .collection(COLLECTIONS.checkinEvents)
      .where({ _id: _.in([...new Set(records.map((r) => r.eventId))]), month })
      .field({ secret: false })
      .limit(MAX_RECORDS)
      .get()
  ).data as unknown as CheckinEventDoc[];
  const byId = new Map(events.map((event) => [event._id, event]));
  return records.flatMap((record) => {
    const event = byId.get(record.eventId);
    return event ? [{ record, event }] : [];
  });
}

import { extendsHistory, newAttendanceRecord, type AttendanceRecord, type AttendanceState } from '@zbxx/domain';
import { COLLECTIONS } from '../collections';
import type { Db, DocStore } from '../db';

/**
 * `attendance`: one document per event and member (`_id = <eventId>_<memberId>`), created by the first
 * command that concerns the member (a missing document means 未签到). Every write goes through
 * `writeAttendance`, which refuses anything but the previous record plus exactly one history entry: history
 * is append-only and there is no other write path.
 */
export interface AttendanceDoc extends AttendanceRecord {
  _id: string;
  branchId: string;
  updatedAt: Date;
}

export function attendanceId(eventId: string, memberId: string): string {
  return `${eventId}_${memberId}`;
}

export async function findAttendanceOfEvent(db: Db, eventId: string): Promise<AttendanceDoc[]> {
  const res = await db.collection(COLLECTIONS.attendance).where({ eventId }).limit(1000).get();
  return res.data as unknown as AttendanceDoc[];
}

export async function findAttendanceOfMember(db: Db, memberId: string, eventIds: readonly string[]): Promise<AttendanceDoc[]> {
  if (eventIds.length === 0) return [];
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.attendance)
    .where({ memberId, eventId: _.in([...new Set(eventIds)]) })
    .limit(eventIds.length)
    .get();
  return res.data as unknown as AttendanceDoc[];
}

/** Records per event and state for a list of events, one aggregate request. */
export async function countStates(db: Db, eventIds: readonly string[]): Promise<Map<string, Partial<Record<AttendanceState, number>>>> {
  const counts = new Map<string, Partial<Record<AttendanceState, number>>>();
  if (eventIds.length === 0) return counts;
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.attendance)
    .aggregate()
    .match({ eventId: _.in([...eventIds]) })
    .group({ _id: { eventId: '$eventId', state: '$state' }, count: { $sum: 1 } })
    .limit(eventIds.length * 7)
    .end();
  for (const row of res.list) {
    const key = row._id as { eventId: string; state: AttendanceState };
    counts.set(key.eventId, { ...counts.get(key.eventId), [key.state]: Number(row.count) });
  }
  return counts;
}

export async function getAttendance(store: DocStore, eventId: string, memberId: string): Promise<AttendanceDoc | null> {
  const res = await store.collection(COLLECTIONS.attendance).doc(attendanceId(eventId, memberId)).get();
  return res.data as unknown as AttendanceDoc | null;
}

/** Thrown when a write would rewrite history: a bug, never an expected failure. */
export class HistoryRewriteError extends Error {
  constructor(id: string) {
    super(`attendance ${id}: a write must append exactly one history entry`);
    this.name = 'HistoryRewriteError';
  }
}

/**
 * The only write of an attendance record: `next` must be `previous` (or a new record) plus one history entry.
 */
export async function writeAttendance(
  store: DocStore,
  previous: AttendanceDoc | null,
  next: AttendanceRecord,
  branchId: string,
  at: Date,
): Promise<void> {
  const id = attendanceId(next.eventId, next.memberId);
  const before = previous ?? newAttendanceRecord(next.eventId, next.memberId);
  if (before.eventId !== next.eventId || before.memberId !== next.memberId || !extendsHistory(before, next))
    throw new HistoryRewriteError(id);
  const data = {
    eventId: next.eventId,
    memberId: next.memberId,
    branchId,
    state: next.state,
    checkedInAt: next.checkedInAt,
    checkinMethod: next.checkinMethod,
    flags: [...next.flags],
    leaveReason: next.leaveReason,
    history: next.history.map((entry) => ({ ...entry })),
    updatedAt: at,
  };
  await store.collection(COLLECTIONS.attendance).doc(id).set({ data });
}

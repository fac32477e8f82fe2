import type { ErrorCode } from '@zbxx/contracts';
import { newAttendanceRecord, transition, type Actor, type AttendanceCommand, type AttendanceRecord } from '@zbxx/domain';
import { AppError, checkinAttendanceRepo, type AttendanceDoc, type CheckinEventDoc, type Db } from '@zbxx/server';
import { attendanceEvent } from './views';

export interface CommandOutcome {
  record: AttendanceRecord;
  changed: boolean;
}

/**
 * Reads the record, applies one command through the domain's transition and writes the result with its new
 * history entry, in one optimistic transaction: a retried or concurrent request sees the committed state, so
 * the same check-in twice counts once. `command` may be built from the current record (check-in answers a
 * retry before re-verifying a code that has expired since); the builder may throw an AppError.
 */
export async function applyCommand(
  db: Db,
  event: CheckinEventDoc,
  memberId: string,
  command: AttendanceCommand | ((current: AttendanceDoc | null) => AttendanceCommand),
  actor: Actor,
  now: Date,
): Promise<CommandOutcome> {
  return db.runTransaction(async (tx) => {
    const current = await checkinAttendanceRepo.getAttendance(tx, event._id, memberId);
    const resolved = typeof command === 'function' ? command(current) : command;
    const result = transition(current ?? newAttendanceRecord(event._id, memberId), resolved, actor, now, attendanceEvent(event));
    if (!result.ok) throw new AppError(result.error.code as ErrorCode, result.error.message);
    if (!result.changed) return { record: result.record, changed: false };
    await checkinAttendanceRepo.writeAttendance(tx, current, result.record, event.branchId, now);
    return { record: result.record, changed: true };
  });
}

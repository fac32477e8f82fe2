import type { checkinContract, SheetRow } from '@zbxx/contracts';
import { formatCheckinPayload, newAttendanceRecord, transition, type AttendanceRecord } from '@zbxx/domain';
import { currentCode as codeNow } from '@zbxx/domain/src/checkin/code';
import {
  AppError,
  auditLogRepo,
  checkinAttendanceRepo,
  checkinEventsRepo,
  membersRepo,
  type AttendanceDoc,
  type CheckinEventDoc,
  type Db,
  type FunctionHandler,
} from '@zbxx/server';
import { loadManagedEvent } from '../access';
import { applyCommand } from '../apply-command';
import { attendanceEvent, eventSummary, phaseOf, sheetRow, tallyOf } from '../views';

type Handler<K extends keyof typeof checkinContract.actions> = FunctionHandler<typeof checkinContract, K>;

/**
 * The secretary's phone shows this and asks again at `validUntil`: the code of the current 30 s step and the
 * QR payload carrying it. Only while check-in is open. 2 database requests.
 */
export const currentCode: Handler<'currentCode'> = async (input, { caller, db, now }) => {
  const { event } = await loadManagedEvent(db, caller, input.eventId);
  if (phaseOf(event, now) !== 'open') throw new AppError('CHECKIN.NOT_OPEN', '当前不在签到时间内');
  const { code, validUntil } = codeNow(event.secret, now);
  return {
    eventId: event._id,
    code,
    payload: formatCheckinPayload({ eventId: event._id, code }),
    validUntil: validUntil.toISOString(),
    serverTime: now.toISOString(),
  };
};

type Roster = Awaited<ReturnType<typeof membersRepo.findMembersInBranch>>;

/** Roster rows plus records of people no longer on it (transferred out), so nothing recorded disappears. */
function rowsOf(roster: Roster, records: readonly AttendanceDoc[]): SheetRow[] {
  const names = new Map(roster.map((person) => [person._id, person.name]));
  const byMember = new Map(records.map((record) => [record.memberId, record]));
  const rows = roster.map((person) => sheetRow(person, byMember.get(person._id) ?? null, names));
  for (const record of records) {
    if (!names.has(record.memberId)) rows.push(sheetRow({ _id: record.memberId, name: '已转出党员', duty: '' }, record, names));
  }
  return rows;
}

async function loadSheet(db: Db, event: CheckinEventDoc) {
  const [roster, records] = await Promise.all([membersRepo.findMembersInBranch(db, event.branchId), checkinAttendanceRepo.findAttendanceOfEvent(db, event._id)]);
  return { roster, records, rows: rowsOf(roster, records) };
}

/** The attendance sheet, live during the event: one row per member with state and history. 4 database requests. */
export const sheet: Handler<'sheet'> = async (input, { caller, db, now }) => {
  const { event } = await loadManagedEvent(db, caller, input.eventId);
  const { rows } = await loadSheet(db, event);
  return { event: eventSummary(event, now), tally: tallyOf(rows.map((row) => row.state)), rows };
};

async function rowAfter(db: Db, event: CheckinEventDoc, memberId: string, record: AttendanceRecord, secretaryName: [string, string]): Promise<SheetRow> {
  const person = await membersRepo.getMember(db, memberId);
  const names = new Map([secretaryName, ...(person ? [[person._id, person.name] as [string, string]] : [])]);
  return sheetRow(person ?? { _id: memberId, name: '已转出党员', duty: '' }, record, names);
}

async function requireBranchMember(db: Db, event: CheckinEventDoc, memberId: string): Promise<void> {
  const person = await membersRepo.getMember(db, memberId);
  if (!person || person.branchId !== event.branchId) {
    // Someone transferred out keeps the record they have; nobody else can be given one.
    const existing = await checkinAttendanceRepo.getAttendance(db, event._id, memberId);
    if (!existing) throw new AppError('NOT_FOUND', '该党员不在本支部');
  }
}

/** A manual mark (e.g. a member without a phone); always with a reason, always in the history. */
export const mark: Handler<'mark'> = async (input, { caller, db, now }) => {
  const { secretary, event } = await loadManagedEvent(db, caller, input.eventId);
  await requireBranchMember(db, event, input.memberId);
  const { record } = await applyCommand(
    db,
    event,
    input.memberId,
    { type: 'mark', to: input.to, reason: input.reason },
    { role: 'secretary', memberId: secretary.member._id },
    now,
  );
  return { row: await rowAfter(db, event, input.memberId, record, [secretary.member._id, secretary.member.name]) };
};

/** 请假审批. */
export const decideLeave: Handler<'decideLeave'> = async (input, { caller, db, now }) => {
  const { secretary, event } = await loadManagedEvent(db, caller, input.eventId);
  const { record } = await applyCommand(
    db,
    event,
    input.memberId,
    input.approve ? { type: 'approveLeave', reason: input.reason } : { type: 'declineLeave', reason: input.reason },
    { role: 'secretary', memberId: secretary.member._id },
    now,
  );
  return { row: await rowAfter(db, event, input.memberId, record, [secretary.member._id, secretary.member.name]) };
};

/**
 * Closes the event: everyone still 未签到 becomes 缺席 (new records in one insert, the rare existing 未签到
 * record one by one). Safe to repeat: a second close finds nobody left to mark.
 */
export const closeEvent: Handler<'closeEvent'> = async (input, { caller, db, now, requestId }) => {
  const { secretary, event } = await loadManagedEvent(db, caller, input.eventId);
  if (now < event.startsAt) throw new AppError('INPUT.INVALID', '活动开始后才能结束签到');
  const closed: CheckinEventDoc = { ...event, closedAt: event.closedAt ?? now };
  if (!event.closedAt) {
    await db.runTransaction(async (tx) => {
      await checkinEventsRepo.setClosedAt(tx, event._id, now);
      await auditLogRepo.appendAudit(tx, {
        at: now,
        action: 'checkinEvent.close',
        actor: { openid: secretary.openid, memberId: secretary.member._id },
        target: { collection: 'checkinEvents', id: event._id },
        details: {},
        requestId,
      });
    });
  }
  const { roster, records } = await loadSheet(db, closed);
  const byMember = new Map(records.map((record) => [record.memberId, record]));
  const fresh: AttendanceRecord[] = [];
  for (const person of roster) {
    if (byMember.has(person._id)) continue;
    const result = transition(newAttendanceRecord(event._id, person._id), { type: 'close' }, { role: 'system' }, now, attendanceEvent(closed));
    if (result.ok && result.changed) fresh.push(result.record);
  }
  await checkinAttendanceRepo.insertClosedRecords(db, fresh, event.branchId, now);
  const states = new Map<string, AttendanceRecord['state']>([...records.map((r) => [r.memberId, r.state] as const), ...fresh.map((r) => [r.memberId, r.state] as const)]);
  for (const record of records.filter((r) => r.state === 'expected')) {
    const outcome = await applyCommand(db, closed, record.memberId, { type: 'close' }, { role: 'system' }, now);
    states.set(record.memberId, outcome.record.state);
  }
  const everyone = new Set([...roster.map((person) => person._id), ...states.keys()]);
  return { event: eventSummary(closed, now), tally: tallyOf([...everyone].map((id) => states.get(id) ?? 'expected')) };
};

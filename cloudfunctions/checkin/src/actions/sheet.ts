import type { checkinContract, SheetRow } from '@zbxx/contracts';
import {
  absenceDecided,
  attendanceStateAt,
  formatCheckinPayload,
  newAttendanceRecord,
  transition,
  type AttendanceRecord,
} from '@zbxx/domain';
import { currentCode as codeNow } from '@zbxx/domain/src/checkin/code';
import {
  AppError,
  auditLogRepo,
  checkinAttendanceRepo,
  checkinEventsRepo,
  membersRepo,
  type AttendanceDoc,
  type BoundCaller,
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
  const [roster, records] = await Promise.all([
    membersRepo.findMembersInBranch(db, event.branchId),
    checkinAttendanceRepo.findAttendanceOfEvent(db, event._id),
  ]);
  return { roster, records, rows: rowsOf(roster, records) };
}

/** The attendance sheet, live during the event: one row per member with state and history. 4 database requests. */
export const sheet: Handler<'sheet'> = async (input, { caller, db, now }) => {
  const { event } = await loadManagedEvent(db, caller, input.eventId);
  const { rows: stored } = await loadSheet(db, event);
  // 口径 (FIGURES.md): 未签到 shows as 缺席 once the event has ended, closed or not, as the matrix and export count it.
  const decided = absenceDecided(attendanceEvent(event), now);
  const rows = stored.map((row) => ({ ...row, state: attendanceStateAt(row.state, decided) }));
  return { event: eventSummary(event, now), tally: tallyOf(rows.map((row) => row.state)), rows };
};

async function rowAfter(
  db: Db,
  event: CheckinEventDoc,
  memberId: string,
  record: AttendanceRecord,
  secretaryName: [string, string],
): Promise<SheetRow> {
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

/** The largest branch a close handles in its one transaction (see closeInTransaction); devcloud closes it in ~2 s. */
const MAX_MEMBERS_TO_CLOSE = 500;

/**
 * The whole of closing, as one transaction: 缺席 for everyone still 未签到, closedAt and the audit entry. Null
 * when the event turns out closed already. Answers the roster and every member's state afterwards.
 */
async function closeInTransaction(db: Db, eventId: string, secretary: BoundCaller, now: Date, requestId: string | null) {
  return db.runTransaction(async (tx) => {
    // Read before the records: the transaction's snapshot then precedes them, so a check-in committed after they
    // were read, on a record this writes, makes the commit conflict (and this rerun), never overwritten. The
    // closing is built from this read, not the caller's: an edit committed in between is what gets closed.
    const current = await checkinEventsRepo.getEvent(tx, eventId);
    if (!current || current.closedAt) return null;
    if (now < current.startsAt) throw new AppError('INPUT.INVALID', '活动开始后才能结束签到');
    const closing: CheckinEventDoc = { ...current, closedAt: now };
    const { roster, records } = await loadSheet(db, closing);
    // One write per member below (CloudBase transactions allow single-document operations only). Bounded: a 党支部
    // has at most about 50 members (支部工作条例: over 50, it normally becomes a 党总支), a few hundred at the very
    // most. A bigger one is refused, not half closed: both queries stop at 1,000, past which members would stay
    // 未签到 unseen (or a record be overwritten with 缺席), and a request per write risks the 20 s function timeout.
    if (Math.max(roster.length, records.length) > MAX_MEMBERS_TO_CLOSE) {
      throw new AppError('INPUT.INVALID', `本支部党员超过 ${MAX_MEMBERS_TO_CLOSE} 人，无法一次结束签到，请联系上级党组织调整支部设置`);
    }
    const byMember = new Map(records.map((record) => [record.memberId, record]));
    const states = new Map<string, AttendanceRecord['state']>(records.map((record) => [record.memberId, record.state]));
    const unmarked = [
      ...roster.map((person) => person._id).filter((id) => !byMember.has(id)),
      ...records.filter((r) => r.state === 'expected').map((r) => r.memberId),
    ];
    for (const memberId of unmarked) {
      const previous = byMember.get(memberId) ?? null;
      const result = transition(
        previous ?? newAttendanceRecord(closing._id, memberId),
        { type: 'close' },
        { role: 'system' },
        now,
        attendanceEvent(closing),
      );
      if (!result.ok || !result.changed) continue;
      await checkinAttendanceRepo.writeAttendance(tx, previous, result.record, closing.branchId, now);
      states.set(memberId, result.record.state);
    }
    await checkinEventsRepo.setClosedAt(tx, closing._id, now);
    await auditLogRepo.appendAudit(tx, {
      at: now,
      action: 'checkinEvent.close',
      actor: { openid: secretary.openid, memberId: secretary.member._id },
      target: { collection: 'checkinEvents', id: closing._id },
      details: {},
      requestId,
    });
    return { event: closing, roster, states };
  });
}

/**
 * Closes the event: everyone still 未签到 becomes 缺席, in one transaction with closedAt and its audit entry (one
 * write per member marked: the platform allows no batch write in a transaction), so a call that dies half-way
 * leaves the event open with nothing marked and the secretary's repeat does all of it. A repeat after it landed finds the event closed and answers the tally.
 * A branch over MAX_MEMBERS_TO_CLOSE members is refused whole (see closeInTransaction).
 */
export const closeEvent: Handler<'closeEvent'> = async (input, { caller, db, now, requestId }) => {
  const { secretary, event } = await loadManagedEvent(db, caller, input.eventId);
  const closed = event.closedAt ? null : await closeInTransaction(db, event._id, secretary, now, requestId);
  if (closed) {
    const everyone = new Set([...closed.roster.map((person) => person._id), ...closed.states.keys()]);
    return { event: eventSummary(closed.event, now), tally: tallyOf([...everyone].map((id) => closed.states.get(id) ?? 'expected')) };
  }
  // Closed already (by an earlier call, or by one that committed meanwhile): what it recorded is the answer.
  const current = event.closedAt ? event : ((await checkinEventsRepo.getEvent(db, event._id)) ?? event);
  const { rows } = await loadSheet(db, current);
  return { event: eventSummary(current, now), tally: tallyOf(rows.map((row) => row.state)) };
};

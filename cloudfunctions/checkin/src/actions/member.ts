import type { checkinContract, ErrorCode, MemberEvent } from '@zbxx/contracts';
import {
  decideGeofence,
  newAttendanceRecord,
  normalizeTypedCode,
  parseCheckinPayload,
  transition,
  type AttemptPolicy,
  type AttendanceRecord,
  type CheckinFlag,
} from '@zbxx/domain';
import { verifyCode } from '@zbxx/domain/src/checkin/code';
import {
  AppError,
  checkinAttendanceRepo,
  checkinEventsRepo,
  checkinMakeUpQuizzesRepo,
  checkinRemindersRepo,
  nextEventOf,
  readAttemptGate,
  refuseRacingAttempts,
  requireBound,
  studyMaterialsRepo,
  studyProgressRepo,
  type CheckinEventDoc,
  type FunctionHandler,
} from '@zbxx/server';
import { loadMemberEvent } from '../access';
import { makeUpQuizPassed, makeUpQuizStatus } from './make-up-quiz';
import { applyCommand } from '../apply-command';
import { attendanceEvent, eventSummary, myAttendance, phaseOf } from '../views';

type Handler<K extends keyof typeof checkinContract.actions> = FunctionHandler<typeof checkinContract, K>;

/** How far back the member's list reaches (leave decisions and 补学 of the last few months). */
const RECENT_DAYS = 120;
const RECENT = 12;
/** Wrong check-in codes per member: 10 per 10 minutes (a mistyped digit or two never gets near it). */
const CHECKIN_CODE_POLICY: AttemptPolicy = { maxFailures: 10, windowMs: 10 * 60_000 };

/**
 * 党员: the next event of the branch (with the member's state, for 首页 and the 党日 tab) and recent ones
 * (for leave and make-up). 4 database requests.
 */
export const myEvents: Handler<'myEvents'> = async (_input, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const events = await checkinEventsRepo.findEventsOfBranchSince(db, member.branchId, new Date(now.getTime() - RECENT_DAYS * 86_400_000));
  const ids = events.map((event) => event._id);
  const [records, reminders] = await Promise.all([
    checkinAttendanceRepo.findAttendanceOfMember(db, member._id, ids),
    checkinRemindersRepo.findRemindersOfMember(db, member._id, ids),
  ]);
  const recordOf = new Map(records.map((record) => [record.eventId, record]));
  const subscribed = new Set(reminders.map((reminder) => reminder.eventId));
  const view = (event: CheckinEventDoc): MemberEvent => ({
    event: eventSummary(event, now),
    mine: myAttendance(recordOf.get(event._id) ?? null),
    reminderSubscribed: subscribed.has(event._id),
  });
  const next = nextEventOf(events, now);
  return {
    serverTime: now.toISOString(),
    next: next ? view(next) : null,
    recent: events
      .filter((event) => event !== next)
      .slice(0, RECENT)
      .map(view),
  };
};

/**
 * 签到 by a scanned QR payload or a typed code. Order matters: the branch first (a member can't check in to
 * another branch's event), then a retry of a check-in that already counted answers as such (even once its
 * code has expired), then the lockout, then the code (current or previous 30 s step only), then the geofence.
 * 8 database requests (caller, event, and a transaction reading the record and the lockout and writing both).
 */
export const checkIn: Handler<'checkIn'> = async (input, { caller, db, now }) => {
  const bound = requireBound(caller);
  const scanned = input.payload !== undefined ? parseCheckinPayload(input.payload) : null;
  const code = scanned?.code ?? (input.code !== undefined ? normalizeTypedCode(input.code) : null);
  if (code === null) throw new AppError('CHECKIN.BAD_CODE', input.payload !== undefined ? '这不是本小程序的签到码' : '请输入6位数字签到码');

  let event: CheckinEventDoc;
  const eventId = scanned?.eventId ?? input.eventId;
  if (eventId !== undefined) {
    event = (await loadMemberEvent(db, caller, eventId)).event;
  } else {
    // A typed code without a page context: the branch's event whose check-in is running now.
    const open = (await checkinEventsRepo.findEventsOfBranchSince(db, bound.member.branchId, new Date(now.getTime() - 86_400_000))).find(
      (candidate) => phaseOf(candidate, now) === 'open',
    );
    if (!open) throw new AppError('CHECKIN.NOT_OPEN');
    event = open;
  }

  // Two valid codes in a million: guessing is only a threat at machine speed, which this limit stops. The
  // guess is charged in the same transaction that checks it (refunded when right), so a burst can't slip
  // past the limit between a check and a charge.
  const memberId = bound.member._id;
  const method = scanned ? 'scan' : 'code';
  const actor = { role: 'member', memberId } as const;
  const outcome = await db
    .runTransaction(async (tx) => {
      const [current, gate] = await Promise.all([
        checkinAttendanceRepo.getAttendance(tx, event._id, memberId),
        readAttemptGate(tx, `checkin-${memberId}`, now, CHECKIN_CODE_POLICY),
      ]);
      // A retry of a check-in that already counted answers as such, even once its code has expired.
      if (current?.state === 'present' || current?.state === 'late') return { record: current as AttendanceRecord, alreadyCheckedIn: true };
      gate.refuseIfExhausted();
      if (!verifyCode(event.secret, code, now).ok) {
        await gate.charge();
        return { badCode: true as const };
      }
      const decision = decideGeofence(event.geofence ?? undefined, input.position);
      if (decision.kind === 'refuse') throw new AppError(decision.code, decision.message);
      const flags: CheckinFlag[] = decision.kind === 'flag' ? [decision.flag] : [];
      const result = transition(
        current ?? newAttendanceRecord(event._id, memberId),
        { type: 'checkIn', method, flags },
        actor,
        now,
        attendanceEvent(event),
      );
      if (!result.ok) throw new AppError(result.error.code as ErrorCode, result.error.message);
      if (result.changed) await checkinAttendanceRepo.writeAttendance(tx, current, result.record, event.branchId, now);
      await gate.refund();
      return { record: result.record, alreadyCheckedIn: false };
    })
    .catch(refuseRacingAttempts);
  // The charge is committed before the answer says the code was wrong.
  if ('badCode' in outcome) throw new AppError('CHECKIN.BAD_CODE');
  const { record, alreadyCheckedIn } = outcome;
  return { eventId: event._id, theme: event.theme, mine: myAttendance(record), alreadyCheckedIn };
};

/** 请假: before the event starts, with a reason; the secretary decides. */
export const requestLeave: Handler<'requestLeave'> = async (input, { caller, db, now }) => {
  const { member, event } = await loadMemberEvent(db, caller, input.eventId);
  const { record } = await applyCommand(
    db,
    event,
    member.member._id,
    { type: 'requestLeave', reason: input.reason },
    { role: 'member', memberId: member.member._id },
    now,
  );
  return { mine: myAttendance(record) };
};

const SHANGHAI = 8 * 3_600_000;
const DAY = 24 * 3_600_000;

/** 09:00 Asia/Shanghai on the day before the event. */
function dayBeforeAtNine(startsAt: Date): Date {
  const localMidnight = Math.floor((startsAt.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI;
  return new Date(localMidnight - DAY + 9 * 3_600_000);
}

/** The member tapped 订阅 (one-time consent): one reminder for this event, the day before. */
export const subscribeReminder: Handler<'subscribeReminder'> = async (input, { caller, db, now }) => {
  const { member, event } = await loadMemberEvent(db, caller, input.eventId);
  if (event.startsAt <= now) throw new AppError('INPUT.INVALID', '活动已开始，无需提醒');
  await checkinRemindersRepo.putReminder(db, {
    _id: checkinRemindersRepo.reminderId(event._id, member.member._id),
    eventId: event._id,
    memberId: member.member._id,
    openid: member.openid,
    orgPath: event.orgPath,
    theme: event.theme,
    place: event.place,
    startsAt: event.startsAt,
    remindAt: dayBeforeAtNine(event.startsAt),
    sentAt: null,
    createdAt: now,
  });
  return { subscribed: true as const };
};

async function makeUpMaterials(db: Parameters<Handler<'makeUp'>>[1]['db'], memberId: string, event: CheckinEventDoc) {
  const [materials, progress] = await Promise.all([
    studyMaterialsRepo.findMaterialSummaries(db, event.materialIds),
    studyProgressRepo.findProgressOfMember(db, memberId, event.materialIds),
  ]);
  const done = new Set(progress.filter((row) => row.completedAt).map((row) => row.materialId));
  const titles = new Map(materials.map((m) => [m._id, m.title]));
  return event.materialIds
    .filter((id) => titles.has(id))
    .map((materialId) => ({ materialId, title: titles.get(materialId) ?? '', completed: done.has(materialId) }));
}

/** 补学: the event's study materials and how far the member is with them. */
export const makeUp: Handler<'makeUp'> = async (input, { caller, db, now }) => {
  const { member, event } = await loadMemberEvent(db, caller, input.eventId);
  const [materials, record, quiz] = await Promise.all([
    makeUpMaterials(db, member.member._id, event),
    checkinAttendanceRepo.getAttendance(db, event._id, member.member._id),
    checkinMakeUpQuizzesRepo.getMakeUpQuiz(db, event._id, member.member._id),
  ]);
  return { event: eventSummary(event, now), mine: myAttendance(record), materials, quiz: makeUpQuizStatus(quiz) };
};

/**
 * 补学完成: the server checks the reading itself (the study function's completion, by its own clock) and the
 * 补学测验 (passed, scored on the server), and only then records 补学 as the system. An event without
 * materials is made up offline and marked by the secretary.
 */
export const completeMakeUp: Handler<'completeMakeUp'> = async (input, { caller, db, now }) => {
  const { member, event } = await loadMemberEvent(db, caller, input.eventId);
  const materials = await makeUpMaterials(db, member.member._id, event);
  if (materials.length === 0) throw new AppError('CHECKIN.MAKEUP_INCOMPLETE', '本次活动没有补学材料，请联系支部书记登记补学');
  if (materials.some((m) => !m.completed)) throw new AppError('CHECKIN.MAKEUP_INCOMPLETE');
  // Asked only of someone who still has to make up: a record already 补学 (or never missed) is left to the transition.
  const [current, quizPassed] = await Promise.all([
    checkinAttendanceRepo.getAttendance(db, event._id, member.member._id),
    makeUpQuizPassed(db, event._id, member.member._id),
  ]);
  if ((current?.state === 'excused' || current?.state === 'absent') && !quizPassed)
    throw new AppError('CHECKIN.MAKEUP_INCOMPLETE', '补学测验尚未通过');
  const { record } = await applyCommand(db, event, member.member._id, { type: 'completeMakeUp' }, { role: 'system' }, now);
  return { mine: myAttendance(record) };
};

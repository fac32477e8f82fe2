import { randomBytes } from 'node:crypto';
import type { checkinContract } from '@zbxx/contracts';
import { monthOf, orgPathOf } from '@zbxx/domain';
import {
  AppError,
  auditLogRepo,
  checkinAttendanceRepo,
  checkinEventsRepo,
  createdDocId,
  orgsRepo,
  studyPlansRepo,
  type BoundCaller,
  type CheckinEventDoc,
  type FunctionHandler,
} from '@zbxx/server';
import { absenceDecided } from '@zbxx/domain';
import { EVENT_SECRET_BYTES } from '@zbxx/domain/src/checkin/code';
import { loadManagedEvent, requireSecretary } from '../access';
import { emptyTally, eventSummary } from '../views';

type Handler<K extends keyof typeof checkinContract.actions> = FunctionHandler<typeof checkinContract, K>;

const MINUTE = 60_000;

/** 支部书记: the branch's events, newest first, with counts per state. 4 database requests. */
export const listEvents: Handler<'listEvents'> = async (_input, { caller, db, now }) => {
  const secretary = requireSecretary(caller);
  const branchId = secretary.scope.secretaryOf[0] as string;
  const events = await checkinEventsRepo.findEventsOfBranch(db, branchId);
  const counts = await checkinAttendanceRepo.countStates(
    db,
    events.map((e) => e._id),
  );
  return {
    events: events.map((event) => {
      const { expected = 0, absent = 0, ...rest } = counts.get(event._id) ?? {};
      // 口径 (FIGURES.md): a record still 未签到 counts as 缺席 once the event has ended, closed or not.
      const decided = absenceDecided(event, now);
      return {
        ...eventSummary(event, now),
        tally: { ...emptyTally(), ...rest, expected: decided ? 0 : expected, absent: absent + (decided ? expected : 0) },
      };
    }),
  };
};

/** Creates or edits an event of the secretary's branch; a closed event is what was reported and stays as it is. */
export const saveEvent: Handler<'saveEvent'> = async (input, { caller, db, now, random, requestId }) => {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const checkinOpensAt = input.checkinOpensAt ? new Date(input.checkinOpensAt) : new Date(startsAt.getTime() - 30 * MINUTE);
  const lateAfter = input.lateAfter ? new Date(input.lateAfter) : startsAt;
  if (endsAt <= startsAt) throw new AppError('INPUT.INVALID', '结束时间要晚于开始时间');
  if (checkinOpensAt > startsAt) throw new AppError('INPUT.INVALID', '签到开始时间不能晚于活动开始时间');
  if (lateAfter < checkinOpensAt || lateAfter > endsAt) throw new AppError('INPUT.INVALID', '迟到时间要在签到开始和活动结束之间');

  let previous: CheckinEventDoc | null = null;
  let secretary: BoundCaller;
  if (input.eventId) {
    const loaded = await loadManagedEvent(db, caller, input.eventId);
    if (loaded.event.closedAt) throw new AppError('ATTENDANCE.EVENT_CLOSED', '活动已结束，不能再修改');
    previous = loaded.event;
    secretary = loaded.secretary;
  } else {
    secretary = requireSecretary(caller);
  }
  const branchId = previous?.branchId ?? (secretary.scope.secretaryOf[0] as string);
  const [branch] = await orgsRepo.findOrgsByIds(db, [branchId]);
  if (!branch) throw new AppError('NOT_FOUND', '没有找到这个党支部');
  const orgPath = orgPathOf({ id: branch._id, ancestors: branch.ancestors });
  const month = monthOf(startsAt);

  let theme = input.theme;
  let materialIds = input.materialIds;
  if (theme === '' || materialIds === undefined) {
    // 一月一主题: the month plan names the theme and the required reading, which is also the make-up.
    const plans = await studyPlansRepo.findPublishedPlansForPath(db, orgPath, month);
    if (theme === '') theme = plans[0]?.theme ?? '主题党日';
    materialIds ??= [...new Set(plans.flatMap((plan) => plan.requiredMaterialIds))];
  }
  if (input.materialIds !== undefined) {
    // Only what the branch's own published plans hand out: never another subtree's draft or a made-up id.
    const reachable = await studyPlansRepo.findReachableMaterialIds(db, orgPath, input.materialIds);
    if (input.materialIds.some((id) => !reachable.has(id))) throw new AppError('CHECKIN.MATERIAL_NOT_AVAILABLE');
  }
  const event: CheckinEventDoc = {
    _id: previous?._id ?? createdDocId('ev', secretary.member._id, requestId, random),
    branchId,
    branchName: branch.name,
    orgPath,
    month,
    theme,
    place: input.place,
    startsAt,
    endsAt,
    checkinOpensAt,
    lateAfter,
    geofence: input.geofence,
    materialIds,
    quizCategory: input.quizCategory,
    secret: previous?.secret ?? randomBytes(EVENT_SECRET_BYTES).toString('hex'),
    closedAt: null,
    createdBy: previous?.createdBy ?? secretary.member._id,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  const created = await db.runTransaction(async (tx) => {
    const existing = await checkinEventsRepo.getEvent(tx, event._id);
    if (previous) {
      // Checked again in the transaction: an edit read before a close committed must not reopen the event (the
      // write below replaces it with closedAt null), nor bring back one removed meanwhile.
      if (!existing) throw new AppError('NOT_FOUND', '没有找到这次活动');
      if (existing.closedAt) throw new AppError('ATTENDANCE.EVENT_CLOSED', '活动已结束，不能再修改');
    } else if (existing) {
      // 重试 of a create whose reply was lost (same requestId): the event exists already, answer it again, while
      // it is still this secretary's to manage (as the edit path would).
      if (!secretary.scope.secretaryOf.includes(existing.branchId)) throw new AppError('AUTH.FORBIDDEN', '只能管理本支部的主题党日');
      return existing;
    }
    await checkinEventsRepo.putEvent(tx, event);
    await auditLogRepo.appendAudit(tx, {
      at: now,
      action: previous ? 'checkinEvent.update' : 'checkinEvent.create',
      actor: { openid: secretary.openid, memberId: secretary.member._id },
      target: { collection: 'checkinEvents', id: event._id },
      details: { theme, place: input.place, startsAt: input.startsAt, endsAt: input.endsAt, geofence: input.geofence },
      requestId,
    });
    return event;
  });
  return { event: eventSummary(created, now) };
};

/** Only an event nobody has any attendance on yet can be deleted: otherwise its history would go with it. */
export const removeEvent: Handler<'removeEvent'> = async (input, { caller, db, requestId, now }) => {
  const { secretary, event } = await loadManagedEvent(db, caller, input.eventId);
  const counts = await checkinAttendanceRepo.countStates(db, [event._id]);
  if (event.closedAt || Object.keys(counts.get(event._id) ?? {}).length > 0) {
    throw new AppError('CONFLICT', '已有考勤记录的活动不能删除');
  }
  await db.runTransaction(async (tx) => {
    await checkinEventsRepo.removeEvent(tx, event._id);
    await auditLogRepo.appendAudit(tx, {
      at: now,
      action: 'checkinEvent.remove',
      actor: { openid: secretary.openid, memberId: secretary.member._id },
      target: { collection: 'checkinEvents', id: event._id },
      details: { theme: event.theme, startsAt: event.startsAt.toISOString() },
      requestId,
    });
  });
  return { removed: true as const };
};

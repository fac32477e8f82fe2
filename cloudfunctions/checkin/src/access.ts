import { AppError, checkinEventsRepo, requireBound, type BoundCaller, type Caller, type CheckinEventDoc, type Db } from '@zbxx/server';

/** The secretary of the event's branch; anyone else (other branches' secretaries included) is refused. */
export async function loadManagedEvent(
  db: Db,
  caller: Caller,
  eventId: string,
): Promise<{ secretary: BoundCaller; event: CheckinEventDoc }> {
  const secretary = requireSecretary(caller);
  const event = await checkinEventsRepo.getEvent(db, eventId);
  if (!event) throw new AppError('NOT_FOUND', '没有找到这次活动');
  if (!secretary.scope.secretaryOf.includes(event.branchId)) throw new AppError('AUTH.FORBIDDEN', '只能管理本支部的主题党日');
  return { secretary, event };
}

export function requireSecretary(caller: Caller): BoundCaller {
  const bound = requireBound(caller);
  if (bound.scope.secretaryOf.length === 0) throw new AppError('AUTH.FORBIDDEN', '只有支部书记可以管理主题党日');
  return bound;
}

/** An event of the member's own branch. */
export async function loadMemberEvent(db: Db, caller: Caller, eventId: string): Promise<{ member: BoundCaller; event: CheckinEventDoc }> {
  const member = requireBound(caller);
  const event = await checkinEventsRepo.getEvent(db, eventId);
  if (!event) throw new AppError('NOT_FOUND', '没有找到这次活动');
  if (event.branchId !== member.member.branchId) throw new AppError('AUTH.FORBIDDEN', '只能参加本支部的主题党日');
  return { member, event };
}

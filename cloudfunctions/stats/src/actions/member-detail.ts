import type { statsContract } from '@zbxx/contracts';
import {
  absenceDecided,
  attendanceStateAt,
  branchAt,
  memberMonthStatus,
  monthBounds,
  monthOf,
  readingView,
  requiredMaterialsFor,
  roundsFor,
  scopeCoversPath,
  type MemberMonthFacts,
} from '@zbxx/domain';
import {
  AppError,
  findMemberMonthAttendance,
  loadMonthRequirements,
  membersRepo,
  orgsRepo,
  quizAttemptsRepo,
  requireBound,
  studyProgressRepo,
  studyRemindersRepo,
  transfersRepo,
  type FunctionHandler,
} from '@zbxx/server';
import { orgRef } from '../admin-node';
import { memberRows } from '../member-rows';

const iso = (at: Date | string | null | undefined) => (at ? new Date(at).toISOString() : null);

/**
 * A member's month in detail (what was read, each attempt, each 主题党日 record, the 催学 sent). Open to the
 * member, the secretary of the branch they count in that month (or belong to now) and admins above it.
 */
export const memberDetail: FunctionHandler<typeof statsContract, 'memberDetail'> = async (input, { caller, db, now }) => {
  const bound = requireBound(caller);
  const month = input.month ?? monthOf(now);
  const [member, transfers] = await Promise.all([
    membersRepo.getMember(db, input.memberId),
    transfersRepo.findTransfersOfMember(db, input.memberId),
  ]);
  if (!member) throw new AppError('NOT_FOUND', '没有找到这名党员');
  const { end } = monthBounds(month);
  const branchId = branchAt(member.branchId, transfers, end);
  const later = transfers.filter((t) => new Date(t.at) >= end).sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())[0];
  const orgPath = later ? later.fromOrgPath : member.orgPath;
  const self = bound.member._id === member._id;
  if (!self && !scopeCoversPath(bound.scope, orgPath) && !scopeCoversPath(bound.scope, member.orgPath)) {
    throw new AppError('AUTH.FORBIDDEN', '只能查看本支部党员的完成情况');
  }

  const { req, tasks } = await loadMonthRequirements(db, { nodeId: branchId, nodePath: orgPath, isBranch: true }, month, true);
  const required = requiredMaterialsFor(req, orgPath);
  const rounds = roundsFor(req, orgPath);
  const [[branch], progress, attempts, attendance, reminders] = await Promise.all([
    orgsRepo.findOrgsByIds(db, [branchId]),
    studyProgressRepo.findProgressOfMember(db, member._id, required),
    quizAttemptsRepo.findMemberAttemptSummaries(
      db,
      member._id,
      rounds.map((r) => r.roundId),
    ),
    findMemberMonthAttendance(db, member._id, month),
    studyRemindersRepo.findMemberReminders(db, member._id, 20),
  ]);
  if (!branch) throw new AppError('NOT_FOUND', '没有找到这个党支部');

  const facts: MemberMonthFacts = {
    memberId: member._id,
    branchId,
    orgPath,
    completedMaterialIds: progress.filter((p) => p.completedAt).map((p) => p.materialId),
    attempts: attempts.flatMap((a) =>
      a.finishedAt && a.score !== null
        ? [{ roundId: a.roundId, score: a.score, passed: a.passed === true, finishedAt: new Date(a.finishedAt) }]
        : [],
    ),
    attendance: attendance.map(({ record }) => ({ eventId: record.eventId, state: record.state })),
    decidedEventIds: [
      ...attendance
        .map(({ event }) => event)
        .filter((event) => absenceDecided({ endsAt: new Date(event.endsAt), closedAt: event.closedAt }, now)),
      ...tasks.events.filter((event) => event.branchId === branchId && absenceDecided(event, now)),
    ].map((event) => ('eventId' in event ? event.eventId : event._id)),
  };
  const decided = new Set(facts.decidedEventIds);
  const status = memberMonthStatus(facts, req);
  const [row] = await memberRows(db, [{ facts: { ...facts, name: member.name, duty: member.duty }, status }]);

  const progressById = new Map(progress.map((p) => [p.materialId, p]));
  const titleOf = new Map(tasks.materials.map((m) => [m.materialId, m.title]));
  const roundInfo = new Map(tasks.rounds.map((r) => [r.roundId, r]));
  const recorded = new Set(attendance.map(({ record }) => record.eventId));
  const branchEvents = tasks.events.filter((event) => event.branchId === branchId && !recorded.has(event.eventId));

  return {
    month,
    member: { memberId: member._id, name: member.name, duty: member.duty, branch: orgRef(branch) },
    row: row!,
    study: required.map((materialId) => {
      const doc = progressById.get(materialId);
      const view = readingView(
        doc
          ? {
              furthest: doc.furthest,
              creditedSeconds: doc.creditedSeconds,
              completedAt: doc.completedAt ? new Date(doc.completedAt).getTime() : null,
            }
          : null,
      );
      return { materialId, title: titleOf.get(materialId) ?? '', percent: view.percent, completedAt: iso(doc?.completedAt) };
    }),
    quiz: rounds.map((round) => {
      const info = roundInfo.get(round.roundId);
      return {
        roundId: round.roundId,
        title: info?.title ?? '',
        passMark: info?.passMark ?? 0,
        maxScore: round.maxScore,
        attempts: attempts
          .filter((a) => a.roundId === round.roundId)
          .sort((a, b) => a.attemptNumber - b.attemptNumber)
          .map((a) => ({ attemptNumber: a.attemptNumber, score: a.score, passed: a.passed, finishedAt: iso(a.finishedAt) })),
      };
    }),
    partyDay: [
      ...attendance.map(({ record, event }) => ({
        eventId: event._id,
        theme: event.theme,
        startsAt: new Date(event.startsAt).toISOString(),
        branchName: event.branchName,
        state: attendanceStateAt(record.state, decided.has(event._id)),
        checkedInAt: iso(record.checkedInAt),
      })),
      ...branchEvents.map((event) => ({
        eventId: event.eventId,
        theme: event.theme,
        startsAt: event.startsAt.toISOString(),
        branchName: event.branchName,
        state: attendanceStateAt('expected', decided.has(event.eventId)),
        checkedInAt: null,
      })),
    ].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    reminders: reminders.map((r) => ({ sentAt: new Date(r.sentAt).toISOString(), missing: r.missing, by: r.by })),
  };
};

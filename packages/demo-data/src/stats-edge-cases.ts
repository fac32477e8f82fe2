import {
  monthBounds,
  monthOf,
  newAttendanceRecord,
  orgPathOf,
  transition,
  type Actor,
  type AttendanceCommand,
  type AttendanceEvent,
  type AttendanceRecord,
} from '@zbxx/domain';
import type { AttendanceDoc, CheckinEventDoc, MemberDoc, OrgDoc, TransferDoc } from '@zbxx/server';
import { seededRandom } from './random';

export interface DemoStatsCollections {
  transfers: TransferDoc[];
}

export interface StatsEdgeCaseInput {
  /** Off by default: the plain demo keeps one secretary per branch and one 主题党日 per branch and month. */
  enabled: boolean;
  orgs: OrgDoc[];
  members: MemberDoc[];
  checkinEvents: CheckinEventDoc[];
  attendance: AttendanceDoc[];
  today: Date;
  seed: number;
}

/** Who plays which part, for tests and the README. */
export const STATS_EDGE_CASE_IDS = {
  /** 主题党日 in the current month: before the transfer in the old branch, after it in the new one. */
  eventBefore: (month: string) => `ev-edge-${month}-before`,
  eventAfter: (month: string) => `ev-edge-${month}-after`,
  transferOf: (memberId: string) => `tr-edge-${memberId}`,
} as const;

const SYSTEM: Actor = { role: 'system' };
const MINUTE = 60_000;

function step(record: AttendanceRecord, command: AttendanceCommand, actor: Actor, at: Date, on: AttendanceEvent): AttendanceRecord {
  const result = transition(record, command, actor, at, on);
  if (!result.ok) throw new Error(`demo stats edge cases: ${result.error.code} for ${record.memberId}`);
  return result.record;
}

/**
 * The cases a month's statistics must get right, placed in the month of `today` among branches that hold no
 * demo identity (A, B and R, from the end of the tree):
 * - a member of A transferred to B mid-month (with a `transfers` document): they attended A's 主题党日 before
 *   the move and missed B's after it; last month they count in A, this month in B;
 * - a member of A excused from A's 主题党日 (请假 approved) who made it up (补学): state madeUp, with history;
 * - branch R retired this month: its members moved to B early in the month, so R has last month's history
 *   and no members this month.
 * Needs three such branches; does nothing when disabled or when the county is too small. Mutates the
 * collections it is given (members move, R retires, events and records are added) and returns the transfers.
 */
export function applyStatsEdgeCases(input: StatsEdgeCaseInput): DemoStatsCollections {
  const { orgs, members, checkinEvents, attendance, today } = input;
  if (!input.enabled) return { transfers: [] };
  const withIdentity = new Set(members.filter((m) => m.openid).map((m) => m.branchId));
  const free = orgs.filter((org) => org.type === 'branch' && !withIdentity.has(org._id));
  const [retired, target, source] = free.slice(-3);
  if (!retired || !target || !source) return { transfers: [] };
  const random = seededRandom(input.seed ^ 0x57a7);
  const month = monthOf(today);
  const { start } = monthBounds(month);
  // Instants spread over the month so far, so everything has happened by `today`.
  const at = (fraction: number) => new Date(start.getTime() + Math.floor((today.getTime() - start.getTime()) * fraction));
  const pathOf = (org: OrgDoc) => orgPathOf({ id: org._id, ancestors: org.ancestors });
  const transfers: TransferDoc[] = [];
  const move = (member: MemberDoc, to: OrgDoc, when: Date) => {
    transfers.push({
      _id: STATS_EDGE_CASE_IDS.transferOf(member._id),
      memberId: member._id,
      fromBranchId: member.branchId,
      fromOrgPath: [...member.orgPath],
      toBranchId: to._id,
      toOrgPath: pathOf(to),
      at: when,
      reason: 'transfer',
      actor: { openid: 'seed', memberId: null },
      requestId: null,
    });
    member.branchId = to._id;
    member.orgPath = pathOf(to);
  };

  // R retires: its members move to B first.
  for (const member of members.filter((m) => m.branchId === retired._id)) move(member, target, at(0.2));
  retired.retiredAt = at(0.3);

  const inSource = members.filter((m) => m.branchId === source._id && !m.roles.some((r) => r.role === 'secretary'));
  const mover = inSource[0];
  const excused = inSource[1];
  if (!mover || !excused) throw new Error('demo stats edge cases: branch A is too small');

  const hold = (branch: OrgDoc, id: string, startsAt: Date): { doc: CheckinEventDoc; open: AttendanceEvent; closed: AttendanceEvent } => {
    const endsAt = new Date(startsAt.getTime() + 90 * MINUTE);
    const closedAt = new Date(endsAt.getTime() + 10 * MINUTE);
    const times = { startsAt, endsAt, checkinOpensAt: new Date(startsAt.getTime() - 30 * MINUTE), lateAfter: startsAt };
    let secret = '';
    for (let i = 0; i < 40; i += 1) secret += Math.floor(random() * 16).toString(16);
    const doc: CheckinEventDoc = {
      _id: id,
      branchId: branch._id,
      branchName: branch.name,
      orgPath: pathOf(branch),
      month,
      theme: '主题党日',
      place: '党员活动室',
      ...times,
      geofence: null,
      materialIds: [],
      secret,
      closedAt,
      createdBy: 'seed',
      createdAt: start,
      updatedAt: closedAt,
    };
    checkinEvents.push(doc);
    return { doc, open: { id, ...times, closedAt: null }, closed: { id, ...times, closedAt } };
  };
  const record = (event: ReturnType<typeof hold>, member: MemberDoc, build: (r: AttendanceRecord) => AttendanceRecord) => {
    const built = build(newAttendanceRecord(event.doc._id, member._id));
    attendance.push({
      ...built,
      _id: `${event.doc._id}_${member._id}`,
      branchId: event.doc.branchId,
      updatedAt: built.history.at(-1)?.at ?? event.doc.startsAt,
    });
  };
  const checkIn = (event: ReturnType<typeof hold>, member: MemberDoc) =>
    record(event, member, (r) =>
      step(
        r,
        { type: 'checkIn', method: 'scan' },
        { role: 'member', memberId: member._id },
        new Date(event.doc.checkinOpensAt.getTime() + 10 * MINUTE),
        event.open,
      ),
    );

  // A's 主题党日 before the transfer: everyone present but the excused member, who makes it up afterwards.
  const before = hold(source, STATS_EDGE_CASE_IDS.eventBefore(month), at(0.4));
  const sourceSecretary = members.find((m) => m.branchId === source._id && m.roles.some((r) => r.role === 'secretary'));
  const approver: Actor = sourceSecretary ? { role: 'secretary', memberId: sourceSecretary._id } : SYSTEM;
  for (const member of members.filter((m) => m.branchId === source._id)) {
    if (member !== excused) checkIn(before, member);
  }
  record(before, excused, (r) => {
    const asked = step(
      r,
      { type: 'requestLeave', reason: '出差' },
      { role: 'member', memberId: excused._id },
      new Date(before.doc.startsAt.getTime() - 24 * 60 * MINUTE),
      before.open,
    );
    const approved = step(
      asked,
      { type: 'approveLeave' },
      approver,
      new Date(before.doc.startsAt.getTime() - 20 * 60 * MINUTE),
      before.open,
    );
    return step(approved, { type: 'completeMakeUp' }, SYSTEM, new Date(before.doc.closedAt!.getTime() + 60 * MINUTE), before.closed);
  });

  move(mover, target, at(0.5));

  // B's 主题党日 after it: the newcomer misses it (closed as 缺席), the rest (R's former members too) attend.
  const after = hold(target, STATS_EDGE_CASE_IDS.eventAfter(month), at(0.7));
  for (const member of members.filter((m) => m.branchId === target._id)) {
    if (member === mover) record(after, member, (r) => step(r, { type: 'close' }, SYSTEM, after.doc.closedAt!, after.closed));
    else checkIn(after, member);
  }
  return { transfers };
}

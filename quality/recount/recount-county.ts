/**
 * The county month the recount runs over: the stats edge cases (mid-month transfer, excused then made up, a
 * retired branch) and quiz attempts, plus this month's 主题党日 of four more branches, each at another
 * instant relative to `now` (the functions read the real clock until the devcloud test clock lands, so the
 * instants are made by placing the events around `now`):
 *   before   starts in 40 minutes (one leave request waiting)        → 未签到, never 缺席
 *   during   started 30 minutes ago, ends in an hour (some checked in) → 未签到 for the rest
 *   ended    ended an hour ago and never closed                       → 缺席 for the rest
 *   madeUp   closed, then some 缺席 / 请假 made up                     → 补学 counted apart
 * Last month (every event over) is the month-end instant. Also a member created (bound) late in the month, a
 * round of this month nobody answered, and branches with no event at all.
 */
import { DEMO_ROUND_ID } from '@zbxx/demo-data';
import {
  monthBounds,
  monthOf,
  newAttendanceRecord,
  transition,
  type Actor,
  type AttendanceCommand,
  type AttendanceEvent,
  type AttendanceRecord,
} from '@zbxx/domain';
import type { AttendanceDoc, CheckinEventDoc, MemberDoc, QuizRoundDoc } from '@zbxx/server';
import type { RawCollections } from '../../cloudfunctions/stats/src/__tests__/independent-month';
import { statsCounty } from '../../cloudfunctions/stats/src/__tests__/stats-county';

export type Phase = 'before' | 'during' | 'ended' | 'madeUp';
export const PHASES: readonly Phase[] = ['before', 'during', 'ended', 'madeUp'];

export interface RecountCounty {
  raw: RawCollections;
  /** The branch holding each phase's event, and its secretary's OPENID (for the attendance sheet). */
  phases: Record<Phase, { branchId: string; eventId: string; secretaryOpenid: string }>;
  /** Branches with no event this month. */
  withoutEvent: string[];
  lateMemberId: string;
  emptyRoundId: string;
}

const MINUTE = 60_000;
const SYSTEM: Actor = { role: 'system' };

function apply(record: AttendanceRecord, command: AttendanceCommand, actor: Actor, at: Date, event: AttendanceEvent): AttendanceRecord {
  const result = transition(record, command, actor, at, event);
  if (!result.ok) throw new Error(`recount county: ${result.error.code}`);
  return result.record;
}

export function recountCounty(now: Date): RecountCounty {
  const raw = statsCounty({ members: 240, branches: 12, committees: 3, seed: 20251208, today: now });
  const month = monthOf(now);
  const withEventNow = new Set(raw.checkinEvents.filter((e) => e.month === month).map((e) => e.branchId));
  const free = raw.orgs.filter((o) => o.type === 'branch' && !o.retiredAt && !withEventNow.has(o._id));
  if (free.length < PHASES.length + 1) throw new Error('recount county: too few branches without an event');

  const phases = {} as RecountCounty['phases'];
  const members: MemberDoc[] = raw.members.map((m) => ({ ...m }));
  const events: CheckinEventDoc[] = [...raw.checkinEvents];
  const attendance: AttendanceDoc[] = [...raw.attendance];
  const times: Record<Phase, { starts: number; ends: number; closed: number | null }> = {
    before: { starts: 40, ends: 160, closed: null },
    during: { starts: -30, ends: 60, closed: null },
    ended: { starts: -180, ends: -60, closed: null },
    madeUp: { starts: -300, ends: -240, closed: -230 },
  };
  PHASES.forEach((phase, i) => {
    const branch = free[i]!;
    const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);
    const t = times[phase];
    const startsAt = at(t.starts);
    const timing = { startsAt, endsAt: at(t.ends), checkinOpensAt: at(t.starts - 30), lateAfter: at(t.starts + 10) };
    const eventId = `ev-recount-${phase}`;
    const closedAt = t.closed === null ? null : at(t.closed);
    events.push({
      _id: eventId,
      branchId: branch._id,
      branchName: branch.name,
      orgPath: [...branch.ancestors, branch._id],
      month: monthOf(startsAt),
      theme: `重算：${phase}`,
      place: '党员活动室',
      ...timing,
      geofence: null,
      materialIds: [],
      secret: 'ab'.repeat(20),
      closedAt,
      createdBy: 'seed',
      createdAt: at(-7 * 24 * 60),
      updatedAt: closedAt ?? at(-7 * 24 * 60),
    } as CheckinEventDoc);
    const open: AttendanceEvent = { id: eventId, ...timing, closedAt: null };
    const closed: AttendanceEvent = { ...open, closedAt };
    const people = members.filter((m) => m.branchId === branch._id);
    const secretary = people.find((m) => m.roles.some((r) => r.role === 'secretary'))!;
    const secretaryOpenid = `recount-secretary-${phase}`;
    secretary.openid = secretaryOpenid;
    const lead: Actor = { role: 'secretary', memberId: secretary._id };
    people.forEach((person, k) => {
      const self: Actor = { role: 'member', memberId: person._id };
      let record = newAttendanceRecord(eventId, person._id);
      const roll = k % 6;
      if (phase === 'before') {
        if (roll === 0) record = apply(record, { type: 'requestLeave', reason: '出差' }, self, at(-60), open);
      } else {
        if (roll <= 2) record = apply(record, { type: 'checkIn', method: 'code' }, self, at(t.starts - 5), open);
        else if (roll === 3) record = apply(record, { type: 'checkIn', method: 'scan' }, self, at(t.starts + 15), open);
        else if (roll === 4) {
          record = apply(record, { type: 'requestLeave', reason: '外出务工' }, self, at(t.starts - 120), open);
          record = apply(record, { type: 'approveLeave' }, lead, at(t.starts - 100), open);
        }
        if (phase === 'madeUp') {
          if (record.state === 'expected') record = apply(record, { type: 'close' }, SYSTEM, closedAt!, closed);
          // Some 缺席 and some 请假 made it up since the close.
          if ((roll === 4 || (roll === 5 && k % 12 === 5)) && at(-10) > closedAt!)
            record = apply(record, { type: 'completeMakeUp' }, SYSTEM, at(-10), closed);
        }
      }
      if (record.history.length > 0)
        attendance.push({ ...record, _id: `${eventId}_${person._id}`, branchId: branch._id, updatedAt: record.history.at(-1)!.at });
    });
    phases[phase] = { branchId: branch._id, eventId, secretaryOpenid };
  });

  // A member of a branch without an event, entered (and bound) this month: counts now, not last month.
  const { start } = monthBounds(month);
  const lateAt = new Date(Math.max(start.getTime() + MINUTE, now.getTime() - 24 * 60 * MINUTE));
  const late = members.find((m) => m.branchId === free[PHASES.length]!._id && !m.openid && !m.roles.length)!;
  late.createdAt = lateAt;
  late.openid = 'recount-late-member';

  // A round of this month for the first committee that nobody has answered.
  const demoRound = raw.quizRounds.find((r) => r._id === DEMO_ROUND_ID(month))!;
  const committee = raw.orgs.find((o) => o.type === 'committee')!;
  const emptyRound: QuizRoundDoc = {
    ...demoRound,
    _id: 'round-recount-empty',
    title: '无人作答的答题',
    orgId: committee._id,
    orgName: committee.name,
    orgPath: [...committee.ancestors, committee._id],
  };

  return {
    raw: { ...raw, members, checkinEvents: events, attendance, quizRounds: [...raw.quizRounds, emptyRound] },
    phases,
    withoutEvent: free.slice(PHASES.length).map((b) => b._id),
    lateMemberId: late._id,
    emptyRoundId: emptyRound._id,
  };
}

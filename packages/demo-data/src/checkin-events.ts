import {
  monthOf,
  newAttendanceRecord,
  orgPathOf,
  transition,
  type Actor,
  type AttendanceCommand,
  type AttendanceEvent,
  type AttendanceRecord,
} from '@zbxx/domain';
import type { AttendanceDoc, CheckinEventDoc, MemberDoc, OrgDoc, StudyPlanDoc } from '@zbxx/server';
import { seededRandom, type Random } from './random';
import { monthBefore } from './study-plans';

export interface DemoCheckinCollections {
  checkinEvents: CheckinEventDoc[];
  attendance: AttendanceDoc[];
}

export interface DemoCheckinOptions {
  orgs: readonly OrgDoc[];
  members: readonly MemberDoc[];
  studyPlans: readonly StudyPlanDoc[];
  /** The demo's "today": today's event is open all day, past months' events are closed. */
  today: Date;
  seed: number;
  /** Also hold some of this month's events already (npm start's living demo). */
  liveMonth?: boolean;
}

const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR;
const DAY = 24 * HOUR;

/** Midnight of the Asia/Shanghai day `at` falls in. */
function shanghaiMidnight(at: Date): number {
  return Math.floor((at.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI;
}

function atShanghai(month: string, day: number, hour: number, minute = 0): Date {
  return new Date(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}

const PLACES = ['党员活动室', '党群服务中心二楼会议室', '村委会议室', '社区党建活动中心', '机关三楼会议室'];
const LEAVE_REASONS = ['外出务工', '在县医院陪护家人', '出差', '身体不适', '家中有事'];
const MANUAL_REASON = '老党员无智能手机，现场登记';

/** A stable hex secret from the demo's random source (real events get 20 random bytes). */
function demoSecret(random: Random): string {
  let hex = '';
  for (let i = 0; i < 40; i += 1) hex += Math.floor(random() * 16).toString(16);
  return hex;
}

/**
 * 主题党日 of the demo county: every branch held one on the 10th of each of the two months before `today`'s,
 * closed, with realistic attendance (mostly 出席, some 迟到, 请假 with 补学, a few 缺席, a manual mark for a
 * member without a smartphone), every record built through the domain's own transitions so its history is
 * genuine. demo-secretary's branch also has an event open all day today (for trying the code page) and one
 * on the 10th of next month (for 请假). Deterministic for the same options.
 */
export function generateCheckin({ orgs, members, studyPlans, today, seed, liveMonth }: DemoCheckinOptions): DemoCheckinCollections {
  const random = seededRandom(seed ^ 0xc4ec);
  const currentMonth = monthOf(today);
  const branches = orgs.filter((org) => org.type === 'branch');
  const demoSecretary = members.find((m) => m.openid === 'demo-secretary');
  const checkinEvents: CheckinEventDoc[] = [];
  const attendance: AttendanceDoc[] = [];
  const roster = new Map<string, MemberDoc[]>();
  for (const member of members) {
    const people = roster.get(member.branchId);
    if (people) people.push(member);
    else roster.set(member.branchId, [member]);
  }

  const planFor = (orgPath: readonly string[], month: string) =>
    studyPlans.filter((plan) => plan.month === month && plan.status === 'published' && orgPath.includes(plan.orgId));

  const makeEvent = (
    branch: OrgDoc,
    id: string,
    times: Omit<AttendanceEvent, 'id' | 'closedAt'>,
    closedAt: Date | null,
  ): CheckinEventDoc => {
    const orgPath = orgPathOf({ id: branch._id, ancestors: branch.ancestors });
    const month = monthOf(times.startsAt);
    const plans = planFor(orgPath, month);
    const secretary = (roster.get(branch._id) ?? []).find((m) => m.roles.some((r) => r.role === 'secretary'));
    return {
      _id: id,
      branchId: branch._id,
      branchName: branch.name,
      orgPath,
      month,
      theme: plans[0]?.theme ?? '主题党日',
      place: PLACES[Math.floor(random() * PLACES.length)] as string,
      ...times,
      geofence: null,
      materialIds: [...new Set(plans.flatMap((plan) => plan.requiredMaterialIds))],
      secret: demoSecret(random),
      closedAt,
      createdBy: secretary?._id ?? 'seed',
      createdAt: new Date(times.startsAt.getTime() - 7 * DAY),
      updatedAt: closedAt ?? new Date(times.startsAt.getTime() - 7 * DAY),
    };
  };

  /** A held and closed event of `branch` on `day` of `month`, attendance built through the domain's transitions. */
  const heldEvent = (branch: OrgDoc, month: string, day: number, back: number, latest: Date | null) => {
    const times = {
      startsAt: atShanghai(month, day, 9),
      endsAt: atShanghai(month, day, 11, 30),
      checkinOpensAt: atShanghai(month, day, 8, 30),
      lateAfter: atShanghai(month, day, 9),
    };
    const closedAt = atShanghai(month, day, 11, 40);
    const event = makeEvent(branch, `ev-demo-${month}-${branch._id}`, times, closedAt);
    checkinEvents.push(event);
    const people = roster.get(branch._id) ?? [];
    const secretary = people.find((m) => m.roles.some((r) => r.role === 'secretary'));
    const context: PastEvent = {
      event,
      open: {
        id: event._id,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        checkinOpensAt: event.checkinOpensAt,
        lateAfter: event.lateAfter,
        closedAt: null,
      },
      closed: {
        id: event._id,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        checkinOpensAt: event.checkinOpensAt,
        lateAfter: event.lateAfter,
        closedAt,
      },
      secretary: secretary ? { role: 'secretary', memberId: secretary._id } : null,
      monthsBack: back,
      latest,
    };
    for (const person of people) {
      const record = pastAttendance(random, context, person) as AttendanceDoc;
      // The record becomes the stored document in place: 40,000 of them at county scale.
      record._id = `${event._id}_${person._id}`;
      record.branchId = branch._id;
      record.updatedAt = record.history[record.history.length - 1]?.at ?? closedAt;
      attendance.push(record);
    }
  };

  for (const back of [2, 1]) {
    const month = monthBefore(currentMonth, back);
    for (const branch of branches) heldEvent(branch, month, 10, back, null);
  }

  const demoBranch = demoSecretary ? branches.find((b) => b._id === demoSecretary.branchId) : undefined;
  if (demoBranch) {
    const midnight = shanghaiMidnight(today);
    // Open all day so the demo can be tried at any hour; counted 出席 until the evening.
    checkinEvents.push(
      makeEvent(
        demoBranch,
        'ev-demo-today',
        {
          checkinOpensAt: new Date(midnight),
          startsAt: new Date(midnight + 8.5 * HOUR),
          lateAfter: new Date(midnight + 23.5 * HOUR),
          endsAt: new Date(midnight + DAY - 60_000),
        },
        null,
      ),
    );
    const nextMonth = monthBefore(currentMonth, -1);
    checkinEvents.push(
      makeEvent(
        demoBranch,
        'ev-demo-next',
        {
          checkinOpensAt: atShanghai(nextMonth, 10, 8, 30),
          startsAt: atShanghai(nextMonth, 10, 9),
          lateAfter: atShanghai(nextMonth, 10, 9),
          endsAt: atShanghai(nextMonth, 10, 11, 30),
        },
        null,
      ),
    );
  }
  if (liveMonth) {
    // The running month as of `today` (npm start's living demo): about 60 % of the branches (not demo-secretary's,
    // which has today's event) held theirs two days ago, closed, make-ups only those already done by today.
    const heldAt = new Date(today.getTime() - 2 * DAY);
    const day = Number(new Date(heldAt.getTime() + SHANGHAI).toISOString().slice(8, 10));
    const live = seededRandom(seed ^ 0x1a7e);
    if (monthOf(heldAt) === currentMonth && atShanghai(currentMonth, day, 11, 40) < today) {
      for (const branch of branches)
        if (branch._id !== demoBranch?._id && !branch.retiredAt && live() < 0.6) heldEvent(branch, currentMonth, day, 0, today);
    }
  }
  return { checkinEvents, attendance };
}

interface PastEvent {
  event: CheckinEventDoc;
  open: AttendanceEvent;
  closed: AttendanceEvent;
  secretary: Actor | null;
  monthsBack: number;
  /** Make-ups after this instant haven't happened yet (the running month); null: all have. */
  latest: Date | null;
}

const SYSTEM: Actor = { role: 'system' };
const minutesAfter = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

function step(record: AttendanceRecord, command: AttendanceCommand, actor: Actor, at: Date, on: AttendanceEvent): AttendanceRecord {
  const result = transition(record, command, actor, at, on);
  if (!result.ok) throw new Error(`demo attendance: ${result.error.code} for ${record.memberId}`);
  return result.record;
}

function pastAttendance(
  random: Random,
  { event, open, closed, secretary, monthsBack, latest }: PastEvent,
  person: MemberDoc,
): AttendanceRecord {
  const self: Actor = { role: 'member', memberId: person._id };
  const isSecretary = secretary?.role === 'secretary' && secretary.memberId === person._id;
  let record = newAttendanceRecord(event._id, person._id);
  const madeUpAt = () => minutesAfter(event.startsAt, 60 * 24 * (3 + Math.floor(random() * 10)));
  const makeUp = (at: Date) => (latest === null || at <= latest ? step(record, { type: 'completeMakeUp' }, SYSTEM, at, closed) : record);

  // demo-member: present two months ago, excused and made up last month (their reading is done).
  const roll = person.openid === 'demo-member' ? (monthsBack === 2 ? 0 : 0.9) : random();
  if (roll < 0.76) {
    record = step(
      record,
      { type: 'checkIn', method: random() < 0.85 ? 'scan' : 'code' },
      self,
      minutesAfter(event.checkinOpensAt, 5 + random() * 24),
      open,
    );
  } else if (roll < 0.82) {
    record = step(record, { type: 'checkIn', method: 'scan' }, self, minutesAfter(event.lateAfter, 1 + random() * 25), open);
  } else if (roll < 0.85 && secretary) {
    // Nobody marks their own attendance: the secretary who would be marked present checked in instead.
    record = isSecretary
      ? step(record, { type: 'checkIn', method: 'code' }, self, minutesAfter(event.checkinOpensAt, 20), open)
      : step(record, { type: 'mark', to: 'present', reason: MANUAL_REASON }, secretary, minutesAfter(event.startsAt, -10), open);
  } else if (roll < 0.94) {
    const reason = LEAVE_REASONS[Math.floor(random() * LEAVE_REASONS.length)] as string;
    if (isSecretary) {
      // Nobody approves their own leave: the secretary who would have been excused missed the day (缺席).
      record = step(record, { type: 'close' }, SYSTEM, event.closedAt ?? event.endsAt, closed);
    } else {
      record = step(record, { type: 'requestLeave', reason }, self, minutesAfter(event.startsAt, -60 * 30), open);
      record = step(record, { type: 'approveLeave' }, secretary ?? SYSTEM, minutesAfter(event.startsAt, -60 * 20), open);
    }
    if (random() < 0.7 || person.openid === 'demo-member') record = makeUp(madeUpAt());
  } else {
    record = step(record, { type: 'close' }, SYSTEM, event.closedAt ?? event.endsAt, closed);
    if (random() < 0.3) record = makeUp(madeUpAt());
  }
  return record;
}

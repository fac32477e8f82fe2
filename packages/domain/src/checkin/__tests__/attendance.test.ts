import {
  arrivalState,
  extendsHistory,
  historyIsConsistent,
  newAttendanceRecord,
  selfMadeEntries,
  transition,
  type Actor,
  type AttendanceCommand,
  type AttendanceEvent,
  type AttendanceRecord,
  type TransitionResult,
} from '../attendance';

const at = (time: string): Date => new Date(`2026-03-10T${time}+08:00`);
/** 主题党日 on 10 March: check-in from 08:30, late from 09:05, 09:00–11:00. */
const event: AttendanceEvent = {
  id: 'evt1',
  checkinOpensAt: at('08:30:00'),
  startsAt: at('09:00:00'),
  lateAfter: at('09:05:00'),
  endsAt: at('11:00:00'),
  closedAt: null,
};
const closed: AttendanceEvent = { ...event, closedAt: at('11:30:00') };

const member: Actor = { role: 'member', memberId: 'm1' };
const otherMember: Actor = { role: 'member', memberId: 'm2' };
const secretary: Actor = { role: 'secretary', memberId: 's1' };
const system: Actor = { role: 'system' };

const fresh = (): AttendanceRecord => newAttendanceRecord('evt1', 'm1');

function ok(result: TransitionResult): AttendanceRecord {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}`);
  return result.record;
}
function code(result: TransitionResult): string | null {
  return result.ok ? null : result.error.code;
}
/** Applies commands in turn, each at its time, failing loudly on the first refusal. */
function run(steps: [AttendanceCommand, Actor, string, AttendanceEvent?][]): AttendanceRecord {
  return steps.reduce((record, [command, actor, time, ev]) => ok(transition(record, command, actor, at(time), ev ?? event)), fresh());
}
const checkIn: AttendanceCommand = { type: 'checkIn', method: 'scan' };

describe('check-in', () => {
  it('is present before the late threshold and late from it on', () => {
    expect(arrivalState(event, at('09:04:59.999'))).toBe('present');
    expect(arrivalState(event, at('09:05:00'))).toBe('late');
    const present = ok(transition(fresh(), checkIn, member, at('08:45:00'), event));
    expect(present).toMatchObject({ state: 'present', checkedInAt: at('08:45:00'), checkinMethod: 'scan' });
    expect(ok(transition(fresh(), { type: 'checkIn', method: 'code' }, member, at('09:05:00'), event)).state).toBe('late');
  });

  it('writes one history entry saying who, when, from and to', () => {
    const result = transition(fresh(), { ...checkIn, flags: ['OUTSIDE_GEOFENCE'] }, member, at('08:45:00'), event);
    expect(result).toMatchObject({ ok: true, changed: true });
    if (!result.ok || !result.changed) throw new Error('unreachable');
    expect(result.entry).toEqual({
      at: at('08:45:00'),
      by: 'm1',
      role: 'member',
      command: 'checkIn',
      from: 'expected',
      to: 'present',
      flags: ['OUTSIDE_GEOFENCE'],
    });
    expect(result.record.history).toEqual([result.entry]);
    expect(result.record.flags).toEqual(['OUTSIDE_GEOFENCE']);
  });

  it('counts the same check-in once', () => {
    const present = ok(transition(fresh(), checkIn, member, at('08:45:00'), event));
    const again = transition(present, checkIn, member, at('09:30:00'), event);
    expect(again).toEqual({ ok: true, changed: false, record: present });
    // a retry arriving after the end still answers with the same success
    expect(transition(present, checkIn, member, at('12:00:00'), closed)).toEqual({ ok: true, changed: false, record: present });
  });

  it('is open from checkinOpensAt until endsAt, and not once closed', () => {
    expect(code(transition(fresh(), checkIn, member, at('08:29:59'), event))).toBe('ATTENDANCE.CHECKIN_NOT_OPEN');
    expect(code(transition(fresh(), checkIn, member, at('11:00:00'), event))).toBe('ATTENDANCE.CHECKIN_CLOSED');
    expect(code(transition(fresh(), checkIn, member, at('10:00:00'), closed))).toBe('ATTENDANCE.CHECKIN_CLOSED');
  });

  it('is only for one’s own record', () => {
    expect(code(transition(fresh(), checkIn, otherMember, at('08:45:00'), event))).toBe('ATTENDANCE.FORBIDDEN');
    expect(code(transition(fresh(), checkIn, secretary, at('08:45:00'), event))).toBe('ATTENDANCE.FORBIDDEN');
  });

  it('overrides a pending or approved leave when the member comes after all', () => {
    const requested = run([[{ type: 'requestLeave', reason: '出差' }, member, '07:00:00']]);
    expect(ok(transition(requested, checkIn, member, at('08:45:00'), event)).state).toBe('present');
    const excused = ok(transition(requested, { type: 'approveLeave' }, secretary, at('07:30:00'), event));
    expect(ok(transition(excused, checkIn, member, at('09:10:00'), event)).state).toBe('late');
  });

  it('cannot undo a secretary’s absent mark', () => {
    const absent = run([[{ type: 'mark', to: 'absent', reason: '代签，经核实本人未到' }, secretary, '09:20:00']]);
    expect(code(transition(absent, checkIn, member, at('09:30:00'), event))).toBe('ATTENDANCE.ILLEGAL_TRANSITION');
  });
});

describe('leave (请假)', () => {
  const request: AttendanceCommand = { type: 'requestLeave', reason: '  外出就医  ' };

  it('is requested with a reason before the event, then approved', () => {
    const requested = ok(transition(fresh(), request, member, at('07:00:00'), event));
    expect(requested).toMatchObject({ state: 'leaveRequested', leaveReason: '外出就医' });
    expect(requested.history[0]).toMatchObject({ reason: '外出就医', from: 'expected', to: 'leaveRequested' });
    const approved = ok(transition(requested, { type: 'approveLeave' }, secretary, at('07:30:00'), event));
    expect(approved.state).toBe('excused');
    expect(approved.history[1]).toEqual({
      at: at('07:30:00'),
      by: 's1',
      role: 'secretary',
      command: 'approveLeave',
      from: 'leaveRequested',
      to: 'excused',
    });
    expect(transition(approved, { type: 'approveLeave' }, secretary, at('07:31:00'), event)).toMatchObject({ ok: true, changed: false });
  });

  it('declined: back to expected, or absent once the event is closed', () => {
    const requested = run([[request, member, '07:00:00']]);
    expect(ok(transition(requested, { type: 'declineLeave', reason: '支委会议需本人参加' }, secretary, at('07:30:00'), event)).state).toBe(
      'expected',
    );
    const afterClose = transition(requested, { type: 'declineLeave' }, secretary, at('12:00:00'), closed);
    expect(ok(afterClose).state).toBe('absent');
  });

  it('needs a reason, the member themself, and time before the start', () => {
    expect(code(transition(fresh(), { type: 'requestLeave', reason: ' ' }, member, at('07:00:00'), event))).toBe(
      'ATTENDANCE.REASON_REQUIRED',
    );
    expect(code(transition(fresh(), request, otherMember, at('07:00:00'), event))).toBe('ATTENDANCE.FORBIDDEN');
    expect(code(transition(fresh(), request, member, at('09:00:00'), event))).toBe('ATTENDANCE.LEAVE_TOO_LATE');
    expect(code(transition(fresh(), request, member, at('07:00:00'), closed))).toBe('ATTENDANCE.EVENT_CLOSED');
  });

  it('is a no-op when repeated, and refused after checking in', () => {
    const requested = run([[request, member, '07:00:00']]);
    expect(transition(requested, request, member, at('07:01:00'), event)).toEqual({ ok: true, changed: false, record: requested });
    const present = run([[checkIn, member, '08:40:00']]);
    expect(code(transition(present, request, member, at('08:50:00'), event))).toBe('ATTENDANCE.ILLEGAL_TRANSITION');
  });

  it('is decided by the secretary only, and only when requested', () => {
    const requested = run([[request, member, '07:00:00']]);
    expect(code(transition(requested, { type: 'approveLeave' }, member, at('07:30:00'), event))).toBe('ATTENDANCE.FORBIDDEN');
    expect(code(transition(requested, { type: 'approveLeave' }, system, at('07:30:00'), event))).toBe('ATTENDANCE.FORBIDDEN');
    expect(code(transition(fresh(), { type: 'approveLeave' }, secretary, at('07:30:00'), event))).toBe('ATTENDANCE.NO_LEAVE_REQUEST');
    expect(code(transition(fresh(), { type: 'declineLeave' }, secretary, at('07:30:00'), event))).toBe('ATTENDANCE.NO_LEAVE_REQUEST');
  });
});

describe('manual marks', () => {
  it('need a reason', () => {
    for (const reason of ['', '   ']) {
      expect(code(transition(fresh(), { type: 'mark', to: 'present', reason }, secretary, at('09:00:00'), event))).toBe(
        'ATTENDANCE.REASON_REQUIRED',
      );
    }
  });

  it('record the secretary and the reason, and count as a manual check-in', () => {
    const result = transition(fresh(), { type: 'mark', to: 'present', reason: '老党员无智能手机' }, secretary, at('09:01:00'), event);
    const record = ok(result);
    expect(record).toMatchObject({ state: 'present', checkedInAt: at('09:01:00'), checkinMethod: 'manual' });
    expect(record.history).toEqual([
      { at: at('09:01:00'), by: 's1', role: 'secretary', command: 'mark', from: 'expected', to: 'present', reason: '老党员无智能手机' },
    ]);
  });

  it('correct a check-in, clearing its time', () => {
    const present = run([[checkIn, member, '08:40:00']]);
    const corrected = ok(transition(present, { type: 'mark', to: 'absent', reason: '他人代签' }, secretary, at('09:20:00'), event));
    expect(corrected).toMatchObject({ state: 'absent', checkedInAt: null, checkinMethod: null, flags: [] });
    expect(corrected.history.map((h) => `${h.from}→${h.to}`)).toEqual(['expected→present', 'present→absent']);
  });

  it('are by the secretary only; present/late only once check-in has opened', () => {
    expect(code(transition(fresh(), { type: 'mark', to: 'present', reason: 'x' }, member, at('09:00:00'), event))).toBe(
      'ATTENDANCE.FORBIDDEN',
    );
    expect(code(transition(fresh(), { type: 'mark', to: 'late', reason: 'x' }, secretary, at('08:00:00'), event))).toBe(
      'ATTENDANCE.CHECKIN_NOT_OPEN',
    );
    expect(ok(transition(fresh(), { type: 'mark', to: 'excused', reason: '电话请假' }, secretary, at('08:00:00'), event)).state).toBe(
      'excused',
    );
  });

  it('marking the current state changes nothing', () => {
    const present = run([[checkIn, member, '08:40:00']]);
    expect(transition(present, { type: 'mark', to: 'present', reason: '重复' }, secretary, at('09:00:00'), event)).toEqual({
      ok: true,
      changed: false,
      record: present,
    });
  });

  it('after the close only record an offline 补学 for excused or absent members', () => {
    const absent = ok(transition(fresh(), { type: 'close' }, secretary, at('11:30:00'), closed));
    expect(code(transition(absent, { type: 'mark', to: 'present', reason: '补登' }, secretary, at('12:00:00'), closed))).toBe(
      'ATTENDANCE.EVENT_CLOSED',
    );
    expect(code(transition(absent, { type: 'mark', to: 'excused', reason: '补登' }, secretary, at('12:00:00'), closed))).toBe(
      'ATTENDANCE.EVENT_CLOSED',
    );
    const madeUp = ok(transition(absent, { type: 'mark', to: 'madeUp', reason: '参加3月15日集中补学' }, secretary, at('12:00:00'), closed));
    expect(madeUp.state).toBe('madeUp');
    const present = run([[checkIn, member, '08:40:00']]);
    expect(code(transition(present, { type: 'mark', to: 'madeUp', reason: 'x' }, secretary, at('12:00:00'), closed))).toBe(
      'ATTENDANCE.ILLEGAL_TRANSITION',
    );
    expect(code(transition(madeUp, { type: 'mark', to: 'absent', reason: 'x' }, secretary, at('12:00:00'), closed))).toBe(
      'ATTENDANCE.ILLEGAL_TRANSITION',
    );
  });
});

describe('closing and 补学', () => {
  it('fixes absences on close and leaves every other state, including a pending leave request', () => {
    expect(ok(transition(fresh(), { type: 'close' }, system, at('11:30:00'), closed))).toMatchObject({
      state: 'absent',
      history: [{ by: 'system', role: 'system', command: 'close', from: 'expected', to: 'absent', at: at('11:30:00') }],
    });
    const requested = run([[{ type: 'requestLeave', reason: '出差' }, member, '07:00:00']]);
    const present = run([[checkIn, member, '08:40:00']]);
    for (const record of [requested, present]) {
      expect(transition(record, { type: 'close' }, secretary, at('11:30:00'), closed)).toEqual({ ok: true, changed: false, record });
    }
    expect(code(transition(fresh(), { type: 'close' }, member, at('11:30:00'), closed))).toBe('ATTENDANCE.FORBIDDEN');
  });

  it('turns excused or absent into madeUp when the make-up is completed, once', () => {
    const excused = run([
      [{ type: 'requestLeave', reason: '出差' }, member, '07:00:00'],
      [{ type: 'approveLeave' }, secretary, '07:30:00'],
    ]);
    const madeUp = ok(transition(excused, { type: 'completeMakeUp' }, system, at('12:00:00'), closed));
    expect(madeUp.state).toBe('madeUp');
    expect(transition(madeUp, { type: 'completeMakeUp' }, system, at('12:01:00'), closed)).toEqual({
      ok: true,
      changed: false,
      record: madeUp,
    });
    const absent = ok(transition(fresh(), { type: 'close' }, system, at('11:30:00'), closed));
    expect(ok(transition(absent, { type: 'completeMakeUp' }, system, at('13:00:00'), closed)).state).toBe('madeUp');
  });

  it('refuses make-up for attendees and from anyone but the system', () => {
    const present = run([[checkIn, member, '08:40:00']]);
    expect(code(transition(present, { type: 'completeMakeUp' }, system, at('12:00:00'), closed))).toBe('ATTENDANCE.ILLEGAL_TRANSITION');
    expect(code(transition(fresh(), { type: 'completeMakeUp' }, system, at('10:00:00'), event))).toBe('ATTENDANCE.ILLEGAL_TRANSITION');
    const absent = ok(transition(fresh(), { type: 'close' }, system, at('11:30:00'), closed));
    expect(code(transition(absent, { type: 'completeMakeUp' }, member, at('12:00:00'), closed))).toBe('ATTENDANCE.FORBIDDEN');
    expect(code(transition(absent, { type: 'completeMakeUp' }, secretary, at('12:00:00'), closed))).toBe('ATTENDANCE.FORBIDDEN');
  });
});

describe('history', () => {
  const journey = (): AttendanceRecord =>
    run([
      [{ type: 'requestLeave', reason: '出差' }, member, '07:00:00'],
      [{ type: 'declineLeave' }, secretary, '07:30:00'],
      [checkIn, member, '09:10:00'],
      [{ type: 'mark', to: 'present', reason: '因书记安排接待提前到场' }, secretary, '09:40:00'],
    ]);

  it('is appended, never rewritten, and replays to the state', () => {
    const record = journey();
    expect(record.state).toBe('present');
    expect(record.history.map((h) => [h.command, h.from, h.to])).toEqual([
      ['requestLeave', 'expected', 'leaveRequested'],
      ['declineLeave', 'leaveRequested', 'expected'],
      ['checkIn', 'expected', 'late'],
      ['mark', 'late', 'present'],
    ]);
    expect(historyIsConsistent(record)).toBe(true);
    expect(historyIsConsistent({ ...record, state: 'absent' })).toBe(false);
    expect(historyIsConsistent({ ...record, history: record.history.slice(1) })).toBe(false);
  });

  it('never modifies the input record', () => {
    const record = journey();
    const frozen = Object.freeze({ ...record, history: Object.freeze([...record.history]) });
    const snapshot = JSON.stringify(frozen);
    ok(transition(frozen, { type: 'mark', to: 'absent', reason: '核实' }, secretary, at('10:00:00'), event));
    expect(JSON.stringify(frozen)).toBe(snapshot);
  });

  it('lets a repository refuse writes that are not exactly one appended entry', () => {
    const before = journey();
    const after = ok(transition(before, { type: 'mark', to: 'absent', reason: '核实' }, secretary, at('10:00:00'), event));
    expect(extendsHistory(before, after)).toBe(true);
    expect(extendsHistory(before, before)).toBe(false);
    const rewritten = { ...after, history: [{ ...after.history[0]!, reason: '改写' }, ...after.history.slice(1)] };
    expect(extendsHistory(before, rewritten)).toBe(false);
    const backdated = { ...after, history: [{ ...after.history[0]!, at: at('06:00:00') }, ...after.history.slice(1)] };
    expect(extendsHistory(before, backdated)).toBe(false);
    expect(extendsHistory(before, { ...after, state: 'present' })).toBe(false);
  });
});

describe('self-dealing', () => {
  const ownRecord = (): AttendanceRecord => newAttendanceRecord('evt1', 's1');
  const asMember: Actor = { role: 'member', memberId: 's1' };

  it('refuses a secretary approving, declining or marking their own record', () => {
    const requested = ok(transition(ownRecord(), { type: 'requestLeave', reason: '出差' }, asMember, at('08:00:00'), event));
    expect(code(transition(requested, { type: 'approveLeave' }, secretary, at('08:10:00'), event))).toBe('ATTENDANCE.SELF_DEALING');
    expect(code(transition(requested, { type: 'declineLeave' }, secretary, at('08:10:00'), event))).toBe('ATTENDANCE.SELF_DEALING');
    expect(code(transition(ownRecord(), { type: 'mark', to: 'present', reason: '在场' }, secretary, at('09:10:00'), event))).toBe(
      'ATTENDANCE.SELF_DEALING',
    );
    const absent = ok(transition(ownRecord(), { type: 'close' }, system, at('11:30:00'), closed));
    expect(code(transition(absent, { type: 'mark', to: 'madeUp', reason: '已自学' }, secretary, at('12:00:00'), closed))).toBe(
      'ATTENDANCE.SELF_DEALING',
    );
  });

  it('lets the secretary check in with the code and make up through the system like everyone else', () => {
    expect(ok(transition(ownRecord(), checkIn, asMember, at('08:50:00'), event)).state).toBe('present');
    const absent = ok(transition(ownRecord(), { type: 'close' }, system, at('11:30:00'), closed));
    expect(ok(transition(absent, { type: 'completeMakeUp' }, system, at('12:00:00'), closed)).state).toBe('madeUp');
  });

  it('finds the self-made entries an older history holds', () => {
    const marked = ok(transition(fresh(), { type: 'mark', to: 'present', reason: '在场' }, secretary, at('09:10:00'), event));
    expect(selfMadeEntries(marked)).toEqual([]);
    const legacy = { ...marked, memberId: 's1' };
    expect(selfMadeEntries(legacy).map((entry) => entry.command)).toEqual(['mark']);
  });
});

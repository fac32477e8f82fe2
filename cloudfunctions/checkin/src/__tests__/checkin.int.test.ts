import type { CheckinEventSummary, Envelope, MemberEvent, MyAttendance, SheetRow, AttendanceTally } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { historyIsConsistent, monthOf, type AttendanceRecord } from '@zbxx/domain';
import { codeAtStep, timeStep } from '@zbxx/domain/src/checkin/code';
import type { MemberDoc } from '@zbxx/server';
import { startTestCloud, type TestCloud } from '@zbxx/testing';

jest.setTimeout(30_000);

// The instant this suite runs at (10:00 Beijing, after the demo's 08:30 event began), frozen so TOTP steps are exact.
const NOW = new Date('2026-12-08T10:00:00+08:00');
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, studyMonth: monthOf(NOW), today: NOW });
const { members } = county.collections;
const secretary = members.find((m) => m.openid === DEMO_OPENIDS.secretary)!;
const demoMember = members.find((m) => m.openid === DEMO_OPENIDS.member)!;
// More bound members of demo-secretary's branch, so each case has a fresh person.
const helpers = members.filter((m) => m.branchId === secretary.branchId && !m.openid && m._id !== secretary._id).slice(0, 4);
const seededMembers: MemberDoc[] = members.map((m) => {
  const index = helpers.indexOf(m);
  return index >= 0 ? { ...m, openid: `it-member-${index}` } : m;
});
// demo-secretary2's branch grown past the 500 members one close may mark (a 党支部 that big should not exist).
const secretary2 = members.find((m) => m.openid === DEMO_OPENIDS.secretary2)!;
const bigBranchTemplate = members.find((m) => m.branchId === secretary2.branchId && !m.openid)!;
const bigBranchExtras: MemberDoc[] = Array.from({ length: 500 }, (_, i) => ({
  ...bigBranchTemplate,
  _id: `it-big-${i}`,
  name: `党员${i}`,
  roles: [],
}));
const [alice, bob, carol, dave] = helpers.map((_, i) => `it-member-${i}`) as [string, string, string, string];
const memberIdOf = (openid: string) => seededMembers.find((m) => m.openid === openid)!._id;

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({
    functions: ['checkin'],
    now: NOW,
    frozen: true,
    seed: { ...county.collections, members: [...seededMembers, ...bigBranchExtras] } as unknown as Record<string, object[]>,
  });
}, 60_000);
afterAll(async () => {
  await cloud?.close();
});

const call = <T>(action: string, data: unknown, openid: string) => cloud.call<Envelope<T>>('checkin', { action, data }, openid);
const ok = <T>(reply: Envelope<T>): T => {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const errorCode = (reply: Envelope<unknown>) => (reply.ok ? null : reply.error.code);
const MINUTE = 60_000;
const at = (offsetMinutes: number) => new Date(cloud.clock.now() + offsetMinutes * MINUTE).toISOString();
const secretOf = (eventId: string) => (cloud.engine.find('checkinEvents', { _id: eventId })[0] as unknown as { secret: string }).secret;
const codeNow = (eventId: string, stepsBack = 0) => codeAtStep(secretOf(eventId), timeStep(cloud.clock.date()) - stepsBack);
const record = (eventId: string, memberId: string) =>
  cloud.engine.find('attendance', { _id: `${eventId}_${memberId}` })[0] as unknown as AttendanceRecord | undefined;

async function createEvent(fields: Record<string, unknown> = {}, openid: string = DEMO_OPENIDS.secretary): Promise<CheckinEventSummary> {
  // A second passes between two events (the clock is frozen): the latest event starts last, as in real use.
  cloud.clock.advance(1000);
  const { result } = await call<{ event: CheckinEventSummary }>(
    'saveEvent',
    { place: '东关社区党群服务中心', startsAt: at(10), endsAt: at(120), checkinOpensAt: at(-5), ...fields },
    openid,
  );
  return ok(result).event;
}

describe('events', () => {
  it('lets the secretary create an event for the branch with the month plan’s theme, and nobody else', async () => {
    const event = await createEvent();
    expect(event).toMatchObject({ branchId: secretary.branchId, phase: 'open' });
    expect(event.theme.length).toBeGreaterThan(0);
    expect(event).not.toHaveProperty('secret');
    expect(errorCode((await call('saveEvent', { place: '会议室', startsAt: at(10), endsAt: at(60) }, DEMO_OPENIDS.member)).result)).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(errorCode((await call('saveEvent', { place: '会议室', startsAt: at(60), endsAt: at(10) }, DEMO_OPENIDS.secretary)).result)).toBe(
      'INPUT.INVALID',
    );
    const listed = ok((await call<{ events: CheckinEventSummary[] }>('listEvents', {}, DEMO_OPENIDS.secretary)).result);
    expect(listed.events.map((e) => e.eventId)).toContain(event.eventId);
  });

  it('keeps another branch’s secretary out of the event, its code and its sheet', async () => {
    const event = await createEvent();
    for (const [action, data] of [
      ['currentCode', { eventId: event.eventId }],
      ['sheet', { eventId: event.eventId }],
      ['mark', { eventId: event.eventId, memberId: demoMember._id, to: 'present', reason: '代签' }],
      ['closeEvent', { eventId: event.eventId }],
      ['saveEvent', { eventId: event.eventId, place: '别处', startsAt: at(10), endsAt: at(60) }],
      ['removeEvent', { eventId: event.eventId }],
    ] as const) {
      expect([action, errorCode((await call(action, data, DEMO_OPENIDS.secretary2)).result)]).toEqual([action, 'AUTH.FORBIDDEN']);
    }
    expect(errorCode((await call('currentCode', { eventId: event.eventId }, DEMO_OPENIDS.member)).result)).toBe('AUTH.FORBIDDEN');
  });

  it('deletes an event without attendance, and refuses once anyone has a record', async () => {
    const empty = await createEvent({ startsAt: at(60 * 24), endsAt: at(60 * 26), checkinOpensAt: undefined });
    ok((await call('removeEvent', { eventId: empty.eventId }, DEMO_OPENIDS.secretary)).result);
    expect(cloud.engine.find('checkinEvents', { _id: empty.eventId })).toHaveLength(0);
    const used = await createEvent({ startsAt: at(60 * 24), endsAt: at(60 * 26), checkinOpensAt: undefined });
    ok((await call('requestLeave', { eventId: used.eventId, reason: '出差' }, bob)).result);
    expect(errorCode((await call('removeEvent', { eventId: used.eventId }, DEMO_OPENIDS.secretary)).result)).toBe('CONFLICT');
  });
});

describe('rotating code check-in', () => {
  it('gives the secretary the current code and QR payload, and refuses it outside check-in time', async () => {
    const event = await createEvent();
    const { result, dbRequests } = await call<{ code: string; payload: string; validUntil: string }>(
      'currentCode',
      { eventId: event.eventId },
      DEMO_OPENIDS.secretary,
    );
    const shown = ok(result);
    expect(shown.code).toMatch(/^\d{6}$/);
    expect(shown.payload).toBe(`zbxx:checkin:${event.eventId}:${shown.code}`);
    expect(new Date(shown.validUntil).getTime() - cloud.clock.now()).toBeLessThanOrEqual(30_000);
    expect(dbRequests).toBeLessThanOrEqual(2);
    const later = await createEvent({ startsAt: at(60 * 24), endsAt: at(60 * 26), checkinOpensAt: undefined });
    expect(errorCode((await call('currentCode', { eventId: later.eventId }, DEMO_OPENIDS.secretary)).result)).toBe('CHECKIN.NOT_OPEN');
  });

  it('accepts the current and the previous step, refuses an older code, and counts a repeated check-in once', async () => {
    const event = await createEvent();
    const stale = codeNow(event.eventId, 2);
    expect(errorCode((await call('checkIn', { eventId: event.eventId, code: stale }, DEMO_OPENIDS.member)).result)).toBe(
      'CHECKIN.BAD_CODE',
    );
    expect(record(event.eventId, demoMember._id)).toBeUndefined();

    const previous = codeNow(event.eventId, 1);
    const first = await call<{ mine: MyAttendance; alreadyCheckedIn: boolean }>(
      'checkIn',
      { eventId: event.eventId, code: previous },
      DEMO_OPENIDS.member,
    );
    expect(ok(first.result)).toMatchObject({ mine: { state: 'present' }, alreadyCheckedIn: false });
    // Caller, event, and one transaction reading the record and the code lockout and writing both (the
    // lockout is charged in the transaction that checks the code, refunded when right).
    expect(first.dbRequests).toBeLessThanOrEqual(8);

    // The same request retried (even with a code that has expired meanwhile) changes nothing.
    const again = ok(
      (
        await call<{ mine: MyAttendance; alreadyCheckedIn: boolean }>(
          'checkIn',
          { eventId: event.eventId, code: stale },
          DEMO_OPENIDS.member,
        )
      ).result,
    );
    expect(again).toMatchObject({ mine: { state: 'present' }, alreadyCheckedIn: true });
    const stored = record(event.eventId, demoMember._id)!;
    expect(stored.history).toHaveLength(1);
    expect(stored.history[0]).toMatchObject({ command: 'checkIn', from: 'expected', to: 'present', by: demoMember._id });

    // A scanned payload with the current code, typed with full-width digits, also works.
    const scanned = ok(
      (await call<{ mine: MyAttendance }>('checkIn', { payload: `zbxx:checkin:${event.eventId}:${codeNow(event.eventId)}` }, alice)).result,
    );
    expect(scanned.mine.state).toBe('present');
    const typed = codeNow(event.eventId).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(ok((await call<{ mine: MyAttendance }>('checkIn', { code: ` ${typed} ` }, bob)).result).mine.state).toBe('present');
  });

  it('keeps a member of another branch out, whatever the code', async () => {
    const event = await createEvent();
    const reply = await call('checkIn', { payload: `zbxx:checkin:${event.eventId}:${codeNow(event.eventId)}` }, DEMO_OPENIDS.member2);
    expect(errorCode(reply.result)).toBe('AUTH.FORBIDDEN');
    expect(errorCode((await call('checkIn', { payload: 'https://example.com/pay' }, DEMO_OPENIDS.member)).result)).toBe('CHECKIN.BAD_CODE');
  });

  it('locks out a member who keeps guessing codes, before checking the next one', async () => {
    const event = await createEvent();
    const right = codeNow(event.eventId);
    const wrong = right === '000000' ? '000001' : '000000';
    for (let i = 0; i < 10; i += 1) {
      expect(errorCode((await call('checkIn', { eventId: event.eventId, code: wrong }, DEMO_OPENIDS.secretary)).result)).toBe(
        'CHECKIN.BAD_CODE',
      );
    }
    expect(
      errorCode((await call('checkIn', { eventId: event.eventId, code: codeNow(event.eventId) }, DEMO_OPENIDS.secretary)).result),
    ).toBe('AUTH.RATE_LIMITED');
    expect(record(event.eventId, secretary._id)).toBeUndefined();
  });

  it('counts a check-in after the late threshold as 迟到', async () => {
    const event = await createEvent({ startsAt: at(-20), lateAfter: at(-10), checkinOpensAt: at(-40) });
    expect(
      ok((await call<{ mine: MyAttendance }>('checkIn', { eventId: event.eventId, code: codeNow(event.eventId) }, carol)).result).mine
        .state,
    ).toBe('late');
  });

  it('flags a check-in from outside a flag geofence and refuses it under a strict one', async () => {
    const center = { latitude: 34.7466, longitude: 113.6254 };
    const far = { latitude: 34.7666, longitude: 113.6254 };
    const flagged = await createEvent({ geofence: { center, radiusMetres: 200, policy: 'flag' } });
    const reply = ok(
      (
        await call<{ mine: MyAttendance }>(
          'checkIn',
          { eventId: flagged.eventId, code: codeNow(flagged.eventId), position: far },
          DEMO_OPENIDS.member,
        )
      ).result,
    );
    expect(reply.mine).toMatchObject({ state: 'present', flags: ['OUTSIDE_GEOFENCE'] });
    const strict = await createEvent({ geofence: { center, radiusMetres: 200, policy: 'strict' } });
    expect(
      errorCode(
        (await call('checkIn', { eventId: strict.eventId, code: codeNow(strict.eventId), position: far }, DEMO_OPENIDS.member)).result,
      ),
    ).toBe('CHECKIN.OUTSIDE_GEOFENCE');
    expect(errorCode((await call('checkIn', { eventId: strict.eventId, code: codeNow(strict.eventId) }, DEMO_OPENIDS.member)).result)).toBe(
      'CHECKIN.LOCATION_REQUIRED',
    );
    const inside = ok(
      (
        await call<{ mine: MyAttendance }>(
          'checkIn',
          { eventId: strict.eventId, code: codeNow(strict.eventId), position: { ...center, accuracyMetres: 30 } },
          DEMO_OPENIDS.member,
        )
      ).result,
    );
    expect(inside.mine).toMatchObject({ state: 'present', flags: [] });
  });
});

describe('leave, manual marks, closing and the sheet', () => {
  it('runs a whole event: leave approved and declined, a manual mark with a reason, close → 缺席, history for every change', async () => {
    const event = await createEvent({ startsAt: at(30), checkinOpensAt: at(-5), endsAt: at(150) });
    const eventId = event.eventId;
    ok((await call('requestLeave', { eventId, reason: '在县医院陪护' }, alice)).result);
    ok((await call('requestLeave', { eventId, reason: '家中有事' }, bob)).result);
    expect(errorCode((await call('requestLeave', { eventId, reason: '   ' }, carol)).result)).toBe('INPUT.INVALID');
    expect(errorCode((await call('decideLeave', { eventId, memberId: memberIdOf(alice), approve: true }, alice)).result)).toBe(
      'AUTH.FORBIDDEN',
    );
    const approved = ok(
      (await call<{ row: SheetRow }>('decideLeave', { eventId, memberId: memberIdOf(alice), approve: true }, DEMO_OPENIDS.secretary))
        .result,
    );
    expect(approved.row).toMatchObject({ state: 'excused', leaveReason: '在县医院陪护' });
    ok(
      (
        await call(
          'decideLeave',
          { eventId, memberId: memberIdOf(bob), approve: false, reason: '活动重要，请安排时间参加' },
          DEMO_OPENIDS.secretary,
        )
      ).result,
    );

    // A manual mark needs a reason and leaves the record untouched without one.
    expect(
      errorCode((await call('mark', { eventId, memberId: memberIdOf(dave), to: 'present', reason: '' }, DEMO_OPENIDS.secretary)).result),
    ).toBe('ATTENDANCE.REASON_REQUIRED');
    expect(
      errorCode((await call('mark', { eventId, memberId: memberIdOf(dave), to: 'present', reason: '  ' }, DEMO_OPENIDS.secretary)).result),
    ).toBe('ATTENDANCE.REASON_REQUIRED');
    expect(record(eventId, memberIdOf(dave))).toBeUndefined();
    const marked = await call<{ row: SheetRow }>(
      'mark',
      { eventId, memberId: memberIdOf(dave), to: 'present', reason: '老党员无智能手机，现场登记' },
      DEMO_OPENIDS.secretary,
    );
    expect(ok(marked.result).row).toMatchObject({ state: 'present', checkinMethod: 'manual' });
    expect(ok(marked.result).row.history).toEqual([
      expect.objectContaining({
        command: 'mark',
        from: 'expected',
        to: 'present',
        reason: '老党员无智能手机，现场登记',
        byName: secretary.name,
        role: 'secretary',
      }),
    ]);
    // A member of another branch cannot be put on this sheet.
    const outsider = members.find((m) => m.branchId !== secretary.branchId)!;
    expect(
      errorCode((await call('mark', { eventId, memberId: outsider._id, to: 'present', reason: '代签' }, DEMO_OPENIDS.secretary)).result),
    ).toBe('NOT_FOUND');

    ok((await call('checkIn', { eventId, code: codeNow(eventId) }, DEMO_OPENIDS.member)).result);

    const live = await call<{ rows: SheetRow[]; tally: AttendanceTally }>('sheet', { eventId }, DEMO_OPENIDS.secretary);
    const sheet = ok(live.result);
    expect(live.dbRequests).toBeLessThanOrEqual(4);
    const branchSize = members.filter((m) => m.branchId === secretary.branchId).length;
    expect(sheet.rows).toHaveLength(branchSize);
    expect(sheet.tally).toMatchObject({ present: 2, excused: 1, expected: branchSize - 3 });

    const closing = await call<{ tally: AttendanceTally; event: CheckinEventSummary }>('closeEvent', { eventId }, DEMO_OPENIDS.secretary);
    expect(errorCode(closing.result)).toBe('INPUT.INVALID'); // not started yet
  });

  it('closes a started event: everyone who never came is 缺席, and the closed sheet can’t be rewritten', async () => {
    const event = await createEvent({ startsAt: at(-30), checkinOpensAt: at(-40), lateAfter: at(-20), endsAt: at(60) });
    const eventId = event.eventId;
    ok((await call('checkIn', { eventId, code: codeNow(eventId) }, DEMO_OPENIDS.member)).result);
    ok((await call('mark', { eventId, memberId: memberIdOf(alice), to: 'absent', reason: '未到场' }, DEMO_OPENIDS.secretary)).result);
    ok(
      (await call('mark', { eventId, memberId: memberIdOf(alice), to: 'late', reason: '会后补登：实际迟到15分钟' }, DEMO_OPENIDS.secretary))
        .result,
    );

    const closing = await call<{ tally: AttendanceTally; event: CheckinEventSummary }>('closeEvent', { eventId }, DEMO_OPENIDS.secretary);
    const closed = ok(closing.result);
    const branchSize = members.filter((m) => m.branchId === secretary.branchId).length;
    expect(closed.event.phase).toBe('closed');
    expect(closed.tally).toMatchObject({ late: 2, absent: branchSize - 2, expected: 0 });
    // Closing again finds nobody left to mark.
    expect(ok((await call<{ tally: AttendanceTally }>('closeEvent', { eventId }, DEMO_OPENIDS.secretary)).result).tally).toEqual(
      closed.tally,
    );

    const carolRecord = record(eventId, memberIdOf(carol))!;
    expect(carolRecord.state).toBe('absent');
    expect(carolRecord.history).toEqual([expect.objectContaining({ command: 'close', by: 'system', from: 'expected', to: 'absent' })]);
    const aliceHistory = record(eventId, memberIdOf(alice))!.history.map((h) => `${h.from}>${h.to}`);
    expect(aliceHistory).toEqual(['expected>absent', 'absent>late']);

    // After the close: no check-in, no mark but 补学, no edits of the event, no history through any action.
    expect(errorCode((await call('checkIn', { eventId, code: codeNow(eventId) }, carol)).result)).toBe('ATTENDANCE.CHECKIN_CLOSED');
    expect(
      errorCode(
        (await call('mark', { eventId, memberId: memberIdOf(carol), to: 'present', reason: '补登' }, DEMO_OPENIDS.secretary)).result,
      ),
    ).toBe('ATTENDANCE.EVENT_CLOSED');
    expect(
      errorCode((await call('saveEvent', { eventId, place: '改地点', startsAt: at(-30), endsAt: at(60) }, DEMO_OPENIDS.secretary)).result),
    ).toBe('ATTENDANCE.EVENT_CLOSED');
    expect(errorCode((await call('removeEvent', { eventId }, DEMO_OPENIDS.secretary)).result)).toBe('CONFLICT');
    expect(
      errorCode(
        (await call('mark', { eventId, memberId: memberIdOf(carol), to: 'madeUp', reason: '补学', history: [] }, DEMO_OPENIDS.secretary))
          .result,
      ),
    ).toBe('INPUT.INVALID');
    ok(
      (await call('mark', { eventId, memberId: memberIdOf(carol), to: 'madeUp', reason: '已参加支部集中补学' }, DEMO_OPENIDS.secretary))
        .result,
    );
    expect(record(eventId, memberIdOf(carol))!.history.map((h) => h.to)).toEqual(['absent', 'madeUp']);

    for (const doc of cloud.engine.find('attendance', { eventId }) as unknown as AttendanceRecord[]) {
      expect(historyIsConsistent({ ...doc, history: doc.history.map((h) => ({ ...h, at: new Date(h.at) })) })).toBe(true);
    }
  });

  // Found in review: the roster query stops at 1,000, so members past it were never marked 缺席. A branch is far
  // smaller; one this big is refused whole rather than closed in part.
  it('refuses to close an event of a branch bigger than one close may mark, and changes nothing', async () => {
    const { eventId } = await createEvent(
      { startsAt: at(-30), checkinOpensAt: at(-40), lateAfter: at(-20), endsAt: at(60) },
      DEMO_OPENIDS.secretary2,
    );
    const before = cloud.snapshot(['checkinEvents', 'attendance', 'auditLog']);
    const closing = (await call('closeEvent', { eventId }, DEMO_OPENIDS.secretary2)).result;
    expect(closing).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID', message: expect.stringContaining('超过 500 人') } });
    expect(cloud.snapshot(['checkinEvents', 'attendance', 'auditLog'])).toEqual(before);
  });
});

/** Answers the member's 补学 paper with the key the server stored (the test can read the database). */
async function passMakeUpQuiz(eventId: string, openid: string, memberId: string): Promise<void> {
  const { paperId } = ok((await call<{ paperId: string }>('makeUpQuizStart', { eventId }, openid)).result);
  const paper = cloud.engine.find('checkinMakeUpQuizzes', { _id: `${eventId}_${memberId}` })[0] as unknown as {
    items: { questionId: string; key: string[]; order: string[] }[];
  };
  const answers = Object.fromEntries(
    paper.items.map((item) => [item.questionId, item.order.flatMap((id, i) => (item.key.includes(id) ? ['ABCDEFGHIJ'[i]!] : []))]),
  );
  expect(
    ok((await call<{ result: { passed: boolean } }>('makeUpQuizSubmit', { eventId, paperId, answers }, openid)).result).result.passed,
  ).toBe(true);
}

describe('member views, make-up and reminders', () => {
  it('completes 补学 only when the event’s materials are read and its quiz is passed', async () => {
    const progress = county.collections.studyProgress.filter((row) => row.memberId === demoMember._id);
    const read = progress.find((row) => row.completedAt)!.materialId;
    const unread = county.collections.studyMaterials
      .map((m) => m._id)
      .find((id) => !progress.some((row) => row.materialId === id && row.completedAt))!;
    const done = await createEvent({ startsAt: at(-30), checkinOpensAt: at(-40), endsAt: at(60), materialIds: [read] });
    const notDone = await createEvent({ startsAt: at(-30), checkinOpensAt: at(-40), endsAt: at(60), materialIds: [read, unread] });
    expect(errorCode((await call('completeMakeUp', { eventId: done.eventId }, DEMO_OPENIDS.member)).result)).toBe(
      'ATTENDANCE.ILLEGAL_TRANSITION',
    );
    ok((await call('closeEvent', { eventId: done.eventId }, DEMO_OPENIDS.secretary)).result);
    ok((await call('closeEvent', { eventId: notDone.eventId }, DEMO_OPENIDS.secretary)).result);

    const view = ok(
      (
        await call<{ materials: { materialId: string; completed: boolean }[]; mine: MyAttendance }>(
          'makeUp',
          { eventId: notDone.eventId },
          DEMO_OPENIDS.member,
        )
      ).result,
    );
    expect(view.mine.state).toBe('absent');
    expect(view.materials).toEqual([
      expect.objectContaining({ materialId: read, completed: true }),
      expect.objectContaining({ materialId: unread, completed: false }),
    ]);
    expect(errorCode((await call('completeMakeUp', { eventId: notDone.eventId }, DEMO_OPENIDS.member)).result)).toBe(
      'CHECKIN.MAKEUP_INCOMPLETE',
    );
    // Materials read is not enough: the 补学 quiz must be passed too (make-up-quiz.int.test.ts covers it in full).
    expect(errorCode((await call('completeMakeUp', { eventId: done.eventId }, DEMO_OPENIDS.member)).result)).toBe(
      'CHECKIN.MAKEUP_INCOMPLETE',
    );
    await passMakeUpQuiz(done.eventId, DEMO_OPENIDS.member, demoMember._id);
    const made = ok((await call<{ mine: MyAttendance }>('completeMakeUp', { eventId: done.eventId }, DEMO_OPENIDS.member)).result);
    expect(made.mine.state).toBe('madeUp');
    expect(record(done.eventId, demoMember._id)!.history.map((h) => `${h.command}:${h.to}`)).toEqual([
      'close:absent',
      'completeMakeUp:madeUp',
    ]);
  });

  it('shows the member the next event with their state, within 4 database requests', async () => {
    const { result, dbRequests } = await call<{ next: MemberEvent | null; recent: MemberEvent[] }>('myEvents', {}, DEMO_OPENIDS.member);
    const data = ok(result);
    // The next one is the earliest event not yet over (earlier tests left several running).
    const running = (
      cloud.engine.find('checkinEvents', { branchId: secretary.branchId, closedAt: null }) as unknown as {
        _id: string;
        startsAt: Date;
        endsAt: Date;
      }[]
    )
      .filter((e) => new Date(e.endsAt).getTime() > cloud.clock.now())
      .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
    expect(data.next?.event.eventId).toBe(running[0]?._id);
    expect(data.next?.mine.state).toBe(record(running[0]!._id, demoMember._id)?.state ?? 'expected');
    expect(data.recent.length).toBeLessThanOrEqual(12);
    expect(dbRequests).toBeLessThanOrEqual(4);
    // Another branch: only its own (demo) past events, closed, with the member's recorded state.
    const other = ok((await call<{ next: MemberEvent | null; recent: MemberEvent[] }>('myEvents', {}, DEMO_OPENIDS.member2)).result);
    const member2 = members.find((m) => m.openid === DEMO_OPENIDS.member2)!;
    expect(other.next).toBeNull();
    expect(other.recent.map((e) => e.event.branchId)).toEqual([member2.branchId, member2.branchId]);
    expect(other.recent.every((e) => e.event.phase === 'closed' && e.mine.state !== 'expected')).toBe(true);
  });

  it('sends the day-before reminder once, to those who subscribed, when it is due', async () => {
    const soon = await createEvent({ startsAt: at(60), checkinOpensAt: at(30), endsAt: at(120), theme: '重温入党誓词主题党日' });
    const later = await createEvent({ startsAt: at(60 * 72), checkinOpensAt: undefined, endsAt: at(60 * 74) });
    ok((await call('subscribeReminder', { eventId: soon.eventId }, DEMO_OPENIDS.member)).result);
    ok((await call('subscribeReminder', { eventId: later.eventId }, DEMO_OPENIDS.member)).result);
    expect(errorCode((await call('sendDueReminders', {}, DEMO_OPENIDS.member)).result)).toBe('AUTH.FORBIDDEN');
    const sent = ok((await call<{ sent: number; failed: number }>('sendDueReminders', {}, DEMO_OPENIDS.secretary)).result);
    expect(sent).toEqual({ sent: 1, failed: 0 });
    const messages = cloud.devcloud.outbox.list({ touser: DEMO_OPENIDS.member });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ templateId: 'tmpl-partyday-reminder', page: 'pages/party-day/index', functionName: 'checkin' });
    expect(messages[0]!.data).toMatchObject({ thing1: { value: '重温入党誓词主题党日' } });
    expect(ok((await call<{ sent: number }>('sendDueReminders', {}, DEMO_OPENIDS.secretary)).result).sent).toBe(0);
    const mine = ok((await call<{ next: MemberEvent | null; recent: MemberEvent[] }>('myEvents', {}, DEMO_OPENIDS.member)).result);
    expect([mine.next, ...mine.recent].find((e) => e?.event.eventId === later.eventId)?.reminderSubscribed).toBe(true);
  });
});

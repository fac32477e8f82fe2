import type { CheckinEventSummary, Envelope, MakeUpQuizResult, MakeUpQuizStatus, MyAttendance, QuizPublicQuestion } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import type { MakeUpQuizDoc } from '@zbxx/server';
import { startTestCloud, type TestCloud } from '@zbxx/testing';

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');

jest.setTimeout(30_000);

const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, studyMonth: monthOf(NOW), today: NOW });
const demoMember = county.collections.members.find((m) => m.openid === DEMO_OPENIDS.member)!;
const progress = county.collections.studyProgress.filter((row) => row.memberId === demoMember._id);
const readMaterial = progress.find((row) => row.completedAt)!.materialId;
// A material a published plan reaching the member's branch hands out (only those can be make-up reading).
const unreadMaterial = county.collections.studyPlans
  .filter((plan) => plan.status === 'published' && demoMember.orgPath.includes(plan.orgId))
  .flatMap((plan) => plan.materialIds)
  .find((id) => !progress.some((row) => row.materialId === id && row.completedAt))!;

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ now: NOW, functions: ['checkin'], seed: county.collections as unknown as Record<string, object[]> });
}, 60_000);
afterAll(async () => {
  await cloud?.close();
});

const MINUTE = 60_000;
const at = (offsetMinutes: number) => new Date(cloud.clock.now() + offsetMinutes * MINUTE).toISOString();
const call = <T>(action: string, data: unknown, openid: string = DEMO_OPENIDS.member) =>
  cloud.call<Envelope<T>>('checkin', { action, data }, openid);
const ok = <T>(reply: Envelope<T>): T => {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const errorOf = (reply: Envelope<unknown>) => (reply.ok ? null : reply.error);

interface StartReply {
  paperId: string;
  questions: QuizPublicQuestion[];
  passMark: number;
  quiz: MakeUpQuizStatus;
}
interface SubmitReply {
  result: MakeUpQuizResult;
  quiz: MakeUpQuizStatus;
}

const stored = (eventId: string) =>
  cloud.engine.find('checkinMakeUpQuizzes', { _id: `${eventId}_${demoMember._id}` })[0] as unknown as MakeUpQuizDoc | undefined;
const LABELS = 'ABCDEFGHIJ';
/** The answers a member who knows the key would give (right) or one that picks a wrong option everywhere. */
function answersFor(eventId: string, right: boolean): Record<string, string[]> {
  const doc = stored(eventId)!;
  return Object.fromEntries(
    doc.items.map((item) => {
      const positions = item.order.map((id, position) => ({ id, position })).filter(({ id }) => item.key.includes(id) === right);
      return [item.questionId, (right ? positions : positions.slice(0, 1)).map(({ position }) => LABELS[position]!)];
    }),
  );
}

/** A closed event of demo-member's branch at which the member was absent. */
async function missedEvent(materialIds: string[], fields: Record<string, unknown> = {}): Promise<CheckinEventSummary> {
  const { event } = ok(
    (
      await call<{ event: CheckinEventSummary }>(
        'saveEvent',
        { place: '党群服务中心', startsAt: at(-30), checkinOpensAt: at(-40), endsAt: at(60), materialIds, ...fields },
        DEMO_OPENIDS.secretary,
      )
    ).result,
  );
  ok((await call('closeEvent', { eventId: event.eventId }, DEMO_OPENIDS.secretary)).result);
  return event;
}

const LEAKS = /"(key|explanation|citation|order|items)"/;

describe('补学 quiz', () => {
  it('gives a member who missed the event the same keyless paper until it is submitted, and nobody else a paper', async () => {
    const event = await missedEvent([readMaterial]);
    const first = ok((await call<StartReply>('makeUpQuizStart', { eventId: event.eventId })).result);
    expect(first.questions).toHaveLength(5);
    expect(first.passMark).toBe(60);
    expect(first.quiz).toEqual({ passed: false, last: null });
    for (const question of first.questions) expect(Object.keys(question).sort()).toEqual(['id', 'options', 'points', 'stem', 'type']);
    const again = await call<StartReply>('makeUpQuizStart', { eventId: event.eventId });
    expect(ok(again.result).paperId).toBe(first.paperId);
    expect(ok(again.result).questions).toEqual(first.questions);
    const view = await call('makeUp', { eventId: event.eventId });
    for (const reply of [first, again.result, view.result]) expect(JSON.stringify(reply)).not.toMatch(LEAKS);
    // The key is on the server, for scoring.
    expect(stored(event.eventId)!.items.every((item) => item.key.length > 0)).toBe(true);

    // Another branch's member can't see it; the secretary (present at nothing, but not absent either) has nothing to make up.
    expect(errorOf((await call('makeUpQuizStart', { eventId: event.eventId }, DEMO_OPENIDS.member2)).result)?.code).toBe('AUTH.FORBIDDEN');
    const open = ok(
      (
        await call<{ event: CheckinEventSummary }>(
          'saveEvent',
          { place: '党群服务中心', startsAt: at(30), endsAt: at(90) },
          DEMO_OPENIDS.secretary,
        )
      ).result,
    ).event;
    expect(errorOf((await call('makeUpQuizStart', { eventId: open.eventId })).result)?.code).toBe('ATTENDANCE.ILLEGAL_TRANSITION');
  });

  it('leaves the make-up incomplete after a failed quiz, changes nothing on a replayed submit, and draws a new paper', async () => {
    const event = await missedEvent([readMaterial]);
    const { paperId } = ok((await call<StartReply>('makeUpQuizStart', { eventId: event.eventId })).result);
    const wrong = answersFor(event.eventId, false);
    const failed = ok((await call<SubmitReply>('makeUpQuizSubmit', { eventId: event.eventId, paperId, answers: wrong })).result);
    // Pass or fail only: no score, no count of right answers.
    expect(Object.keys(failed.result).sort()).toEqual(['passed', 'submittedAt']);
    expect(failed.result.passed).toBe(false);
    expect(failed.quiz.passed).toBe(false);

    const before = cloud.snapshot(['checkinMakeUpQuizzes', 'attendance']);
    const replay = ok(
      (await call<SubmitReply>('makeUpQuizSubmit', { eventId: event.eventId, paperId, answers: answersFor(event.eventId, true) })).result,
    );
    expect(replay).toEqual(failed);
    expect(cloud.snapshot(['checkinMakeUpQuizzes', 'attendance'])).toEqual(before);

    const incomplete = errorOf((await call('completeMakeUp', { eventId: event.eventId })).result);
    expect(incomplete).toEqual({ code: 'CHECKIN.MAKEUP_INCOMPLETE', message: '补学测验尚未通过' });
    const view = ok((await call<{ mine: MyAttendance; quiz: MakeUpQuizStatus }>('makeUp', { eventId: event.eventId })).result);
    expect(view.mine.state).toBe('absent');
    expect(view.quiz).toEqual({ passed: false, last: failed.result });

    const retry = ok((await call<StartReply>('makeUpQuizStart', { eventId: event.eventId })).result);
    expect(retry.paperId).not.toBe(paperId);
    expect(errorOf((await call('makeUpQuizSubmit', { eventId: event.eventId, paperId, answers: wrong })).result)?.code).toBe('CONFLICT');

    // Three papers per member and event, then no more.
    ok(
      (await call('makeUpQuizSubmit', { eventId: event.eventId, paperId: retry.paperId, answers: answersFor(event.eventId, false) }))
        .result,
    );
    const third = ok((await call<StartReply>('makeUpQuizStart', { eventId: event.eventId })).result);
    ok(
      (await call('makeUpQuizSubmit', { eventId: event.eventId, paperId: third.paperId, answers: answersFor(event.eventId, false) }))
        .result,
    );
    expect(stored(event.eventId)!.papers).toBe(3);
    expect(errorOf((await call('makeUpQuizStart', { eventId: event.eventId })).result)?.code).toBe('CHECKIN.MAKEUP_QUIZ_EXHAUSTED');
  });

  it('records 补学 once the materials are read and the quiz is passed, and not before', async () => {
    const event = await missedEvent([readMaterial]);
    const unread = await missedEvent([readMaterial, unreadMaterial]);
    for (const { eventId } of [event, unread]) {
      const { paperId, questions } = ok((await call<StartReply>('makeUpQuizStart', { eventId })).result);
      const right = answersFor(eventId, true);
      expect(Object.keys(right).sort()).toEqual(questions.map((q) => q.id).sort());
      const passed = ok((await call<SubmitReply>('makeUpQuizSubmit', { eventId, paperId, answers: right })).result);
      expect(passed.result).toEqual({ passed: true, submittedAt: expect.any(String) });
      expect(passed.quiz.passed).toBe(true);
      // A replay with other answers can't lower (or change) the stored result.
      const before = cloud.snapshot(['checkinMakeUpQuizzes']);
      expect(ok((await call<SubmitReply>('makeUpQuizSubmit', { eventId, paperId, answers: answersFor(eventId, false) })).result)).toEqual(
        passed,
      );
      expect(cloud.snapshot(['checkinMakeUpQuizzes'])).toEqual(before);
      // Passed stays passed: asking for the paper again draws nothing new.
      expect(ok((await call<StartReply>('makeUpQuizStart', { eventId })).result).paperId).toBe(paperId);
    }

    expect(errorOf((await call('completeMakeUp', { eventId: unread.eventId })).result)?.code).toBe('CHECKIN.MAKEUP_INCOMPLETE');
    const made = ok((await call<{ mine: MyAttendance }>('completeMakeUp', { eventId: event.eventId })).result);
    expect(made.mine.state).toBe('madeUp');
    const history = (
      cloud.engine.find('attendance', { _id: `${event.eventId}_${demoMember._id}` })[0] as unknown as {
        history: { command: string; to: string }[];
      }
    ).history;
    expect(history.map((h) => `${h.command}:${h.to}`)).toEqual(['close:absent', 'completeMakeUp:madeUp']);
    // 已补学: no paper any more, not even the passed one.
    expect(errorOf((await call('makeUpQuizStart', { eventId: event.eventId })).result)).toEqual({
      code: 'ATTENDANCE.ILLEGAL_TRANSITION',
      message: '已完成补学，无需再做补学测验',
    });
  });

  it('draws only from categories no unclosed round draws, even when the event names a live one', async () => {
    const live = new Set(
      county.collections.quizRounds
        .filter((round) => round.closesAt.getTime() > cloud.clock.now())
        .flatMap((round) => round.quota.map((q) => q.category)),
    );
    expect(live.has('党章')).toBe(true);
    const event = await missedEvent([readMaterial], { quizCategory: '党章' });
    const { questions } = ok((await call<StartReply>('makeUpQuizStart', { eventId: event.eventId })).result);
    const categoryOf = new Map(county.collections.quizQuestions.map((q) => [q._id, q.category]));
    expect(questions).toHaveLength(5);
    expect(questions.map((q) => categoryOf.get(q.id)).filter((category) => live.has(category!))).toEqual([]);
  });
});

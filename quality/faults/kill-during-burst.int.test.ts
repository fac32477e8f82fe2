/**
 * Faults (issue 8): devcloud is killed with SIGKILL in the middle of a burst of quiz submissions and 主题党日
 * check-ins, restarted on the same data directory, and every client resends what was not acknowledged,
 * unchanged (same payload, same requestId). Then: everything acknowledged is in the database, nothing counts
 * twice (one attempt per member and attempt number, one history entry per member and event), and no retry
 * changed a score. The app runs as its own OS process (scripts/app.ts, file-backed SQLite), as `npm start` runs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { QuizAttemptResult, QuizPlayAttempt } from '@zbxx/contracts';
import { DEMO_OPENIDS, DEMO_ROUND_ID, generateCounty } from '@zbxx/demo-data';
import { openEngine } from '@zbxx/devcloud/src/engine';
import { monthOf } from '@zbxx/domain';
import type { AttendanceDoc, QuizAttemptDoc } from '@zbxx/server';
import { buildFunctions } from '@zbxx/testing';
import { freePort, startAppProcess, type AppProcess } from './app-process';
import { errorCodeOf, okData, PatientClient, type CallRecord } from './patient-client';

jest.setTimeout(100_000);

const COUNTY_MEMBERS = 480;
const QUIZ_MEMBERS = 24;
const CHECKIN_MEMBERS = 24;
const EVENT_ID = 'ev-demo-today';
/** The kill comes once this many calls were acknowledged: well inside the burst, with many still in flight. */
const KILL_AFTER_ACKS = 30;
/** Calls on the wire at once: enough that the kill always cuts some off. */
const IN_FLIGHT = 8;

// The same county the app process generates (same seed and options), to know who is who.
// The instant this test runs at: the app process's test clock starts there (after the demo's 08:30 event began).
const NOW = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(NOW);
const ROUND_ID = DEMO_ROUND_ID(month);
const { members } = generateCounty({ members: COUNTY_MEMBERS, branches: 12, committees: 3, today: NOW }).collections;
const secretary = members.find((m) => m.openid === DEMO_OPENIDS.secretary)!;
// serve-fault-app binds every unclaimed entry as `bench-<memberId>`.
const benchOpenid = (memberId: string) => `bench-${memberId}`;
const unclaimed = members.filter((m) => !m.openid);
const checkinGroup = unclaimed.filter((m) => m.branchId === secretary.branchId).slice(0, CHECKIN_MEMBERS);
const quizGroup = unclaimed.filter((m) => m.branchId !== secretary.branchId).slice(0, QUIZ_MEMBERS);

let dataDir: string;
let app: AppProcess | null = null;

beforeAll(() => {
  buildFunctions(['quiz', 'checkin']);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'fault-kill-'));
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface QuizFlow {
  start: CallRecord;
  answer: CallRecord;
  submit: CallRecord;
}

it('loses nothing acknowledged and counts nothing twice when devcloud is killed mid-burst', async () => {
  expect(checkinGroup).toHaveLength(CHECKIN_MEMBERS);
  expect(quizGroup).toHaveLength(QUIZ_MEMBERS);
  const port = await freePort();
  const t0 = performance.now();
  const elapsed = () => Math.round(performance.now() - t0);
  app = await startAppProcess(port, dataDir, NOW);
  const phases: string[] = [`first start ${elapsed()} ms`];
  expect(app.seeded).toBe(true);

  // The outage: from the kill until the restarted app listens, resends wait on `back`.
  let back: Promise<void> | null = null;
  let killed = false;
  let killedAt = 0;
  const available = () => back ?? new Promise<void>((resolve) => setTimeout(resolve, 200));
  const killSwitch = () => {
    if (killed || client.acked < KILL_AFTER_ACKS) return;
    killed = true;
    killedAt = client.acked;
    back = (async () => {
      phases.push(`kill at ${elapsed()} ms`);
      await app!.kill9();
      const restart = performance.now();
      // The restarted process's clock goes on from where the killed one's was, as a machine's would.
      app = await startAppProcess(port, dataDir, new Date(NOW.getTime() + elapsed()));
      phases.push(`restart ${Math.round(performance.now() - restart)} ms`);
      client.reconnect();
    })();
  };
  const client = new PatientClient(app.url, available, killSwitch, IN_FLIGHT);

  try {
    const code = okData<{ code: string }>(
      (await client.call('checkin', DEMO_OPENIDS.secretary, 'currentCode', { eventId: EVENT_ID })).reply,
    ).code;
    const acksBeforeBurst = client.acked;

    /** A check-in; a code that expired during the outage is scanned again (a new request, as a person would). */
    const checkIn = async (openid: string): Promise<{ first: CallRecord; rescans: CallRecord[] }> => {
      const first = await client.call('checkin', openid, 'checkIn', { eventId: EVENT_ID, code });
      const rescans: CallRecord[] = [];
      let last = first;
      while (errorCodeOf(last.reply) === 'CHECKIN.BAD_CODE' && rescans.length < 3) {
        const fresh = okData<{ code: string }>(
          (await client.call('checkin', DEMO_OPENIDS.secretary, 'currentCode', { eventId: EVENT_ID })).reply,
        ).code;
        last = await client.call('checkin', openid, 'checkIn', { eventId: EVENT_ID, code: fresh });
        rescans.push(last);
      }
      return { first, rescans };
    };
    const quizFlow = async (openid: string): Promise<QuizFlow> => {
      const start = await client.call('quiz', openid, 'start', { roundId: ROUND_ID });
      const paper = okData<QuizPlayAttempt>(start.reply);
      const half = Object.fromEntries(paper.questions.slice(0, 10).map((q) => [q.id, ['A']]));
      const answer = await client.call('quiz', openid, 'answer', { attemptId: paper.attemptId, answers: half });
      const all = Object.fromEntries(paper.questions.map((q) => [q.id, ['B']]));
      const submit = await client.call('quiz', openid, 'submit', { attemptId: paper.attemptId, answers: { ...all, ...half } });
      return { start, answer, submit };
    };

    const [checkins, quizzes] = await Promise.all([
      Promise.all(checkinGroup.map((m) => checkIn(benchOpenid(m._id)))),
      Promise.all(quizGroup.map((m) => quizFlow(benchOpenid(m._id)))),
    ]);
    expect(killed).toBe(true);
    await back;
    phases.push(`burst done at ${elapsed()} ms`);

    // The kill really was mid-burst: some calls had been acknowledged, others were cut off and resent.
    const burstCalls = client.records.filter((r) => r.openid !== DEMO_OPENIDS.secretary);
    const resent = burstCalls.filter((r) => !r.ackedFirstTime);
    expect(killedAt - acksBeforeBurst).toBeGreaterThan(0);
    expect(resent.length).toBeGreaterThan(0);

    // Every member got an answer in the end.
    for (const { first, rescans } of checkins)
      expect(okData<{ mine: { state: string } }>((rescans.at(-1) ?? first).reply).mine.state).toMatch(/^(present|late)$/);
    for (const flow of quizzes) okData<QuizAttemptResult>(flow.submit.reply);

    // Every acknowledged submission is sent once more after the restart, as a double tap would: same answer.
    const acknowledgedSubmits = quizzes.filter((f) => f.submit.ackedFirstTime);
    const acknowledgedCheckins = checkins.filter((c) => c.first.ackedFirstTime && c.rescans.length === 0);
    const again = await Promise.all([
      ...acknowledgedSubmits.map((f) => client.call('quiz', f.submit.openid, 'submit', f.submit.event.data, f.submit.event.requestId)),
      ...acknowledgedCheckins.map((c) => client.call('checkin', c.first.openid, 'checkIn', c.first.event.data, c.first.event.requestId)),
    ]);
    again.slice(0, acknowledgedSubmits.length).forEach((record, i) => {
      expect(okData<QuizAttemptResult>(record.reply).score).toBe(okData<QuizAttemptResult>(acknowledgedSubmits[i]!.submit.reply).score);
    });
    for (const record of again.slice(acknowledgedSubmits.length))
      expect(okData<{ alreadyCheckedIn: boolean }>(record.reply).alreadyCheckedIn).toBe(true);

    await app.stop();
    app = null;
    const engine = openEngine({ dataDir });
    try {
      const attempts = engine.find('quizAttempts', {
        roundId: ROUND_ID,
        memberId: { $in: quizGroup.map((m) => m._id) },
      }) as unknown as QuizAttemptDoc[];
      for (const [i, member] of quizGroup.entries()) {
        const flow = quizzes[i]!;
        const mine = attempts.filter((a) => a.memberId === member._id);
        // One attempt: a start resent after the kill resumed the attempt it had created, never drew another.
        expect(mine.map((a) => a.attemptNumber)).toEqual([1]);
        const stored = mine[0]!;
        const result = okData<QuizAttemptResult>(flow.submit.reply);
        expect(stored.finishedAt).not.toBeNull();
        expect({ member: member._id, score: stored.score }).toEqual({ member: member._id, score: result.score });
        if (flow.start.ackedFirstTime) expect(stored._id).toBe(okData<QuizPlayAttempt>(flow.start.reply).attemptId);
        if (flow.answer.ackedFirstTime) {
          for (const questionId of Object.keys((flow.answer.event.data as { answers: object }).answers))
            expect(stored.answers[questionId]).toBeDefined();
        }
      }
      const records = engine.find('attendance', {
        eventId: EVENT_ID,
        memberId: { $in: checkinGroup.map((m) => m._id) },
      }) as unknown as AttendanceDoc[];
      expect(records).toHaveLength(checkinGroup.length);
      for (const record of records) {
        expect(record.state).toMatch(/^(present|late)$/);
        expect(record.history.map((h) => h.command)).toEqual(['checkIn']);
      }
    } finally {
      engine.close();
    }
    // For the report: how much of the burst the kill cut off.
    console.log(
      `kill -9 after ${killedAt} acknowledged calls; ${burstCalls.length} burst calls, ${resent.length} resent after the restart, ` +
        `${checkins.reduce((n, c) => n + c.rescans.length, 0)} check-ins rescanned with a fresh code; ${phases.join(', ')}`,
    );
  } finally {
    // A failure during the outage must not leave the restarted app running after afterAll.
    await (back as Promise<void> | null)?.catch(() => undefined);
    client.close();
  }
});

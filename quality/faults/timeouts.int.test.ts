/**
 * Faults (issue 8): a function that times out mid-way leaves the database with all of a change or none of
 * it, and a retry completes it exactly once. Real product actions whose change spans several documents or
 * requests (quiz submit, 主题党日 check-in, closing an event, 组织关系转接) run on devcloud with the platform's
 * default 3 s timeout; one chosen database request is held back until the function has died, then let through
 * late or dropped.
 */
import type { Envelope, QuizAttemptResult, QuizPlayAttempt } from '@zbxx/contracts';
import { DEMO_OPENIDS, DEMO_ROUND_ID, generateCounty } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import { FunctionInvocationError } from '@zbxx/devcloud';
import type { AttendanceDoc, AuditEntry, CheckinEventDoc, MemberDoc, QuizAttemptDoc, RosterImportDoc, TransferDoc } from '@zbxx/server';
import { branchPath, fillTemplate, rowOf } from '../../cloudfunctions/org/src/__tests__/roster-sheet';
import { fromFunction, inTransaction, onCollection, startFaultCloud, type FaultCloud, type FaultRule } from './fault-cloud';

jest.setTimeout(30_000);

// The platform's default function timeout, for the calls a fault kills; every other call gets a generous
// one, so a busy machine slows the setup and the retries down without failing them.
const TIMEOUT_S = 3;
const SETUP_TIMEOUT_S = 30;
const MINUTE = 60_000;

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(NOW);
const ROUND_ID = DEMO_ROUND_ID(month);
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, studyMonth: month, today: NOW });
const { orgs, members, checkinEvents } = county.collections;
const secretary = members.find((m) => m.openid === DEMO_OPENIDS.secretary)!;
// Bound members made for these tests: `fault-<n>` on roster entries nobody else uses.
const spare = members.filter((m) => !m.openid && m.roles.length === 0);
const ofBranch = spare.filter((m) => m.branchId === secretary.branchId).slice(0, 3);
const elsewhere = spare.filter((m) => m.branchId !== secretary.branchId).slice(0, 5);
const testMembers: MemberDoc[] = [...ofBranch, ...elsewhere].map((m, i) => ({ ...m, openid: `fault-${i}` }));
const openidOf = (m: MemberDoc) => testMembers.find((t) => t._id === m._id)!.openid!;
const otherBranch = members.find((m) => m.openid === DEMO_OPENIDS.secretary2)!.branchId;

// An event of demo-secretary's branch that started ten minutes ago, still open for check-in.
const template = checkinEvents.find((e) => e._id === 'ev-demo-today')!;
const now = NOW.getTime();
const openEvent: CheckinEventDoc = {
  ...template,
  _id: 'ev-fault-open',
  checkinOpensAt: new Date(now - 30 * MINUTE),
  startsAt: new Date(now - 10 * MINUTE),
  lateAfter: new Date(now + 60 * MINUTE),
  endsAt: new Date(now + 120 * MINUTE),
  closedAt: null,
};
// Another one, nobody checked in: closing it marks the whole branch 缺席.
const unattendedEvent: CheckinEventDoc = { ...openEvent, _id: 'ev-fault-unattended' };
// And one a member checks in to while it is being closed.
const racedEvent: CheckinEventDoc = { ...openEvent, _id: 'ev-fault-raced' };

let cloud: FaultCloud;
beforeAll(async () => {
  cloud = await startFaultCloud({
    now: NOW,
    functions: ['quiz', 'checkin', 'org'],
    timeoutSeconds: SETUP_TIMEOUT_S,
    seed: {
      ...county.collections,
      members: members.map((m) => testMembers.find((t) => t._id === m._id) ?? m),
      checkinEvents: [...checkinEvents, openEvent, unattendedEvent, racedEvent],
    } as unknown as Record<string, object[]>,
  });
  // Two warm instances of each function: a timed-out instance is ended, and its retry should not wait for
  // a cold start (the pool starts more while calls queue).
  await Promise.all(
    ['quiz', 'checkin', 'org'].flatMap((name) =>
      [1, 2, 3].map(() => cloud.devcloud.invoke(name, { action: 'warmUp' }, DEMO_OPENIDS.member)),
    ),
  );
}, 60_000);
afterAll(async () => {
  await cloud?.close();
});

async function call<T>(name: string, action: string, data: unknown, openid: string, requestId = 'fault-retry-0001'): Promise<T> {
  const { result } = await cloud.devcloud.invoke(name, { action, data, requestId }, openid);
  const envelope = result as Envelope<T>;
  if (!envelope.ok) throw new Error(`${name}.${action}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

/**
 * Calls with a fault armed (several rules: each holds the first request it matches): the function must die of
 * its timeout, and the held request must be over.
 */
async function timesOut(rules: FaultRule | FaultRule[], name: string, action: string, data: unknown, openid: string): Promise<void> {
  // devcloud logs every timeout; these are the expected ones.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const faults = [rules].flat().map((rule) => cloud.arm(rule));
  let outcome: unknown;
  let reached: boolean;
  cloud.setTimeoutSeconds(name, TIMEOUT_S);
  try {
    outcome = await cloud.devcloud.invoke(name, { action, data, requestId: 'fault-retry-0001' }, openid).then(
      (reply) => reply.result,
      (error: unknown) => error,
    );
  } finally {
    cloud.setTimeoutSeconds(name, SETUP_TIMEOUT_S);
    reached = faults.some((fault) => fault.reached);
    await Promise.all(faults.map((fault) => fault.release()));
    warn.mockRestore();
  }
  // A transaction the dead function left open holds its locks until the platform ends it (30 s).
  cloud.passTransactionLifetime();
  expect(outcome).toBeInstanceOf(FunctionInvocationError);
  expect((outcome as FunctionInvocationError).code).toBe('SYSTEM.TIMEOUT');
  // It died waiting on the held request, not before: otherwise the case would test nothing.
  expect(reached).toBe(true);
}

const find = <T>(collection: string, filter: Record<string, unknown>) =>
  cloud.engine.find(collection, filter, { sort: { _id: 1 } }) as unknown as T[];
const attemptOf = (id: string) => find<QuizAttemptDoc>('quizAttempts', { _id: id })[0]!;

describe('quiz submit (one conditional update of the attempt)', () => {
  async function startWithAnswers(member: MemberDoc) {
    const paper = await call<QuizPlayAttempt>('quiz', 'start', { roundId: ROUND_ID }, openidOf(member));
    const half = Object.fromEntries(paper.questions.slice(0, 10).map((q) => [q.id, ['A']]));
    await call('quiz', 'answer', { attemptId: paper.attemptId, answers: half }, openidOf(member));
    const answers = Object.fromEntries(paper.questions.map((q) => [q.id, ['B']]));
    return { attemptId: paper.attemptId, answers, pageHiddenCount: 0 };
  }
  const finishRule = (then: FaultRule['then']): FaultRule => ({
    action: 'database.modifyDocument',
    when: (ctx) => fromFunction('quiz')(ctx) && onCollection('quizAttempts')(ctx),
    then,
  });

  it('dies before the update reaches the database: the attempt is untouched, and the retry scores it once', async () => {
    const member = elsewhere[0]!;
    const submit = await startWithAnswers(member);
    const before = attemptOf(submit.attemptId);
    await timesOut(finishRule('drop'), 'quiz', 'submit', submit, openidOf(member));
    expect(attemptOf(submit.attemptId)).toEqual(before);

    const result = await call<QuizAttemptResult>('quiz', 'submit', submit, openidOf(member));
    const finished = attemptOf(submit.attemptId);
    expect(finished).toMatchObject({ score: result.score, passed: result.passed });
    expect(finished.finishedAt).not.toBeNull();
    expect(await call<QuizAttemptResult>('quiz', 'submit', submit, openidOf(member))).toEqual(result);
    expect(attemptOf(submit.attemptId)).toEqual(finished);
    expect(find('quizAttempts', { memberId: member._id })).toHaveLength(1);
  });

  it('dies after sending it: the update lands whole, and the retry answers the stored score without rescoring', async () => {
    const member = elsewhere[1]!;
    const submit = await startWithAnswers(member);
    await timesOut(finishRule('late'), 'quiz', 'submit', submit, openidOf(member));
    const landed = attemptOf(submit.attemptId);
    expect(landed.finishedAt).not.toBeNull();
    expect(landed.score).not.toBeNull();
    expect(landed.outcomes).not.toBeNull();

    const retried = await call<QuizAttemptResult>('quiz', 'submit', { ...submit, answers: {} }, openidOf(member));
    expect(retried.score).toBe(landed.score);
    expect(attemptOf(submit.attemptId)).toEqual(landed);
    expect(find('quizAttempts', { memberId: member._id })).toHaveLength(1);
  });
});

describe('check-in (read and write of the attendance record in one transaction)', () => {
  const commitRule = (then: FaultRule['then']): FaultRule => ({
    action: 'database.commitTransaction',
    when: fromFunction('checkin'),
    then,
  });
  const recordOf = (memberId: string) => find<AttendanceDoc>('attendance', { eventId: openEvent._id, memberId });
  const codeNow = async () =>
    (await call<{ code: string }>('checkin', 'currentCode', { eventId: openEvent._id }, DEMO_OPENIDS.secretary)).code;

  it('dies before the commit: no record at all; the retry checks in once', async () => {
    const member = ofBranch[0]!;
    const input = { eventId: openEvent._id, code: await codeNow() };
    await timesOut(commitRule('drop'), 'checkin', 'checkIn', input, openidOf(member));
    expect(recordOf(member._id)).toEqual([]);

    const first = await call<{ alreadyCheckedIn: boolean }>('checkin', 'checkIn', input, openidOf(member));
    expect(first.alreadyCheckedIn).toBe(false);
    expect(await call<{ alreadyCheckedIn: boolean }>('checkin', 'checkIn', input, openidOf(member))).toMatchObject({
      alreadyCheckedIn: true,
    });
    expect(recordOf(member._id).map((r) => r.history.map((h) => h.command))).toEqual([['checkIn']]);
  });

  it('dies after sending the commit: the record lands with its one history entry; the retry adds nothing', async () => {
    const member = ofBranch[1]!;
    const input = { eventId: openEvent._id, code: await codeNow() };
    await timesOut(commitRule('late'), 'checkin', 'checkIn', input, openidOf(member));
    const landed = recordOf(member._id);
    expect(landed.map((r) => r.history.map((h) => h.command))).toEqual([['checkIn']]);

    expect(await call<{ alreadyCheckedIn: boolean }>('checkin', 'checkIn', input, openidOf(member))).toMatchObject({
      alreadyCheckedIn: true,
    });
    expect(recordOf(member._id)).toEqual(landed);
  });
});

describe('closing the event (缺席 records, closedAt and the audit entry in one transaction)', () => {
  const roster = members.filter((m) => m.branchId === secretary.branchId);
  const eventDoc = (id: string) => find<CheckinEventDoc>('checkinEvents', { _id: id })[0]!;
  const recordsOf = (id: string) => find<AttendanceDoc>('attendance', { eventId: id });
  const audits = (id: string) => find<AuditEntry>('auditLog', { action: 'checkinEvent.close', 'target.id': id });
  /** Every member of the branch has one record: their check-in, or the 缺席 the close wrote. */
  const expectClosedOnce = (id: string) => {
    expect(eventDoc(id).closedAt).not.toBeNull();
    const records = recordsOf(id);
    expect(records.map((r) => r.memberId).sort()).toEqual(roster.map((m) => m._id).sort());
    for (const record of records) {
      expect(record.history).toHaveLength(1);
      expect(record.state === 'absent' ? 'close' : 'checkIn').toBe(record.history[0]!.command);
    }
    expect(audits(id)).toHaveLength(1);
  };

  // Runs after the check-in cases above, whose members are the event's only records so far.
  // Found here: closedAt and its audit entry were committed first and the 缺席 records written after, so a
  // call that died between the two left the event closed with members still 未签到.
  it('dies while writing the 缺席 records: nothing changed, the event is still open; the retry closes it once', async () => {
    const checkedIn = recordsOf(openEvent._id);
    expect(checkedIn.length).toBeGreaterThan(0);
    const before = eventDoc(openEvent._id);
    // However the records are sent (one insert, or a write per record): the first one never arrives.
    const absentWrite: FaultRule[] = ['database.insertDocument', 'database.modifyDocument'].map((action) => ({
      action,
      when: (ctx) => fromFunction('checkin')(ctx) && onCollection('attendance')(ctx),
      then: 'drop',
    }));
    await timesOut(absentWrite, 'checkin', 'closeEvent', { eventId: openEvent._id }, DEMO_OPENIDS.secretary);
    expect(eventDoc(openEvent._id)).toEqual(before);
    expect(recordsOf(openEvent._id)).toEqual(checkedIn);
    expect(audits(openEvent._id)).toEqual([]);

    await call('checkin', 'closeEvent', { eventId: openEvent._id }, DEMO_OPENIDS.secretary);
    await call('checkin', 'closeEvent', { eventId: openEvent._id }, DEMO_OPENIDS.secretary);
    expectClosedOnce(openEvent._id);
  });

  it('dies after sending the commit: the close lands whole; the retry changes nothing and answers the tally', async () => {
    const commit: FaultRule = { action: 'database.commitTransaction', when: fromFunction('checkin'), then: 'late' };
    await timesOut(commit, 'checkin', 'closeEvent', { eventId: unattendedEvent._id }, DEMO_OPENIDS.secretary);
    expectClosedOnce(unattendedEvent._id);
    const landed = { event: eventDoc(unattendedEvent._id), records: recordsOf(unattendedEvent._id) };

    const retried = await call<{ tally: { absent: number } }>(
      'checkin',
      'closeEvent',
      { eventId: unattendedEvent._id },
      DEMO_OPENIDS.secretary,
    );
    expect(retried.tally.absent).toBe(roster.length);
    expect({ event: eventDoc(unattendedEvent._id), records: recordsOf(unattendedEvent._id) }).toEqual(landed);
    expect(audits(unattendedEvent._id)).toHaveLength(1);
  });

  // 云开发 › 数据库 › 事务: the close has written (and locked) every attendance record and the event; a check-in
  // racing it meets the lock, so the close wins and the check-in, retried once it committed, finds the event closed.
  it('a check-in that races a committing close meets its lock: the close lands whole, the check-in is refused', async () => {
    const member = ofBranch[2]!;
    const { code } = await call<{ code: string }>('checkin', 'currentCode', { eventId: racedEvent._id }, DEMO_OPENIDS.secretary);
    const fault = cloud.arm({ action: 'database.commitTransaction', when: fromFunction('checkin'), then: 'late' });
    const closing = call<{ tally: { absent: number; present: number; late: number } }>(
      'checkin',
      'closeEvent',
      { eventId: racedEvent._id },
      DEMO_OPENIDS.secretary,
    );
    let checkingIn: Promise<Envelope<unknown>>;
    try {
      while (!fault.reached) await new Promise((resolve) => setTimeout(resolve, 20));
      checkingIn = cloud.devcloud
        .invoke('checkin', { action: 'checkIn', data: { eventId: racedEvent._id, code } }, openidOf(member))
        .then((reply) => reply.result as Envelope<unknown>);
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      await fault.release();
    }
    const { tally } = await closing;
    const checkIn = await checkingIn!;

    expect(checkIn.ok ? 'OK' : checkIn.error.code).toBe('ATTENDANCE.CHECKIN_CLOSED');
    expect(tally.absent).toBe(roster.length);
    expectClosedOnce(racedEvent._id);
    expect(
      recordsOf(racedEvent._id)
        .find((r) => r.memberId === member._id)
        ?.history.map((h) => h.command),
    ).toEqual(['close']);
  });
});

describe('组织关系转接 (member, transfer record and audit entry in one transaction)', () => {
  const transfersOf = (memberId: string) => find<TransferDoc>('transfers', { memberId });
  const auditsOf = (memberId: string) => find<AuditEntry>('auditLog', { action: 'member.transfer', 'target.id': memberId });
  const memberDoc = (id: string) => find<MemberDoc>('members', { _id: id })[0]!;

  it('dies inside the transaction: nothing changed; the retry moves the member once', async () => {
    const member = elsewhere[2]!;
    const before = memberDoc(member._id);
    const input = { memberId: member._id, toBranchId: otherBranch === member.branchId ? secretary.branchId : otherBranch };
    const auditWrite: FaultRule = {
      action: 'database.insertDocument',
      when: (ctx) => fromFunction('org')(ctx) && onCollection('auditLog')(ctx) && inTransaction(ctx),
      then: 'drop',
    };
    await timesOut(auditWrite, 'org', 'transferMember', input, DEMO_OPENIDS.admin);
    expect(memberDoc(member._id)).toEqual(before);
    expect(transfersOf(member._id)).toEqual([]);
    expect(auditsOf(member._id)).toEqual([]);

    await call('org', 'transferMember', input, DEMO_OPENIDS.admin);
    expect(memberDoc(member._id).branchId).toBe(input.toBranchId);
    expect(transfersOf(member._id)).toHaveLength(1);
    expect(auditsOf(member._id)).toHaveLength(1);
  });

  it('dies after sending the commit: all three changes land together, and a retry cannot move the member twice', async () => {
    const member = elsewhere[3]!;
    const input = { memberId: member._id, toBranchId: otherBranch === member.branchId ? secretary.branchId : otherBranch };
    await timesOut(
      { action: 'database.commitTransaction', when: fromFunction('org'), then: 'late' },
      'org',
      'transferMember',
      input,
      DEMO_OPENIDS.admin,
    );
    expect(memberDoc(member._id).branchId).toBe(input.toBranchId);
    expect(transfersOf(member._id)).toHaveLength(1);
    expect(auditsOf(member._id)).toHaveLength(1);

    const retry = (
      await cloud.devcloud.invoke('org', { action: 'transferMember', data: input, requestId: 'fault-retry-0001' }, DEMO_OPENIDS.admin)
    ).result as Envelope<unknown>;
    expect(retry.ok ? 'OK' : retry.error.code).toBe('INPUT.INVALID');
    expect(transfersOf(member._id)).toHaveLength(1);
    expect(auditsOf(member._id)).toHaveLength(1);
  });
});

describe('确认导入 (a roster import commit: written chunk by chunk under a 90 s lease, then marked committed)', () => {
  const moved = elsewhere[4]!;
  const toBranchId = otherBranch === moved.branchId ? secretary.branchId : otherBranch;
  const newcomerPhone = '13700005555';
  let importId = '';

  it('dies before marking it committed: the interrupted import is resumed after its lease and completes once', async () => {
    const { url } = await call<{ url: string }>('org', 'rosterTemplate', {}, DEMO_OPENIDS.admin);
    const template = Buffer.from(await (await fetch(url)).arrayBuffer());
    const movedRow = rowOf(moved, orgs, 1);
    movedRow[3] = branchPath(orgs, toBranchId);
    const file = await fillTemplate(template, [
      movedRow,
      ['新党员戊', '女', newcomerPhone, branchPath(orgs, toBranchId), '党员', '2022-07-01', null],
    ]);
    const preview = await call<{ importId: string; addCount: number; updateCount: number }>(
      'org',
      'importPreview',
      { file: { fileName: '花名册.xlsx', base64: file.toString('base64') } },
      DEMO_OPENIDS.admin,
    );
    expect(preview).toMatchObject({ addCount: 1, updateCount: 1 });
    importId = preview.importId;

    // The last step (status committed + audit entry, one transaction) never commits.
    const finalStep: FaultRule = {
      action: 'database.insertDocument',
      when: (ctx) => fromFunction('org')(ctx) && onCollection('auditLog')(ctx) && inTransaction(ctx),
      then: 'drop',
    };
    await timesOut(finalStep, 'org', 'importCommit', { importId }, DEMO_OPENIDS.admin);
    // By design the rows are written and the import is held ('writing') until its lease runs out.
    expect(find<RosterImportDoc>('rosterImports', { _id: importId })[0]).toMatchObject({ status: 'writing' });
    // The interrupted attempt wrote the transfer right (the resume below rewrites it: see the next case).
    expect(find<TransferDoc>('transfers', { memberId: moved._id })).toEqual([
      expect.objectContaining({ fromBranchId: moved.branchId, fromOrgPath: moved.orgPath }),
    ]);
    const retry = (await cloud.devcloud.invoke('org', { action: 'importCommit', data: { importId } }, DEMO_OPENIDS.admin))
      .result as Envelope<unknown>;
    expect(retry.ok ? 'OK' : retry.error.code).toBe('CONFLICT');

    // 90 s later (the test clock moves past the commit's lease; nobody waits): committing again resumes and completes it.
    cloud.devcloud.clock.advance(91_000);
    expect(await call('org', 'importCommit', { importId }, DEMO_OPENIDS.admin)).toEqual({ importId, added: 1, updated: 1 });
    expect(await call('org', 'importCommit', { importId }, DEMO_OPENIDS.admin)).toEqual({ importId, added: 1, updated: 1 });
    expect(find<RosterImportDoc>('rosterImports', { _id: importId })[0]).toMatchObject({ status: 'committed' });
    expect(find<MemberDoc>('members', { phone: newcomerPhone })).toHaveLength(1);
    expect(find<MemberDoc>('members', { _id: moved._id })[0]).toMatchObject({ branchId: toBranchId });
    expect(find<TransferDoc>('transfers', { memberId: moved._id })).toHaveLength(1);
    expect(find<AuditEntry>('auditLog', { action: 'roster.import', 'target.id': importId })).toHaveLength(1);
  });

  // Found here: the resumed commit used to rewrite the transfer with fromOrgPath read from the member as it
  // is now (already moved by the interrupted attempt); month statistics place past months by it.
  it('keeps the transfer’s fromOrgPath when an interrupted import is resumed', () => {
    expect(importId).not.toBe('');
    const [transfer] = find<TransferDoc>('transfers', { memberId: moved._id });
    expect(transfer).toMatchObject({ fromBranchId: moved.branchId, fromOrgPath: moved.orgPath });
  });
});

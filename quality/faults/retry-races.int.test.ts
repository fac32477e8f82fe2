/**
 * Faults (issue 8): a 重试 or an edit that meets a write still in flight. The first call's transaction is held
 * (its start or its commit, by the fault cloud) while the other call runs to the end; then it goes on. And a
 * retried create whose document has left the author's scope since. What must hold: a create retried with the
 * same requestId makes one document and one audit entry however the two calls interleave; a retry answers only
 * what the edit path would show its author; a close works from the event as it is when it closes.
 */
import type { AdminMaterial, AdminPlan, CheckinEventSummary, Envelope, QuizAdminRound } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import type { AuditEntry, CheckinEventDoc, MemberDoc } from '@zbxx/server';
import { quizRoundInput } from '../support/admin-inputs';
import { fromFunction, startFaultCloud, type FaultCloud } from './fault-cloud';

jest.setTimeout(30_000);

const HOUR = 3_600_000;
// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(NOW);
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, studyMonth: month, today: NOW });
const { members, orgs, checkinEvents } = county.collections;
const root = orgs.find((org) => org.type === 'county')!;
const [committeeA, committeeB] = orgs.filter((org) => org.type === 'committee') as [(typeof orgs)[number], (typeof orgs)[number]];
const pathOf = (org: (typeof orgs)[number]) => [...org.ancestors, org._id];

/** An admin of 党委A only: what they author lives in its subtree. */
const committeeAdmin: MemberDoc = {
  ...members.find((m) => !m.openid && m.roles.length === 0)!,
  openid: 'race-committee-admin',
  roles: [{ role: 'admin', orgId: committeeA._id }],
};

// An event of demo-secretary's branch that started an hour ago, still open: the secretary can close it.
const startedEvent: CheckinEventDoc = {
  ...checkinEvents.find((e) => e._id === 'ev-demo-today')!,
  _id: 'ev-race-started',
  place: '原定会议室',
  checkinOpensAt: new Date(NOW.getTime() - 2 * HOUR),
  startsAt: new Date(NOW.getTime() - HOUR),
  lateAfter: new Date(NOW.getTime() - HOUR),
  endsAt: new Date(NOW.getTime() + HOUR),
  closedAt: null,
};

// Another one, edited while it is closed.
const editedEvent: CheckinEventDoc = { ...startedEvent, _id: 'ev-race-edited' };
/** A second secretary of demo-secretary's branch, moved to another branch in one case. */
const secretary = members.find((m) => m.openid === DEMO_OPENIDS.secretary)!;
const otherBranchId = members.find((m) => m.openid === DEMO_OPENIDS.secretary2)!.branchId;
const formerSecretary: MemberDoc = {
  ...members.find((m) => !m.openid && m.roles.length === 0 && m.branchId === secretary.branchId && m._id !== committeeAdmin._id)!,
  openid: 'race-secretary',
  roles: [{ role: 'secretary', orgId: secretary.branchId }],
};

let cloud: FaultCloud;
beforeAll(async () => {
  cloud = await startFaultCloud({
    now: NOW,
    functions: ['quiz', 'study', 'checkin'],
    timeoutSeconds: 30,
    seed: {
      ...county.collections,
      members: members.map((m) => [committeeAdmin, formerSecretary].find((t) => t._id === m._id) ?? m),
      checkinEvents: [...checkinEvents, startedEvent, editedEvent],
    } as unknown as Record<string, object[]>,
  });
  // Warm instances: the second call must run while the first one waits, not queue behind it.
  await Promise.all(
    ['quiz', 'study', 'checkin'].flatMap((name) =>
      [1, 2].map(() => cloud.devcloud.invoke(name, { action: 'warmUp' }, DEMO_OPENIDS.member)),
    ),
  );
}, 60_000);
afterAll(async () => {
  await cloud?.close();
});

async function send<T>(name: string, action: string, data: unknown, openid: string, requestId?: string): Promise<Envelope<T>> {
  const { result } = await cloud.devcloud.invoke(name, { action, data, ...(requestId ? { requestId } : {}) }, openid);
  return result as Envelope<T>;
}
const ok = <T>(reply: Envelope<T>): T => {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const errorCode = (reply: Envelope<unknown>) => (reply.ok ? null : reply.error.code);
const auditsOf = (action: string, id: string) => cloud.engine.find('auditLog', { action, 'target.id': id }) as unknown as AuditEntry[];

/**
 * Runs `first`, holds the first request of `functionName` that `action` names (its transaction's start or
 * commit) until `meanwhile` has finished, then lets it through. Answers what both calls answered.
 * `meanwhileMeetsLock`: `meanwhile` writes a document `first` holds a transaction lock on (a commit is held), so
 * it cannot finish first (it waits and retries, as on the platform): release once it is under way.
 */
async function whileHeld<A, B>(
  functionName: string,
  action: string,
  first: () => Promise<A>,
  meanwhile: () => Promise<B>,
  meanwhileMeetsLock = false,
): Promise<[A, B]> {
  const fault = cloud.arm({ action, when: fromFunction(functionName), then: 'late' });
  const firstCall = first();
  let second: Promise<B>;
  try {
    while (!fault.reached) await new Promise((resolve) => setTimeout(resolve, 20));
    second = meanwhile();
    await (meanwhileMeetsLock ? Promise.race([second, new Promise((resolve) => setTimeout(resolve, 300))]) : second);
  } finally {
    await fault.release();
  }
  return [await firstCall, await second];
}

const roundInput = (orgId: string, title: string) => quizRoundInput(orgId, title, month);
const materialInput = (orgId: string, title: string) => ({
  orgId,
  title,
  body: '# 竞态\n\n不忘初心，牢记使命。',
  source: '测试',
  estimatedMinutes: 1,
});
const countyMaterialId = () => String(cloud.engine.find('studyMaterials', { orgId: root._id })[0]!._id);
const planInput = (orgId: string, theme: string) => ({
  month,
  orgId,
  theme,
  dueDate: `${month}-28`,
  requiredMaterialIds: [countyMaterialId()],
  status: 'draft' as const,
});

describe('a create and its 重试 (same requestId) at once: the 重试 arrives while the first call is committing', () => {
  /** Both calls answer the one document, written once, with one audit entry. */
  async function createdOnceUnderRace(
    name: string,
    action: string,
    input: unknown,
    requestId: string,
    idOf: (data: never) => string,
    collection: string,
    auditAction: string,
  ) {
    const call = () => send(name, action, input, DEMO_OPENIDS.admin, requestId);
    const [first, second] = await whileHeld(name, 'database.commitTransaction', call, call, true);
    const id = idOf(ok(first) as never);
    expect(idOf(ok(second) as never)).toBe(id);
    expect(cloud.engine.find(collection, { _id: id })).toHaveLength(1);
    expect(auditsOf(auditAction, id)).toHaveLength(1);
  }

  // Found in review: saveRound looked for the round outside its transaction, so both calls wrote it (two
  // quizRound.create entries, createdAt overwritten).
  it('quiz.saveRound', async () => {
    await createdOnceUnderRace(
      'quiz',
      'saveRound',
      roundInput(root._id, '竞态：答题活动'),
      'race-round-0001',
      (d: { round: QuizAdminRound }) => d.round.roundId,
      'quizRounds',
      'quizRound.create',
    );
  });

  it('study.saveMaterial', async () => {
    await createdOnceUnderRace(
      'study',
      'saveMaterial',
      materialInput(root._id, '竞态：学习材料'),
      'race-material-0001',
      (d: { material: AdminMaterial }) => d.material.materialId,
      'studyMaterials',
      'studyMaterial.create',
    );
  });

  it('study.savePlan', async () => {
    await createdOnceUnderRace(
      'study',
      'savePlan',
      planInput(root._id, '竞态：学习计划'),
      'race-plan-0001',
      (d: { plan: AdminPlan }) => d.plan.planId,
      'studyPlans',
      'studyPlan.create',
    );
  });
});

// Found in review: the retry path answered the document it found without the scope check of the edit path.
describe('a 重试 of a create whose document has left the author’s subtree since is refused, as an edit would be', () => {
  const author = committeeAdmin.openid!;
  /** Created by 党委A's admin, then moved to 党委B by the county: the 重试 answers NOT_FOUND and changes nothing. */
  async function refusedAfterMove(
    name: string,
    action: string,
    input: unknown,
    requestId: string,
    idOf: (data: never) => string,
    collection: string,
    editKey: string,
  ) {
    const id = idOf(ok(await send(name, action, input, author, requestId)) as never);
    cloud.engine.update(collection, { _id: id }, { $set: { orgId: committeeB._id, orgPath: pathOf(committeeB) } });
    const stored = cloud.engine.find(collection, {}, { sort: { _id: 1 } });
    // What the edit path says of it now…
    expect(errorCode(await send(name, action, { ...(input as object), [editKey]: id }, author))).toBe('NOT_FOUND');
    // …and the 重试 says the same, without showing it or writing anything.
    expect(errorCode(await send(name, action, input, author, requestId))).toBe('NOT_FOUND');
    expect(cloud.engine.find(collection, {}, { sort: { _id: 1 } })).toEqual(stored);
  }

  it('quiz.saveRound', async () => {
    await refusedAfterMove(
      'quiz',
      'saveRound',
      roundInput(committeeA._id, '党委A的答题'),
      'scope-round-0001',
      (d: { round: QuizAdminRound }) => d.round.roundId,
      'quizRounds',
      'roundId',
    );
  });

  it('study.saveMaterial', async () => {
    await refusedAfterMove(
      'study',
      'saveMaterial',
      materialInput(committeeA._id, '党委A的材料'),
      'scope-material-0001',
      (d: { material: AdminMaterial }) => d.material.materialId,
      'studyMaterials',
      'materialId',
    );
  });

  it('study.savePlan', async () => {
    await refusedAfterMove(
      'study',
      'savePlan',
      planInput(committeeA._id, '党委A的计划'),
      'scope-plan-0001',
      (d: { plan: AdminPlan }) => d.plan.planId,
      'studyPlans',
      'planId',
    );
  });
});

// Found in review: the close was built from the event read before its transaction, so an edit committed in
// between was answered (and used for the 缺席 transitions) as it was before.
it('closing a 主题党日 while an edit of it commits closes the edited event, and answers it', async () => {
  const edit = {
    eventId: startedEvent._id,
    place: '改到党群服务中心',
    startsAt: startedEvent.startsAt.toISOString(),
    endsAt: new Date(NOW.getTime() + 2 * HOUR).toISOString(),
    checkinOpensAt: startedEvent.checkinOpensAt.toISOString(),
    lateAfter: startedEvent.lateAfter.toISOString(),
    theme: startedEvent.theme,
    geofence: null,
  };
  // The close has read the event (to check the secretary's access) and waits to start its transaction.
  const [closed, edited] = await whileHeld(
    'checkin',
    'database.startTransaction',
    () => send<{ event: CheckinEventSummary }>('checkin', 'closeEvent', { eventId: startedEvent._id }, DEMO_OPENIDS.secretary),
    () => send<{ event: CheckinEventSummary }>('checkin', 'saveEvent', edit, DEMO_OPENIDS.secretary),
  );
  expect(ok(edited).event.place).toBe(edit.place);
  expect(ok(closed).event).toMatchObject({ place: edit.place, endsAt: edit.endsAt, closedAt: expect.any(String) });
  const [stored] = cloud.engine.find('checkinEvents', { _id: startedEvent._id }) as unknown as CheckinEventDoc[];
  expect(stored).toMatchObject({ place: edit.place, closedAt: expect.any(Date) });
  expect(auditsOf('checkinEvent.close', startedEvent._id)).toHaveLength(1);
});

// Found while testing the close: an edit read the event before a close committed, then replaced it whole
// (closedAt null), so the closed event came back open with its 缺席 records.
it('an edit of a 主题党日 read before a close committed is refused, and the event stays closed', async () => {
  const edit = {
    eventId: editedEvent._id,
    place: '改到党群服务中心',
    startsAt: editedEvent.startsAt.toISOString(),
    endsAt: new Date(NOW.getTime() + 2 * HOUR).toISOString(),
    theme: editedEvent.theme,
    geofence: null,
  };
  // The edit has read the event (open, so it may) and waits to start its transaction while the close commits.
  const [edited, closed] = await whileHeld(
    'checkin',
    'database.startTransaction',
    () => send('checkin', 'saveEvent', edit, DEMO_OPENIDS.secretary),
    () => send<{ event: CheckinEventSummary }>('checkin', 'closeEvent', { eventId: editedEvent._id }, DEMO_OPENIDS.secretary),
  );
  expect(ok(closed).event.closedAt).not.toBeNull();
  expect(errorCode(edited)).toBe('ATTENDANCE.EVENT_CLOSED');
  const [stored] = cloud.engine.find('checkinEvents', { _id: editedEvent._id }) as unknown as CheckinEventDoc[];
  expect(stored).toMatchObject({ place: editedEvent.place, closedAt: expect.any(Date) });
});

it('a 重试 of a 主题党日 create by a secretary who no longer runs that branch is refused, as an edit would be', async () => {
  const input = {
    place: '重试测试会议室',
    startsAt: new Date(NOW.getTime() + 72 * HOUR).toISOString(),
    endsAt: new Date(NOW.getTime() + 74 * HOUR).toISOString(),
    geofence: null,
  };
  const { event } = ok(
    await send<{ event: CheckinEventSummary }>('checkin', 'saveEvent', input, formerSecretary.openid!, 'scope-event-0001'),
  );
  // The county hands them another branch.
  cloud.engine.update('members', { _id: formerSecretary._id }, { $set: { roles: [{ role: 'secretary', orgId: otherBranchId }] } });
  expect(errorCode(await send('checkin', 'saveEvent', { ...input, eventId: event.eventId }, formerSecretary.openid!))).toBe(
    'AUTH.FORBIDDEN',
  );
  expect(errorCode(await send('checkin', 'saveEvent', input, formerSecretary.openid!, 'scope-event-0001'))).toBe('AUTH.FORBIDDEN');
  expect(cloud.engine.find('checkinEvents', { place: input.place }).map((e) => e._id)).toEqual([event.eventId]);
});

import type { Envelope, HomeResult, LoginResult, MemberEvent, StudySummary } from '@zbxx/contracts';
import { DEMO_OPENIDS, DEMO_ROUND_ID, generateCounty } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import type { CheckinEventDoc } from '@zbxx/server';
import { startTestCloud, type TestCloud } from '@zbxx/testing';

// The demo county of the current month: plans, a quiz round and an event open today in the demo branch.
// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, today: NOW });
const { members } = county.collections;
const demoMember = members.find((m) => m.openid === DEMO_OPENIDS.member)!;

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({
    functions: ['account', 'study', 'checkin'],
    now: NOW,
    seed: county.collections as unknown as Record<string, object[]>,
  });
}, 90_000);

afterAll(async () => {
  await cloud?.close();
});

const call = <T>(fn: string, event: unknown, openid: string) => cloud.call<Envelope<T>>(fn, event, openid);
const home = (openid: string) => call<HomeResult>('account', { action: 'home' }, openid);
const dataOf = <T>(reply: Envelope<T>): T => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const bound = (result: HomeResult) => {
  if (result.status !== 'bound') throw new Error(`expected bound, got ${result.status}`);
  return result;
};

describe('account.home', () => {
  it('answers the whole home screen in one call within its budget of 4 database requests', async () => {
    await home(DEMO_OPENIDS.member); // warm the worker
    const { result, dbRequests } = await home(DEMO_OPENIDS.member);
    const data = bound(dataOf(result));
    expect(data.me).toMatchObject({ memberId: demoMember._id, name: demoMember.name, branch: { id: demoMember.branchId } });
    expect(data.study.required).toBeGreaterThan(0);
    expect(data.partyDay.next).not.toBeNull();
    // caller + the branch's month (one aggregate) + reading progress + the record of the next event
    expect(dbRequests).toBeLessThanOrEqual(4);
    expect(dbRequests).toBe(4);
  });

  it('says what login says about who the member is', async () => {
    for (const openid of [DEMO_OPENIDS.member, DEMO_OPENIDS.secretary, DEMO_OPENIDS.admin]) {
      const login = dataOf((await call<LoginResult>('account', { action: 'login' }, openid)).result);
      const data = bound(dataOf((await home(openid)).result));
      expect(login.status === 'bound' ? login.me : null).toEqual(data.me);
    }
  });

  it('shows the same study card as study.summary, also after the member finished reading', async () => {
    const before = bound(dataOf((await home(DEMO_OPENIDS.member)).result)).study;
    expect(before).toEqual(dataOf((await call<StudySummary>('study', { action: 'summary' }, DEMO_OPENIDS.member)).result));
    expect(before.next).not.toBeNull();

    // The member finishes the next material: the card moves on, as study.summary does.
    const materialId = before.next!.materialId;
    const at = cloud.clock.date();
    const id = `${demoMember._id}_${materialId}`;
    if (cloud.engine.find('studyProgress', { _id: id }).length > 0) {
      cloud.engine.update('studyProgress', { _id: id }, { $set: { completedAt: at, furthest: 1, creditedSeconds: 600 } });
    } else {
      cloud.engine.insertMany('studyProgress', [
        {
          _id: id,
          memberId: demoMember._id,
          materialId,
          branchId: demoMember.branchId,
          textLength: 1000,
          imageCount: 0,
          creditedSeconds: 600,
          furthest: 1,
          position: 1,
          lastSeenAt: at,
          completedAt: at,
          batchIds: [],
          updatedAt: at,
        },
      ]);
    }
    const after = bound(dataOf((await home(DEMO_OPENIDS.member)).result)).study;
    expect(after.completed).toBe(before.completed + 1);
    expect(after.next?.materialId).not.toBe(materialId);
    expect(after).toEqual(dataOf((await call<StudySummary>('study', { action: 'summary' }, DEMO_OPENIDS.member)).result));
  });

  it('shows the branch’s next 主题党日 and the member’s state as checkin.myEvents does', async () => {
    const mine = dataOf((await call<{ next: MemberEvent | null }>('checkin', { action: 'myEvents' }, DEMO_OPENIDS.member)).result);
    const { partyDay } = bound(dataOf((await home(DEMO_OPENIDS.member)).result));
    expect(mine.next).not.toBeNull();
    expect(partyDay.next).toEqual({ event: mine.next!.event, mine: mine.next!.mine });
    expect(Math.abs(new Date(partyDay.serverTime).getTime() - cloud.clock.now())).toBeLessThan(60_000);
  });

  it('skips closed and finished events and says when the branch has none ahead', async () => {
    const events = cloud.engine.find('checkinEvents', { branchId: demoMember.branchId }) as unknown as CheckinEventDoc[];
    const now = cloud.clock.date();
    const ahead = events.filter((e) => !e.closedAt && e.endsAt > now);
    for (const event of ahead) cloud.engine.update('checkinEvents', { _id: event._id }, { $set: { closedAt: now } });
    try {
      const { result, dbRequests } = await home(DEMO_OPENIDS.member);
      expect(bound(dataOf(result)).partyDay.next).toBeNull();
      expect(dbRequests).toBe(3);
    } finally {
      for (const event of ahead) cloud.engine.update('checkinEvents', { _id: event._id }, { $set: { closedAt: null } });
    }
  });

  it('shows this month’s quiz round reaching the member', async () => {
    const { quiz } = bound(dataOf((await home(DEMO_OPENIDS.member)).result));
    expect(quiz).toMatchObject({ roundId: DEMO_ROUND_ID(monthOf(NOW)) });
    expect(['open', 'upcoming', 'closed']).toContain(quiz?.window);
  });

  it('answers unbound and pending callers like login, with one or two requests', async () => {
    const stranger = await home('wx-stranger');
    expect(dataOf(stranger.result)).toEqual({ status: 'unbound' });
    const pending = await home(DEMO_OPENIDS.pending);
    expect(dataOf(pending.result)).toMatchObject({ status: 'pending' });
    expect(pending.dbRequests).toBeLessThanOrEqual(2);
  });

  it('refuses unexpected input with a typed error', async () => {
    const { result } = await call('account', { action: 'home', data: { memberId: 'someone-else' } }, DEMO_OPENIDS.member);
    expect(result.ok).toBe(false);
  });
});

import { STUDY_REMINDER_TEMPLATE_ID, type Envelope } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { DEFAULT_THRESHOLDS, monthOf } from '@zbxx/domain';
import type { MemberDoc } from '@zbxx/server';
import { startTestCloud, type TestCloud } from '@zbxx/testing';

jest.setTimeout(60_000);

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(NOW);
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, studyMonth: month, today: NOW });
const members = county.collections.members as MemberDoc[];
const member = members.find((m) => m.openid === DEMO_OPENIDS.member)!;
const member2 = members.find((m) => m.openid === DEMO_OPENIDS.member2)!;
// A bound member of the demo branch who never consents.
const silent = members.find((m) => m.branchId === member.branchId && !m.openid && m.name !== '孙桂兰')!;
silent.openid = 'wx-silent';
// The demo branch reminds on the 7th; everyone else keeps the default (5th and 15th).
const settings = [{ _id: member.branchId, thresholds: DEFAULT_THRESHOLDS, reminderDays: [7], updatedAt: NOW, updatedBy: 'seed' }];

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({
    now: NOW,
    functions: ['stats'],
    seed: { ...(county.collections as unknown as Record<string, object[]>), statsSettings: settings },
  });
}, 120_000);
afterAll(async () => {
  await cloud?.close();
});

interface Summary {
  day: string;
  due: number;
  counts: Record<string, number>;
  deferred: number;
}
/** 09:00 in Shanghai on a day of this month: the time the platform stamps on the daily trigger. */
const nineOn = (day: number) => `${month}-${String(day).padStart(2, '0')}T01:00:00.000Z`;
const timerEvent = (day: number) => ({ Type: 'Timer', TriggerName: 'scheduledRemind', Time: nineOn(day) });
let lastRequests = 0;
const fireTimer = async (day: number) => {
  const { result, dbRequests } = await cloud.devcloud.invoke('stats', timerEvent(day), null);
  // The daily trigger also runs the export housekeeping: its outcome is export-housekeeping.int.test.ts's.
  const reply = result as Envelope<{ remind: { ok: true; data: Summary } | { ok: false; error: string } }>;
  if (!reply.ok) throw new Error(`timer failed: ${reply.error.code} ${reply.error.message}`);
  if (!reply.data.remind.ok) throw new Error(`reminders failed: ${reply.data.remind.error}`);
  lastRequests = dbRequests;
  return reply.data.remind.data;
};
const sentTo = (openid: string) => cloud.devcloud.outbox.list({ touser: openid, templateId: STUDY_REMINDER_TEMPLATE_ID });
let seq = 0;
const consent = async (openid: string) => {
  const reply = (
    await cloud.call<Envelope<{ credits: number }>>(
      'stats',
      { action: 'subscribe', data: { results: { [STUDY_REMINDER_TEMPLATE_ID]: 'accept' }, requestId: `sub-${(seq += 1)}` } },
      openid,
    )
  ).result;
  if (!reply.ok) throw new Error(reply.error.code);
  return reply.data.credits;
};

describe('scheduled 催学', () => {
  it('refuses a timer-shaped event sent by a user', async () => {
    const forged = (await cloud.call<Envelope<unknown>>('stats', timerEvent(5), DEMO_OPENIDS.admin)).result;
    expect(forged.ok ? null : forged.error.code).toBe('AUTH.FORBIDDEN');
    expect(cloud.devcloud.outbox.list()).toHaveLength(0);
  });

  it('reminds consenting members with open tasks only on their subtree’s days, once a day', async () => {
    expect(await consent(DEMO_OPENIDS.member)).toBe(1);
    expect(await consent(DEMO_OPENIDS.member)).toBe(2);
    expect(await consent(DEMO_OPENIDS.member2)).toBe(1);

    // The 6th is nobody's day.
    expect(await fireTimer(6)).toMatchObject({ due: 0, counts: {} });
    expect(cloud.devcloud.outbox.list()).toHaveLength(0);
    // Consents, their members, the settings on their paths: nothing about the rest of the county (and the
    // export housekeeping's two queries, finding nothing to clean).
    expect(lastRequests).toBeLessThanOrEqual(3 + 2);

    // The 5th: the default days, but not the demo branch's (it chose the 7th).
    const fifth = await fireTimer(5);
    expect(fifth).toMatchObject({ day: `${month}-05`, due: 1, counts: { sent: 1 }, deferred: 0 });
    expect(sentTo(DEMO_OPENIDS.member2)).toHaveLength(1);
    expect(sentTo(DEMO_OPENIDS.member)).toHaveLength(0);
    // A re-run of the same day's trigger sends nothing new.
    await fireTimer(5);
    expect(sentTo(DEMO_OPENIDS.member2)).toHaveLength(1);

    // The 7th: the demo branch's day; its member who never consented gets nothing.
    const seventh = await fireTimer(7);
    expect(seventh).toMatchObject({ due: 1, counts: { sent: 1 } });
    expect(sentTo(DEMO_OPENIDS.member)).toHaveLength(1);
    expect(sentTo('wx-silent')).toHaveLength(0);

    // The 15th: member2's consent is used up; the demo branch does not remind on the 15th.
    expect(await fireTimer(15)).toMatchObject({ due: 0, counts: {} });
    expect(cloud.devcloud.outbox.list()).toHaveLength(2);

    const records = cloud.snapshot(['studyReminders']).studyReminders as {
      memberId: string;
      day: string;
      by: string;
      month: string;
      branchId: string;
    }[];
    expect(
      records
        .map(({ memberId, day, by, month: m, branchId }) => ({ memberId, day, by, month: m, branchId }))
        .sort((a, b) => a.day.localeCompare(b.day)),
    ).toEqual([
      { memberId: member2._id, day: `${month}-05`, by: 'schedule', month, branchId: member2.branchId },
      { memberId: member._id, day: `${month}-07`, by: 'schedule', month, branchId: member.branchId },
    ]);
    expect(silent._id).not.toBe(member._id);
  });
});

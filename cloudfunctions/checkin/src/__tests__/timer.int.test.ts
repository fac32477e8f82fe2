import type { CheckinEventSummary, Envelope } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import { startTestCloud, type TestCloud } from '@zbxx/testing';

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');

jest.setTimeout(30_000);

const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, studyMonth: monthOf(NOW), today: NOW });

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ now: NOW, functions: ['checkin'], seed: county.collections as unknown as Record<string, object[]> });
}, 60_000);
afterAll(async () => {
  await cloud?.close();
});

const MINUTE = 60_000;
const at = (offsetMinutes: number) => new Date(cloud.clock.now() + offsetMinutes * MINUTE).toISOString();
const call = <T>(action: string, data: unknown, openid: string) => cloud.call<Envelope<T>>('checkin', { action, data }, openid);
const ok = <T>(reply: Envelope<T>): T => {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const errorCode = (reply: Envelope<unknown>) => (reply.ok ? null : reply.error.code);
const timerEvent = () => ({ Type: 'Timer', TriggerName: 'remind', Time: cloud.clock.date().toISOString() });
/** As the platform starts a timer trigger: no caller identity at all. */
const fireTimer = async () =>
  (await cloud.devcloud.invoke('checkin', timerEvent(), null)).result as Envelope<{ sent: number; failed: number }>;

async function createEvent(fields: Record<string, unknown>): Promise<CheckinEventSummary> {
  const { result } = await call<{ event: CheckinEventSummary }>(
    'saveEvent',
    { place: '东关社区党群服务中心', ...fields },
    DEMO_OPENIDS.secretary,
  );
  return ok(result).event;
}

describe('day-before reminders on a timer', () => {
  it('refuses a timer-shaped event that carries a user identity, and still refuses ordinary calls without one', async () => {
    const soon = await createEvent({ startsAt: at(60), checkinOpensAt: at(30), endsAt: at(120), theme: '伪造定时器不应发送' });
    ok((await call('subscribeReminder', { eventId: soon.eventId }, DEMO_OPENIDS.member)).result);

    // A client can send any event body; the platform still attaches its OPENID, which a real timer never has.
    const forged = await cloud.call<Envelope<unknown>>('checkin', timerEvent(), DEMO_OPENIDS.admin);
    expect(errorCode(forged.result)).toBe('AUTH.FORBIDDEN');
    expect(cloud.devcloud.outbox.list({ touser: DEMO_OPENIDS.member })).toHaveLength(0);

    const anonymous = (await cloud.devcloud.invoke('checkin', { action: 'myEvents', data: {} }, null)).result as Envelope<unknown>;
    expect(errorCode(anonymous)).toBe('AUTH.NO_IDENTITY');
    const anonymousSend = (await cloud.devcloud.invoke('checkin', { action: 'sendDueReminders', data: {} }, null))
      .result as Envelope<unknown>;
    expect(errorCode(anonymousSend)).toBe('AUTH.NO_IDENTITY');
    expect(cloud.devcloud.outbox.list({ touser: DEMO_OPENIDS.member })).toHaveLength(0);
  });

  it('sends each due reminder once, only to subscribers, and nothing on the next run', async () => {
    const before = cloud.devcloud.outbox.list().length;
    const tomorrow = await createEvent({ startsAt: at(90), checkinOpensAt: at(60), endsAt: at(150), theme: '学习党章主题党日' });
    const later = await createEvent({ startsAt: at(60 * 72), endsAt: at(60 * 74) });
    ok((await call('subscribeReminder', { eventId: tomorrow.eventId }, DEMO_OPENIDS.member)).result);
    ok((await call('subscribeReminder', { eventId: later.eventId }, DEMO_OPENIDS.member)).result);

    const first = ok(await fireTimer());
    // Due now: this test's event and the one the first test subscribed to (the forged timer sent nothing).
    expect(first).toEqual({ sent: 2, failed: 0 });
    const messages = cloud.devcloud.outbox.list().slice(before);
    expect(messages.map((m) => m.touser)).toEqual([DEMO_OPENIDS.member, DEMO_OPENIDS.member]);
    expect(messages.map((m) => (m.data as { thing1: { value: string } }).thing1.value).sort()).toEqual(
      ['伪造定时器不应发送', '学习党章主题党日'].sort(),
    );
    expect(messages[0]).toMatchObject({ templateId: 'tmpl-partyday-reminder', page: 'pages/party-day/index', functionName: 'checkin' });

    // Nobody else subscribed, so nobody else hears about it; a second run sends nothing new.
    expect(ok(await fireTimer())).toEqual({ sent: 0, failed: 0 });
    expect(cloud.devcloud.outbox.list().length).toBe(before + 2);
  });
});

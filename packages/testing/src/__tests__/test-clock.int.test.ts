/**
 * The test clock through real, unmodified function bundles: the instant a function works with, the 30 s TOTP step
 * of the check-in code, and a lease on an export job all follow devcloud's clock, so tests move time instead of
 * sleeping (and never depend on the hour they run at).
 */
import type { CheckinEventSummary, Envelope, ExportJob } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import { codeAtStep, timeStep } from '@zbxx/domain/src/checkin/code';
import { startTestCloud, type TestCloud } from '..';

jest.setTimeout(60_000);

// 06:30 Beijing: before the demo's 08:30 event would start on a real morning, and a step boundary (30 s).
const T = new Date('2027-03-10T06:30:00+08:00');
const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, today: T });
const LEASE_MS = 90_000; // cloudfunctions/stats/src/export/export-jobs.ts

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({
    functions: ['checkin', 'stats'],
    now: T,
    frozen: true,
    seed: county.collections as unknown as Record<string, object[]>,
  });
}, 120_000);
afterAll(async () => {
  await cloud?.close();
});

const ok = <R>(reply: Envelope<R>): R => {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const checkin = async <R>(action: string, data: unknown, openid: string = DEMO_OPENIDS.secretary) =>
  (await cloud.call<Envelope<R>>('checkin', { action, data }, openid)).result;
const stats = async <R>(action: string, data: unknown) =>
  (await cloud.call<Envelope<R>>('stats', { action, data }, DEMO_OPENIDS.admin)).result;
const iso = (offsetMs: number) => new Date(cloud.clock.now() + offsetMs).toISOString();

describe('the test clock seen by functions', () => {
  it('a function works at the set instant: check-in opening 5 minutes after it is not open yet, and opens when the clock gets there', async () => {
    const event = ok(
      await checkin<{ event: CheckinEventSummary }>('saveEvent', {
        place: '党群服务中心',
        checkinOpensAt: iso(5 * 60_000),
        startsAt: iso(10 * 60_000),
        endsAt: iso(70 * 60_000),
      }),
    ).event;
    expect(event.phase).toBe('upcoming');
    expect(new Date(event.startsAt).getTime()).toBe(T.getTime() + 10 * 60_000);
    const early = await checkin('currentCode', { eventId: event.eventId });
    expect(early.ok ? null : early.error.code).toBe('CHECKIN.NOT_OPEN');
    // The clock moves; no one waits.
    cloud.clock.advance(5 * 60_000);
    expect(ok(await checkin<{ code: string }>('currentCode', { eventId: event.eventId })).code).toMatch(/^\d{6}$/);
  });

  it('the code shown follows the 30 s TOTP step of the clock, and a code two steps old is refused', async () => {
    const event = ok(
      await checkin<{ event: CheckinEventSummary }>('saveEvent', {
        place: '党群服务中心',
        startsAt: iso(5 * 60_000),
        endsAt: iso(60 * 60_000),
        checkinOpensAt: iso(-60_000),
      }),
    ).event;
    const secret = (cloud.engine.find('checkinEvents', { _id: event.eventId })[0] as unknown as { secret: string }).secret;
    const stepNow = timeStep(cloud.clock.date());
    const shown = ok(await checkin<{ code: string; validUntil: string }>('currentCode', { eventId: event.eventId }));
    expect(shown.code).toBe(codeAtStep(secret, stepNow));
    expect(new Date(shown.validUntil).getTime()).toBe((stepNow + 1) * 30_000);

    cloud.clock.advance(30_000);
    expect(ok(await checkin<{ code: string }>('currentCode', { eventId: event.eventId })).code).toBe(codeAtStep(secret, stepNow + 1));

    cloud.clock.advance(30_000);
    const late = await checkin('checkIn', { eventId: event.eventId, code: shown.code }, DEMO_OPENIDS.member);
    expect(late.ok ? null : late.error.code).toBe('CHECKIN.BAD_CODE');
    const fresh = await checkin('checkIn', { eventId: event.eventId, code: codeAtStep(secret, stepNow + 2) }, DEMO_OPENIDS.member);
    expect(fresh.ok).toBe(true);
  });

  it('a lease another step holds keeps an export job still until the clock passes it, as the real clock would', async () => {
    const month = monthOf(T);
    const started = ok(
      await stats<ExportJob>('exportWorkbook', { fromMonth: month, toMonth: month, requestId: 'clock-lease', stepBudgetMs: 0 }),
    );
    const exportId = started.exportId;
    const next = () => (cloud.engine.find('statsExports', { _id: exportId })[0] as unknown as { next: number }).next;
    const before = next();
    // A step that took the lease just now and died: its lease runs for LEASE_MS from now.
    cloud.engine.update(
      'statsExports',
      { _id: exportId },
      { $set: { leaseId: 'a-dead-step', leaseUntil: new Date(cloud.clock.now() + LEASE_MS) } },
    );

    cloud.clock.advance(LEASE_MS - 1000);
    ok(await stats<ExportJob>('exportStep', { exportId, stepBudgetMs: 0 }));
    expect(next()).toBe(before);

    cloud.clock.advance(2000);
    ok(await stats<ExportJob>('exportStep', { exportId, stepBudgetMs: 0 }));
    expect(next()).toBeGreaterThan(before);
  });
});

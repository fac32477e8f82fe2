import { testClockNow } from '@zbxx/testing';
import type { Envelope } from '@zbxx/contracts';
import { codeAtStep, timeStep } from '@zbxx/domain/src/checkin/code';
import { qualityCounty, CALLER_OPENIDS, SUBJECT } from '../support/quality-county';
import { attacker } from './support/attacker';
import { seededCloud } from './support/seeded-cloud';

/**
 * Race (check, then charge): a burst of check-in code guesses.
 *
 * Attacker: demo-member, at today's open 主题党日 of their branch, without the code. The lockout allows 10
 * wrong codes per 10 minutes. Goal: more than 10 guesses checked against the code, by sending 40 guesses at
 * once so that each passes the lockout check before any failure is recorded.
 * Budget: 41 function calls (the burst and one more), 60 s.
 * The attacker wins if more than 10 guesses are answered "wrong code" (each is a guess the server verified),
 * or if the right code is still verified after the lockout.
 * The instant is QUALITY_NOW on devcloud's test clock (running on from there), which the codes are computed from.
 */

jest.setTimeout(120_000);

const county = qualityCounty();
const MAX_WRONG_CODES = 10;
const BURST = 40;

const env = seededCloud(county.collections);

const secret = () => (env.qc.cloud.engine.find('checkinEvents', { _id: SUBJECT.todayEventId })[0] as unknown as { secret: string }).secret;

/** Codes that are none of the steps around `at` (so each guess is wrong whenever it is checked). */
function wrongCodes(at: Date, count: number): string[] {
  const step = timeStep(at);
  const valid = new Set([-2, -1, 0, 1, 2].map((d) => codeAtStep(secret(), step + d)));
  const codes: string[] = [];
  for (let n = 100_000; codes.length < count; n += 7_919) if (!valid.has(String(n))) codes.push(String(n));
  return codes;
}

describe('attack: a parallel burst of check-in codes', () => {
  it('verifies no more guesses than the lockout allows, and refuses the right code once locked', async () => {
    // The function host starts its workers one at a time: warm them all (8), as a busy morning would, so the
    // burst really runs in parallel.
    await Promise.all(Array.from({ length: 24 }, () => env.qc.call('checkin', 'myEvents', {}, CALLER_OPENIDS.member)));
    const member = attacker(env.qc, CALLER_OPENIDS.member, { requests: BURST + 1, seconds: 60 });
    const startedAt = testClockNow();
    const replies = await Promise.all(
      wrongCodes(startedAt, BURST).map((code) => member.call('checkin', 'checkIn', { eventId: SUBJECT.todayEventId, code })),
    );
    const tally: Record<string, number> = {};
    for (const reply of replies) {
      const key = reply.ok ? 'ok' : reply.error.code;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    const right = await member.call('checkin', 'checkIn', {
      eventId: SUBJECT.todayEventId,
      code: codeAtStep(secret(), timeStep(testClockNow())),
    });
    console.log(
      `race-checkin-lockout: ${JSON.stringify({ burst: BURST, tally, rightCodeAfter: right.ok ? 'accepted' : right.error.code })}`,
    );
    expect(tally.ok ?? 0).toBe(0);
    expect(tally['CHECKIN.BAD_CODE'] ?? 0).toBeLessThanOrEqual(MAX_WRONG_CODES);
    expect(right.ok ? 'accepted' : right.error.code).toBe('AUTH.RATE_LIMITED');
  });

  it('costs a successful check-in at most one database request more than before (7)', async () => {
    const code = codeAtStep(secret(), timeStep(testClockNow()));
    const { result, dbRequests } = await env.qc.cloud.call<Envelope<unknown>>(
      'checkin',
      { action: 'checkIn', data: { eventId: SUBJECT.todayEventId, code } },
      CALLER_OPENIDS.ownSecretary,
    );
    console.log(`race-checkin-lockout: a successful checkIn took ${dbRequests} database requests`);
    expect(result.ok).toBe(true);
    expect(dbRequests).toBeLessThanOrEqual(8);
  });
});

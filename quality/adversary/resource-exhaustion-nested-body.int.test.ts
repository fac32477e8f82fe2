/**
 * Resource exhaustion (issue 14, finding 2): one small request must not take a function down for everyone.
 *
 * Attacker: any member who can reach the h5 function gateway (`POST /api/functions/<name>`).
 * Goal: make `account` answer errors to other members, by sending ~200 KB of `[[[[…` (a body so deeply nested
 * that handing it to a function worker fails), then letting the victims call.
 * Budget: 5 requests, 20 s.
 * Attacker wins if a victim's ordinary call fails after the attack, or if the body is not refused as input.
 */
import { attacker } from './support/attacker';
import { startQualityCloud, type QualityCloud } from '../support/quality-cloud';
import { CALLER_OPENIDS, qualityCounty } from '../support/quality-county';

jest.setTimeout(60_000);

const county = qualityCounty();
let qc: QualityCloud;

beforeAll(async () => {
  qc = await startQualityCloud(county.collections as unknown as Record<string, object[]>);
}, 120_000);
afterAll(async () => {
  await qc?.close();
});

const DEPTH = 200_000;

async function postRaw(fn: string, body: string, openid: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${qc.cloud.devcloud.url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body,
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

it('a deeply nested body is refused as INPUT.INVALID and leaves the function serving everyone else', async () => {
  const mallory = attacker(qc, CALLER_OPENIDS.memberOtherBranch, { requests: 5, seconds: 20 });
  const victim = attacker(qc, CALLER_OPENIDS.member, { requests: 10, seconds: 20 });
  // Warm one instance first: the attack aims at a worker the victims will be handed.
  expect(await victim.call('account', 'login')).toMatchObject({ ok: true });

  const nested = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
  const refusals: unknown[] = [];
  for (let sent = 0; sent < mallory.budget.requests && mallory.canSpend(); sent++) {
    refusals.push(await postRaw('account', nested, mallory.openid));
  }
  expect(refusals).toHaveLength(mallory.budget.requests);
  for (const refusal of refusals) {
    expect(refusal).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INPUT.INVALID' } } });
  }

  // Every victim call succeeds at once: no worker was left marked busy.
  const answers = await Promise.all([1, 2, 3].map(() => victim.call('account', 'login').catch((err: Error) => err.message)));
  expect(answers).toEqual([
    expect.objectContaining({ ok: true }),
    expect.objectContaining({ ok: true }),
    expect.objectContaining({ ok: true }),
  ]);
});

it('an event that cannot be handed to a worker (in-process call) fails alone and releases the worker', async () => {
  // Built without JSON so it reaches the host even if a gateway check is bypassed (e.g. cloud.callFunction).
  let deep: unknown = [];
  for (let i = 0; i < DEPTH; i++) deep = [deep];
  const failure = await qc.cloud.devcloud.invoke('account', { action: 'login', data: deep }, CALLER_OPENIDS.memberOtherBranch).then(
    () => 'accepted',
    (err: Error & { code?: string }) => err.code ?? err.message,
  );
  expect(failure).toBe('INPUT.INVALID');
  const after = await Promise.all(
    [1, 2, 3].map(() => qc.call('account', 'login', undefined, CALLER_OPENIDS.member).catch((e: Error) => e.message)),
  );
  expect(after).toEqual([
    expect.objectContaining({ ok: true }),
    expect.objectContaining({ ok: true }),
    expect.objectContaining({ ok: true }),
  ]);
});

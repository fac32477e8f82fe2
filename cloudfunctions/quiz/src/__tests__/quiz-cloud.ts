import type { Envelope } from '@zbxx/contracts';
import { startTestCloud, type TestCloud } from '@zbxx/testing';

/** A devcloud hosting `quiz` for one test file, seeded with `seed`; `quiz(...)` calls it as a WeChat user. */
/** `now`: the instant the suite runs at (the test clock is set to it). */
export function useQuizCloud(seed: () => Record<string, readonly object[]>, now: Date) {
  let cloud: TestCloud | undefined;
  beforeAll(async () => {
    cloud = await startTestCloud({ functions: ['quiz'], seed: seed(), now });
  }, 60_000);
  afterAll(async () => {
    await cloud?.close();
  });
  const current = (): TestCloud => {
    if (!cloud) throw new Error('the test cloud is not running (use inside a test)');
    return cloud;
  };
  return {
    cloud: current,
    quiz: <T>(action: string, data: unknown, openid: string) => current().call<Envelope<T>>('quiz', { action, data }, openid),
  };
}

export function ok<T>(reply: Envelope<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}

export const errorCode = (reply: Envelope<unknown>) => (reply.ok ? null : reply.error.code);

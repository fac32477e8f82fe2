import type { Envelope } from '@zbxx/contracts';
import { startTestCloud, type TestCloud } from '@zbxx/testing';
import type { RawCollections } from './independent-month';

export interface StatsCloud {
  /** Set once `beforeAll` has run. */
  cloud: TestCloud;
  call<T>(action: string, data: unknown, openid: string): Promise<Envelope<T>>;
}

/**
 * A devcloud hosting `stats`, seeded with `raw`, for the suite that calls this (started and closed around it); its
 * test clock runs from `now`, the instant the suite states.
 */
export function useStatsCloud(raw: RawCollections, now: Date): StatsCloud {
  const handle = {
    cloud: undefined as unknown as TestCloud,
    async call<T>(action: string, data: unknown, openid: string) {
      return (await handle.cloud.call<Envelope<T>>('stats', { action, data }, openid)).result;
    },
  };
  beforeAll(async () => {
    handle.cloud = await startTestCloud({ functions: ['stats'], seed: raw as unknown as Record<string, object[]>, now });
  }, 180_000);
  afterAll(async () => {
    await handle.cloud?.close();
  });
  return handle;
}

export function ok<T>(reply: Envelope<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}

export const errorCode = (reply: Envelope<unknown>) => (reply.ok ? null : reply.error.code);

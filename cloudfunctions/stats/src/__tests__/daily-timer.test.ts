import type { TimerContext } from '@zbxx/server';
import { dailyTimer } from '../daily-timer';

const ctx = {
  trigger: { Type: 'Timer', TriggerName: 'scheduledRemind', Time: '2026-11-22T01:00:00.000Z' },
  db: {},
  now: new Date('2026-11-22T01:00:00.000Z'),
  random: Math.random,
} as unknown as TimerContext;

describe('dailyTimer', () => {
  it('runs every job in order; one that fails is reported and the others still run', async () => {
    const ran: string[] = [];
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcomes = await dailyTimer(ctx, {
      first: async () => {
        ran.push('first');
        throw new Error('boom');
      },
      second: async () => {
        ran.push('second');
        return { done: 1 };
      },
    });
    expect(ran).toEqual(['first', 'second']);
    expect(outcomes).toEqual({ first: { ok: false, error: 'boom' }, second: { ok: true, data: { done: 1 } } });
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});

import type { TimerContext } from '@zbxx/server';
import { exportHousekeepingOnTimer } from './export/export-housekeeping';
import { scheduledRemindOnTimer } from './reminders';

type TimerJob = (ctx: TimerContext) => Promise<unknown>;
export type TimerJobOutcome = { ok: true; data: unknown } | { ok: false; error: string };

/** What the daily trigger runs, in this order. */
const DAILY_JOBS: Record<string, TimerJob> = { remind: scheduledRemindOnTimer, exportHousekeeping: exportHousekeepingOnTimer };

/**
 * The function's one timer trigger (config.json `scheduledRemind`, 09:00 daily) runs every daily job, each
 * isolated: one that fails is logged and reported, and the others still run.
 */
export async function dailyTimer(ctx: TimerContext, jobs: Record<string, TimerJob> = DAILY_JOBS): Promise<Record<string, TimerJobOutcome>> {
  const outcomes: Record<string, TimerJobOutcome> = {};
  for (const [name, job] of Object.entries(jobs)) {
    try {
      outcomes[name] = { ok: true, data: await job(ctx) };
    } catch (error) {
      console.error(`[stats.timer:${ctx.trigger.TriggerName}] ${name} failed`, error);
      outcomes[name] = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return outcomes;
}

/**
 * The daily timer's export housekeeping: a job left for a day loses its parts and expires, a file a week old is
 * deleted; running and recent jobs are not touched, a second run changes nothing, and an expired job answers
 * 导出已过期 until 生成 starts it afresh.
 */
import type { Envelope, ExportJob } from '@zbxx/contracts';
import { DEMO_OPENIDS } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import type { TimerJobOutcome } from '../daily-timer';
import type { ExportHousekeepingSummary } from '../export/export-housekeeping';
import { runExport } from './export-runner';
import { useStatsCloud } from './stats-cloud';
import { statsCounty } from './stats-county';

jest.setTimeout(120_000);

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const now = new Date('2026-12-08T10:00:00+08:00');
const month = monthOf(now);
const raw = statsCounty({ today: now, seed: 7, members: 120, branches: 6, committees: 3 });
const range = { fromMonth: month, toMonth: month };
const HOUR = 3600_000;

const stats = useStatsCloud(raw, now);

const call = async (action: string, data: unknown) =>
  (await stats.cloud.call<Envelope<ExportJob>>('stats', { action, data }, DEMO_OPENIDS.admin)).result;
const jobOf = (exportId: string) =>
  stats.cloud.engine.find('statsExports', { _id: exportId })[0] as unknown as { status: string; next: number; expiredAt?: Date };
const partsOf = (exportId: string) => stats.cloud.engine.find('statsExportParts', { exportId });
const age = (exportId: string, ms: number, extra: Record<string, unknown> = {}) =>
  stats.cloud.engine.update('statsExports', { _id: exportId }, { $set: { updatedAt: new Date(now.getTime() - ms), ...extra } });
const fileStatus = async (url: string) => (await fetch(url)).status;

/** A job two units in: its parts saved, its cursor moved, nobody stepping it. */
async function startedJob(requestId: string): Promise<string> {
  const reply = await call('exportWorkbook', { ...range, requestId, stepBudgetMs: 0 });
  if (!reply.ok) throw new Error(reply.error.message);
  const step = await call('exportStep', { exportId: reply.data.exportId, stepBudgetMs: 0 });
  if (!step.ok || step.data.status !== 'running') throw new Error('expected a running job');
  return reply.data.exportId;
}

async function fireTimer(): Promise<{ remind: TimerJobOutcome; exportHousekeeping: ExportHousekeepingSummary }> {
  const event = { Type: 'Timer', TriggerName: 'scheduledRemind', Time: now.toISOString() };
  const { result } = await stats.cloud.devcloud.invoke('stats', event, null);
  const reply = result as Envelope<Record<'remind' | 'exportHousekeeping', TimerJobOutcome>>;
  if (!reply.ok) throw new Error(`timer failed: ${reply.error.code}`);
  const { remind, exportHousekeeping } = reply.data;
  if (!exportHousekeeping.ok) throw new Error(`housekeeping failed: ${exportHousekeeping.error}`);
  return { remind, exportHousekeeping: exportHousekeeping.data as ExportHousekeepingSummary };
}

describe('export housekeeping on the daily timer', () => {
  it('expires the abandoned job and deletes the old file; running, leased and recent jobs are not touched; a re-run changes nothing', async () => {
    const abandoned = await startedJob('hk-abandoned');
    const recentRunning = await startedJob('hk-recent');
    const leased = await startedJob('hk-leased');
    const recentDone = (await runExport(stats.cloud, DEMO_OPENIDS.admin, { ...range, requestId: 'hk-done-recent' })).result;
    const oldDone = (await runExport(stats.cloud, DEMO_OPENIDS.admin, { ...range, requestId: 'hk-done-old' })).result;
    const fileGone = (await runExport(stats.cloud, DEMO_OPENIDS.admin, { ...range, requestId: 'hk-done-file-gone' })).result;
    expect(partsOf(abandoned).length).toBeGreaterThan(0);
    expect(await fileStatus(oldDone.url)).toBe(200);

    age(abandoned, 25 * HOUR);
    // Idle for 23 hours: not yet.
    age(recentRunning, 23 * HOUR);
    // Idle for two days but a step holds it now: left to the step.
    age(leased, 48 * HOUR, { leaseId: 'a-step', leaseUntil: new Date(now.getTime() + HOUR) });
    // Done six days ago: its file stays; done eight days ago: deleted.
    age(recentDone.exportId, 6 * 24 * HOUR);
    age(oldDone.exportId, 8 * 24 * HOUR);
    // Done long ago, its file gone already (deleted by hand, or by a run whose reply was lost): expired all the same.
    age(fileGone.exportId, 30 * 24 * HOUR, { 'file.fileId': fileGone.fileId.replace(/[^/]+$/, 'missing.xlsx') });
    const untouched = [recentRunning, leased, recentDone.exportId];
    const before = Object.fromEntries(untouched.map((id) => [id, { job: jobOf(id), parts: partsOf(id) }]));

    const first = await fireTimer();
    expect(first.exportHousekeeping).toEqual({ expired: 1, filesDeleted: 2, skipped: 1, deferred: false });
    // The reminders ran in the same trigger, isolated from the housekeeping.
    expect(first.remind).toMatchObject({ ok: true });

    expect(jobOf(abandoned)).toMatchObject({ status: 'expired', expiredAt: expect.any(Date), partsRemovedAt: expect.any(Date) });
    expect(partsOf(abandoned)).toEqual([]);
    expect(jobOf(oldDone.exportId)).toMatchObject({ status: 'expired', file: { fileId: oldDone.fileId } });
    expect(await fileStatus(oldDone.url)).toBe(404);
    expect(jobOf(fileGone.exportId)).toMatchObject({ status: 'expired' });
    for (const id of untouched) expect({ job: jobOf(id), parts: partsOf(id) }).toEqual(before[id]);
    expect(await fileStatus(recentDone.url)).toBe(200);

    const snapshot = stats.cloud.snapshot(['statsExports', 'statsExportParts']);
    const second = await fireTimer();
    expect(second.exportHousekeeping).toEqual({ expired: 0, filesDeleted: 0, skipped: 1, deferred: false });
    expect(stats.cloud.snapshot(['statsExports', 'statsExportParts'])).toEqual(snapshot);
  });

  it('a step of an expired job answers 导出已过期 and changes nothing; 生成 with the same request starts it afresh', async () => {
    const expired = stats.cloud.engine.find('statsExports', { status: 'expired' }) as unknown as { _id: string; requestId: string }[];
    expect(expired.map((j) => j.requestId).sort()).toEqual(['hk-abandoned', 'hk-done-file-gone', 'hk-done-old']);
    const snapshot = stats.cloud.snapshot(['statsExports', 'statsExportParts']);
    for (const { _id } of expired) {
      expect(await call('exportStep', { exportId: _id })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: '导出已过期，请重新导出' },
      });
    }
    expect(stats.cloud.snapshot(['statsExports', 'statsExportParts'])).toEqual(snapshot);

    // The page's 重试 sends the same requestId: the same job, made afresh and finished.
    const again = await runExport(stats.cloud, DEMO_OPENIDS.admin, { ...range, requestId: 'hk-abandoned' });
    expect(again.result.exportId).toBe(expired.find((j) => j.requestId === 'hk-abandoned')!._id);
    expect(jobOf(again.result.exportId)).toMatchObject({ status: 'done' });
    expect(jobOf(again.result.exportId)).not.toHaveProperty('partsRemovedAt');
    expect(await fileStatus(again.result.url)).toBe(200);
  });

  it('a clean-up that stopped before the parts were all removed: still expired, and the next run finishes it', async () => {
    const exportId = await startedJob('hk-half-cleaned');
    // As the timer leaves a job it expired and then stopped (its function timed out) before removing the parts.
    age(exportId, 30 * HOUR, { status: 'expired', expiredAt: now });
    expect(partsOf(exportId).length).toBeGreaterThan(0);
    // Not yet made afresh: parts may still be being removed.
    expect(await call('exportWorkbook', { ...range, requestId: 'hk-half-cleaned' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '导出已过期，请重新导出' },
    });
    expect((await fireTimer()).exportHousekeeping).toEqual({ expired: 1, filesDeleted: 0, skipped: 1, deferred: false });
    expect(partsOf(exportId)).toEqual([]);
    expect(jobOf(exportId)).toMatchObject({ status: 'expired', partsRemovedAt: expect.any(Date) });
  });
});

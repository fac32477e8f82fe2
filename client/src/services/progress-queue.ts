import type { ProgressReport, ReportProgressResult } from '@zbxx/contracts';
import { studyService } from './study';
import { studyStorage } from './study-storage';

/**
 * Progress batches wait in storage until the server acknowledges them (`settled`), so a batch made offline
 * or lost with a dropped connection is sent again later; the server ignores one it has already applied.
 */
export function enqueueReport(report: ProgressReport): void {
  studyStorage.saveQueue([...studyStorage.loadQueue(), report].slice(-200));
}

let flushing: Promise<ReportProgressResult | null> | null = null;

/** Sends what is queued; resolves with the server's answer, or null when offline or nothing was queued. */
export function flushReports(send: typeof studyService.reportProgress = studyService.reportProgress): Promise<ReportProgressResult | null> {
  if (flushing) return flushing;
  flushing = (async () => {
    const queue = studyStorage.loadQueue();
    if (queue.length === 0) return null;
    const batch = queue.slice(0, 100);
    try {
      const result = await send(batch);
      const settled = new Set(result.settled);
      // Re-read: batches added while the call was in flight stay queued.
      studyStorage.saveQueue(studyStorage.loadQueue().filter((report) => !settled.has(report.batchId)));
      return result;
    } catch {
      return null;
    }
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

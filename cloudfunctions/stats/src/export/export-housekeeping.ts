/**
 * Export housekeeping, run by the stats function's daily timer:
 * - a job nobody has stepped for a day (the admin closed the page) is marked expired and its parts removed;
 * - a finished job's file is deleted after a week, and the job marked expired.
 * An exportStep on an expired job answers 导出已过期，请重新导出; 生成 with the same requestId starts afresh.
 * Each job is cleaned by conditional writes, so a re-run (or a run that stopped half-way) redoes nothing
 * twice; every run reads at most MAX_JOBS_PER_RUN jobs per kind, in pages, and leaves the rest to the next day.
 */
import { deleteFiles, type Db, type TimerContext } from '@zbxx/server';
import { expireDoneJob, expireIdleJob, findDoneJobFiles, findIdleJobIds, markPartsRemoved, removeParts } from './export-jobs';

export const IDLE_JOB_MS = 24 * 3600_000;
export const FILE_KEEP_MS = 7 * 24 * 3600_000;
const PAGE = 100;
const MAX_JOBS_PER_RUN = 500;

export interface ExportHousekeepingSummary {
  /** Idle jobs expired and their parts removed. */
  expired: number;
  /** Finished jobs whose file was deleted. */
  filesDeleted: number;
  /** Jobs looked at and left as they are (a step holds it; a file the platform would not delete). */
  skipped: number;
  /** More jobs were due than one run takes: the next run goes on. */
  deferred: boolean;
}

export async function exportHousekeepingOnTimer({ db, now }: TimerContext): Promise<ExportHousekeepingSummary> {
  const summary: ExportHousekeepingSummary = { expired: 0, filesDeleted: 0, skipped: 0, deferred: false };
  await expireIdleJobs(db, now, summary);
  await deleteOldFiles(db, now, summary);
  return summary;
}

async function expireIdleJobs(db: Db, now: Date, summary: ExportHousekeepingSummary): Promise<void> {
  const cutoff = new Date(now.getTime() - IDLE_JOB_MS);
  await inPages(
    summary,
    (skip) => findIdleJobIds(db, cutoff, skip, PAGE),
    async (ids) => {
      let left = 0;
      for (const id of ids) {
        if (!(await expireIdleJob(db, id, cutoff, now))) {
          left += 1;
          continue;
        }
        await removeParts(db, id);
        await markPartsRemoved(db, id, now);
        summary.expired += 1;
      }
      return left;
    },
  );
}

async function deleteOldFiles(db: Db, now: Date, summary: ExportHousekeepingSummary): Promise<void> {
  const cutoff = new Date(now.getTime() - FILE_KEEP_MS);
  await inPages(
    summary,
    (skip) => findDoneJobFiles(db, cutoff, skip, PAGE),
    async (jobs) => {
      const gone = await deleteFiles(jobs.flatMap((job) => (job.file ? [job.file.fileId] : [])));
      let left = 0;
      for (const job of jobs) {
        if (job.file && !gone.has(job.file.fileId)) {
          left += 1;
          continue;
        }
        await expireDoneJob(db, job._id, now);
        if (job.file) summary.filesDeleted += 1;
      }
      return left;
    },
  );
}

/**
 * Cleans due jobs a page at a time, at most MAX_JOBS_PER_RUN. `clean` answers how many of its page it left as
 * they are: cleaned jobs leave the query, so only those stay ahead of the next page and are skipped.
 */
async function inPages<T>(
  summary: ExportHousekeepingSummary,
  find: (skip: number) => Promise<T[]>,
  clean: (page: T[]) => Promise<number>,
): Promise<void> {
  let left = 0;
  let seen = 0;
  while (seen < MAX_JOBS_PER_RUN) {
    const page = await find(left);
    left += await clean(page);
    seen += page.length;
    if (page.length < PAGE) break;
  }
  summary.skipped += left;
  if (seen >= MAX_JOBS_PER_RUN) summary.deferred = true;
}

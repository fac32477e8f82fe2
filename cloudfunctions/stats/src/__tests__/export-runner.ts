import type { Envelope, ExportJob } from '@zbxx/contracts';
import type { TestCloud } from '@zbxx/testing';

export type DoneExport = Extract<ExportJob, { status: 'done' }>;

export interface ExportRun {
  result: DoneExport;
  /** Function calls made: the start and every step. */
  calls: number;
  dbRequests: number;
  /** Progress as each call answered it. */
  progress: ExportJob['progress'][];
}

/** Starts an export and steps it until done, as the client does; throws on the first error. */
export async function runExport(
  cloud: TestCloud,
  openid: string,
  data: Record<string, unknown>,
  stepBudgetMs?: number,
): Promise<ExportRun> {
  const call = async (action: string, input: unknown) => {
    const { result, dbRequests } = await cloud.call<Envelope<ExportJob>>('stats', { action, data: input }, openid);
    if (!result.ok) throw new Error(`${action}: ${result.error.code}: ${result.error.message}`);
    return { job: result.data, dbRequests };
  };
  const budget = stepBudgetMs === undefined ? {} : { stepBudgetMs };
  let { job, dbRequests } = await call('exportWorkbook', { ...data, ...budget });
  const progress = [job.progress];
  let calls = 1;
  while (job.status === 'running') {
    if (calls > 500) throw new Error('export did not finish in 500 calls');
    const next = await call('exportStep', { exportId: job.exportId, ...budget });
    job = next.job;
    dbRequests += next.dbRequests;
    progress.push(job.progress);
    calls += 1;
  }
  return { result: job, calls, dbRequests, progress };
}

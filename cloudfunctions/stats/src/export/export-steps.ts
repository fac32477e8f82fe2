/**
 * 统计导出 as a resumable job. A county year is 240,000 member-months and cannot fit one 60 s call, so:
 * - start: check the request, plan the units (export-plan.ts), create the job (idempotent by requestId);
 * - step: take the job's lease, run units until the step's time budget is spent, each unit's rows saved as a
 *   part and the cursor moved after it; the last unit streams every part into the .xlsx (exceljs, one part
 *   read at a time), uploads it, marks the job done and removes the parts.
 * A step that fails or dies leaves the job at its last saved unit: the next step resumes there. Only the job's
 * owner may step or see it (another admin of the node makes their own export: a job carries its owner's
 * requestId and link, and nothing else needs sharing), and only while still an admin above its node.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EXPORT_STEP_BUDGET_MS, type ExportJob } from '@zbxx/contracts';
import { AppError, membersRepo, requireBound, temporaryUrl, uploadFile, type Caller, type Db } from '@zbxx/server';
import { withTempWorkbookPath, writeStatsWorkbook } from '@zbxx/server/src/xlsx/stats-workbook';
import {
  canStartOver,
  claimJob,
  createJob,
  exportIdOf,
  getJob,
  partId,
  putPart,
  releaseJob,
  removeParts,
  updateLeased,
  type ExportFile,
  type ExportJobDoc,
} from './export-jobs';
import { partKey, partSeq, planExport, progressOf, withMemberPages, writeFitsNow, type ExportUnit } from './export-plan';
import { exportFileName, type ExportRequest } from './export-request';
import { UnitReader } from './export-units';
import { loadOrgLabels } from './org-labels';
import { partsWorkbookSource } from './parts-workbook-source';

/** Links to an export stay usable for a working day. */
const LINK_SECONDS = 8 * 3600;

export interface StepOptions {
  db: Db;
  now: Date;
  /** Units start only while less than this has passed in the step (the first always runs). */
  budgetMs?: number;
}

/** Finds or creates the job of this owner's request: the members on the roster size the plan (one count). */
export async function startExport(
  db: Db,
  request: ExportRequest,
  owner: { memberId: string; openid: string },
  requestId: string,
  now: Date,
): Promise<ExportJobDoc> {
  const exportId = exportIdOf(owner.memberId, requestId);
  const existing = await getJob(db, exportId);
  if (existing && !canStartOver(existing)) return existing;
  const members = await membersRepo.countMembersInOrg(db, request.node._id);
  return createJob(db, {
    _id: exportId,
    owner,
    requestId,
    nodeId: request.node._id,
    nodeName: request.node.name,
    nodeType: request.node.type,
    nodePath: request.nodePath,
    months: request.months,
    status: 'running',
    units: planExport(request.months, members),
    next: 0,
    rows: 0,
    materialIds: [],
    createdAt: now,
    updatedAt: now,
  });
}

/** The caller's own job, while they still administer its node; otherwise as if it did not exist. */
export async function ownJob(db: Db, caller: Caller, exportId: string): Promise<ExportJobDoc> {
  const me = requireBound(caller);
  const job = await getJob(db, exportId);
  if (!job || job.owner.memberId !== me.member._id) throw new AppError('NOT_FOUND', '导出任务不存在，请重新生成');
  if (!me.scope.adminOf.some((root) => job.nodePath.includes(root))) throw new AppError('AUTH.FORBIDDEN', '只能导出本级及下级组织的统计');
  return job;
}

/** Runs the job's next units for at most the budget; answers where it stands (done: with a fresh link). */
export async function stepExport(job: ExportJobDoc, { db, now, budgetMs = EXPORT_STEP_BUDGET_MS }: StepOptions): Promise<ExportJob> {
  if (job.status === 'expired') throw expiredError();
  if (job.status === 'done') return doneReply(job);
  const leaseId = randomUUID();
  const claimed = await claimJob(db, job._id, leaseId, now);
  if (!claimed) {
    // Another step holds the job (or just finished it): answer where it stands, the caller asks again.
    const fresh = (await getJob(db, job._id)) ?? job;
    if (fresh.status === 'expired') throw expiredError();
    return fresh.status === 'done' ? doneReply(fresh) : runningReply(fresh);
  }
  const started = Date.now();
  const reader = new UnitReader(db, claimed);
  let state = claimed;
  try {
    let ran = 0;
    while (state.next < state.units.length) {
      const unit = state.units[state.next] as ExportUnit;
      const elapsed = Date.now() - started;
      if (unit.sheet === 'write') {
        if (!writeFitsNow(ran, elapsed, budgetMs, state.rows)) break;
        const file = await writeFile(db, state, now);
        const finished = await updateLeased(db, state._id, leaseId, {
          status: 'done',
          file,
          next: state.units.length,
          updatedAt: now,
          leaseId: db.command.remove(),
          leaseUntil: db.command.remove(),
        });
        if (!finished) return runningReply(state);
        await removeParts(db, state._id);
        return doneReply({ ...state, status: 'done', file, next: state.units.length });
      }
      if (ran > 0 && elapsed >= budgetMs) break;
      if (unit.sheet === 'members' && state.memberPages?.month !== unit.month) {
        // The month's first page: plan its pages now (its branches and transfers as they are), then go on.
        state = await planMemberPages(db, reader, state, unit.month);
        continue;
      }
      const next = await runUnit(db, reader, state, unit);
      if (!(await updateLeased(db, state._id, leaseId, cursorOf(next, now)))) return runningReply(next);
      state = next;
      ran += 1;
    }
    await releaseJob(db, state._id, leaseId);
    return runningReply(state);
  } catch (error) {
    // The job stays at its last saved unit; let the next step in at once rather than after the lease.
    await releaseJob(db, state._id, leaseId).catch(() => undefined);
    throw error;
  }
}

/**
 * Plans a month's member pages and fits the plan to them; saved with the next unit's cursor. Parts of pages an
 * earlier plan had and this one drops are removed.
 */
async function planMemberPages(db: Db, reader: UnitReader, job: ExportJobDoc, month: string): Promise<ExportJobDoc> {
  const pages = await reader.planMemberPages(month);
  const { units, dropped } = withMemberPages(job.units, month, pages.length);
  const droppedIds = dropped.flatMap((u) => (u.sheet === 'write' ? [] : [partId(job._id, partKey(u))]));
  if (droppedIds.length > 0) await removeParts(db, job._id, droppedIds);
  return { ...job, units, memberPages: { month, pages } };
}

/** Runs one unit, saves its rows as the unit's part (the same id if run again) and answers the job after it. */
async function runUnit(
  db: Db,
  reader: UnitReader,
  job: ExportJobDoc,
  unit: Exclude<ExportUnit, { sheet: 'write' }>,
): Promise<ExportJobDoc> {
  const outcome = await reader.run(unit, job.memberPages?.month === unit.month ? job.memberPages.pages : []);
  await putPart(db, {
    _id: partId(job._id, partKey(unit)),
    exportId: job._id,
    sheet: unit.sheet,
    month: unit.month,
    seq: partSeq(job.months, unit),
    rows: outcome.rows,
  });
  return {
    ...job,
    next: job.next + 1,
    rows: job.rows + outcome.rows.length,
    materialIds: [...new Set([...job.materialIds, ...(outcome.materialIds ?? [])])],
  };
}

const cursorOf = (job: ExportJobDoc, now: Date) => ({
  units: job.units,
  next: job.next,
  rows: job.rows,
  materialIds: job.materialIds,
  ...(job.memberPages ? { memberPages: job.memberPages } : {}),
  updatedAt: now,
});

async function writeFile(db: Db, job: ExportJobDoc, _now: Date): Promise<ExportFile> {
  const labels = await loadOrgLabels(db, job.nodeId);
  return withTempWorkbookPath('export.xlsx', async (filePath) => {
    const written = await writeStatsWorkbook(filePath, partsWorkbookSource(db, job, labels));
    // One path per job: a write run again after a lost reply replaces the same file.
    const fileId = await uploadFile(`stats-exports/${job.nodeId}/${job._id}.xlsx`, await readFile(filePath));
    return { fileId, fileName: exportFileName(labels.node.name, job.months), bytes: written.bytes, sheets: written.sheets };
  });
}

/** Its parts or its file were removed by the daily housekeeping; 生成 (the same requestId) starts it afresh. */
const expiredError = () => new AppError('NOT_FOUND', '导出已过期，请重新导出');

function runningReply(job: ExportJobDoc): ExportJob {
  return { exportId: job._id, status: 'running', progress: progressOf(job.units, job.next) };
}

async function doneReply(job: ExportJobDoc): Promise<ExportJob> {
  const file = job.file as ExportFile;
  return {
    exportId: job._id,
    status: 'done',
    progress: progressOf(job.units, job.units.length),
    ...file,
    url: await temporaryUrl(file.fileId, LINK_SECONDS),
  };
}

/**
 * `statsExports` + `statsExportParts`: an export job and the rows its units have gathered so far.
 *
 * A job is named by its owner and the requestId of the 生成 tap, so a retried start finds the same job. Its
 * cursor (`next`, the plan index) moves only while a step holds the lease (`leaseId` until `leaseUntil`,
 * taken in a transaction as `org.importCommit` takes a roster import); every cursor write is conditional on
 * the lease, so a step that lost it cannot move the job. A part's id is its unit's, so a unit run twice (a
 * step that died between writing the part and moving the cursor) overwrites its part instead of adding rows.
 */
import { createHash } from 'node:crypto';
import type { Db, DocData, DocStore, MemberFactsPage, OrgDoc } from '@zbxx/server';
import type { ExportSheet, ExportUnit } from './export-plan';

export const EXPORT_COLLECTIONS = { jobs: 'statsExports', parts: 'statsExportParts' } as const;

export interface ExportFile {
  fileId: string;
  fileName: string;
  bytes: number;
  sheets: { name: string; rows: number }[];
}

export interface ExportJobDoc {
  _id: string;
  owner: { memberId: string; openid: string };
  requestId: string;
  nodeId: string;
  nodeName: string;
  nodeType: OrgDoc['type'];
  /** County … node. */
  nodePath: string[];
  months: string[];
  /** expired: left untouched for a day (its parts removed) or done for a week (its file deleted), see export-housekeeping.ts. */
  status: 'running' | 'done' | 'expired';
  units: ExportUnit[];
  /** Index of the next unit to run. */
  next: number;
  /** Rows gathered so far (sizes the write). */
  rows: number;
  /** Required materials of the months (年度数据's 发布必学资料), gathered by the 汇总 units. */
  materialIds: string[];
  /** The member pages of the month being read, planned at its first page (`planMemberFactsPages`). */
  memberPages?: { month: string; pages: MemberFactsPage[] };
  createdAt: Date;
  updatedAt: Date;
  leaseId?: string;
  leaseUntil?: Date;
  file?: ExportFile;
  expiredAt?: Date;
  /** Set once an expired job's parts are all removed: only then may its requestId start over. */
  partsRemovedAt?: Date;
}

export interface ExportPartDoc {
  _id: string;
  exportId: string;
  sheet: ExportSheet;
  month: string;
  seq: number;
  rows: unknown[];
}

/** How long one step holds a job: longer than the function's 60 s timeout, so a dead step's lease runs out. */
export const LEASE_MS = 90_000;
// A page of members is a few hundred KB: read a few parts at a time to keep each answer small.
const PARTS_PER_READ = 4;

/** The job's id: the owner's and the request's, hashed (ids stay short and name no member). */
export function exportIdOf(memberId: string, requestId: string): string {
  return `exp-${createHash('sha256').update(`${memberId}:${requestId}`).digest('hex').slice(0, 32)}`;
}

const jobs = (store: DocStore) => store.collection(EXPORT_COLLECTIONS.jobs);

export async function getJob(store: DocStore, exportId: string): Promise<ExportJobDoc | null> {
  const res = await jobs(store).doc(exportId).get();
  return res.data as unknown as ExportJobDoc | null;
}

/** Creates the job unless a start with the same id got there first; answers the job that exists. */
export async function createJob(db: Db, doc: ExportJobDoc): Promise<ExportJobDoc> {
  return db.runTransaction(async (tx) => {
    const existing = await getJob(tx, doc._id);
    if (existing && !canStartOver(existing)) return existing;
    const { _id, ...data } = doc;
    await jobs(tx)
      .doc(_id)
      .set({ data: data as unknown as DocData });
    return doc;
  });
}

/** An expired job whose parts are gone: a start with its requestId (the page's 重试) makes it afresh. */
export const canStartOver = (job: ExportJobDoc): boolean => job.status === 'expired' && job.partsRemovedAt !== undefined;

/** Takes the lease, or answers null while another step holds it (or the job is done or expired). */
export async function claimJob(db: Db, exportId: string, leaseId: string, now: Date): Promise<ExportJobDoc | null> {
  return db.runTransaction(async (tx) => {
    const job = await getJob(tx, exportId);
    if (!job || job.status !== 'running') return null;
    if (job.leaseUntil && new Date(job.leaseUntil).getTime() > now.getTime()) return null;
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    await jobs(tx).doc(exportId).update({ data: { leaseId, leaseUntil } });
    return { ...job, leaseId, leaseUntil };
  });
}

/** Writes `data` if the step still holds the lease (and the job still runs); false when not (nothing written). */
export async function updateLeased(db: Db, exportId: string, leaseId: string, data: DocData): Promise<boolean> {
  const res = await db.collection(EXPORT_COLLECTIONS.jobs).where({ _id: exportId, leaseId, status: 'running' }).update({ data });
  return res.stats.updated > 0;
}

/** Lets the next step in at once (`db.command.remove()` drops the lease fields). */
export async function releaseJob(db: Db, exportId: string, leaseId: string): Promise<void> {
  await updateLeased(db, exportId, leaseId, { leaseId: db.command.remove(), leaseUntil: db.command.remove() });
}

export async function putPart(db: Db, part: ExportPartDoc): Promise<void> {
  const { _id, ...data } = part;
  await db
    .collection(EXPORT_COLLECTIONS.parts)
    .doc(_id)
    .set({ data: data as unknown as DocData });
}

export const partId = (exportId: string, key: string): string => `${exportId}-${key}`;

export async function removeParts(db: Db, exportId: string, ids?: readonly string[]): Promise<void> {
  const where: DocData = ids ? { exportId, _id: db.command.in(ids) } : { exportId };
  await db.collection(EXPORT_COLLECTIONS.parts).where(where).remove();
}

/** One sheet's parts in order, a few per request. */
export async function* sheetParts<Row>(db: Db, exportId: string, sheet: ExportSheet): AsyncGenerator<{ month: string; rows: Row[] }> {
  let after = -1;
  for (;;) {
    const res = await db
      .collection(EXPORT_COLLECTIONS.parts)
      .where({ exportId, sheet, seq: db.command.gt(after) })
      .orderBy('seq', 'asc')
      .limit(PARTS_PER_READ)
      .get();
    const parts = res.data as unknown as ExportPartDoc[];
    for (const part of parts) yield { month: part.month, rows: part.rows as Row[] };
    if (parts.length < PARTS_PER_READ) return;
    after = parts.at(-1)!.seq;
  }
}

/** Jobs idle since before `cutoff` and not yet cleaned (running, or expired with parts left), oldest first; ids only. */
export async function findIdleJobIds(db: Db, cutoff: Date, skip: number, limit: number): Promise<string[]> {
  const _ = db.command;
  const res = await db
    .collection(EXPORT_COLLECTIONS.jobs)
    .where({ status: _.in(['running', 'expired']), updatedAt: _.lt(cutoff), partsRemovedAt: _.exists(false) })
    .orderBy('updatedAt', 'asc')
    .skip(skip)
    .limit(limit)
    .field({ _id: true })
    .get();
  return (res.data as { _id: string }[]).map((doc) => doc._id);
}

/**
 * Marks an idle running job expired, in a transaction as `claimJob` takes the lease: never while a step holds it,
 * and a step that claims afterwards finds it expired. True when the job is (now or already) expired.
 */
export async function expireIdleJob(db: Db, exportId: string, cutoff: Date, now: Date): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const job = await getJob(tx, exportId);
    if (!job) return false;
    if (job.status === 'expired') return true;
    if (job.status !== 'running' || new Date(job.updatedAt).getTime() >= cutoff.getTime()) return false;
    if (job.leaseUntil && new Date(job.leaseUntil).getTime() > now.getTime()) return false;
    await jobs(tx)
      .doc(exportId)
      .update({ data: { status: 'expired', expiredAt: now, leaseId: db.command.remove(), leaseUntil: db.command.remove() } });
    return true;
  });
}

/** Records that an expired job's parts are all gone (it then leaves the housekeeping's queries). */
export async function markPartsRemoved(db: Db, exportId: string, now: Date): Promise<void> {
  await db
    .collection(EXPORT_COLLECTIONS.jobs)
    .where({ _id: exportId, status: 'expired' })
    .update({ data: { partsRemovedAt: now } });
}

/** Done jobs finished before `cutoff`, oldest first, with their files. */
export async function findDoneJobFiles(db: Db, cutoff: Date, skip: number, limit: number): Promise<{ _id: string; file?: ExportFile }[]> {
  const res = await db
    .collection(EXPORT_COLLECTIONS.jobs)
    .where({ status: 'done', updatedAt: db.command.lt(cutoff) })
    .orderBy('updatedAt', 'asc')
    .skip(skip)
    .limit(limit)
    .field({ _id: true, file: true })
    .get();
  return res.data as { _id: string; file?: ExportFile }[];
}

/** A done job whose file was deleted: expired, with nothing left to remove. */
export async function expireDoneJob(db: Db, exportId: string, now: Date): Promise<void> {
  await db
    .collection(EXPORT_COLLECTIONS.jobs)
    .where({ _id: exportId, status: 'done' })
    .update({ data: { status: 'expired', expiredAt: now, partsRemovedAt: now } });
}

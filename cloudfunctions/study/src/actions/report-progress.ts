import type { ProgressReport, studyContract } from '@zbxx/contracts';
import { applyReadingBatches } from '@zbxx/domain';
import { membersRepo, requireBound, studyProgressRepo, type FunctionHandler } from '@zbxx/server';
import { progressOf, stateOf, withState } from '../progress-view';

/**
 * Batches of reading sent by the phone (live, or queued while offline). First the member's reading time since
 * the last report is claimed (one compare-and-set on the member: time is one resource, so of two reports
 * racing, one gets it); then per material, one transaction reads the progress document, applies the new
 * batches by the domain rule with the server's clock, and writes it back (6 database requests for one
 * material): a batch already applied, or one sent twice at once, changes nothing, and a stretch spent with
 * several materials open is credited once. Batches for a material the member never opened are dropped
 * (settled) without effect.
 */
export const reportProgress: FunctionHandler<typeof studyContract, 'reportProgress'> = async ({ reports }, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const byMaterial = new Map<string, ProgressReport[]>();
  for (const report of reports) byMaterial.set(report.materialId, [...(byMaterial.get(report.materialId) ?? []), report]);

  const from = member.readingHandedOutAt ?? null;
  const claimed = await membersRepo.claimReadingTime(db, member._id, from, Math.max(from ?? 0, now.getTime()));
  // Lost to a concurrent report: that one holds the time up to now.
  let handedOut: number | null = claimed ? from : now.getTime();

  const settled: string[] = [];
  const progress = [];
  for (const [materialId, batches] of byMaterial) {
    const id = studyProgressRepo.progressId(member._id, materialId);
    const since = handedOut;
    const { doc, handedOutUntil } = await db.runTransaction(async (tx) => {
      const current = await studyProgressRepo.getProgress(tx, id);
      if (!current) return { doc: null, handedOutUntil: since };
      const applied = applyReadingBatches(stateOf(current), batches, current, now.getTime(), since);
      if (applied.applied.length === 0) return { doc: current, handedOutUntil: since };
      const next = withState(current, applied.state, now);
      await studyProgressRepo.putProgress(tx, next);
      return { doc: next, handedOutUntil: applied.handedOutUntil };
    });
    handedOut = handedOutUntil;
    settled.push(...batches.map((batch) => batch.batchId));
    if (doc) progress.push({ materialId, progress: progressOf(doc) });
  }
  return { settled: [...new Set(settled)], progress };
};

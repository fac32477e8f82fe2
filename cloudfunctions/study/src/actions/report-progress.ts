import type { ProgressReport, studyContract } from '@zbxx/contracts';
import { applyReadingBatches } from '@zbxx/domain';
import { requireBound, studyProgressRepo, type FunctionHandler } from '@zbxx/server';
import { progressOf, stateOf, withState } from '../progress-view';

/**
 * Batches of reading sent by the phone (live, or queued while offline). Per material, one transaction reads
 * the progress document, applies the new batches by the domain rule with the server's clock, and writes it
 * back (5 database requests for one material): a batch already applied, or one sent twice at once, changes nothing. Batches for a material the
 * member never opened are dropped (settled) without effect.
 */
export const reportProgress: FunctionHandler<typeof studyContract, 'reportProgress'> = async ({ reports }, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const byMaterial = new Map<string, ProgressReport[]>();
  for (const report of reports) byMaterial.set(report.materialId, [...(byMaterial.get(report.materialId) ?? []), report]);

  const settled: string[] = [];
  const progress = [];
  for (const [materialId, batches] of byMaterial) {
    const id = studyProgressRepo.progressId(member._id, materialId);
    const doc = await db.runTransaction(async (tx) => {
      const current = await studyProgressRepo.getProgress(tx, id);
      if (!current) return null;
      const { state, applied } = applyReadingBatches(stateOf(current), batches, current, now.getTime());
      if (applied.length === 0) return current;
      const next = withState(current, state, now);
      await studyProgressRepo.putProgress(tx, next);
      return next;
    });
    settled.push(...batches.map((batch) => batch.batchId));
    if (doc) progress.push({ materialId, progress: progressOf(doc) });
  }
  return { settled: [...new Set(settled)], progress };
};

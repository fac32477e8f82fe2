import type { StudySummary } from '@zbxx/contracts';
import type { StudyPlanDoc } from '../repositories/study-plans';
import type { StudyProgressDoc } from '../repositories/study-progress';
import { byMaterial, progressOf } from './reading-progress';

type ProgressRow = Omit<StudyProgressDoc, 'batchIds'>;

/** Required materials of a set of plans, without repeats, in order. */
export function requiredIds(plans: readonly Pick<StudyPlanDoc, 'requiredMaterialIds'>[]): string[] {
  return [...new Set(plans.flatMap((plan) => plan.requiredMaterialIds))];
}

/**
 * 首页 每月一学 card (study.summary and account.home): the month's required materials done / to do, and the
 * first one not finished. A required id without a material (deleted since) is not counted as next.
 */
export function studySummaryOf(
  month: string,
  plans: readonly Pick<StudyPlanDoc, 'requiredMaterialIds' | 'dueDate'>[],
  materials: readonly { _id: string; title: string }[],
  progress: readonly ProgressRow[],
): StudySummary {
  const required = requiredIds(plans);
  const progressById = byMaterial(progress);
  const titles = new Map(materials.map((m) => [m._id, m.title]));
  const pendingId = required.find((id) => titles.has(id) && !progressById.get(id)?.completedAt);
  const dueDates = plans.map((plan) => plan.dueDate).sort();
  return {
    month,
    required: required.length,
    completed: required.filter((id) => progressById.get(id)?.completedAt).length,
    dueDate: dueDates[0] ?? null,
    next: pendingId
      ? { materialId: pendingId, title: titles.get(pendingId) ?? '', progress: progressOf(progressById.get(pendingId)) }
      : null,
  };
}

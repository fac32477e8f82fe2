import type { MemberPlan, MonthTally } from '@zbxx/contracts';
import { requiredIds, type StudyMaterialSummary, type StudyPlanDoc, type StudyProgressDoc } from '@zbxx/server';
import { progressOf } from './progress-view';

type ProgressRow = Omit<StudyProgressDoc, 'batchIds'>;

/** The plans of one month as the member's list shows them (required first, in the plan's order). */
export function memberPlans(
  plans: readonly StudyPlanDoc[],
  materials: readonly StudyMaterialSummary[],
  progress: ReadonlyMap<string, ProgressRow>,
): MemberPlan[] {
  const materialById = new Map(materials.map((m) => [m._id, m]));
  return plans.map((plan) => ({
    planId: plan._id,
    month: plan.month,
    theme: plan.theme,
    dueDate: plan.dueDate,
    orgName: plan.orgName,
    materials: [
      ...plan.requiredMaterialIds.map((id) => ({ id, required: true })),
      ...plan.optionalMaterialIds.map((id) => ({ id, required: false })),
    ].flatMap(({ id, required }) => {
      const material = materialById.get(id);
      if (!material) return [];
      return [
        {
          materialId: id,
          title: material.title,
          source: material.source,
          estimatedMinutes: material.estimatedMinutes,
          required,
          progress: progressOf(progress.get(id)),
        },
      ];
    }),
  }));
}

// Shared with account.home (首页).
export { requiredIds } from '@zbxx/server';

/** Per month (newest first): themes, how many required materials and how many of them are completed. */
export function monthTallies(plans: readonly StudyPlanDoc[], progress: ReadonlyMap<string, ProgressRow>): MonthTally[] {
  const months = [...new Set(plans.map((plan) => plan.month))].sort().reverse();
  return months.map((month) => {
    const ofMonth = plans.filter((plan) => plan.month === month);
    const required = requiredIds(ofMonth);
    return {
      month,
      themes: ofMonth.map((plan) => plan.theme),
      required: required.length,
      completed: required.filter((id) => progress.get(id)?.completedAt).length,
    };
  });
}

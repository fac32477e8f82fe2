import type { AdminMaterial, AdminPlan } from '@zbxx/contracts';
import type { StudyMaterialSummary, StudyPlanDoc } from '@zbxx/server';

export function adminPlanOf(plan: StudyPlanDoc): AdminPlan {
  return {
    planId: plan._id,
    month: plan.month,
    org: { id: plan.orgId, name: plan.orgName, type: plan.orgType },
    theme: plan.theme,
    dueDate: plan.dueDate,
    requiredMaterialIds: plan.requiredMaterialIds,
    optionalMaterialIds: plan.optionalMaterialIds,
    status: plan.status,
  };
}

export function adminMaterialOf(material: StudyMaterialSummary): AdminMaterial {
  return {
    materialId: material._id,
    title: material.title,
    source: material.source,
    estimatedMinutes: material.estimatedMinutes,
    org: { id: material.orgId, name: material.orgName, type: material.orgType },
    textLength: material.textLength,
    updatedAt: new Date(material.updatedAt).toISOString(),
  };
}

import type { studyContract } from '@zbxx/contracts';
import { orgPathOf } from '@zbxx/domain';
import { AppError, createdDocId, studyMaterialsRepo, studyPlansRepo, type FunctionHandler, type StudyPlanDoc } from '@zbxx/server';
import { adminPlanOf } from '../admin-views';
import { auditStudyChange } from '../audit';
import { adminCoversPath, loadAdministeredOrg, requireAdmin } from '../scope';

/**
 * 组织部 creates or edits a month plan for an org in its subtree. Materials must be the admin's own (owned in
 * its subtrees) or handed down from above the plan's org. Written with its audit entry in one transaction. A
 * new plan's id comes from the request's id, so a retried create answers the plan it made (an org may have
 * several plans a month, so nothing else tells a retry from a second plan).
 */
export const savePlan: FunctionHandler<typeof studyContract, 'savePlan'> = async (input, { caller, db, now, random, requestId }) => {
  const admin = requireAdmin(caller);
  const org = await loadAdministeredOrg(db, admin, input.orgId);
  const planOrgPath = orgPathOf({ id: org._id, ancestors: org.ancestors });
  const required = [...new Set(input.requiredMaterialIds)];
  const optional = [...new Set(input.optionalMaterialIds)].filter((id) => !required.includes(id));
  const materials = await studyMaterialsRepo.findMaterialSummaries(db, [...required, ...optional]);
  const usable = new Set(materials.filter((m) => adminCoversPath(admin, m.orgPath) || planOrgPath.includes(m.orgId)).map((m) => m._id));
  if ([...required, ...optional].some((id) => !usable.has(id))) throw new AppError('NOT_FOUND', '所选学习材料不存在或不可用');

  const plan = await db.runTransaction(async (tx) => {
    const existing = input.planId ? await studyPlansRepo.getPlan(tx, input.planId) : null;
    if (input.planId && (!existing || !adminCoversPath(admin, existing.orgPath))) throw new AppError('NOT_FOUND', '没有找到这份学习计划');
    const id = existing?._id ?? createdDocId('plan', admin.member._id, requestId, random);
    // 重试 of a create whose reply was lost (same requestId): the plan exists already, answer it again.
    const created = !existing && requestId ? await studyPlansRepo.getPlan(tx, id) : null;
    if (created) {
      // Only while the author still covers it, as the edit path: it may have been moved or their scope narrowed since.
      if (!adminCoversPath(admin, created.orgPath)) throw new AppError('NOT_FOUND', '没有找到这份学习计划');
      return created;
    }
    const next: StudyPlanDoc = {
      _id: id,
      month: input.month,
      orgId: org._id,
      orgName: org.name,
      orgType: org.type,
      orgPath: planOrgPath,
      theme: input.theme,
      dueDate: input.dueDate,
      requiredMaterialIds: required,
      optionalMaterialIds: optional,
      materialIds: [...required, ...optional],
      status: input.status,
      publishedAt: input.status === 'published' ? (existing?.publishedAt ?? now) : null,
      createdBy: existing?.createdBy ?? admin.member._id,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await studyPlansRepo.putPlan(tx, next);
    await auditStudyChange(tx, {
      admin,
      action: existing ? 'studyPlan.update' : 'studyPlan.create',
      collection: 'studyPlans',
      id: next._id,
      details: { month: next.month, orgId: next.orgId, status: next.status, materialIds: next.materialIds },
      at: now,
      requestId,
    });
    return next;
  });
  return { plan: adminPlanOf(plan) };
};

import type { studyContract } from '@zbxx/contracts';
import { monthOf } from '@zbxx/domain';
import { requireBound, studyMaterialsRepo, studyPlansRepo, studyProgressRepo, type FunctionHandler } from '@zbxx/server';
import { requiredIds } from '../member-month';
import { byMaterial, progressOf } from '../progress-view';

/** 首页 card: this month's required materials done / to do, and the one to read next. 4 database requests. */
export const summary: FunctionHandler<typeof studyContract, 'summary'> = async (_input, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const month = monthOf(now);
  const plans = await studyPlansRepo.findPublishedPlansForPath(db, member.orgPath, month);
  const required = requiredIds(plans);
  const [materials, progress] = await Promise.all([
    studyMaterialsRepo.findMaterialSummaries(db, required),
    studyProgressRepo.findProgressOfMember(db, member._id, required),
  ]);
  const progressById = byMaterial(progress);
  const titles = new Map(materials.map((m) => [m._id, m.title]));
  const pendingId = required.find((id) => titles.has(id) && !progressById.get(id)?.completedAt);
  const dueDates = plans.map((plan) => plan.dueDate).sort();
  return {
    month,
    required: required.length,
    completed: required.filter((id) => progressById.get(id)?.completedAt).length,
    dueDate: dueDates[0] ?? null,
    next: pendingId ? { materialId: pendingId, title: titles.get(pendingId) ?? '', progress: progressOf(progressById.get(pendingId)) } : null,
  };
};

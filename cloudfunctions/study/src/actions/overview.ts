import type { studyContract } from '@zbxx/contracts';
import { monthOf } from '@zbxx/domain';
import { requireBound, studyMaterialsRepo, studyPlansRepo, studyProgressRepo, type FunctionHandler } from '@zbxx/server';
import { memberPlans, monthTallies } from '../member-month';
import { byMaterial } from '../progress-view';

/**
 * 学习 tab: the month's plans with each material's status, and every month that had plans for the member.
 * 4 database requests: caller, plans (all months), the month's materials and the member's progress.
 */
export const overview: FunctionHandler<typeof studyContract, 'overview'> = async (input, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const currentMonth = monthOf(now);
  const month = input?.month ?? currentMonth;
  const plans = await studyPlansRepo.findPublishedPlansForPath(db, member.orgPath);
  const ofMonth = plans.filter((plan) => plan.month === month);
  const [materials, progress] = await Promise.all([
    studyMaterialsRepo.findMaterialSummaries(
      db,
      ofMonth.flatMap((plan) => plan.materialIds),
    ),
    studyProgressRepo.findProgressOfMember(
      db,
      member._id,
      plans.flatMap((plan) => plan.materialIds),
    ),
  ]);
  const progressById = byMaterial(progress);
  return { currentMonth, month, plans: memberPlans(ofMonth, materials, progressById), months: monthTallies(plans, progressById) };
};

import type { studyContract } from '@zbxx/contracts';
import { monthOf } from '@zbxx/domain';
import {
  requireBound,
  requiredIds,
  studyMaterialsRepo,
  studyPlansRepo,
  studyProgressRepo,
  studySummaryOf,
  type FunctionHandler,
} from '@zbxx/server';

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
  return studySummaryOf(month, plans, materials, progress);
};

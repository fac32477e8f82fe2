import type { studyContract } from '@zbxx/contracts';
import { studyPlansRepo, type FunctionHandler } from '@zbxx/server';
import { adminPlanOf } from '../admin-views';
import { requireAdmin } from '../scope';

/** 组织部: plans (drafts too) of the admin's subtrees, newest month first. */
export const listPlans: FunctionHandler<typeof studyContract, 'listPlans'> = async (input, { caller, db }) => {
  const admin = requireAdmin(caller);
  const plans = await studyPlansRepo.listPlansInSubtrees(db, admin.scope.adminOf, input?.month);
  return { plans: plans.map(adminPlanOf) };
};

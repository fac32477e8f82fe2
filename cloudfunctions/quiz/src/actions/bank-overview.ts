import type { quizContract } from '@zbxx/contracts';
import { quizQuestionsRepo, type FunctionHandler } from '@zbxx/server';
import { bankOrgIdOf, requireAdmin } from '../admin-access';

/** 题库: active questions per category (one aggregate). */
export const bankOverview: FunctionHandler<typeof quizContract, 'bankOverview'> = async (_input, { caller, db }) => {
  const bankOrgId = bankOrgIdOf(requireAdmin(caller));
  const categories = await quizQuestionsRepo.countByCategory(db, [bankOrgId]);
  return { bankOrgId, total: categories.reduce((sum, c) => sum + c.count, 0), categories };
};

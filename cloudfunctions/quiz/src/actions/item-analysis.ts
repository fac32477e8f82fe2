import type { quizContract } from '@zbxx/contracts';
import { analyseRoundItems, AppError, quizRoundsRepo, type FunctionHandler } from '@zbxx/server';
import { requireAdmin } from '../admin-access';

/**
 * 试题分析 of a round (see `analyseRoundItems`, shared with the statistics export), for the admin whose
 * subtree the round was published to.
 */
export const itemAnalysis: FunctionHandler<typeof quizContract, 'itemAnalysis'> = async ({ roundId }, { caller, db }) => {
  const admin = requireAdmin(caller);
  const round = await quizRoundsRepo.getRound(db, roundId);
  if (!round || !admin.scope.adminOf.some((rootId) => round.orgPath.includes(rootId))) throw new AppError('NOT_FOUND', '未找到该答题活动');
  const { attemptsAnalysed, items } = await analyseRoundItems(db, round._id);
  return { roundId: round._id, title: round.title, attemptsAnalysed, items };
};

import type { statsContract } from '@zbxx/contracts';
import { addToTotals, emptyTotals, monthOf, ratesOf } from '@zbxx/domain';
import { resolveViewableBranch, type FunctionHandler } from '@zbxx/server';
import { branchMonthLines } from './branch-month';
import { shareCardText } from './share-card-text';

type Handler<K extends keyof typeof statsContract.actions> = FunctionHandler<typeof statsContract, K>;

/** The card a secretary posts in the branch's WeChat group: this branch's figures and members only. */
export const shareCard: Handler<'shareCard'> = async (input, { caller, db, now }) => {
  const { branch, branchPath } = await resolveViewableBranch(db, caller, input?.branchId, '只能分享本支部的完成情况');
  const month = input?.month ?? monthOf(now);
  const lines = await branchMonthLines(db, branch, branchPath, month, now);
  const totals = lines.reduce((sum, line) => addToTotals(sum, line.status), emptyTotals());
  const incomplete = lines.filter((line) => !line.status.complete).map((line) => line.name);
  return { month, branchName: branch.name, ...shareCardText(branch.name, month, totals, incomplete), rates: ratesOf(totals) };
};

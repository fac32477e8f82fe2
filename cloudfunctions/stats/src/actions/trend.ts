import type { statsContract } from '@zbxx/contracts';
import { monthOf, monthsEndingWith, ratesOf } from '@zbxx/domain';
import type { FunctionHandler } from '@zbxx/server';
import { orgRef, resolveAdminNode } from '../admin-node';
import { nodeMonthTotals } from '../node-month';
import { effectiveSettings } from '../settings';

/**
 * 组织部: a node's totals over the 6 or 12 months ending at `endMonth`, one roll-up per month (the months run
 * side by side): the requests grow with the months asked for, never with the subtree.
 */
export const trend: FunctionHandler<typeof statsContract, 'trend'> = async (input, { caller, db, now }) => {
  const { node, path } = await resolveAdminNode(db, caller, input?.nodeId);
  const months = monthsEndingWith(input?.endMonth ?? monthOf(now), input?.months ?? 6);
  const [settings, ...perMonth] = await Promise.all([effectiveSettings(db, path), ...months.map((month) => nodeMonthTotals(db, node, path, month))]);
  return {
    node: orgRef(node),
    thresholds: settings.thresholds,
    points: months.map((month, i) => {
      const totals = perMonth[i]!.total;
      return { month, totals, rates: ratesOf(totals) };
    }),
  };
};

import type { statsContract } from '@zbxx/contracts';
import { monthOf, monthsEndingWith, ratesOf } from '@zbxx/domain';
import type { FunctionHandler } from '@zbxx/server';
import { orgRef, resolveAdminNode } from '../admin-node';
import { nodeMonthTotals } from '../node-month';
import { effectiveSettings } from '../settings';

/**
 * 组织部: a node's totals over the 1–12 months ending at `endMonth`, one roll-up per month: the requests grow
 * with the months asked for, never with the subtree. A county roll-up takes seconds, so the client asks for a
 * long trend a few months per call (`use-trend.ts`). The months run one after another: side by side, heavy
 * aggregates queue in the store, and each request's 15 s SDK timeout counts from when it was sent.
 */
export const trend: FunctionHandler<typeof statsContract, 'trend'> = async (input, { caller, db, now }) => {
  const { node, path } = await resolveAdminNode(db, caller, input?.nodeId);
  const months = monthsEndingWith(input?.endMonth ?? monthOf(now), input?.months ?? 6);
  const settings = await effectiveSettings(db, path);
  const perMonth: Awaited<ReturnType<typeof nodeMonthTotals>>[] = [];
  for (const month of months) perMonth.push(await nodeMonthTotals(db, node, path, month, now));
  return {
    node: orgRef(node),
    thresholds: settings.thresholds,
    points: months.map((month, i) => {
      const totals = perMonth[i]!.total;
      return { month, totals, rates: ratesOf(totals) };
    }),
  };
};

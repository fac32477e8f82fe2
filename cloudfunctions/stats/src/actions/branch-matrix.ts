import type { statsContract } from '@zbxx/contracts';
import { addToTotals, emptyTotals, memberMonthStatus, monthOf, ratesOf } from '@zbxx/domain';
import { findBranchMonthFacts, loadMonthRequirements, resolveViewableBranch, type FunctionHandler } from '@zbxx/server';
import { orgRef } from '../admin-node';
import { matchesFilter, memberRows } from '../member-rows';

/**
 * 支部书记: the branch's month matrix (members × study / quiz / 主题党日), totals of the whole branch and the
 * filtered rows. The branch's secretary or an admin whose subtree holds it. A constant number of requests
 * whatever the branch's size (about 10).
 */
export const branchMatrix: FunctionHandler<typeof statsContract, 'branchMatrix'> = async (input, { caller, db, now }) => {
  const { branch, branchPath } = await resolveViewableBranch(db, caller, input?.branchId, '只能查看本支部的完成情况');
  const month = input?.month ?? monthOf(now);
  const filter = input?.filter ?? 'all';
  const { req, tasks, requiredMaterialIds, roundIds } = await loadMonthRequirements(
    db,
    { nodeId: branch._id, nodePath: branchPath, isBranch: true },
    month,
    true,
  );
  const facts = await findBranchMonthFacts(db, { month, nodeId: branch._id, requiredMaterialIds, roundIds, now });
  const lines = facts.map((row) => ({ facts: row, status: memberMonthStatus(row, req) }));
  const totals = lines.reduce((sum, line) => addToTotals(sum, line.status), emptyTotals());
  const members = await memberRows(
    db,
    lines.filter((line) => matchesFilter(line.status, filter)),
  );
  return {
    month,
    branch: { ...orgRef(branch), retired: Boolean(branch.retiredAt) },
    tasks: {
      materials: tasks.materials,
      rounds: tasks.rounds,
      events: tasks.events
        .filter((event) => event.branchId === branch._id)
        .map((event) => ({
          eventId: event.eventId,
          theme: event.theme,
          startsAt: event.startsAt.toISOString(),
          closedAt: event.closedAt?.toISOString() ?? null,
        })),
    },
    totals,
    rates: ratesOf(totals),
    members,
  };
};
